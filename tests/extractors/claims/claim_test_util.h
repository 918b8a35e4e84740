// Helpers for claim tests: the built-in rules, and documents annotated by hand, so claim rules
// are tested without the entity and amount stages.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extractors/claims/claim_rules.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/document.h"

namespace newsfacts::claim_testing {

// The built-in claim rules, compiled (by `prefilter` when given); a test failure and an empty
// list when they do not load.
inline std::vector<ClaimRule> BuiltinClaimRules(RulePrefilterBuilder* prefilter = nullptr) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  EXPECT_TRUE(rules.ok());
  if (!rules.ok()) return {};
  StatusOr<MacroTable> macros = LoadClaimMacros(*rules);
  EXPECT_TRUE(macros.ok());
  if (!macros.ok()) return {};
  StatusOr<std::vector<ClaimRule>> loaded = LoadClaimRules(*rules, *macros, prefilter);
  EXPECT_TRUE(loaded.ok()) << loaded.status().message();
  if (!loaded.ok()) return {};
  return std::move(*loaded);
}

// An annotation to place: every occurrence of `text` becomes a mention of an entity of that
// name and type, or (type "MONEY") an amount.
struct Mark {
  std::string text;
  std::string type;  // "ORG", "PERSON", "PRODUCT", "LOCATION" or "MONEY"
};

// Builds a document from `text`: sentences end after ". ", "? " or "! " (and at the end),
// paragraphs at "\n"; each Mark is found by exact search.
inline Document AnnotatedDocument(std::string_view text, const std::vector<Mark>& marks) {
  Document doc = Document::FromRaw(ArticleMeta{.path = "test"}, text);
  const std::string& t = doc.text();
  size_t begin = 0;
  int paragraph = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const bool newline = t[i] == '\n';
    const bool stop = (t[i] == '.' || t[i] == '?' || t[i] == '!') &&
                      (i + 1 == t.size() || t[i + 1] == ' ' || t[i + 1] == '\n');
    if (!newline && !stop) continue;
    const size_t end = stop ? i + 1 : i;
    if (end > begin) doc.mutable_sentences().push_back({{begin, end}, 0, 0, paragraph});
    if (newline) ++paragraph;
    begin = i + 1;
    while (begin < t.size() && t[begin] == ' ') ++begin;
  }
  if (begin < t.size()) doc.mutable_sentences().push_back({{begin, t.size()}, 0, 0, paragraph});
  auto sentence_of = [&doc](size_t offset) {
    for (size_t s = 0; s < doc.sentences().size(); ++s) {
      if (doc.sentences()[s].span.begin <= offset && offset < doc.sentences()[s].span.end) return s;
    }
    return size_t{0};
  };
  for (const Mark& mark : marks) {
    for (size_t at = t.find(mark.text); at != std::string::npos; at = t.find(mark.text, at + 1)) {
      const Span span{at, at + mark.text.size()};
      if (mark.type == "MONEY") {
        Amount amount;
        amount.span = span;
        amount.sentence = sentence_of(at);
        doc.mutable_amounts().push_back(amount);
        continue;
      }
      EntityType type = EntityType::kOrg;
      if (mark.type == "PERSON") type = EntityType::kPerson;
      if (mark.type == "PRODUCT") type = EntityType::kProduct;
      if (mark.type == "LOCATION") type = EntityType::kLocation;
      size_t entity = doc.entities().size();
      for (size_t e = 0; e < doc.entities().size(); ++e) {
        if (doc.entities()[e].name == mark.text) entity = e;
      }
      if (entity == doc.entities().size()) {
        doc.mutable_entities().push_back({mark.text, mark.text, type, "", {}});
      }
      doc.mutable_mentions().push_back({span, entity, type, sentence_of(at), "test"});
    }
  }
  return doc;
}

}  // namespace newsfacts::claim_testing
