// Canonical keys, case folding and word shapes of entity names.
#include "extractors/entities/entity_names.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// ASCII names take a path of their own: each ASCII character between two letters is kept,
// dropped or made a dash as the ICU path (taken for a name with a non-ASCII letter) does.
TEST(EntityNamesTest, CanonicalKeyOfAsciiAgreesWithItsIcuPath) {
  for (int c = 1; c < 0x80; ++c) {
    const std::string ascii = std::string("ab") + static_cast<char>(c) + "Cd";
    SCOPED_TRACE(ascii);
    EXPECT_EQ(CanonicalKey(ascii) + "\xC3\xA9", CanonicalKey(ascii + "\xC3\xA9"));
  }
}

TEST(EntityNamesTest, FoldPlainAsciiFoldsShapesAndHashesInOneScan) {
  const struct {
    std::string word;
    bool plain;
    std::string folded;
    WordShape shape;
  } kCases[] = {
      {"Apple", true, "apple", WordShape::kCapital},
      {"Brightwavecorp", true, "brightwavecorp", WordShape::kCapital},
      {"AWS", true, "aws", WordShape::kUpper},
      {"eBay", true, "ebay", WordShape::kInnerCap},
      {"of", true, "of", WordShape::kLower},
      {"2024", true, "2024", WordShape::kUncased},
      {"O'Neil", true, "o'neil", WordShape::kCapital},
      {"\xC3\x96rsted", false, "", WordShape::kUncased},
      {"New York", false, "", WordShape::kUncased},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.word);
    std::string folded(c.word.size(), '?');
    WordShape shape = WordShape::kUncased;
    KeyHash::Part part;
    ASSERT_EQ(FoldPlainAscii(c.word, folded.data(), &shape, &part), c.plain);
    if (!c.plain) continue;
    EXPECT_EQ(folded, c.folded);
    EXPECT_EQ(shape, c.shape);
    EXPECT_EQ(shape, ShapeOf(c.word));
    EXPECT_EQ(KeyHash::Finish(part), KeyHash::Of(c.folded));
  }
}

// The integer FoldShortPlainAscii sets is the folded word's bytes, for every length and byte
// class; other words leave it and the shape alone.
TEST(EntityNamesTest, FoldShortPlainAsciiGivesTheFoldedBytesAsOneInteger) {
  const std::string alphabet = "aZmA z@[`{09'.-\x7f\x01\tQ\xC3\x96";
  uint32_t state = 54321;
  for (int round = 0; round < 5000; ++round) {
    std::string word(1 + round % 8, ' ');
    for (char& c : word) {
      state = state * 1103515245 + 12345;
      c = alphabet[(state >> 16) % alphabet.size()];
    }
    SCOPED_TRACE(word);
    const bool plain = std::all_of(word.begin(), word.end(), [](char c) {
      return static_cast<unsigned char>(c) > ' ' && static_cast<unsigned char>(c) < 0x80;
    });
    uint64_t folded = 1;
    WordShape shape = WordShape::kInnerCap;
    ASSERT_EQ(FoldShortPlainAscii(word, &folded, &shape), plain);
    if (!plain) {
      EXPECT_EQ(folded, 1u);
      EXPECT_EQ(shape, WordShape::kInnerCap);
      continue;
    }
    EXPECT_EQ(folded, LoadShortBytes(FoldCase(word)));
    EXPECT_EQ(shape, ShapeOf(word));
  }
}

// Words of up to 8 bytes take a path of their own (all bytes at once): every length and
// byte class agrees with FoldCase, ShapeOf and KeyHash.
TEST(EntityNamesTest, FoldPlainAsciiAgreesAcrossLengthsAndBytes) {
  const std::string alphabet = "aZmA z@[`{09'.-\x7f\x01\tQ";
  uint32_t state = 12345;
  for (int round = 0; round < 5000; ++round) {
    std::string word(1 + round % 12, ' ');
    for (char& c : word) {
      state = state * 1103515245 + 12345;
      c = alphabet[(state >> 16) % alphabet.size()];
    }
    SCOPED_TRACE(word);
    const bool plain = std::all_of(word.begin(), word.end(),
                                   [](char c) { return c != ' ' && c != '\t' && c != '\x01'; });
    std::string folded(std::max<size_t>(word.size(), 8), '?');
    WordShape shape = WordShape::kUncased;
    KeyHash::Part part;
    const bool folded_plain = FoldPlainAscii(word, folded.data(), &shape, &part);
    // A control character may go either way; whitespace never counts as plain.
    if (word.find('\x01') == std::string::npos) {
      EXPECT_EQ(folded_plain, plain);
    }
    if (!folded_plain) continue;
    EXPECT_EQ(folded.substr(0, word.size()), FoldCase(word));
    EXPECT_EQ(shape, ShapeOf(word));
    EXPECT_EQ(KeyHash::Finish(part), KeyHash::Of(FoldCase(word)));
  }
}

TEST(EntityNamesTest, FoldCaseHandlesNonAscii) {
  EXPECT_EQ(FoldCase("ÖRSTED Énergie"), "örsted énergie");
  EXPECT_EQ(FoldCase("MiXeD"), "mixed");
}

}  // namespace
}  // namespace newsfacts
