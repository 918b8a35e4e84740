// Byte-level text helpers shared by the amount files.
#include "extractors/amounts/amount_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace newsfacts::amounts {

namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
}

bool HasAsciiDigit(std::string_view text) {
  constexpr uint64_t kLowBits = 0x7F7F7F7F7F7F7F7FULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  size_t pos = 0;
  for (; pos + sizeof(uint64_t) <= text.size(); pos += sizeof(uint64_t)) {
    uint64_t word;
    std::memcpy(&word, text.data() + pos, sizeof(word));
    // Per byte, with its top bit cleared so that no sum carries into the next: adding 0x50 sets
    // the top bit from '0' (0x30) on, adding 0x46 from ':' (0x3A) on; a byte whose own top bit
    // is set is no ASCII digit.
    const uint64_t low = word & kLowBits;
    if (((low + 0x5050505050505050ULL) & ~(low + 0x4646464646464646ULL) & ~word & kHighBits) != 0) {
      return true;
    }
  }
  return std::any_of(text.begin() + static_cast<std::ptrdiff_t>(pos), text.end(), IsAsciiDigit);
}

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::string NormalizeKey(std::string_view text) { return Lowercase(CollapseSpaces(text)); }

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    const bool narrow_nbsp = static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
                             static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                             static_cast<unsigned char>(text[i + 2]) == 0xAF;
    if (c == ' ' || c == '\t' || nbsp || narrow_nbsp) {
      pending_space = !out.empty();
      i += nbsp ? 1 : (narrow_nbsp ? 2 : 0);
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string DigitsOf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (IsAsciiDigit(c)) out.push_back(c);
  }
  return out;
}

std::string CanonicalNumeral(std::string_view text) {
  std::string integer;
  std::string fraction;
  bool in_fraction = false;
  for (char c : text) {
    if (c == '.') {
      in_fraction = true;
    } else if (IsAsciiDigit(c)) {
      (in_fraction ? fraction : integer).push_back(c);
    }
  }
  integer.erase(0, std::min(integer.find_first_not_of('0'), integer.size()));
  if (integer.empty()) integer.assign(1, '0');  // not = "0": GCC 12 -Wrestrict false positive
  fraction.erase(std::min(fraction.find_last_not_of('0') + 1, fraction.size()));
  return fraction.empty() ? integer : integer + "." + fraction;
}

std::string_view TrimSpace(std::string_view text) {
  auto is_space_at_front = [&](size_t& n) {
    if (text.empty()) return false;
    if (text[0] == ' ' || text[0] == '\t') return (n = 1), true;
    if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xC2 &&
        static_cast<unsigned char>(text[1]) == 0xA0) {
      return (n = 2), true;
    }
    return false;
  };
  size_t n = 0;
  while (is_space_at_front(n)) text.remove_prefix(n);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  while (text.size() >= 2 && static_cast<unsigned char>(text[text.size() - 2]) == 0xC2 &&
         static_cast<unsigned char>(text.back()) == 0xA0) {
    text.remove_suffix(2);
  }
  return text;
}

}  // namespace newsfacts::amounts
