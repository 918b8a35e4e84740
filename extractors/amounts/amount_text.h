// Byte-level text helpers shared by the amount files: table keys, digit strings, canonical
// numerals and space trimming (ASCII, no-break and narrow no-break spaces).
#pragma once

#include <string>
#include <string_view>

namespace newsfacts::amounts {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// True when `text` holds an ASCII digit; eight bytes at a time (issue 16: a test per byte of
// every sentence was a tenth of the amount stage).
bool HasAsciiDigit(std::string_view text);

// True for [0-9A-Za-z_], the bytes RE2's \b treats as word characters.
bool IsWordByte(char c);

// Returns `text` with ASCII letters lowercased.
std::string Lowercase(std::string_view text);

// Lowercases ASCII and collapses runs of spaces, tabs and no-break spaces into one space, so
// table keys and matched text compare equal whatever spacing the article used.
std::string NormalizeKey(std::string_view text);

// NormalizeKey without the lowercasing: for symbols and codes, whose case matters ("C $").
std::string CollapseSpaces(std::string_view text);

// The digits of `text` in order, ignoring every other byte.
std::string DigitsOf(std::string_view text);

// Canonical form of a numeral computed by string edits only, independently of Decimal:
// separators removed, leading integer zeros and trailing fraction zeros dropped ("0" when no
// digit is left before the point).
std::string CanonicalNumeral(std::string_view text);

// Returns `text` without ASCII spaces, tabs and no-break spaces at either end.
std::string_view TrimSpace(std::string_view text);

}  // namespace newsfacts::amounts
