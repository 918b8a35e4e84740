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
// Claims never carry a per-share price ("35 dlrs a share") as their amount (see
// claim_cues.json, per_unit_after), so DLRAMT never holds one.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bench/scoring.h"
#include "corpus/article_reader.h"
#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/entities/entity_stage.h"
#include "pipeline/pipeline.h"
#include "pipeline/segmenter.h"

using namespace newsfacts;
using newsfacts::bench::Counts;
using newsfacts::bench::Matches;
using newsfacts::bench::PrintRow;

namespace {

constexpr const char* kSlots[] = {"PURCHASER", "ACQUIRED", "SELLER", "DLRAMT"};

using Filler = std::vector<std::string>;  // acceptable alternatives

// A filler the claims offer for a slot, with the entity it names (none for described objects
// and amounts).
struct Offered {
  std::optional<size_t> entity;
  std::string text;
};

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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: reuters_eval DEV.jsonl [--errors N] [--abstract N]\n");
    return 2;
  }
  const std::string path = argv[1];
  size_t show_errors = 0;
  size_t show_abstract = 0;
  for (int a = 2; a + 1 < argc; a += 2) {
    const std::string flag = argv[a];
    if (flag == "--errors") {
      show_errors = std::stoul(argv[a + 1]);
    } else if (flag == "--abstract") {
      show_abstract = std::stoul(argv[a + 1]);
    } else {
      std::fprintf(stderr, "reuters_eval: unknown option %s\n", flag.c_str());
      return 2;
    }
  }

  std::vector<std::map<std::string, std::vector<Filler>>> gold_slots;
  {
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read\n", path.c_str());
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const nlohmann::json record = nlohmann::json::parse(line);
      std::map<std::string, std::vector<Filler>> slots;
      for (const char* slot : kSlots) {
        for (const auto& filler : record["slots"][slot])
          slots[slot].push_back(filler.get<Filler>());
      }
      gold_slots.push_back(std::move(slots));
    }
  }
  StatusOr<FileReadResult> read = ReadArticleFile(path);
  if (!read.ok() || read->articles.size() != gold_slots.size()) {
    std::fprintf(
        stderr, "%s: %s\n", path.c_str(),
        read.ok() ? "record count differs from the reader's" : read.status().message().c_str());
    return 2;
  }

  StatusOr<RuleSources> rules = RuleSources::Builtin();
  if (!rules.ok()) return 2;
  std::vector<std::unique_ptr<Stage>> stages;
  auto add = [&stages](auto created) {
    if (!created.ok()) {
      std::fprintf(stderr, "%s\n", created.status().message().c_str());
      return false;
    }
    stages.push_back(std::move(*created));
    return true;
  };
  if (!add(SegmenterStage::Create()) || !add(EntityStage::Create(*rules)) ||
      !add(AmountStage::Create(*rules)) || !add(ClaimStage::Create(*rules))) {
    return 2;
  }
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  if (!pipeline.ok()) return 2;

  std::map<std::string, Counts> strict, lenient;
  std::map<std::string, size_t> error_classes;
  std::vector<std::string> error_lines;
  size_t articles_with_claim = 0;
  for (size_t i = 0; i < gold_slots.size(); ++i) {
    const RawArticle& raw = read->articles[i];
    Document doc = Document::FromUtf8(raw.meta, raw.text);
    if (Status status = pipeline->Run(doc); !status.ok()) {
      std::fprintf(stderr, "record %zu: %s\n", i, status.message().c_str());
      continue;
    }
    // One filler per slot and entity: the longest surface form the claims use for it.
    std::map<std::string, std::vector<Offered>> offered;
    auto put = [&offered](const char* slot, std::optional<size_t> entity, std::string_view text) {
      if (text.empty()) return;
      for (Offered& filler : offered[slot]) {
        if ((entity.has_value() && filler.entity == entity) || filler.text == text) {
          if (text.size() > filler.text.size()) filler.text = text;
          return;
        }
      }
      offered[slot].push_back({entity, std::string(text)});
    };
    bool any_claim = false;
    for (const Claim& claim : doc.claims()) {
      const bool acquired = claim.predicate == "acquired";
      if (!acquired && claim.predicate != "sold") continue;
      any_claim = true;
      put(acquired ? "PURCHASER" : "SELLER", claim.subject, doc.Text(claim.subject_span));
      put("ACQUIRED", claim.object, doc.Text(claim.object_span));
      if (claim.amount) {
        put("DLRAMT", std::nullopt, doc.Text(doc.amounts()[*claim.amount].span));
      }
    }
    std::map<std::string, std::vector<std::string>> responses;
    for (const auto& [slot, fillers] : offered) {
      for (const Offered& filler : fillers) responses[slot].push_back(filler.text);
    }
    articles_with_claim += any_claim;
    bool any_miss = false;
    for (const char* slot : kSlots) {
      const std::vector<Filler>& gold = gold_slots[i][slot];
      const std::vector<std::string>& resp = responses[slot];
      std::vector<bool> gold_hit, resp_ok;
      for (bool is_lenient : {false, true}) {
        Counts& counts = (is_lenient ? lenient : strict)[slot];
        counts.gold += gold.size();
        counts.found += resp.size();
        counts.correct += Score(resp, gold, is_lenient, &gold_hit, &resp_ok);
      }
      // Error classes, on the lenient matching.
      for (size_t g = 0; g < gold.size(); ++g) {
        if (gold_hit[g]) continue;
        any_miss = true;
        std::string cls;
        const bool mentioned =
            std::any_of(gold[g].begin(), gold[g].end(), [&](const std::string& alt) {
              if (std::string_view(slot) == "DLRAMT") {
                return std::any_of(doc.amounts().begin(), doc.amounts().end(),
                                   [&](const Amount& a) {
                                     return Matches(std::string(doc.Text(a.span)), alt, true);
                                   });
              }
              const bool described =
                  std::any_of(doc.claims().begin(), doc.claims().end(), [&](const Claim& c) {
                    return !c.object && !c.object_span.empty() &&
                           Matches(std::string(doc.Text(c.object_span)), alt, true);
                  });
              return described ||
                     std::any_of(doc.mentions().begin(), doc.mentions().end(),
                                 [&](const Mention& m) {
                                   return Matches(std::string(doc.Text(m.span)), alt, true);
                                 });
            });
        if (!mentioned) {
          cls = std::string(slot) == "DLRAMT"
                    ? "miss: amount not found by the amount stage"
                    : "miss: name not found (no mention, no described object)";
        } else if (!any_claim) {
          cls = "miss: no acquired/sold claim in the article";
        } else {
          cls = "miss: claim found but not this filler";
        }
        ++error_classes[cls];
        error_lines.push_back(std::string(slot) + " " + cls + ": \"" + gold[g][0] + "\" (record " +
                              std::to_string(i) + ")");
      }
      for (size_t r = 0; r < resp.size(); ++r) {
        if (resp_ok[r]) continue;
        const std::string cls =
            gold.empty() ? "false alarm: slot empty in gold" : "false alarm: wrong filler";
        ++error_classes[cls];
        error_lines.push_back(std::string(slot) + " " + cls + ": \"" + resp[r] + "\" (record " +
                              std::to_string(i) + ")");
      }
    }
    if (any_miss && show_abstract > 0) {
      --show_abstract;
      std::printf("record %zu%s:", i, any_claim ? "" : " (no acquired/sold claim)");
      for (const char* slot : kSlots) {
        for (const Filler& filler : gold_slots[i][slot])
          std::printf(" %s=\"%s\"", slot, filler[0].c_str());
      }
      std::printf("\n");
      for (size_t s = 0; s < std::min<size_t>(3, doc.sentences().size()); ++s) {
        std::printf("  | %s\n", AbstractSentence::Build(doc, s).text().c_str());
      }
    }
  }

  std::printf("reuters-acq: %zu articles, %zu with an acquired/sold claim\n", gold_slots.size(),
              articles_with_claim);
  for (const auto* table : {&strict, &lenient}) {
    std::printf("%s\n", table == &strict ? "strict (exact string match)"
                                         : "lenient (normalized, containment)");
    Counts all;
    for (const char* slot : kSlots) {
      const Counts& c = table->at(slot);
      PrintRow(slot, c);
      all.gold += c.gold;
      all.found += c.found;
      all.correct += c.correct;
    }
    PrintRow("ALL", all);
  }
  std::printf("error classes (lenient):\n");
  for (const auto& [cls, n] : error_classes) std::printf("  %5zu  %s\n", n, cls.c_str());
  for (size_t k = 0; k < std::min(show_errors, error_lines.size()); ++k) {
    std::printf("    %s\n", error_lines[k].c_str());
  }
  return 0;
}
