// Article windows: where a very long article is cut so that the pipeline can run over it a
// window at a time, with memory bounded by a window instead of by the article (issue 16).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "pipeline/span.h"

namespace newsfacts {

// Articles longer than this are extracted window by window (Pipeline::Run). News articles
// run 2-50 KB, so only pathological inputs (a 60 MB dump of concatenated articles) are cut.
// A window's stage structures take about 30 bytes per text byte; with 1 MB windows the
// freed structures of earlier windows left a 60 MB article's ingest at 316 MB, with 256 KB
// at 280 MB (issue 16).
inline constexpr size_t kDefaultWindowBytes = size_t{256} << 10;

// Cuts `text` (valid UTF-8) into consecutive windows of at most `window_bytes` bytes (more
// only when a single code point is longer) that cover it exactly. Each window but the last
// ends just after a line break ('\n'), where the segmenter always ends a sentence and a
// paragraph, taking the last one in the window's second half. A window whose second half
// holds no line break ends after sentence-final punctuation (. ! ?) and white space, else
// after white space, else at a code point boundary: in such text a window may end inside a
// sentence the segmenter would have kept whole ("U.S. Steel"). Returns one window for text
// of at most `window_bytes` bytes, none for empty text.
std::vector<Span> SplitIntoWindows(std::string_view text, size_t window_bytes);

}  // namespace newsfacts
