// fire_claim_eval: scores the deal claims on the FIRE financial relation set, a corpus the
// claim rules were never written against, so its figures say how the rules carry over.
// Usage: fire_claim_eval DEV.jsonl [--errors N]   (e.g. ../shared/data/fire/dev.simple.jsonl)
//
// Gold: ActionBuy (head buys tail) is acquired(head -> tail), ActionSell (head sells tail) is
// sold(head -> tail), ActionMerge is merged_with (either order); apart from the deal total,
// Employeeof (person -> organization) is holds_role and Subsidiaryof (child -> parent)
// subsidiary_of. Each sentence runs through
// the full pipeline; a claim of those predicates is correct when a gold relation of its
// predicate not matched yet has both arguments matching leniently (bench/scoring.h) the
// claim's subject and object texts. Micro precision, recall and F1 per predicate and overall.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bench/scoring.h"
#include "extractors/standard_pipeline.h"
#include "pipeline/document.h"

using namespace newsfacts;
using newsfacts::bench::Counts;
using newsfacts::bench::Matches;
using newsfacts::bench::PrintRow;

namespace {

// A relation between two names, as a gold FIRE relation or a claim's subject and object texts.
struct Relation {
  std::string predicate;
  std::string subject;
  std::string object;
};

constexpr const char* kDealPredicates[] = {"acquired", "sold", "merged_with"};
constexpr const char* kOtherPredicates[] = {"holds_role", "subsidiary_of"};

// The claim predicate of a FIRE relation type; empty for types no claim expresses.
std::string PredicateOf(const std::string& fire_type) {
  if (fire_type == "ActionBuy") return "acquired";
  if (fire_type == "ActionSell") return "sold";
  if (fire_type == "ActionMerge") return "merged_with";
  if (fire_type == "Employeeof") return "holds_role";
  if (fire_type == "Subsidiaryof") return "subsidiary_of";
  return "";
}

// Whether a claim states a gold relation: same predicate, arguments matching leniently (either
// order for merged_with).
bool SameRelation(const Relation& claim, const Relation& gold) {
  if (claim.predicate != gold.predicate) return false;
  const bool forward =
      Matches(claim.subject, gold.subject, true) && Matches(claim.object, gold.object, true);
  const bool backward = claim.predicate == "merged_with" &&
                        Matches(claim.subject, gold.object, true) &&
                        Matches(claim.object, gold.subject, true);
  return forward || backward;
}

// The command line: the gold file and how many error lines to print.
struct Options {
  std::string path;
  size_t show_errors = 0;
};

// Everything counted over the run: one score row per predicate and the error lines.
struct Tally {
  std::map<std::string, Counts> counts;
  std::vector<std::string> errors;
  size_t sentences = 0;
};

// Parses `DEV.jsonl [--errors N]`; prints the usage and returns nothing when no file is given.
std::optional<Options> ParseArgs(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fire_claim_eval DEV.jsonl [--errors N]\n");
    return std::nullopt;
  }
  Options options{.path = argv[1]};
  if (argc == 4 && std::string(argv[2]) == "--errors") options.show_errors = std::stoul(argv[3]);
  return options;
}

// Returns the gold relations of one FIRE record that map to a claim predicate, in order.
std::vector<Relation> GoldRelations(const nlohmann::json& record) {
  std::vector<Relation> gold;
  for (const auto& relation : record["relations"]) {
    const std::string predicate = PredicateOf(relation["type"].get<std::string>());
    if (!predicate.empty()) {
      gold.push_back(
          {predicate, relation["head"].get<std::string>(), relation["tail"].get<std::string>()});
    }
  }
  return gold;
}

// Scores the deal claims of one sentence against its gold relations; each gold relation
// matches at most one claim. Unmatched claims and relations become error lines (`text`, the
// sentence, shown cut to 160 bytes after a missed relation).
void ScoreSentence(const Document& doc, const std::vector<Relation>& gold, const std::string& text,
                   Tally* tally) {
  std::vector<bool> gold_matched(gold.size(), false);
  for (const Relation& relation : gold) ++tally->counts[relation.predicate].gold;
  for (const Claim& claim : doc.claims()) {
    const bool scored = std::find(std::begin(kDealPredicates), std::end(kDealPredicates),
                                  claim.predicate) != std::end(kDealPredicates) ||
                        std::find(std::begin(kOtherPredicates), std::end(kOtherPredicates),
                                  claim.predicate) != std::end(kOtherPredicates);
    if (!scored) continue;
    const Relation found{claim.predicate, std::string(doc.Text(claim.subject_span)),
                         std::string(doc.Text(claim.object_span))};
    ++tally->counts[found.predicate].found;
    bool correct = false;
    for (size_t g = 0; g < gold.size() && !correct; ++g) {
      if (gold_matched[g] || !SameRelation(found, gold[g])) continue;
      gold_matched[g] = true;
      correct = true;
    }
    if (correct) {
      ++tally->counts[found.predicate].correct;
    } else {
      tally->errors.push_back("extra " + found.predicate + "(" + found.subject + " -> " +
                              found.object + ")");
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold_matched[g]) continue;
    tally->errors.push_back("missed " + gold[g].predicate + "(" + gold[g].subject + " -> " +
                            gold[g].object + "): " + text.substr(0, 160));
  }
}

// Runs the pipeline over every non-blank record of `in` and scores it. A sentence the
// pipeline fails on is reported on stderr (numbered from 1) and skipped.
Tally Evaluate(const Pipeline& pipeline, std::istream& in) {
  Tally tally;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    ++tally.sentences;
    const std::vector<Relation> gold = GoldRelations(record);
    const std::string text = record["text"].get<std::string>();
    Document doc = Document::FromRaw(ArticleMeta{.path = "fire"}, text);
    if (Status status = pipeline.Run(doc); !status.ok()) {
      std::fprintf(stderr, "record %zu: %s\n", tally.sentences, status.message().c_str());
      continue;
    }
    ScoreSentence(doc, gold, text, &tally);
  }
  return tally;
}

// Prints one row per deal predicate, their total row, the rows of the other predicates and
// the first `show_errors` error lines.
void PrintReport(const Tally& tally, size_t show_errors) {
  std::printf("fire: %zu sentences\n", tally.sentences);
  auto row_of = [&](const char* predicate) {
    const auto row = tally.counts.find(predicate);
    return row == tally.counts.end() ? Counts{} : row->second;
  };
  Counts all;
  for (const char* predicate : kDealPredicates) {
    PrintRow(predicate, row_of(predicate));
    all += row_of(predicate);
  }
  PrintRow("ALL", all);
  for (const char* predicate : kOtherPredicates) PrintRow(predicate, row_of(predicate));
  for (size_t k = 0; k < std::min(show_errors, tally.errors.size()); ++k)
    std::printf("    %s\n", tally.errors[k].c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = ParseArgs(argc, argv);
  if (!options) return 2;
  std::ifstream in(options->path);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", options->path.c_str());
    return 2;
  }
  StatusOr<StandardPipeline> loaded = LoadStandardPipeline({});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 2;
  }
  const Tally tally = Evaluate(loaded->pipeline, in);
  PrintReport(tally, options->show_errors);
  return 0;
}
