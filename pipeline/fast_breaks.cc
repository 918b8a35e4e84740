// Hand-written equivalents of ICU's word rules (word.txt) and sentence rules (sent.txt) as
// ICU 72 compiles them: chained rules, longest match, rule status the largest tag of the
// rules ending at the break. The rules are reduced to the classes FastBreakSource covers
// (no Extend, Format, ZWJ, Hebrew, kana or ideographs, so every `$ExFm*` is empty).
#include "pipeline/fast_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <bit>
#include <cstring>

namespace newsfacts {
namespace {

// Word_Break values as ICU's word rules use them. ICU adds "@" to ALetter and takes ":" out of
// MidLetter ("a:b" is three words); Double_Quote only matters next to Hebrew, so it is Other.
enum WordClass : uint8_t {
  kWordUncovered = 0,
  kWordCR,
  kWordLF,
  kWordNewline,
  kWordSpace,  // WSegSpace
  kWordLetter,
  kWordDigit,
  kWordMidNumLet,
  kWordMidLetter,
  kWordMidNum,
  kWordSingleQuote,
  kWordExtendNumLet,
  kWordOther,
};

// Sentence_Break values; Extend and Format are not covered.
enum SentenceClass : uint8_t {
  kSentenceUncovered = 0,
  kSentenceCR,
  kSentenceLF,
  kSentenceSep,
  kSentenceSp,
  kSentenceLower,
  kSentenceUpper,
  kSentenceOLetter,
  kSentenceNumeric,
  kSentenceATerm,
  kSentenceSTerm,
  kSentenceClose,
  kSentenceSContinue,
  kSentenceOther,
};

// Code points the machines may cover, as half-open ranges.
struct CodePointRange {
  uint32_t begin;
  uint32_t end;
};
constexpr CodePointRange kCoveredRanges[] = {
    {0x0000, 0x0250},  // ASCII, Latin-1, Latin Extended-A and B
    {0x2000, 0x2070},  // General Punctuation: spaces, dashes, curly quotes, ellipsis
    {0x20A0, 0x20D0},  // currency symbols (euro)
    {0x2100, 0x2150},  // letterlike symbols (trade mark)
};

uint8_t WordClassOf(UChar32 c) {
  if (c == '@') return kWordLetter;
  if (c == ':') return kWordOther;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_CR:
      return kWordCR;
    case U_WB_LF:
      return kWordLF;
    case U_WB_NEWLINE:
      return kWordNewline;
    case U_WB_WSEGSPACE:
      return kWordSpace;
    case U_WB_ALETTER:
      return kWordLetter;
    case U_WB_NUMERIC:
      return kWordDigit;
    case U_WB_MIDNUMLET:
      return kWordMidNumLet;
    case U_WB_MIDLETTER:
      return kWordMidLetter;
    case U_WB_MIDNUM:
      return kWordMidNum;
    case U_WB_SINGLE_QUOTE:
      return kWordSingleQuote;
    case U_WB_EXTENDNUMLET:
      return kWordExtendNumLet;
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:
      return kWordOther;
    default:
      return kWordUncovered;
  }
}

uint8_t SentenceClassOf(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_CR:
      return kSentenceCR;
    case U_SB_LF:
      return kSentenceLF;
    case U_SB_SEP:
      return kSentenceSep;
    case U_SB_SP:
      return kSentenceSp;
    case U_SB_LOWER:
      return kSentenceLower;
    case U_SB_UPPER:
      return kSentenceUpper;
    case U_SB_OLETTER:
      return kSentenceOLetter;
    case U_SB_NUMERIC:
      return kSentenceNumeric;
    case U_SB_ATERM:
      return kSentenceATerm;
    case U_SB_STERM:
      return kSentenceSTerm;
    case U_SB_CLOSE:
      return kSentenceClose;
    case U_SB_SCONTINUE:
      return kSentenceSContinue;
    case U_SB_OTHER:
      return kSentenceOther;
    default:
      return kSentenceUncovered;
  }
}

// Word-at-a-time tests on eight bytes (little-endian: the first byte is the lowest), which
// mark each byte's answer in its high bit. They only let the machines skip bytes whose classes
// the tables would give anyway: ASCII letters (Word_Break ALetter) and ASCII above the
// controls other than ". ! ?" (Sentence_Break neither terminator nor separator; the test
// PlainAsciiIsWhatTheSentenceMachineSkips checks that against ICU).
constexpr uint64_t kOnes = 0x0101010101010101u;
constexpr uint64_t kHighBits = 0x8080808080808080u;

uint64_t LoadEight(const uint8_t* bytes) {
  uint64_t eight = 0;
  std::memcpy(&eight, bytes, sizeof eight);
  return eight;
}

// Bytes equal to zero. Borrows may also mark bytes after the first zero, never before it.
uint64_t ZeroBytes(uint64_t eight) { return (eight - kOnes) & ~eight & kHighBits; }

// Bytes that are not ASCII letters; exact up to and including the first one.
uint64_t NonLetterBytes(uint64_t eight) {
  const uint64_t folded = (eight & ~kHighBits) | (kOnes * 0x20);  // upper case to lower
  const uint64_t from_a = folded + kOnes * (0x80 - 'a');          // no carries: folded <= 0x7F
  const uint64_t after_z = folded + kOnes * (0x80 - 'z' - 1);
  return ~(from_a & ~after_z & ~eight) & kHighBits;
}

// Bytes the sentence machine may not skip: non-ASCII, controls (line breaks), ". ! ?".
uint64_t SentenceStopBytes(uint64_t eight) {
  const uint64_t control = (eight - kOnes * 0x20) & ~eight & kHighBits;
  return (eight & kHighBits) | control | ZeroBytes(eight ^ (kOnes * '.')) |
         ZeroBytes(eight ^ (kOnes * '!')) | ZeroBytes(eight ^ (kOnes * '?'));
}

bool IsCased(uint8_t sentence_class) {
  return sentence_class == kSentenceLower || sentence_class == kSentenceUpper;
}

bool IsWordBody(uint8_t word_class) {
  return word_class == kWordLetter || word_class == kWordDigit || word_class == kWordExtendNumLet;
}

// True when `mid` between two characters of class `side` keeps them in one word:
// "can't", "e.g", "3.5", "1,000" (ICU word rules WB6/7 and WB11/12).
bool JoinsAcross(uint8_t side, uint8_t mid) {
  if (mid == kWordMidNumLet || mid == kWordSingleQuote) {
    return side == kWordLetter || side == kWordDigit;
  }
  if (mid == kWordMidLetter) return side == kWordLetter;
  if (mid == kWordMidNum) return side == kWordDigit;
  return false;
}

// The rule status of a word ending in `last` after `before_last` (0 when it is the first
// character): a letter ends a letter word, a digit a number; a final "_" takes the status of
// the rule it ends ("a_" letter, "1_" number, "__" letter, "_" alone none).
WordBreakStatus WordStatus(uint8_t before_last, uint8_t last) {
  if (last == kWordLetter) return WordBreakStatus::kLetter;
  if (last == kWordDigit) return WordBreakStatus::kNumber;
  if (before_last == kWordDigit) return WordBreakStatus::kNumber;
  if (before_last == 0) return WordBreakStatus::kNone;
  return WordBreakStatus::kLetter;
}

// Where the sentence automaton is after the characters read since the last break. ICU reads
// a sentence as a chain of rules: letters and other plain characters chain on, a terminator
// ("." is ATerm, "?" and "!" STerm) may be followed by closing punctuation, then spaces, then
// a line separator, and the sentence goes on only when what follows says so.
enum class SentenceState : uint8_t {
  kBody,             // after plain text, or closing punctuation and spaces within it
  kBodyAfterLetter,  // after an upper- or lower-case letter: "U.S" stays one sentence
  kTerm,             // right after a terminator
  kTermClose,        // after a terminator and closing punctuation
  kTermSpace,        // after a terminator, closing punctuation and spaces
  kLowerAhead,       // after "." and more, a lower-case letter would continue (not final)
  kAfterCR,          // after a CR that ends the sentence, an LF may join it
  kEnded,            // after the line separator that ends the sentence
};

// What the automaton remembers about the terminator it last read.
struct Terminator {
  bool is_aterm = false;      // ".": a lower-case letter or a digit may continue
  bool after_letter = false;  // "x.": an upper-case letter right after continues ("U.S")
};

// Moves the automaton over a character of class `c`; false when no rule goes on, so the
// sentence ends at the last accepting position.
bool StepSentence(SentenceState& state, Terminator& term, uint8_t c) {
  using S = SentenceState;
  switch (state) {
    case S::kBody:
    case S::kBodyAfterLetter:
      switch (c) {
        case kSentenceLower:
        case kSentenceUpper:
          state = S::kBodyAfterLetter;
          return true;
        case kSentenceATerm:
          term = {true, state == S::kBodyAfterLetter};
          state = S::kTerm;
          return true;
        case kSentenceSTerm:
          term = {false, false};
          state = S::kTerm;
          return true;
        case kSentenceSep:
        case kSentenceLF:
          state = S::kEnded;
          return true;
        case kSentenceCR:
          state = S::kAfterCR;
          return true;
        default:  // OLetter, Numeric, SContinue, Other, Close, Sp
          state = S::kBody;
          return true;
      }
    case S::kTerm:
    case S::kTermClose:
    case S::kTermSpace:
      switch (c) {
        case kSentenceUpper:
          if (state != S::kTerm || !term.after_letter) return false;
          state = S::kBodyAfterLetter;
          return true;
        case kSentenceLower:
          if (!term.is_aterm) return false;
          state = S::kBodyAfterLetter;
          return true;
        case kSentenceNumeric:
          if (!term.is_aterm) return false;
          state = state == S::kTerm ? S::kBody : S::kLowerAhead;
          return true;
        case kSentenceClose:
          if (state == S::kTermSpace) {
            if (!term.is_aterm) return false;
            state = S::kLowerAhead;
          } else {
            state = S::kTermClose;
          }
          return true;
        case kSentenceSp:
          state = S::kTermSpace;
          return true;
        case kSentenceSContinue:
          state = S::kBody;
          return true;
        case kSentenceATerm:
          term = {true, false};
          state = S::kTerm;
          return true;
        case kSentenceSTerm:
          term = {false, false};
          state = S::kTerm;
          return true;
        case kSentenceSep:
        case kSentenceLF:
          state = S::kEnded;
          return true;
        case kSentenceCR:
          state = S::kAfterCR;
          return true;
        case kSentenceOther:
          if (!term.is_aterm) return false;
          state = S::kLowerAhead;
          return true;
        default:  // OLetter
          return false;
      }
    case S::kLowerAhead:
      switch (c) {
        case kSentenceLower:
          state = S::kBodyAfterLetter;
          return true;
        case kSentenceClose:
        case kSentenceSp:
        case kSentenceNumeric:
        case kSentenceSContinue:
        case kSentenceOther:
          return true;
        default:
          return false;
      }
    case S::kAfterCR:
      if (c != kSentenceLF) return false;
      state = S::kEnded;
      return true;
    case S::kEnded:
      return false;
  }
  return false;
}

}  // namespace

FastBreakSource::FastBreakSource() {
  auto classes_of = [](UChar32 c) {
    Classes classes{WordClassOf(c), SentenceClassOf(c)};
    if (classes.sentence == kSentenceUncovered) classes.word = kWordUncovered;
    return classes;
  };
  for (UChar32 c = 0; c < 128; ++c) {
    const Classes classes = classes_of(c);
    ascii_[static_cast<size_t>(c)] = classes;
    ascii_word_body_[static_cast<size_t>(c)] = IsWordBody(classes.word);
    plain_ascii_[static_cast<size_t>(c)] =
        classes.sentence != kSentenceATerm && classes.sentence != kSentenceSTerm &&
        classes.sentence != kSentenceSep && classes.sentence != kSentenceCR &&
        classes.sentence != kSentenceLF;
  }
  for (const CodePointRange& range : kCoveredRanges) {
    for (uint32_t c = range.begin; c < range.end; ++c) {
      covered_.push_back(classes_of(static_cast<UChar32>(c)));
    }
  }
}

FastBreakSource::Classes FastBreakSource::ClassesOf(uint32_t code_point) const {
  size_t offset = 0;
  for (const CodePointRange& range : kCoveredRanges) {
    if (code_point < range.begin) break;
    if (code_point < range.end) return covered_[offset + code_point - range.begin];
    offset += range.end - range.begin;
  }
  return {};
}

bool FastBreakSource::Covers(std::string_view text) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < size) {
    if (i + 8 <= size) {  // eight ASCII bytes at a time
      uint64_t eight = 0;
      std::memcpy(&eight, bytes + i, sizeof eight);
      if ((eight & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0 || ClassesOf(static_cast<uint32_t>(c)).word == kWordUncovered) return false;
  }
  return true;
}

Status FastBreakSource::Find(std::string_view text, Breaks& breaks) const {
  breaks.words.clear();
  breaks.sentence_ends.clear();
  breaks.words.reserve(text.size() / 2 + 16);  // news text: a segment every 2.7 bytes
  breaks.sentence_ends.reserve(text.size() / 64 + 4);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t size = text.size();
  // Classes of the code point at `i` (valid UTF-8, covered) and its byte length.
  auto at = [&](size_t i, size_t& length) {
    const uint8_t lead = bytes[i];
    if (lead < 0x80) {
      length = 1;
      return ascii_[lead];
    }
    if (lead < 0xE0) {
      length = 2;
      return ClassesOf((uint32_t{lead} & 0x1F) << 6 | (bytes[i + 1] & 0x3F));
    }
    length = 3;  // covered code points are all below U+10000
    return ClassesOf((uint32_t{lead} & 0x0F) << 12 | (bytes[i + 1] & 0x3Fu) << 6 |
                     (bytes[i + 2] & 0x3F));
  };

  // Words: one segment per rule match, the longest from where the last one ended.
  for (size_t i = 0; i < size;) {
    size_t length = 0;
    const uint8_t first = at(i, length).word;
    size_t end = i + length;
    WordBreakStatus status = WordBreakStatus::kNone;
    if (first == kWordCR) {
      if (end < size && bytes[end] == '\n') ++end;
    } else if (first == kWordSpace) {
      while (end < size && at(end, length).word == kWordSpace) end += length;
    } else if (IsWordBody(first)) {
      uint8_t before_last = 0;
      uint8_t last = first;
      while (end < size) {
        const size_t run_begin = end;  // ASCII letters, digits and "_" need no more checks
        while (end + 8 <= size) {
          const uint64_t stops = NonLetterBytes(LoadEight(bytes + end));
          end += stops == 0 ? 8 : std::countr_zero(stops) / 8;
          if (stops != 0) break;
        }
        while (end < size && ascii_word_body_[bytes[end]]) ++end;
        if (end > run_begin) {
          before_last = end - run_begin > 1 ? ascii_[bytes[end - 2]].word : last;
          last = ascii_[bytes[end - 1]].word;
          if (end == size) break;
        }
        const uint8_t next = at(end, length).word;
        if (IsWordBody(next)) {
          before_last = last;
          last = next;
          end += length;
          continue;
        }
        if (end + length >= size || !JoinsAcross(last, next)) break;
        size_t after_length = 0;
        if (at(end + length, after_length).word != last) break;
        before_last = next;
        end += length + after_length;
      }
      status = WordStatus(before_last, last);
      // The space after a word, the commonest segment, in the same round.
      if (end + 1 < size && bytes[end] < 0x80 && bytes[end + 1] < 0x80 &&
          ascii_[bytes[end]].word == kWordSpace && ascii_[bytes[end + 1]].word != kWordSpace) {
        breaks.words.push_back({static_cast<uint32_t>(end), status});
        status = WordBreakStatus::kNone;
        ++end;
      }
    }
    breaks.words.push_back({static_cast<uint32_t>(end), status});
    i = end;
  }

  // Sentences: run the automaton from each break; it ends at the last accepting position,
  // which after a lookahead for a lower-case letter ("etc. (1) the") may lie behind it.
  for (size_t start = 0; start < size;) {
    SentenceState state = SentenceState::kBody;
    Terminator term;
    size_t accepted = start;
    for (size_t i = start; i < size;) {
      if (state == SentenceState::kBody || state == SentenceState::kBodyAfterLetter) {
        // Plain ASCII keeps the sentence going; only the last one matters for "U.S".
        const size_t run_begin = i;
        while (i + 8 <= size) {
          const uint64_t stops = SentenceStopBytes(LoadEight(bytes + i));
          i += stops == 0 ? 8 : std::countr_zero(stops) / 8;
          if (stops != 0) break;
        }
        while (i < size && plain_ascii_[bytes[i]]) ++i;
        if (i > run_begin) {
          state = IsCased(ascii_[bytes[i - 1]].sentence) ? SentenceState::kBodyAfterLetter
                                                         : SentenceState::kBody;
          accepted = i;
          if (i == size) break;
        }
      }
      size_t length = 0;
      if (!StepSentence(state, term, at(i, length).sentence)) break;
      i += length;
      if (state != SentenceState::kLowerAhead) accepted = i;
    }
    breaks.sentence_ends.push_back(accepted);
    start = accepted;
  }
  return Status::Ok();
}

}  // namespace newsfacts
