// The fast boundary path against ICU: identical word boundaries, rule statuses and sentence
// boundaries on every sample article, on hand-picked traps and on thousands of generated
// strings of tricky characters; and what it leaves to ICU.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>

#include "pipeline/document.h"
#include "pipeline/fast_breaks.h"
#include "pipeline/icu_breaks.h"
#include "tests/sample_files.h"

namespace newsfacts {
namespace {

class BreakSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto icu = IcuBreakSource::Create();
    ASSERT_TRUE(icu.ok()) << icu.status().message();
    icu_ = std::move(*icu);
  }

  // Expects both sources to give `text` the same boundaries and statuses.
  void ExpectSameBreaks(std::string_view text) {
    SCOPED_TRACE(::testing::Message() << "text: \"" << text << "\"");
    ASSERT_TRUE(fast_.Covers(text));
    Breaks fast;
    Breaks icu;
    ASSERT_TRUE(fast_.Find(text, fast).ok());
    ASSERT_TRUE(icu_->Find(text, icu).ok());
    EXPECT_EQ(Words(text, fast), Words(text, icu));
    EXPECT_EQ(Sentences(text, fast), Sentences(text, icu));
  }

  // The word segments as "text/status" pieces, readable in a failure message.
  static std::vector<std::string> Words(std::string_view text, const Breaks& breaks) {
    std::vector<std::string> words;
    size_t start = 0;
    for (const WordBreak& word : breaks.words) {
      words.push_back(std::string(text.substr(start, word.end - start)) + "/" +
                      std::to_string(static_cast<int>(word.status)));
      start = word.end;
    }
    return words;
  }

  static std::vector<std::string> Sentences(std::string_view text, const Breaks& breaks) {
    std::vector<std::string> sentences;
    size_t start = 0;
    for (size_t end : breaks.sentence_ends) {
      sentences.emplace_back(text.substr(start, end - start));
      start = end;
    }
    return sentences;
  }

  FastBreakSource fast_;
  std::unique_ptr<IcuBreakSource> icu_;
};

TEST_F(BreakSourceTest, EverySampleArticle) {
  const size_t files = testing::ForEachSourceFile("corpus/samples", [&](const std::string& bytes) {
    ExpectSameBreaks(Document::FromRaw({}, bytes).text());
  });
  EXPECT_GT(files, 40u);
}

TEST_F(BreakSourceTest, Traps) {
  const char* const traps[] = {
      "U.S.",
      "the U.S. Steel deal",
      "3.5",
      "e.g. the",
      "e.g. The",
      "Mr. Smith",
      "$1,000.50",
      "can't",
      "can\u2019t stop",
      "rock'n'roll",
      "a.b",
      "end.Next",
      "end. next",
      "'quoted'",
      "\u2018quoted\u2019 and \u201Cdouble\u201D",
      "...",
      "?!",
      "Why? he asked.",
      "Why?\" He left.",
      "a  b",
      "tabs\tand\ttabs.\tNext",
      "one.\r\nTwo.\r\n\r\nThree\rFour",
      "etc. (1) the end",
      "etc. (1) The end",
      "etc. 5 apples. 5 Apples",
      "x.) y. z.)  A",
      "He said \"no.\" Then",
      "Acme Inc., a firm",
      "v1.2.3_beta __init__ _x x_ 1_ _1 a_1 1_a",
      "user@example.com wrote: a:b 3:4 3;4 a;b",
      "1'000 a'b 1'a a'1 1.a a.1",
      "No.3 no. 3 No. Three",
      "caf\u00e9 na\u00efve \u00c9cole \u0141\u00f3d\u017a",
      "\u00a3100 \u20ac5bn 4% 5\u00a0000",
      "a\u2013b \u2014 c\u2026 d\u2026 E",
      "Gov\u2019t. The",
      "\u00bfQu\u00e9? \u00a1Hola! A",
      "middle\u00b7dot 1\u00b72",
      "\u2028Line\u2029Para\u0085Nel\vVt\fFf",
      "",
      " ",
      "\n",
      ".",
      "_",
      "A.",
      "a. ",
      ". A",
      "( A",
  };
  for (const char* trap : traps) ExpectSameBreaks(trap);
}

// Known answers from ICU, so this test fails if both sources went wrong the same way.
TEST_F(BreakSourceTest, KnownIcuAnswers) {
  Breaks breaks;
  ASSERT_TRUE(fast_.Find("can't stop U.S. 3.5%", breaks).ok());
  EXPECT_EQ(Words("can't stop U.S. 3.5%", breaks),
            (std::vector<std::string>{"can't/2", " /0", "stop/2", " /0", "U.S/2", "./0", " /0",
                                      "3.5/1", "%/0"}));
  ASSERT_TRUE(fast_.Find("It ended. Then e.g. more. 5 x. (a) b", breaks).ok());
  EXPECT_EQ(Sentences("It ended. Then e.g. more. 5 x. (a) b", breaks),
            (std::vector<std::string>{"It ended. ", "Then e.g. more. 5 x. (a) b"}));
}

TEST_F(BreakSourceTest, GeneratedStrings) {
  const std::vector<std::string> alphabet = {
      ".", "'", ",", ":", ";", "_", "-", "0", "7", "a", "z", "B", "Q", " ", " ", "\n", "\r", "\t",
      "\"", "?", "!", ")", "(", "@", "$", "%", "/", "\u00a0", "\u2018", "\u2019", "\u201c",
      "\u201d", "\u2013", "\u2014", "\u2026", "\u00e9", "\u00c9", "\u00a3", "\u20ac", "\u00b7",
      "\u00aa", "\u2028", "\u0085", "\u00bf", "\u203c", "\u2024", "\u202f",
      // runs long enough for the eight-byte skips
      "abcdefghij", "Wordy", "plain text, with spaces ", "12345678"};
  std::mt19937 random(16);
  for (int n = 0; n < 5000; ++n) {
    std::string text;
    const size_t length = 1 + random() % 24;
    for (size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    ExpectSameBreaks(text);
    if (HasFailure()) return;
  }
}

// The fast path skips eight bytes at a time over ASCII letters inside a word and over ASCII
// text other than controls and ". ! ?" inside a sentence; ICU must agree that those never
// end a word run or a sentence.
TEST(FastBreakSourceTest, PlainAsciiIsWhatTheSentenceMachineSkips) {
  for (UChar32 c = 0; c < 0x80; ++c) {
    SCOPED_TRACE(c);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter) {
      EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_WORD_BREAK), U_WB_ALETTER);
    }
    if (c < 0x20 || c == '.' || c == '!' || c == '?') continue;
    const int32_t sentence_break = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    EXPECT_NE(sentence_break, U_SB_ATERM);
    EXPECT_NE(sentence_break, U_SB_STERM);
    EXPECT_NE(sentence_break, U_SB_SEP);
    EXPECT_NE(sentence_break, U_SB_CR);
    EXPECT_NE(sentence_break, U_SB_LF);
  }
}

TEST_F(BreakSourceTest, LeavesToIcuWhatItDoesNotCover) {
  const char* const uncovered[] = {
      "Cafe\xCC\x81",                      // combining acute accent (Extend)
      "soft\xC2\xADhyphen",                // Format
      "zero\xE2\x80\x8Bwidth",             // ZERO WIDTH SPACE
      "a\xE2\x80\x8D b",                   // ZWJ
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",  // Hebrew
      "\xE3\x82\xAB\xE3\x82\xBF",          // Katakana
      "\xE4\xB8\xAD\xE6\x96\x87",          // Han
      "\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7",  // regional indicators
      "\xF0\x9F\x91\x8D",                  // emoji
      "bad \xFF byte",                     // invalid UTF-8
  };
  for (const char* text : uncovered) EXPECT_FALSE(fast_.Covers(text)) << text;
  EXPECT_TRUE(fast_.Covers("Plain ASCII, \u00c9cole, \u201cquotes\u201d \u2014 \u20ac5."));
}

}  // namespace
}  // namespace newsfacts
