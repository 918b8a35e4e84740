// Tests for the eight-bytes-at-once tests of byte_words.h against a byte-by-byte answer: every
// byte value at every position of a word, among neighbours that do and do not have the
// property (a borrow from one byte must not make its neighbour look like a match).
#include "pipeline/byte_words.h"

#include <gtest/gtest.h>

#include <random>

namespace newsfacts {
namespace {

uint64_t WordOf(const unsigned char (&bytes)[8]) {
  return LoadWord(reinterpret_cast<const char*>(bytes));
}

void ExpectAgreesBytewise(const unsigned char (&bytes)[8]) {
  bool non_ascii = false, below_space = false, quote = false;
  for (unsigned char b : bytes) {
    non_ascii |= b >= 0x80;
    below_space |= b < 0x20;
    quote |= b == '"';
  }
  const uint64_t word = WordOf(bytes);
  EXPECT_EQ(HasNonAsciiByte(word), non_ascii);
  EXPECT_EQ(HasByteBelow(word, 0x20), below_space);
  EXPECT_EQ(HasByte(word, '"'), quote);
}

TEST(ByteWordsTest, EveryByteValueAtEveryPosition) {
  for (unsigned char filler : {'a', ' ', '!', '\x21', '\x7f', '\x80', '\x00', '\x1f'}) {
    for (int position = 0; position < 8; ++position) {
      for (int value = 0; value < 256; ++value) {
        unsigned char bytes[8];
        for (unsigned char& b : bytes) b = filler;
        bytes[position] = static_cast<unsigned char>(value);
        ExpectAgreesBytewise(bytes);
      }
    }
  }
}

TEST(ByteWordsTest, RandomWordsAgreeBytewise) {
  std::mt19937 random(8);
  for (int round = 0; round < 20000; ++round) {
    unsigned char bytes[8];
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(random() % 256);
    ExpectAgreesBytewise(bytes);
  }
}

}  // namespace
}  // namespace newsfacts
