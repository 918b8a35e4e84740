// reuters_eval: scores the claims stage on Reuters-21578 acquisition articles with gold slots
// (PURCHASER, ACQUIRED, SELLER, DLRAMT), strict and lenient, and sorts the errors into classes.
// Usage: reuters_eval DEV.jsonl [--errors N] [--abstract N]
//   (e.g. ../shared/data/reuters-acq/dev.jsonl); --abstract prints the first sentences of the
//   first N articles with a missed filler as the claim rules see them.
//
// Slot fillers come from claims: acquired(X -> Y) gives PURCHASER X and ACQUIRED Y, sold(X ->
// Y) gives SELLER X and ACQUIRED Y, and either gives DLRAMT = the claim's amount; a filler is
// the surface text of the mention, described object ("its Clayton steel plate mill") or amount
// the claim points at. Claims naming one entity twice ("Harris Associates L.P." and later
// "Harris") offer it once per slot, as its longest surface form. Scoring follows the
// official rule: a response filler is correct when it equals any alternative of a gold
// filler not matched yet; micro precision, recall and F1 per slot and over all four slots.
// "Strict" is exact string equality. "Lenient" compares normalized strings (case folded,
// punctuation dropped, trailing designators such as Inc/Corp/Co/Ltd removed) and also accepts
// one normalized string containing the other at word boundaries ("Cisco" vs "Cisco Systems").
// A claim keeps a per-share price ("35 dlrs a share") as its amount only with the amount role
// per_unit (claim_cues.json, per_unit_after); DLRAMT is the deal amount, so it never takes one.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bench/scoring.h"
#include "corpus/article_reader.h"
#include "extractors/claims/claim_abstraction.h"
#include "extractors/standard_pipeline.h"
#include "pipeline/document.h"

using namespace newsfacts;
using newsfacts::bench::Counts;
using newsfacts::bench::Matches;
using newsfacts::bench::PrintRow;

namespace {

constexpr const char* kSlots[] = {"PURCHASER", "ACQUIRED", "SELLER", "DLRAMT"};

using Filler = std::vector<std::string>;  // acceptable alternatives

// The gold fillers of one article, by slot.
using GoldSlots = std::map<std::string, std::vector<Filler>>;

// The fillers the claims of one article offer, by slot.
using Responses = std::map<std::string, std::vector<std::string>>;

// The command line: the gold file and how much detail to print.
struct Options {
  std::string path;
  size_t show_errors = 0;
  size_t show_abstract = 0;
};

// A filler the claims offer for a slot, with the entity it names (none for described objects
// and amounts).
struct Offered {
  std::optional<size_t> entity;
  std::string text;
};

// Everything counted over the run: the two score tables and the lenient error classes.
struct Tally {
  std::map<std::string, Counts> strict, lenient;
  std::map<std::string, size_t> error_classes;
  std::vector<std::string> error_lines;
  size_t articles_with_claim = 0;
};

// Parses `DEV.jsonl [--errors N] [--abstract N]`; prints the usage or the unknown option and
// returns nothing when the command line is wrong.
std::optional<Options> ParseArgs(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: reuters_eval DEV.jsonl [--errors N] [--abstract N]\n");
    return std::nullopt;
  }
  Options options;
  options.path = argv[1];
  for (int a = 2; a + 1 < argc; a += 2) {
    const std::string flag = argv[a];
    if (flag == "--errors") {
      options.show_errors = std::stoul(argv[a + 1]);
    } else if (flag == "--abstract") {
      options.show_abstract = std::stoul(argv[a + 1]);
    } else {
      std::fprintf(stderr, "reuters_eval: unknown option %s\n", flag.c_str());
      return std::nullopt;
    }
  }
  return options;
}

// Returns the gold slots of every non-blank record of `path`, in file order, each with all
// four slots; an error when the file cannot be read.
StatusOr<std::vector<GoldSlots>> ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot read");
  std::vector<GoldSlots> gold_slots;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    GoldSlots slots;
    for (const char* slot : kSlots) {
      std::vector<Filler>& fillers = slots[slot];  // every slot present, perhaps empty
      for (const auto& filler : record["slots"][slot]) fillers.push_back(filler.get<Filler>());
    }
    gold_slots.push_back(std::move(slots));
  }
  return gold_slots;
}

// Adds `text` to the fillers of `slot`, merged with the filler naming the same entity or
// holding the same text, whose text becomes the longer of the two. Empty texts are dropped.
void Offer(const char* slot, std::optional<size_t> entity, std::string_view text,
           std::map<std::string, std::vector<Offered>>* offered) {
  if (text.empty()) return;
  for (Offered& filler : (*offered)[slot]) {
    if ((entity.has_value() && filler.entity == entity) || filler.text == text) {
      if (text.size() > filler.text.size()) filler.text = text;
      return;
    }
  }
  (*offered)[slot].push_back({entity, std::string(text)});
}

// Returns the fillers the acquired/sold claims of `doc` offer, one per slot and entity (its
// longest surface form); sets `any_claim` when the article has such a claim.
Responses CollectResponses(const Document& doc, bool* any_claim) {
  std::map<std::string, std::vector<Offered>> offered;
  *any_claim = false;
  for (const Claim& claim : doc.claims()) {
    const bool acquired = claim.predicate == "acquired";
    if (!acquired && claim.predicate != "sold") continue;
    *any_claim = true;
    Offer(acquired ? "PURCHASER" : "SELLER", claim.subject, doc.Text(claim.subject_span), &offered);
    Offer("ACQUIRED", claim.object, doc.Text(claim.object_span), &offered);
    // A per-unit price ("35 dlrs a share", amount role per_unit) is never the deal amount.
    if (claim.amount && claim.amount_role != "per_unit") {
      Offer("DLRAMT", std::nullopt, doc.Text(doc.amounts()[*claim.amount].span), &offered);
    }
  }
  Responses responses;
  for (const auto& [slot, fillers] : offered) {
    for (const Offered& filler : fillers) responses[slot].push_back(filler.text);
  }
  return responses;
}

// Counts correct responses: each gold filler is matched at most once.
size_t Score(const std::vector<std::string>& responses, const std::vector<Filler>& gold,
             bool lenient, std::vector<bool>* gold_matched, std::vector<bool>* response_correct) {
  gold_matched->assign(gold.size(), false);
  response_correct->assign(responses.size(), false);
  size_t correct = 0;
  for (size_t r = 0; r < responses.size(); ++r) {
    for (size_t g = 0; g < gold.size(); ++g) {
      if ((*gold_matched)[g]) continue;
      const bool hit = std::any_of(gold[g].begin(), gold[g].end(), [&](const std::string& alt) {
        return Matches(responses[r], alt, lenient);
      });
      if (hit) {
        (*gold_matched)[g] = true;
        (*response_correct)[r] = true;
        ++correct;
        break;
      }
    }
  }
  return correct;
}

// Whether `doc` holds `alt` anywhere a filler of `slot` could come from (leniently): an amount
// for DLRAMT, else a described claim object or an entity mention.
bool FoundInDocument(const Document& doc, std::string_view slot, const std::string& alt) {
  const auto matches = [&](Span span) { return Matches(std::string(doc.Text(span)), alt, true); };
  if (slot == "DLRAMT") {
    return std::any_of(doc.amounts().begin(), doc.amounts().end(),
                       [&](const Amount& a) { return matches(a.span); });
  }
  const bool described = std::any_of(doc.claims().begin(), doc.claims().end(), [&](const Claim& c) {
    return !c.object && !c.object_span.empty() && matches(c.object_span);
  });
  return described || std::any_of(doc.mentions().begin(), doc.mentions().end(),
                                  [&](const Mention& m) { return matches(m.span); });
}

// The error class of a gold filler of `slot` the claims missed: what the pipeline lacked.
std::string MissClass(const Document& doc, std::string_view slot, const Filler& filler,
                      bool any_claim) {
  const bool mentioned = std::any_of(filler.begin(), filler.end(), [&](const std::string& alt) {
    return FoundInDocument(doc, slot, alt);
  });
  if (!mentioned) {
    return slot == "DLRAMT" ? "miss: amount not found by the amount stage"
                            : "miss: name not found (no mention, no described object)";
  }
  if (!any_claim) return "miss: no acquired/sold claim in the article";
  return "miss: claim found but not this filler";
}

// Counts one error of class `cls` and keeps its line for --errors.
void NoteError(const std::string& slot, const std::string& cls, const std::string& text,
               size_t record, Tally* tally) {
  ++tally->error_classes[cls];
  tally->error_lines.push_back(slot + " " + cls + ": \"" + text + "\" (record " +
                               std::to_string(record) + ")");
}

// Scores the responses for one slot of one article, strict and lenient, and classifies its
// errors on the lenient matching. Returns whether a gold filler was missed.
bool ScoreSlot(const Document& doc, const std::string& slot, const std::vector<Filler>& gold,
               const std::vector<std::string>& resp, bool any_claim, size_t record, Tally* tally) {
  std::vector<bool> gold_hit, resp_ok;
  for (bool is_lenient : {false, true}) {
    Counts& counts = (is_lenient ? tally->lenient : tally->strict)[slot];
    counts.gold += gold.size();
    counts.found += resp.size();
    counts.correct += Score(resp, gold, is_lenient, &gold_hit, &resp_ok);
  }
  bool any_miss = false;
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold_hit[g]) continue;
    any_miss = true;
    NoteError(slot, MissClass(doc, slot, gold[g], any_claim), gold[g][0], record, tally);
  }
  for (size_t r = 0; r < resp.size(); ++r) {
    if (resp_ok[r]) continue;
    NoteError(slot, gold.empty() ? "false alarm: slot empty in gold" : "false alarm: wrong filler",
              resp[r], record, tally);
  }
  return any_miss;
}

// Prints the gold fillers of record `record` and its first three sentences as the claim rules
// see them (mentions and amounts abstracted).
void PrintAbstract(const Document& doc, size_t record, bool any_claim, const GoldSlots& gold) {
  std::printf("record %zu%s:", record, any_claim ? "" : " (no acquired/sold claim)");
  for (const char* slot : kSlots) {
    for (const Filler& filler : gold.at(slot)) std::printf(" %s=\"%s\"", slot, filler[0].c_str());
  }
  std::printf("\n");
  for (size_t s = 0; s < std::min<size_t>(3, doc.sentences().size()); ++s) {
    std::printf("  | %s\n", AbstractSentence::Build(doc, s).text().c_str());
  }
}

// Runs the pipeline over every article and scores it against its gold slots; prints the
// abstracted sentences of the first `show_abstract` articles with a missed filler. An article
// the pipeline fails on is reported on stderr and skipped.
Tally Evaluate(const Pipeline& pipeline, const std::vector<RawArticle>& articles,
               const std::vector<GoldSlots>& gold_slots, size_t show_abstract) {
  Tally tally;
  for (size_t i = 0; i < gold_slots.size(); ++i) {
    Document doc = Document::FromUtf8(articles[i].meta, articles[i].text);
    if (Status status = pipeline.Run(doc); !status.ok()) {
      std::fprintf(stderr, "record %zu: %s\n", i, status.message().c_str());
      continue;
    }
    bool any_claim = false;
    Responses responses = CollectResponses(doc, &any_claim);
    tally.articles_with_claim += any_claim;
    bool any_miss = false;
    for (const char* slot : kSlots) {
      any_miss |=
          ScoreSlot(doc, slot, gold_slots[i].at(slot), responses[slot], any_claim, i, &tally);
    }
    if (any_miss && show_abstract > 0) {
      --show_abstract;
      PrintAbstract(doc, i, any_claim, gold_slots[i]);
    }
  }
  return tally;
}

// Prints the strict and lenient tables, the error classes and the first `show_errors` errors.
void PrintReport(const Tally& tally, size_t articles, size_t show_errors) {
  std::printf("reuters-acq: %zu articles, %zu with an acquired/sold claim\n", articles,
              tally.articles_with_claim);
  for (const auto* table : {&tally.strict, &tally.lenient}) {
    std::printf("%s\n", table == &tally.strict ? "strict (exact string match)"
                                               : "lenient (normalized, containment)");
    Counts all;
    for (const char* slot : kSlots) {
      const Counts& c = table->at(slot);
      PrintRow(slot, c);
      all += c;
    }
    PrintRow("ALL", all);
  }
  std::printf("error classes (lenient):\n");
  for (const auto& [cls, n] : tally.error_classes) std::printf("  %5zu  %s\n", n, cls.c_str());
  for (size_t k = 0; k < std::min(show_errors, tally.error_lines.size()); ++k) {
    std::printf("    %s\n", tally.error_lines[k].c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = ParseArgs(argc, argv);
  if (!options) return 2;
  StatusOr<std::vector<GoldSlots>> gold_slots = ReadGold(options->path);
  if (!gold_slots.ok()) {
    std::fprintf(stderr, "%s\n", gold_slots.status().message().c_str());
    return 2;
  }
  StatusOr<FileReadResult> read = ReadArticleFile(options->path);
  if (!read.ok() || read->articles.size() != gold_slots->size()) {
    std::fprintf(
        stderr, "%s: %s\n", options->path.c_str(),
        read.ok() ? "record count differs from the reader's" : read.status().message().c_str());
    return 2;
  }
  StatusOr<StandardPipeline> loaded = LoadStandardPipeline({});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 2;
  }
  const Tally tally =
      Evaluate(loaded->pipeline, read->articles, *gold_slots, options->show_abstract);
  PrintReport(tally, gold_slots->size(), options->show_errors);
  return 0;
}
