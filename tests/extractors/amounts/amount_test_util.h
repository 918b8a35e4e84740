// Test helpers shared by the amount tests: the built-in AmountStage and one-sentence-per-line
// documents run through it.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/amounts/amount_stage.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/document.h"

namespace newsfacts {

// The built-in stage, compiled once for the whole suite.
inline const AmountStage& Builtin() {
  static const std::unique_ptr<AmountStage> stage = [] {
    StatusOr<RuleSources> rules = RuleSources::Builtin();
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    StatusOr<std::unique_ptr<AmountStage>> created = AmountStage::Create(*rules);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? std::move(*created) : nullptr;
  }();
  return *stage;
}

// A document with one sentence per line, as the segmenter would give for one-line input.
inline Document RunAmounts(std::string_view text, std::string currency_hint = "") {
  ArticleMeta meta;
  meta.currency_hint = std::move(currency_hint);
  Document doc = Document::FromRaw(meta, text);
  size_t begin = 0;
  while (begin <= doc.text().size()) {
    size_t end = doc.text().find('\n', begin);
    if (end == std::string::npos) end = doc.text().size();
    if (end > begin) doc.mutable_sentences().push_back({{begin, end}, 0, 0, 0});
    begin = end + 1;
  }
  EXPECT_TRUE(Builtin().Process(doc).ok());
  return doc;
}

inline std::string Show(const std::optional<std::string>& value) {
  return value ? *value : "(absent)";
}
inline std::string Show(const char* value) { return value ? value : "(absent)"; }

inline std::vector<std::string> Surfaces(const Document& doc) {
  std::vector<std::string> out;
  for (const Amount& amount : doc.amounts()) out.emplace_back(doc.Text(amount.span));
  return out;
}

}  // namespace newsfacts
