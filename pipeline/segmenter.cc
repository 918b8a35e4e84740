// Segmentation: word and sentence boundaries (byte offsets) from ICU or its exact fast path,
// words trimmed and classified, sentences cut at line breaks and false breaks joined.
#include "pipeline/segmenter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "pipeline/break_source.h"
#include "pipeline/fast_breaks.h"
#include "pipeline/icu_breaks.h"
#include "pipeline/segment_rules.h"

namespace newsfacts {

using segment_internal::ContinuesSentence;
using segment_internal::FindLineBreakRuns;

// The two sources of boundaries, read-only after Create().
struct SegmenterStage::Impl {
  std::unique_ptr<IcuBreakSource> icu;
  FastBreakSource fast;
};

namespace {

// Code point at `i` and its byte length; the text is valid UTF-8 (Document repairs it).
UChar32 DecodeAt(std::string_view text, size_t i, size_t* length) {
  UChar32 c = 0;
  int32_t offset = static_cast<int32_t>(i);
  U8_NEXT(text.data(), offset, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(offset) - i;
  return c;
}

// Code point ending at `i` (exclusive) and its byte length.
UChar32 DecodeBefore(std::string_view text, size_t i, size_t* length) {
  UChar32 c = 0;
  int32_t offset = static_cast<int32_t>(i);
  U8_PREV(text.data(), 0, offset, c);
  *length = i - static_cast<size_t>(offset);
  return c;
}

// DecodeAt and DecodeBefore with ASCII, nearly all news text, inline.
inline UChar32 CodePointAt(std::string_view text, size_t i, size_t* length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte >= 0x80) return DecodeAt(text, i, length);
  *length = 1;
  return byte;
}

inline UChar32 CodePointBefore(std::string_view text, size_t i, size_t* length) {
  const auto byte = static_cast<unsigned char>(text[i - 1]);
  if (byte >= 0x80) return DecodeBefore(text, i, length);
  *length = 1;
  return byte;
}

// Characters that separate tokens and never start or end one: Unicode White_Space, controls
// (NUL, ESC ...) and format characters (zero-width space, BOM, soft hyphen, bidi marks).
bool IsIgnorableBeyondAscii(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

inline bool IsIgnorable(UChar32 c) {
  return c < 0x80 ? c <= 0x20 || c == 0x7F : IsIgnorableBeyondAscii(c);
}

// True when the byte at `i` is an ASCII character that is not ignorable, so nothing is trimmed
// there; the common case, decided without decoding.
inline bool IsAsciiKept(std::string_view text, size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  return byte > 0x20 && byte < 0x7F;
}

// `span` without ignorable characters at either end; empty when nothing else is left.
inline Span TrimIgnorable(std::string_view text, Span span) {
  size_t length = 0;
  while (span.begin < span.end && !IsAsciiKept(text, span.begin) &&
         IsIgnorable(CodePointAt(text, span.begin, &length))) {
    span.begin += length;
  }
  while (span.end > span.begin && !IsAsciiKept(text, span.end - 1) &&
         IsIgnorable(CodePointBefore(text, span.end, &length))) {
    span.end -= length;
  }
  return span;
}

// u_isdigit and u_isalpha without a call for ASCII, where they are [0-9] and [A-Za-z].
bool IsDigit(UChar32 c) { return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c); }
bool IsAlpha(UChar32 c) {
  return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : u_isalpha(c);
}

bool IsPercentSign(UChar32 c) {
  return c == '%' || c == 0x066A || c == 0x2030 || c == 0x2031 || c == 0xFE6A || c == 0xFF05;
}

// Kind of a token that character `c` starts, when neither its first two characters nor the word
// iterator's rule status say (see Classify). Percent signs are symbols like "$" although
// Unicode files "%" under punctuation.
TokenKind KindOfCharacter(UChar32 c) {
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

// What tokenizing asks of a byte that is an ASCII character, read from a table instead of
// decoded and tested at each segment (issue 16: nearly every segment of news text starts and
// ends with ASCII, and a punctuation token asked ICU its character type). A byte from 0x80 on
// starts or continues a longer character and has no facts.
struct ByteFacts {
  bool kept = false;                    // an ASCII character neither white space nor a control
  TokenKind kind = TokenKind::kSymbol;  // KindOfCharacter
};
using ByteTable = std::array<ByteFacts, 256>;

const ByteTable& ByteFactsTable() {
  static const ByteTable table = [] {
    ByteTable facts;
    for (UChar32 c = 0; c < 0x80; ++c) {
      facts[static_cast<size_t>(c)] = {!IsIgnorable(c), KindOfCharacter(c)};
    }
    return facts;
  }();
  return table;
}

// Kind of the token `span`, from the word iterator's rule status and the first code point.
// Anything starting with a digit is a number: ICU calls "1.75bn" and "4o" letter tokens, but
// the entity and amount stages read them as numbers with a suffix. Two letters or more before
// the digits make a word: ICU calls "Net6" and "Printa8" number tokens, but they are names
// (issue 12); one letter ("M1", "Q3", "G7") is a code, read as a number.
TokenKind Classify(std::string_view text, Span span, WordBreakStatus rule_status,
                   const ByteTable& bytes) {
  size_t length = 0;
  const UChar32 c = CodePointAt(text, span.begin, &length);
  if (IsDigit(c)) return TokenKind::kNumber;
  if (IsAlpha(c) && span.begin + length < span.end) {
    size_t second_length = 0;
    if (IsAlpha(CodePointAt(text, span.begin + length, &second_length))) {
      return TokenKind::kWord;
    }
  }
  if (rule_status == WordBreakStatus::kNumber) return TokenKind::kNumber;
  if (rule_status == WordBreakStatus::kLetter) return TokenKind::kWord;
  return c < 0x80 ? bytes[static_cast<size_t>(c)].kind : KindOfCharacter(c);
}

// Word-break segments without their ignorable ends; all-ignorable segments are gaps.
// A segment that starts and ends with kept ASCII characters has nothing to trim; a one-byte
// segment of other ASCII (a space) is a gap.
void Tokenize(std::string_view text, const std::vector<WordBreak>& words,
              std::vector<Token>& tokens) {
  const ByteTable& bytes = ByteFactsTable();
  size_t start = 0;
  for (const WordBreak& word : words) {
    Span span{start, word.end};
    start = word.end;
    if (span.empty()) continue;
    const auto first = static_cast<unsigned char>(text[span.begin]);
    if (!bytes[first].kept || !bytes[static_cast<unsigned char>(text[span.end - 1])].kept) {
      if (span.size() == 1 && first < 0x80) continue;  // ASCII, not kept: ignorable
      span = TrimIgnorable(text, span);
      if (span.empty()) continue;
    }
    tokens.push_back({span, Classify(text, span, word.status, bytes)});
  }
}

// Builds sentences from ICU sentence breaks cut at line-break runs, trimmed, then joined
// within a paragraph where the abbreviation policy says so or a token would straddle the
// break ("ends.Next" is one ICU word). Paragraphs are counted by line-break runs.
void SplitSentences(std::string_view text, const std::vector<size_t>& sentence_ends,
                    const std::vector<Token>& tokens, std::vector<Sentence>& sentences) {
  const std::vector<Span> runs = FindLineBreakRuns(text);
  const size_t size = text.size();
  size_t run = 0;
  size_t token = 0;  // first token that may straddle the end of the last sentence
  int paragraph = 0;
  bool paragraph_ended = false;
  size_t icu_break = 0;  // index in sentence_ends of the first break after `pos`
  size_t pos = 0;
  while (pos < size) {
    const size_t run_begin = run < runs.size() ? runs[run].begin : size;
    if (run_begin <= pos) {
      pos = std::max(pos, runs[run].end);
      ++run;
      paragraph_ended = !sentences.empty();
      continue;
    }
    while (icu_break < sentence_ends.size() && sentence_ends[icu_break] <= pos) ++icu_break;
    const size_t icu_end = icu_break < sentence_ends.size() ? sentence_ends[icu_break] : size;
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
  auto icu = IcuBreakSource::Create();
  if (!icu.ok()) return icu.status().WithContext("segment");
  impl->icu = std::move(*icu);
  return std::unique_ptr<SegmenterStage>(new SegmenterStage(std::move(impl)));
}

Status SegmenterStage::Process(Document& doc) const {
  const std::string& text = doc.text();
  if (text.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return Status::InvalidArgument("text of " + std::to_string(text.size()) +
                                   " bytes exceeds the 2 GiB ICU offset limit");
  }
  // The fast path gives ICU's boundaries exactly where it covers the text, and about ten
  // times faster (tests/pipeline/break_source_test.cc proves them equal).
  const BreakSource& source =
      impl_->fast.Covers(text) ? static_cast<const BreakSource&>(impl_->fast) : *impl_->icu;
  Breaks breaks;
  NEWSFACTS_RETURN_IF_ERROR(source.Find(text, breaks));

  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 16);
  Tokenize(text, breaks.words, tokens);

  std::vector<Sentence> sentences;
  sentences.reserve(breaks.sentence_ends.size() + 4);
  SplitSentences(text, breaks.sentence_ends, tokens, sentences);
  AssignTokens(tokens, sentences);
  doc.mutable_tokens() = std::move(tokens);
  doc.mutable_sentences() = std::move(sentences);
  return Status::Ok();
}

}  // namespace newsfacts
