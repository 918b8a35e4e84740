// Case folding, word shapes and canonical keys over UTF-8, via ICU character properties, and
// the open-addressing WordTable.
#include "extractors/entities/entity_names.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>

namespace newsfacts {
namespace {

bool IsAscii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

bool IsJoiner(char c) { return c == '.' || c == '\''; }

}  // namespace

uint64_t WordTable::Hash(std::string_view word) {
  // Words are short: a multiply-xorshift round per eight bytes, the tail zero-padded.
  constexpr uint64_t kMultiplier = 0x9e3779b97f4a7c15ull;
  uint64_t hash = word.size() * kMultiplier;
  size_t k = 0;
  for (; k + 8 <= word.size(); k += 8) {
    uint64_t bytes = 0;
    std::memcpy(&bytes, word.data() + k, 8);
    hash = (hash ^ bytes) * 0xbf58476d1ce4e5b9ull;
    hash ^= hash >> 31;
  }
  if (k < word.size()) {
    uint64_t bytes = 0;
    for (size_t shift = 0; k < word.size(); ++k, shift += 8) {
      bytes |= uint64_t{static_cast<unsigned char>(word[k])} << shift;
    }
    hash = (hash ^ bytes) * 0x94d049bb133111ebull;
    hash ^= hash >> 29;
  }
  // Mix the high bits into the low ones, which pick the slot.
  hash *= kMultiplier;
  return hash ^ (hash >> 32);
}

size_t WordTable::Insert(std::string_view word) {
  if (const size_t found = Find(word); found != kNotFound) return found;
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = Hash(word);
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  while (slots_[slot].entry != 0) slot = (slot + 1) & mask;
  words_.emplace_back(word);
  hashes_.push_back(hash);
  slots_[slot] = Slot{static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(hash >> 32)};
  const size_t bit = FilterBit(hash);
  filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  return words_.size() - 1;
}

size_t WordTable::Find(std::string_view word) const { return Find(word, Hash(word)); }

size_t WordTable::Find(std::string_view word, uint64_t hash) const {
  if (slots_.empty()) return kNotFound;
  const size_t bit = FilterBit(hash);
  if ((filter_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return kNotFound;
  const size_t mask = slots_.size() - 1;
  const auto high = static_cast<uint32_t>(hash >> 32);
  for (size_t slot = hash & mask; slots_[slot].entry != 0; slot = (slot + 1) & mask) {
    if (slots_[slot].hash_high != high) continue;
    const size_t index = slots_[slot].entry - 1;
    if (words_[index] == word) return index;
  }
  return kNotFound;
}

void WordTable::Grow() {
  std::vector<Slot> slots(slots_.empty() ? 64 : slots_.size() * 2);
  const size_t mask = slots.size() - 1;
  for (size_t index = 0; index < words_.size(); ++index) {
    size_t slot = hashes_[index] & mask;
    while (slots[slot].entry != 0) slot = (slot + 1) & mask;
    slots[slot] =
        Slot{static_cast<uint32_t>(index + 1), static_cast<uint32_t>(hashes_[index] >> 32)};
  }
  slots_ = std::move(slots);
  // Sixteen filter bits a word at most load: about one miss in sixteen reads the slots.
  filter_.assign(slots_.size() / 8, 0);
  for (const uint64_t hash : hashes_) {
    const size_t bit = FilterBit(hash);
    filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
}

std::string_view FirstWordOf(std::string_view phrase) {
  size_t end = 0;
  while (end < phrase.size()) {
    if (IsWordByte(phrase[end])) {
      ++end;
    } else if (IsJoiner(phrase[end]) && end > 0 && end + 1 < phrase.size() &&
               IsWordByte(phrase[end + 1])) {
      ++end;
    } else {
      break;
    }
  }
  return end == 0 ? phrase.substr(0, 1) : phrase.substr(0, end);
}

std::string_view LastWordOf(std::string_view phrase) {
  size_t begin = phrase.size();
  while (begin > 0) {
    if (IsWordByte(phrase[begin - 1])) {
      --begin;
    } else if (IsJoiner(phrase[begin - 1]) && begin < phrase.size() && begin >= 2 &&
               IsWordByte(phrase[begin - 2])) {
      --begin;
    } else {
      break;
    }
  }
  return begin == phrase.size() ? phrase.substr(phrase.empty() ? 0 : phrase.size() - 1)
                                : phrase.substr(begin);
}

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) {
    std::string folded(text);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.toLower(icu::Locale::getRoot());
  std::string folded;
  unicode.toUTF8String(folded);
  return folded;
}

// What PlainAsciiShape needs of each byte: one table lookup a byte.
constexpr uint8_t kUpperByte = 1;
constexpr uint8_t kLowerByte = 2;
constexpr uint8_t kNotPlainByte = 4;  // whitespace or a byte of a non-ASCII character

constexpr std::array<uint8_t, 256> kByteClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'A' && c <= 'Z') classes[c] = kUpperByte;
    if (c >= 'a' && c <= 'z') classes[c] = kLowerByte;
    if (c >= 0x80 || c == ' ' || c == '\t' || c == '\n' || c == '\r') classes[c] = kNotPlainByte;
  }
  return classes;
}();

bool PlainAsciiShape(std::string_view word, WordShape* shape) {
  // Same judgement as ShapeOf's ICU path, on ASCII letters.
  uint8_t seen = 0;   // the classes of all bytes
  uint8_t first = 0;  // the class of the first letter
  for (const char c : word) {
    const uint8_t byte_class = kByteClasses[static_cast<unsigned char>(c)];
    if (first == 0) first = byte_class;
    seen |= byte_class;
  }
  if ((seen & kNotPlainByte) != 0) return false;
  if ((seen & (kUpperByte | kLowerByte)) == 0) {
    *shape = WordShape::kUncased;
  } else if ((seen & kLowerByte) == 0) {
    *shape = WordShape::kUpper;
  } else if (first == kUpperByte) {
    *shape = WordShape::kCapital;
  } else {
    *shape = (seen & kUpperByte) != 0 ? WordShape::kInnerCap : WordShape::kLower;
  }
  return true;
}

WordShape ShapeOf(std::string_view word) {
  if (WordShape shape; PlainAsciiShape(word, &shape)) return shape;
  bool first_cased_seen = false;
  bool first_upper = false;
  bool any_upper = false;
  bool any_lower = false;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(word.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, length, c);
    if (c < 0) continue;
    const bool upper = u_isUUppercase(c) || u_istitle(c);
    const bool lower = u_isULowercase(c);
    if (!upper && !lower) continue;
    if (!first_cased_seen) {
      first_cased_seen = true;
      first_upper = upper;
    }
    any_upper |= upper;
    any_lower |= lower;
  }
  if (!first_cased_seen) return WordShape::kUncased;
  if (!any_lower) return WordShape::kUpper;
  if (first_upper) return WordShape::kCapital;
  return any_upper ? WordShape::kInnerCap : WordShape::kLower;
}

std::string CanonicalKey(std::string_view name) {
  const std::string folded = FoldCase(name);
  std::string key;
  bool pending_dash = false;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(folded.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(folded.data()), i, length, c);
    if (c < 0) continue;
    if (u_isUWhiteSpace(c) || c == '-' || u_charType(c) == U_DASH_PUNCTUATION) {
      pending_dash = true;
      continue;
    }
    if (!u_isalnum(c) && u_charType(c) != U_NON_SPACING_MARK) continue;
    if (pending_dash && !key.empty()) key += '-';
    pending_dash = false;
    key.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  return key;
}

}  // namespace newsfacts
