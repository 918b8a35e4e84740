// fire_claim_eval: scores the deal claims on the FIRE financial relation set, a corpus the
// claim rules were never written against, so its figures say how the rules carry over.
// Usage: fire_claim_eval DEV.jsonl [--errors N]   (e.g. ../shared/data/fire/dev.simple.jsonl)
//
// Gold: ActionBuy (head buys tail) is acquired(head -> tail), ActionSell (head sells tail) is
// sold(head -> tail), ActionMerge is merged_with (either order). Each sentence runs through
// the full pipeline; a claim of those predicates is correct when a gold relation of its
// predicate not matched yet has both arguments matching leniently (bench/scoring.h) the
// claim's subject and object texts. Micro precision, recall and F1 per predicate and overall.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
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

struct Relation {
  std::string predicate;
  std::string subject;
  std::string object;
};

constexpr const char* kPredicates[] = {"acquired", "sold", "merged_with"};

std::string PredicateOf(const std::string& fire_type) {
  if (fire_type == "ActionBuy") return "acquired";
  if (fire_type == "ActionSell") return "sold";
  if (fire_type == "ActionMerge") return "merged_with";
  return "";
}

bool SameRelation(const Relation& claim, const Relation& gold) {
  if (claim.predicate != gold.predicate) return false;
  const bool forward =
      Matches(claim.subject, gold.subject, true) && Matches(claim.object, gold.object, true);
  const bool backward = claim.predicate == "merged_with" &&
                        Matches(claim.subject, gold.object, true) &&
                        Matches(claim.object, gold.subject, true);
  return forward || backward;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fire_claim_eval DEV.jsonl [--errors N]\n");
    return 2;
  }
  size_t show_errors = 0;
  if (argc == 4 && std::string(argv[2]) == "--errors") show_errors = std::stoul(argv[3]);
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 2;
  }
  StatusOr<StandardPipeline> loaded = LoadStandardPipeline({});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 2;
  }
  const Pipeline& pipeline = loaded->pipeline;

  std::map<std::string, Counts> counts;
  std::vector<std::string> errors;
  size_t sentences = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    ++sentences;
    std::vector<Relation> gold;
    for (const auto& relation : record["relations"]) {
      const std::string predicate = PredicateOf(relation["type"].get<std::string>());
      if (!predicate.empty()) {
        gold.push_back(
            {predicate, relation["head"].get<std::string>(), relation["tail"].get<std::string>()});
      }
    }
    Document doc =
        Document::FromRaw(ArticleMeta{.path = "fire"}, record["text"].get<std::string>());
    if (Status status = pipeline.Run(doc); !status.ok()) {
      std::fprintf(stderr, "record %zu: %s\n", sentences, status.message().c_str());
      continue;
    }
    std::vector<bool> gold_matched(gold.size(), false);
    for (const Relation& relation : gold) ++counts[relation.predicate].gold;
    for (const Claim& claim : doc.claims()) {
      if (std::find(std::begin(kPredicates), std::end(kPredicates), claim.predicate) ==
          std::end(kPredicates)) {
        continue;
      }
      const Relation found{claim.predicate, std::string(doc.Text(claim.subject_span)),
                           std::string(doc.Text(claim.object_span))};
      ++counts[found.predicate].found;
      bool correct = false;
      for (size_t g = 0; g < gold.size() && !correct; ++g) {
        if (gold_matched[g] || !SameRelation(found, gold[g])) continue;
        gold_matched[g] = true;
        correct = true;
      }
      if (correct) {
        ++counts[found.predicate].correct;
      } else {
        errors.push_back("extra " + found.predicate + "(" + found.subject + " -> " + found.object +
                         ")");
      }
    }
    for (size_t g = 0; g < gold.size(); ++g) {
      if (gold_matched[g]) continue;
      errors.push_back("missed " + gold[g].predicate + "(" + gold[g].subject + " -> " +
                       gold[g].object + "): " + record["text"].get<std::string>().substr(0, 160));
    }
  }

  std::printf("fire: %zu sentences\n", sentences);
  Counts all;
  for (const char* predicate : kPredicates) {
    const Counts& c = counts[predicate];
    PrintRow(predicate, c);
    all.gold += c.gold;
    all.found += c.found;
    all.correct += c.correct;
  }
  PrintRow("ALL", all);
  for (size_t k = 0; k < std::min(show_errors, errors.size()); ++k)
    std::printf("    %s\n", errors[k].c_str());
  return 0;
}
