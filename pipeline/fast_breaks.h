// FastBreakSource: ICU's word and sentence boundaries from hand-written state machines, for
// text made only of characters those machines handle exactly (issue 16: ICU was the largest
// cost of segmentation).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "pipeline/break_source.h"

namespace newsfacts {

// The state machines cover code points in Latin-1, Latin Extended-A and B, General Punctuation
// (curly quotes, dashes, ellipsis), currency symbols and letterlike symbols whose ICU Word_Break
// and Sentence_Break values are ones the reduced rules in fast_breaks.cc handle; anything else
// (combining marks, format characters such as the soft hyphen, Hebrew, kana, CJK, emoji
// joiners, regional indicators) is for ICU. The classes come from ICU's own property lookups;
// the rules are ICU 72's, and tests/pipeline/break_source_test.cc fails if another ICU breaks
// differently. Thread-safe: read-only after construction.
class FastBreakSource : public BreakSource {
 public:
  FastBreakSource();

  // True when `text` is valid UTF-8 and every code point is one the machines handle.
  bool Covers(std::string_view text) const;

  // The boundaries ICU's "en" word and sentence rules give `text`. Requires Covers(text);
  // never fails.
  Status Find(std::string_view text, Breaks& breaks) const override;

 private:
  // A code point's classes under the word and sentence rules (values of the enums in
  // fast_breaks.cc); word class 0 means not covered.
  struct Classes {
    uint8_t word = 0;
    uint8_t sentence = 0;
  };

  Classes ClassesOf(uint32_t code_point) const;

  std::array<Classes, 128> ascii_;
  // Per byte: true for ASCII characters that continue any sentence they follow (all but
  // terminators and line breaks), so the sentence machine skips runs of them.
  std::array<bool, 256> plain_ascii_{};
  // Per byte: true for ASCII letters, digits and "_", which join any word they follow.
  std::array<bool, 256> ascii_word_body_{};
  std::vector<Classes> covered_;  // per code point of kCoveredRanges, in order
};

}  // namespace newsfacts
