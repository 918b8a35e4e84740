// Case folding, word shapes and canonical keys over UTF-8, via ICU character properties.
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

namespace {

// What the shape of a plain ASCII word needs of each byte: one table lookup a byte.
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

// The shape of a plain ASCII word, given the classes of all its bytes and of its first letter:
// the same judgement as ShapeOf's ICU path, on ASCII letters.
WordShape ShapeOfClasses(uint8_t seen, uint8_t first) {
  if ((seen & (kUpperByte | kLowerByte)) == 0) return WordShape::kUncased;
  if ((seen & kLowerByte) == 0) return WordShape::kUpper;
  if (first == kUpperByte) return WordShape::kCapital;
  return (seen & kUpperByte) != 0 ? WordShape::kInnerCap : WordShape::kLower;
}

}  // namespace

bool FoldPlainAscii(std::string_view word, char* folded, WordShape* shape, KeyHash::Part* part) {
  if (!word.empty() && word.size() <= 8) {
    uint64_t fold = 0;
    if (!FoldShortPlainAscii(word, &fold, shape)) return false;
    std::memcpy(folded, &fold, 8);
    *part = KeyHash::PartOf({folded, word.size()});
    return true;
  }
  uint8_t seen = 0;   // the classes of all bytes
  uint8_t first = 0;  // the class of the first letter
  KeyHash hash;
  for (size_t k = 0; k < word.size(); ++k) {
    const char c = word[k];
    const uint8_t byte_class = kByteClasses[static_cast<unsigned char>(c)];
    if (first == 0) first = byte_class;
    seen |= byte_class;
    // 'A'..'Z' gain the 0x20 bit of their lowercase letter; every other byte stays.
    const auto fold = static_cast<char>(c | ((byte_class & kUpperByte) << 5));
    folded[k] = fold;
    hash.Append(fold);
  }
  if ((seen & kNotPlainByte) != 0) return false;
  *shape = ShapeOfClasses(seen, first);
  *part = hash.part();
  return true;
}

WordShape ShapeOf(std::string_view word) {
  uint8_t seen = 0;
  uint8_t first = 0;
  for (const char c : word) {
    const uint8_t byte_class = kByteClasses[static_cast<unsigned char>(c)];
    if (first == 0) first = byte_class;
    seen |= byte_class;
  }
  if ((seen & kNotPlainByte) == 0) return ShapeOfClasses(seen, first);
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
  if (IsAscii(folded)) {
    // The ICU judgement below, on ASCII: White_Space is \t to \r and the space, the one dash
    // is '-', letters and digits are alphanumeric, no character is a mark.
    for (const char c : folded) {
      if ((c >= '\t' && c <= '\r') || c == ' ' || c == '-') {
        pending_dash = true;
        continue;
      }
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
      if (pending_dash && !key.empty()) key += '-';
      pending_dash = false;
      key += c;
    }
    return key;
  }
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
