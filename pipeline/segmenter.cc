// ICU segmentation: one word-break and one sentence-break pass over the UTF-8 text (byte
// offsets straight from utext_openUTF8), cut at line breaks, false breaks joined afterwards.
#include "pipeline/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "pipeline/segment_rules.h"

namespace newsfacts {

using segment_internal::ContinuesSentence;
using segment_internal::FindLineBreakRuns;

// The compiled iterators, read-only after Create(). Process() segments with clones: ICU
// iterators keep iteration state, and a clone pair costs about 0.3 us against about 200 us
// to segment a 3 KB article, so no per-thread cache is worth its bookkeeping.
struct SegmenterStage::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
};

namespace {

// Closes a UText opened on the stack when the scope ends.
class UTextCloser {
 public:
  explicit UTextCloser(UText* text) : text_(text) {}
  ~UTextCloser() { utext_close(text_); }
  UTextCloser(const UTextCloser&) = delete;
  UTextCloser& operator=(const UTextCloser&) = delete;

 private:
  UText* text_;
};

// Code point at `i` and its byte length; the text is valid UTF-8 (Document repairs it).
UChar32 CodePointAt(std::string_view text, size_t i, size_t* length) {
  UChar32 c = 0;
  int32_t offset = static_cast<int32_t>(i);
  U8_NEXT(text.data(), offset, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(offset) - i;
  return c;
}

// Code point ending at `i` (exclusive) and its byte length.
UChar32 CodePointBefore(std::string_view text, size_t i, size_t* length) {
  UChar32 c = 0;
  int32_t offset = static_cast<int32_t>(i);
  U8_PREV(text.data(), 0, offset, c);
  *length = i - static_cast<size_t>(offset);
  return c;
}

// Characters that separate tokens and never start or end one: Unicode White_Space, controls
// (NUL, ESC ...) and format characters (zero-width space, BOM, soft hyphen, bidi marks).
bool IsIgnorable(UChar32 c) {
  if (c < 0x80) return c <= 0x20 || c == 0x7F;
  if (u_isUWhiteSpace(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

// `span` without ignorable characters at either end; empty when nothing else is left.
Span TrimIgnorable(std::string_view text, Span span) {
  size_t length = 0;
  while (span.begin < span.end && IsIgnorable(CodePointAt(text, span.begin, &length))) {
    span.begin += length;
  }
  while (span.end > span.begin && IsIgnorable(CodePointBefore(text, span.end, &length))) {
    span.end -= length;
  }
  return span;
}

bool IsPercentSign(UChar32 c) {
  return c == '%' || c == 0x066A || c == 0x2030 || c == 0x2031 || c == 0xFE6A || c == 0xFF05;
}

// Kind of the token `span`, from the word iterator's rule status and the first code point.
// Anything starting with a digit is a number: ICU calls "1.75bn" and "4o" letter tokens, but
// the entity and amount stages read them as numbers with a suffix. Two letters or more before
// the digits make a word: ICU calls "Net6" and "Printa8" number tokens, but they are names
// (issue 12); one letter ("M1", "Q3", "G7") is a code, read as a number. Percent signs are
// symbols like "$" although Unicode files "%" under punctuation.
TokenKind Classify(std::string_view text, Span span, int32_t rule_status) {
  size_t length = 0;
  const UChar32 c = CodePointAt(text, span.begin, &length);
  if (u_isdigit(c)) return TokenKind::kNumber;
  if (u_isalpha(c) && span.begin + length < span.end) {
    size_t second_length = 0;
    if (u_isalpha(CodePointAt(text, span.begin + length, &second_length))) {
      return TokenKind::kWord;
    }
  }
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) {
    return TokenKind::kNumber;
  }
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::kWord;
  if (IsPercentSign(c)) return TokenKind::kSymbol;
  switch (u_charType(c)) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return TokenKind::kPunctuation;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return TokenKind::kWord;
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return TokenKind::kNumber;
    default:
      return TokenKind::kSymbol;  // S*, emoji, U+FFFD, lone marks and format characters
  }
}

// Opens `text` as a UTF-8 UText and hands it to `iterator`; offsets are then byte offsets.
Status SetText(icu::BreakIterator& iterator, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  UTextCloser closer(&utext);
  if (U_SUCCESS(status)) iterator.setText(&utext, status);  // keeps its own shallow clone
  if (U_FAILURE(status))
    return Status::Internal(std::string("ICU setText: ") + u_errorName(status));
  return Status::Ok();
}

// Word-break segments without their ignorable ends; all-ignorable segments are gaps.
Status Tokenize(icu::BreakIterator& words, std::string_view text, std::vector<Token>& tokens) {
  NEWSFACTS_RETURN_IF_ERROR(SetText(words, text));
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE;
       start = end, end = words.next()) {
    const Span span = TrimIgnorable(text, {static_cast<size_t>(start), static_cast<size_t>(end)});
    if (span.empty()) continue;
    tokens.push_back({span, Classify(text, span, words.getRuleStatus())});
  }
  return Status::Ok();
}

// Builds sentences from ICU sentence breaks cut at line-break runs, trimmed, then joined
// within a paragraph where the abbreviation policy says so or a token would straddle the
// break ("ends.Next" is one ICU word). Paragraphs are counted by line-break runs.
Status SplitSentences(icu::BreakIterator& iterator, std::string_view text,
                      const std::vector<Token>& tokens, std::vector<Sentence>& sentences) {
  NEWSFACTS_RETURN_IF_ERROR(SetText(iterator, text));
  const std::vector<Span> runs = FindLineBreakRuns(text);
  const size_t size = text.size();
  size_t run = 0;
  size_t token = 0;  // first token that may straddle the end of the last sentence
  int paragraph = 0;
  bool paragraph_ended = false;
  int32_t icu_break = iterator.first();
  size_t pos = 0;
  while (pos < size) {
    const size_t run_begin = run < runs.size() ? runs[run].begin : size;
    if (run_begin <= pos) {
      pos = std::max(pos, runs[run].end);
      ++run;
      paragraph_ended = !sentences.empty();
      continue;
    }
    while (icu_break != icu::BreakIterator::DONE && static_cast<size_t>(icu_break) <= pos) {
      icu_break = iterator.next();
    }
    const size_t icu_end =
        icu_break == icu::BreakIterator::DONE ? size : static_cast<size_t>(icu_break);
    const size_t cut = std::min(run_begin, icu_end);
    const Span piece = TrimIgnorable(text, {pos, cut});
    pos = cut;
    if (piece.empty()) continue;
    if (paragraph_ended) {
      ++paragraph;
      paragraph_ended = false;
    } else if (!sentences.empty()) {
      Span& last = sentences.back().span;
      while (token < tokens.size() && tokens[token].span.end <= last.end) ++token;
      const bool straddles = token < tokens.size() && tokens[token].span.begin < last.end;
      if (straddles || ContinuesSentence(text, last, piece)) {
        last.end = piece.end;
        continue;
      }
    }
    Sentence sentence;
    sentence.span = piece;
    sentence.paragraph = paragraph;
    sentences.push_back(sentence);
  }
  return Status::Ok();
}

// Gives each sentence the tokens inside it; every token lies inside exactly one sentence.
void AssignTokens(const std::vector<Token>& tokens, std::vector<Sentence>& sentences) {
  size_t token = 0;
  for (Sentence& sentence : sentences) {
    while (token < tokens.size() && tokens[token].span.end <= sentence.span.begin) ++token;
    sentence.first_token = token;
    while (token < tokens.size() && tokens[token].span.begin < sentence.span.end) ++token;
    sentence.token_count = token - sentence.first_token;
  }
}

}  // namespace

SegmenterStage::SegmenterStage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SegmenterStage::~SegmenterStage() = default;

StatusOr<std::unique_ptr<SegmenterStage>> SegmenterStage::Create() {
  auto impl = std::make_unique<Impl>();
  // Plain "en" rules: the abbreviation policy in segment_rules.cc decides after "Mr.", "U.S."
  // and "Inc." with the next word in view, which ICU's "ss=standard" suppressions do not.
  const icu::Locale locale("en");
  UErrorCode status = U_ZERO_ERROR;
  impl->sentences.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || impl->sentences == nullptr) {
    return Status::Internal(std::string("segment: ICU sentence iterator: ") + u_errorName(status));
  }
  impl->words.reset(icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status) || impl->words == nullptr) {
    return Status::Internal(std::string("segment: ICU word iterator: ") + u_errorName(status));
  }
  return std::unique_ptr<SegmenterStage>(new SegmenterStage(std::move(impl)));
}

Status SegmenterStage::Process(Document& doc) const {
  const std::string& text = doc.text();
  if (text.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return Status::InvalidArgument("text of " + std::to_string(text.size()) +
                                   " bytes exceeds the 2 GiB ICU offset limit");
  }
  std::unique_ptr<icu::BreakIterator> words(impl_->words->clone());
  std::unique_ptr<icu::BreakIterator> sentence_breaks(impl_->sentences->clone());
  if (words == nullptr || sentence_breaks == nullptr) {
    return Status::Internal("cannot clone ICU break iterators");
  }

  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 16);
  NEWSFACTS_RETURN_IF_ERROR(Tokenize(*words, text, tokens).WithContext("words"));

  std::vector<Sentence> sentences;
  sentences.reserve(text.size() / 100 + 4);
  NEWSFACTS_RETURN_IF_ERROR(
      SplitSentences(*sentence_breaks, text, tokens, sentences).WithContext("sentences"));
  AssignTokens(tokens, sentences);
  doc.mutable_tokens() = std::move(tokens);
  doc.mutable_sentences() = std::move(sentences);
  return Status::Ok();
}

}  // namespace newsfacts
