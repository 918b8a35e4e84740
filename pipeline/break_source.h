// BreakSource: where the segmenter gets its word and sentence boundaries from, ICU's break
// iterators or the exact fast path for common Latin text (issue 16).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace newsfacts {

// What the word-break rules say about a word segment: ICU's rule status reduced to the
// ranges the segmenter reads (UBRK_WORD_NONE, UBRK_WORD_NUMBER, UBRK_WORD_LETTER and up).
enum class WordBreakStatus : uint8_t { kNone, kNumber, kLetter };

// One word segment: it ends at byte `end` and starts where the previous one ended (or at 0).
// Eight bytes, as news text has a segment every three bytes or so.
struct WordBreak {
  uint32_t end = 0;
  WordBreakStatus status = WordBreakStatus::kNone;

  bool operator==(const WordBreak& other) const {
    return end == other.end && status == other.status;
  }
};

// The boundaries of one text, in byte offsets: every word segment, and the end of every
// sentence of ICU's plain "en" sentence rules (no suppressions), both ending at text.size().
struct Breaks {
  std::vector<WordBreak> words;
  std::vector<size_t> sentence_ends;
};

// Finds ICU word and sentence boundaries. Implementations are thread-safe.
class BreakSource {
 public:
  virtual ~BreakSource() = default;

  // Replaces `breaks` with the boundaries of `text` (valid UTF-8, under 2 GiB, as ICU's
  // offsets are 32-bit); Internal when the source fails.
  virtual Status Find(std::string_view text, Breaks& breaks) const = 0;
};

}  // namespace newsfacts
