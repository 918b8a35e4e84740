// Segmentation invariants on every sample article and on hostile strings: spans in bounds,
// on code-point boundaries, sorted, tokens inside sentences, tokens and gaps rebuild the text.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "pipeline/segmenter.h"
#include "pipeline/text.h"
#include "tests/sample_files.h"

namespace newsfacts {
namespace {

// True when every code point of `gap` is white space, a control or a format character.
bool IsGap(std::string_view gap) {
  int32_t i = 0;
  while (i < static_cast<int32_t>(gap.size())) {
    UChar32 c;
    U8_NEXT(gap.data(), i, static_cast<int32_t>(gap.size()), c);
    const int8_t type = u_charType(c);
    if (!u_isUWhiteSpace(c) && type != U_CONTROL_CHAR && type != U_FORMAT_CHAR) return false;
  }
  return true;
}

// True when `text` holds a line break: LF, CR, VT, FF, NEL, U+2028 or U+2029.
bool HasLineBreak(std::string_view text) {
  return text.find_first_of("\n\r\v\f") != std::string_view::npos ||
         text.find("\u0085") != std::string_view::npos ||
         text.find("\u2028") != std::string_view::npos ||
         text.find("\u2029") != std::string_view::npos;
}

void CheckInvariants(const Document& doc) {
  const std::string& text = doc.text();
  size_t previous_end = 0;
  for (size_t s = 0; s < doc.sentences().size(); ++s) {
    const Sentence& sentence = doc.sentences()[s];
    ASSERT_LT(sentence.span.begin, sentence.span.end) << "sentence " << s;
    ASSERT_LE(sentence.span.end, text.size());
    ASSERT_GE(sentence.span.begin, previous_end) << "sentences overlap or are unsorted";
    ASSERT_TRUE(IsCodePointBoundary(text, sentence.span.begin));
    ASSERT_TRUE(IsCodePointBoundary(text, sentence.span.end));
    const std::string_view sentence_text = doc.Text(sentence.span);
    ASSERT_FALSE(HasLineBreak(sentence_text)) << "sentence " << s << " crosses a line break";
    int32_t first_length = 0;
    UChar32 first;
    U8_NEXT(sentence_text.data(), first_length, static_cast<int32_t>(sentence_text.size()), first);
    int32_t last_offset = static_cast<int32_t>(sentence_text.size());
    UChar32 last;
    U8_PREV(sentence_text.data(), 0, last_offset, last);
    ASSERT_FALSE(IsGap(sentence_text.substr(0, static_cast<size_t>(first_length))))
        << "sentence " << s << " starts with space";
    ASSERT_FALSE(IsGap(sentence_text.substr(static_cast<size_t>(last_offset))))
        << "sentence " << s << " ends with space";
    ASSERT_LE(sentence.first_token + sentence.token_count, doc.tokens().size());
    for (size_t t = sentence.first_token; t < sentence.first_token + sentence.token_count; ++t) {
      ASSERT_TRUE(sentence.span.Contains(doc.tokens()[t].span)) << "token " << t;
    }
    previous_end = sentence.span.end;
  }
  // Tokens and the gaps between them rebuild the text; gaps hold only white space/controls.
  std::string rebuilt;
  size_t cursor = 0;
  for (const Token& token : doc.tokens()) {
    ASSERT_LT(token.span.begin, token.span.end);
    ASSERT_GE(token.span.begin, cursor) << "tokens overlap or are unsorted";
    ASSERT_TRUE(IsCodePointBoundary(text, token.span.begin));
    ASSERT_TRUE(IsCodePointBoundary(text, token.span.end));
    const std::string_view gap(text.data() + cursor, token.span.begin - cursor);
    ASSERT_TRUE(IsGap(gap)) << "non-space gap before token at " << token.span.begin;
    ASSERT_EQ(doc.Text(token.span).find('\n'), std::string_view::npos);
    rebuilt.append(gap);
    rebuilt.append(doc.Text(token.span));
    cursor = token.span.end;
  }
  ASSERT_TRUE(IsGap(std::string_view(text).substr(cursor)));
  rebuilt.append(text, cursor);
  ASSERT_EQ(rebuilt, text);
  // Every token belongs to exactly one sentence.
  size_t covered = 0;
  for (const Sentence& sentence : doc.sentences()) covered += sentence.token_count;
  ASSERT_EQ(covered, doc.tokens().size());
}

void SegmentAndCheck(const std::string& raw) {
  auto stage = SegmenterStage::Create();
  ASSERT_TRUE(stage.ok());
  Document doc = Document::FromRaw({}, raw);
  ASSERT_TRUE((*stage)->Process(doc).ok());
  CheckInvariants(doc);
}

TEST(SegmenterInvariantsTest, EverySampleArticle) {
  const size_t files = testing::ForEachSourceFile(
      "corpus", [](const std::string& bytes) { SegmentAndCheck(bytes); });
  EXPECT_GT(files, 0u);
}

TEST(SegmenterInvariantsTest, HostileStrings) {
  const std::string hostile[] = {
      "",
      " ",
      "\n\n\n",
      "\t\f\v\r\n",
      "Family: 👨‍👩‍👧‍👦 and 👍🏽 thumbs. Flags 🇬🇧🇺🇸!",
      "Cafe\xCC\x81 and n\xCC\x83 and a\xCC\x81\xCC\x82\xCC\x83 stacked marks.",
      "مرحبا بالعالم 123 and שלום עולם 4.5. Mixed RTL text.",
      std::string("NUL\0in the\0middle. Next.", 25),
      "Lone surrogate \xED\xA0\x80 and bad \xFF\xFE bytes. Truncated \xE2\x82",
      "Overlong \xC0\xAF slash. Above max \xF4\x90\x80\x80.",
      std::string(1 << 20, 'x'),
      [] {
        std::string s;
        while (s.size() < (1 << 20)) s += "a. ";
        return s;
      }(),
      [] {
        std::string s;
        while (s.size() < 100000) s += ".,;:!?-()[]\"'/*&#@";
        return s;
      }(),
      std::string(100000, '!'),
      "Combining mark after a space: a \xCC\x81"
      "b and \xCC\x81 alone.",
      "\xEF\xBB\xBF"
      "BOM first. Soft\xC2\xADhyphen and bidi \xE2\x80\x8Fmark\xE2\x80\x8E.",
      "\u0627\u0644\u0639\u062f\u062f \u0661\u0662\u0663\u066b\u0665 \u0648 4.5% \u05d1-3.5 "
      "\u20aa.",
      "CRLF lines.\r\nSecond line.\r\n\r\nNew paragraph.\r\n",
      "Old Mac\rline ends\u0085and NEL.",
      "Tab\tseparated\tcells.\t\t",
      "Acme Inc.\nThe U.S.\n\nMr.\nNo.\n3",
      "Line\u2028separator and\u2029paragraph separator.",
      "Zero\u200Bwidth\u200Bspaces and non\u00A0breaking\u00A0spaces.",
      "Tabs\tin\ttext.\fForm feed.\vVertical tab.",
      "....!!!???",
      "$ $ $ € £ ¥ 4% .5 1. 2. 3.",
  };
  for (const std::string& text : hostile) {
    SCOPED_TRACE(text.substr(0, 60));
    SegmentAndCheck(text);
  }
}

}  // namespace
}  // namespace newsfacts
