// Tests of the amount text helpers: HasAsciiDigit agrees with a test of every byte, for every
// byte value at every position of a word and of the tail after the last whole word.
#include "extractors/amounts/amount_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace newsfacts::amounts {
namespace {

TEST(AmountTextTest, HasAsciiDigitAgreesWithEachByteForEveryByteValueAndPosition) {
  for (size_t length = 1; length <= 19; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (int value = 0; value < 256; ++value) {
        std::string text(length, 'x');
        text[at] = static_cast<char>(value);
        const bool expected = value >= '0' && value <= '9';
        ASSERT_EQ(HasAsciiDigit(text), expected)
            << "byte " << value << " at " << at << " of " << length;
      }
    }
  }
}

TEST(AmountTextTest, HasAsciiDigitAmongBytesNextToDigits) {
  // The neighbours of the digit range and bytes with the top bit set, whose sums could carry.
  const std::string near =
      "/:\xB0\xB9\xFF\x80\x7F "
      "\xE2\x82\xAC"
      "abcdefgh";
  EXPECT_FALSE(HasAsciiDigit(near));
  EXPECT_FALSE(HasAsciiDigit(""));
  EXPECT_TRUE(HasAsciiDigit(near + "9"));
  EXPECT_TRUE(HasAsciiDigit("0" + near));
  EXPECT_TRUE(
      HasAsciiDigit("The unit cost \xE2\x82\xAC"
                    "12bn."));
}

}  // namespace
}  // namespace newsfacts::amounts
