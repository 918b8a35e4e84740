// UTF-8 repair and NFC normalization, including the hostile byte sequences of badutf tests.
#include "pipeline/text.h"

#include <gtest/gtest.h>

#include "pipeline/document.h"

namespace newsfacts {
namespace {

struct RepairCase {
  std::string input;
  std::string expected;
  size_t replaced;
};

TEST(TextTest, RepairUtf8ReplacesEachIllFormedSequence) {
  const std::string fffd = "\xEF\xBF\xBD";
  const RepairCase cases[] = {
      {"plain ascii", "plain ascii", 0},
      {"caf\xC3\xA9", "caf\xC3\xA9", 0},
      {"\xF0\x9F\x98\x80 emoji", "\xF0\x9F\x98\x80 emoji", 0},
      {"a\xFF"
       "b",
       "a" + fffd + "b", 1},
      {"lone surrogate \xED\xA0\x80!", "lone surrogate " + fffd + fffd + fffd + "!", 3},
      {"overlong \xC0\xAF", "overlong " + fffd + fffd, 2},
      {"truncated \xE2\x82", "truncated " + fffd, 1},
      {"above max \xF4\x90\x80\x80", "above max " + fffd + fffd + fffd + fffd, 4},
      {std::string("nul\0byte", 8), std::string("nul\0byte", 8), 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    RepairedText repaired = RepairUtf8(c.input);
    EXPECT_EQ(repaired.text, c.expected);
    EXPECT_EQ(repaired.replaced, c.replaced);
    EXPECT_TRUE(IsValidUtf8(repaired.text));
  }
}

TEST(TextTest, NormalizeNfcComposesCombiningMarks) {
  EXPECT_EQ(NormalizeNfc("cafe\xCC\x81"), "caf\xC3\xA9");  // e + U+0301 -> é
  EXPECT_EQ(NormalizeNfc("already NFC caf\xC3\xA9"), "already NFC caf\xC3\xA9");
}

TEST(TextTest, DocumentFromRawRepairsThenNormalizes) {
  Document doc = Document::FromRaw({}, "cafe\xCC\x81 \xFF");
  EXPECT_EQ(doc.text(), "caf\xC3\xA9 \xEF\xBF\xBD");
  EXPECT_EQ(doc.repaired_sequences(), 1u);
}

TEST(TextTest, DocumentFromUtf8OnlyNormalizesAndKeepsTheReadersCount) {
  ArticleMeta meta;
  meta.repaired_sequences = 2;  // what the reader repaired
  Document doc = Document::FromUtf8(meta, "cafe\xCC\x81 \xEF\xBF\xBD");
  EXPECT_EQ(doc.text(), "caf\xC3\xA9 \xEF\xBF\xBD");
  EXPECT_EQ(doc.repaired_sequences(), 2u);
}

TEST(TextTest, CodePointBoundaries) {
  const std::string text = "a\xC3\xA9z";
  EXPECT_TRUE(IsCodePointBoundary(text, 0));
  EXPECT_TRUE(IsCodePointBoundary(text, 1));
  EXPECT_FALSE(IsCodePointBoundary(text, 2));
  EXPECT_TRUE(IsCodePointBoundary(text, 3));
  EXPECT_TRUE(IsCodePointBoundary(text, 4));
  EXPECT_FALSE(IsCodePointBoundary(text, 5));
}

}  // namespace
}  // namespace newsfacts
