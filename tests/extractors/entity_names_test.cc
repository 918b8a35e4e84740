// Canonical keys, case folding and word shapes of entity names.
#include "extractors/entity_names.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

TEST(EntityNamesTest, CanonicalKey) {
  const struct {
    std::string name;
    std::string key;
  } kCases[] = {
      {"Brightwave Labs", "brightwave-labs"},
      {"Amazon Web Services", "amazon-web-services"},
      {"J&J", "jj"},
      {"Johnson & Johnson", "johnson-johnson"},
      {"Hewlett-Packard", "hewlett-packard"},
      {"  Zürich   Re ", "zürich-re"},
      {"O'Neil", "oneil"},
      {"ÉCOLE Nouvelle", "école-nouvelle"},
      {"---", ""},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.name);
    EXPECT_EQ(CanonicalKey(test.name), test.key);
  }
}

TEST(EntityNamesTest, ShapeOf) {
  const struct {
    std::string word;
    WordShape shape;
  } kCases[] = {
      {"apple", WordShape::kLower},     {"Apple", WordShape::kCapital},
      {"AWS", WordShape::kUpper},       {"eBay", WordShape::kInnerCap},
      {"2024", WordShape::kUncased},    {"&", WordShape::kUncased},
      {"Örsted", WordShape::kCapital},  {"ÅBO", WordShape::kUpper},
      {"McDonald", WordShape::kCapital}, {"A", WordShape::kUpper},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.word);
    EXPECT_EQ(ShapeOf(test.word), test.shape);
  }
}

TEST(EntityNamesTest, FoldCaseHandlesNonAscii) {
  EXPECT_EQ(FoldCase("ÖRSTED Énergie"), "örsted énergie");
  EXPECT_EQ(FoldCase("MiXeD"), "mixed");
}

}  // namespace
}  // namespace newsfacts
