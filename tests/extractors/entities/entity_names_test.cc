// Canonical keys, case folding and word shapes of entity names.
#include "extractors/entities/entity_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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
      {"apple", WordShape::kLower},      {"Apple", WordShape::kCapital},
      {"AWS", WordShape::kUpper},        {"eBay", WordShape::kInnerCap},
      {"2024", WordShape::kUncased},     {"&", WordShape::kUncased},
      {"Örsted", WordShape::kCapital},   {"ÅBO", WordShape::kUpper},
      {"McDonald", WordShape::kCapital}, {"A", WordShape::kUpper},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.word);
    EXPECT_EQ(ShapeOf(test.word), test.shape);
  }
}

// The ASCII fast path of ShapeOf must judge as the ICU path does.
TEST(EntityNamesTest, ShapeOfAsciiMatchesMixedScriptWords) {
  const struct {
    std::string word;
    WordShape shape;
  } kCases[] = {
      {"o'neil", WordShape::kLower}, {"O'Neil", WordShape::kCapital},
      {"U.S.", WordShape::kUpper},   {"iPhone15", WordShape::kInnerCap},
      {"4-38", WordShape::kUncased}, {"x", WordShape::kLower},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.word);
    EXPECT_EQ(ShapeOf(test.word), test.shape);
  }
}

TEST(EntityNamesTest, WordTableFindsEveryInsertedWordAcrossGrowth) {
  WordTable table;
  EXPECT_EQ(table.Find("apple"), WordTable::kNotFound);
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) {
    std::string word = std::to_string(i * 7919);
    word.append("w");
    words.push_back(std::move(word));
  }
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(table.Insert(words[i]), i);
  EXPECT_EQ(table.Insert(words[3]), 3u);  // a second insertion keeps the first index
  EXPECT_EQ(table.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(table.Find(words[i]), i);
    EXPECT_EQ(table.word(i), words[i]);
  }
  EXPECT_EQ(table.Find("1w"), WordTable::kNotFound);
  EXPECT_EQ(table.Find(""), WordTable::kNotFound);
}

TEST(EntityNamesTest, WordMapValuesStartEmptyAndStay) {
  WordMap<size_t> map;
  EXPECT_EQ(map.Find("aws"), nullptr);
  map["aws"] = 3;
  map["amazon"] += 2;
  ASSERT_NE(map.Find("aws"), nullptr);
  EXPECT_EQ(*map.Find("aws"), 3u);
  EXPECT_EQ(*map.Find("amazon"), 2u);
  EXPECT_EQ(map.size(), 2u);
}

TEST(EntityNamesTest, FoldCaseHandlesNonAscii) {
  EXPECT_EQ(FoldCase("ÖRSTED Énergie"), "örsted énergie");
  EXPECT_EQ(FoldCase("MiXeD"), "mixed");
}

}  // namespace
}  // namespace newsfacts
