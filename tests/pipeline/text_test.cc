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
    // In place, the same repair.
    std::string text = c.input;
    EXPECT_EQ(RepairUtf8InPlace(text), c.replaced);
    EXPECT_EQ(text, c.expected);
  }
}

// Valid text is left where it is: a file's text is not copied to be checked.
TEST(TextTest, RepairUtf8InPlaceKeepsValidTextWhereItIs) {
  std::string text(1 << 16, 'a');
  text += "caf\xC3\xA9";
  const char* const before = text.data();
  EXPECT_EQ(RepairUtf8InPlace(text), 0u);
  EXPECT_EQ(text.data(), before);
}

// IsValidUtf8 passes over ASCII eight bytes at a time: a broken sequence is found at every
// position and alignment, after runs of ASCII of every length.
TEST(TextTest, IsValidUtf8FindsABrokenSequenceAtEveryPosition) {
  for (const std::string bad : {"\xC3", "\x80", "\xED\xA0\x80", "\xFF", "\xE2\x82"}) {
    for (size_t before = 0; before < 20; ++before) {
      for (size_t after = 0; after < 10; ++after) {
        const std::string text = std::string(before, 'a') + bad + std::string(after, 'b');
        EXPECT_FALSE(IsValidUtf8(text)) << before << " " << after;
        EXPECT_TRUE(IsValidUtf8(std::string(before, 'a') + "\xC3\xA9" + std::string(after, 'b')));
      }
    }
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

TEST(TextTest, AppendUtf8WritesEachLengthAtItsBounds) {
  const std::pair<uint32_t, std::string> cases[] = {
      {0x41, "A"},
      {0x7F, "\x7F"},
      {0x80, "\xC2\x80"},
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},
      {0x20AC, "\xE2\x82\xAC"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (const auto& [code_point, expected] : cases) {
    std::string out = "x";
    AppendUtf8(code_point, &out);
    EXPECT_EQ(out, "x" + expected) << code_point;
    EXPECT_EQ(Utf8SequenceLength(out, 1), expected.size()) << code_point;
  }
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
