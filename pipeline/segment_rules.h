// Sentence-boundary policy of the segmenter that does not need ICU: where line breaks are,
// and when an ICU sentence break should be undone.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/span.h"

namespace newsfacts::segment_internal {

// Returns the runs of line breaks in `text`, in order: each span starts at a line break
// (LF, CRLF, CR, VT, FF, NEL, U+2028, U+2029) and ends after the last break of the run, spaces
// and tabs between breaks included. Every run ends a sentence and a paragraph.
std::vector<Span> FindLineBreakRuns(std::string_view text);

// True when the sentence candidate `next` continues `prev` although ICU put a break between
// them: `prev` ends in an abbreviation ("Mr.", "e.g.", "No." before a number, "Inc." or a
// dotted initialism like "U.S." before a word that does not usually start a sentence,
// initials "J. P."), or ends
// in "?" or "!" and `next` starts in lower case (`"Why?" he asked`), or nothing separates
// the two (a URL query after "?"). Both spans are trimmed, non-empty, `prev` before `next`.
bool ContinuesSentence(std::string_view text, Span prev, Span next);

}  // namespace newsfacts::segment_internal
