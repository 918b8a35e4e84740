// UTF-8 repair and NFC normalization, the only places raw bytes become article text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsfacts {

struct RepairedText {
  std::string text;     // valid UTF-8
  size_t replaced = 0;  // invalid sequences replaced by U+FFFD (maximal-subpart rule)
};

// Returns `bytes` as valid UTF-8; each ill-formed sequence (overlong, surrogate, truncated,
// out of range) becomes one U+FFFD. Valid input is returned unchanged.
RepairedText RepairUtf8(std::string_view bytes);

// Makes `text` valid UTF-8 as RepairUtf8 does, without a copy when it already is (a 60 MB
// file of valid text is checked, not copied); returns the number of sequences replaced.
size_t RepairUtf8InPlace(std::string& text);

// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// Length of the well-formed UTF-8 sequence that starts at `bytes[i]` (1 for ASCII), or 0
// when it is ill-formed or cut off by the end of `bytes`.
size_t Utf8SequenceLength(std::string_view bytes, size_t i);

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF, not a surrogate).
void AppendUtf8(uint32_t code_point, std::string* out);

// True when valid UTF-8 `utf8` is NFC already (ASCII always is).
bool IsNfc(std::string_view utf8);

// Returns the NFC form of valid UTF-8 text. ASCII and already-NFC text come back unchanged.
std::string NormalizeNfc(std::string_view utf8);

// True when `offset` is 0, text.size(), or the first byte of a code point.
inline bool IsCodePointBoundary(std::string_view text, size_t offset) {
  if (offset == 0 || offset == text.size()) return true;
  if (offset > text.size()) return false;
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace newsfacts
