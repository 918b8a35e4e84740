// Name helpers of the entity stage: Unicode case folding, letter-case shape of a word, the
// canonical key that lets the same entity meet itself across articles, and the first and last
// word of a phrase as a tokenizer keeps them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "extractors/entities/word_table.h"

namespace newsfacts {

// Hash of std::string keys that also accepts std::string_view, so that hash tables of the
// entity stage are probed without building a string (with std::equal_to<>).
struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// Returns `text` in Unicode lowercase (full case mapping, locale-independent).
std::string FoldCase(std::string_view text);

// The letter case of a word, judged by its cased letters.
enum class WordShape {
  kLower,     // "apple", "meta", "of"
  kCapital,   // "Apple", "McDonald", "O'Neil": first letter uppercase, some lowercase after
  kUpper,     // "AWS", "IBM", "LEICESTER": every cased letter uppercase (at least one)
  kInnerCap,  // "eBay", "iPhone": lowercase first letter, uppercase later
  kUncased,   // "2024", "&", "-": no cased letter
};

// Returns the shape of `word` (valid UTF-8).
WordShape ShapeOf(std::string_view word);

// When `word` is ASCII without whitespace (most words of news text), writes FoldCase(word) to
// the first word.size() bytes of `folded` (room for at least 8 bytes), sets `shape` to
// ShapeOf(word) and `part` to the KeyHash part of the folded word, all in one scan, and
// returns true; returns false for any other word (and may for one holding a control
// character), leaving `folded` written over but `shape` and `part` untouched.
bool FoldPlainAscii(std::string_view word, char* folded, WordShape* shape, KeyHash::Part* part);

// FoldPlainAscii of a word of 1 to 8 bytes, all bytes at once and without the hash part:
// when `word` is plain ASCII, sets `folded` to FoldCase(word) as an integer (LoadShortBytes:
// never 0, no byte of it is) and `shape` to ShapeOf(word), and returns true; returns false
// for any other word (whitespace or a control byte below 0x20 included), leaving both
// untouched.
// Inline: the entity word view calls it for most words of every document.
inline bool FoldShortPlainAscii(std::string_view word, uint64_t* folded, WordShape* shape) {
  // Each byte's class is the high bit of that byte in a sum (no carry crosses bytes below
  // 0x80).
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const size_t n = word.size();
  const uint64_t used = n == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
  const uint64_t bytes = LoadShortBytes(word);
  // Bytes above the word read as 0x7F: no letter, no whitespace.
  const uint64_t x = bytes | (~used & 0x7F * kOnes);
  if ((x & kHigh) != 0) return false;                    // a byte of a non-ASCII character
  if ((~(x + 0x5F * kOnes) & kHigh) != 0) return false;  // a byte below 0x21: whitespace
  const uint64_t upper = (x + 0x3F * kOnes) & ~(x + 0x25 * kOnes) & kHigh;  // 'A'..'Z'
  const uint64_t lower = (x + 0x1F * kOnes) & ~(x + 0x05 * kOnes) & kHigh;  // 'a'..'z'
  *folded = bytes | (upper >> 2);  // the 0x20 bit of each uppercase letter
  const uint64_t letters = upper | lower;
  const uint64_t first_letter = letters & (~letters + 1);
  *shape = letters == 0                  ? WordShape::kUncased
           : lower == 0                  ? WordShape::kUpper
           : (first_letter & upper) != 0 ? WordShape::kCapital
           : upper != 0                  ? WordShape::kInnerCap
                                         : WordShape::kLower;
  return true;
}

// Returns the canonical key of an entity name: Unicode lowercase, whitespace and hyphens
// become "-", every other punctuation or symbol character is dropped, and runs of "-" are
// collapsed and trimmed ("Brightwave Labs" -> "brightwave-labs", "J&J" -> "jj"). Legal
// designators are removed by the caller, which knows them from the rule files. Returns ""
// when `name` has no letter or digit.
std::string CanonicalKey(std::string_view name);

// Returns the first (last) word of a phrase as a word tokenizer keeps it: letters and
// digits, joined by "." or "'" only between letters or digits ("Amazon.com", "J.P", "O'Neil");
// a phrase starting (ending) with another character yields that one character.
std::string_view FirstWordOf(std::string_view phrase);
std::string_view LastWordOf(std::string_view phrase);

}  // namespace newsfacts
