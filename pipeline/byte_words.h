// Tests on eight bytes at once (one 64-bit word), for scanners that pass over plain ASCII
// text: each says whether some byte of the word has a property, exactly (no false answers),
// so a scanner can skip a word that has none and look at the bytes of one that has.
#pragma once

#include <cstdint>
#include <cstring>

namespace newsfacts {

constexpr uint64_t kByteOnes = 0x0101010101010101ULL;
constexpr uint64_t kByteHighBits = 0x8080808080808080ULL;

// The eight bytes at `p`, in memory order whatever the machine's byte order (only the
// presence of a byte is ever asked).
inline uint64_t LoadWord(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// True when some byte of `word` is 0x80 or above (not ASCII).
inline bool HasNonAsciiByte(uint64_t word) { return (word & kByteHighBits) != 0; }

// True when some byte of `word` is below `limit` (1 <= limit <= 128): a borrow only crosses
// into the next byte from a byte that is itself below `limit`, and a byte of 0x80 or above
// never has its high bit set by the subtraction.
inline bool HasByteBelow(uint64_t word, unsigned limit) {
  return ((word - kByteOnes * limit) & ~word & kByteHighBits) != 0;
}

// True when some byte of `word` equals `byte`.
inline bool HasByte(uint64_t word, unsigned char byte) {
  return HasByteBelow(word ^ (kByteOnes * byte), 1);
}

}  // namespace newsfacts
