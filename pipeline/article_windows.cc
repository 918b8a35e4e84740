// Choosing window cuts: the last line break in the window's second half, else a weaker cut.
#include "pipeline/article_windows.h"

#include <algorithm>

#include "pipeline/text.h"

namespace newsfacts {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The end of the window that starts at `begin` and may end anywhere in (`earliest`,
// `latest`]: just after the last line break there, else just after the last white space
// that follows . ! or ?, else just after the last white space, else `latest` moved back to
// a code point boundary (forward when none is found after `begin`).
size_t WindowEnd(std::string_view text, size_t begin, size_t earliest, size_t latest) {
  for (size_t end = latest; end > earliest; --end) {
    if (text[end - 1] == '\n') return end;
  }
  for (size_t end = latest; end > earliest + 1; --end) {
    const char before = text[end - 2];
    if (IsSpace(text[end - 1]) && (before == '.' || before == '!' || before == '?')) return end;
  }
  for (size_t end = latest; end > earliest; --end) {
    if (IsSpace(text[end - 1])) return end;
  }
  size_t end = latest;
  while (end > begin && !IsCodePointBoundary(text, end)) --end;
  if (end > begin) return end;
  end = latest;
  while (!IsCodePointBoundary(text, end)) ++end;
  return end;
}

}  // namespace

std::vector<Span> SplitIntoWindows(std::string_view text, size_t window_bytes) {
  window_bytes = std::max<size_t>(window_bytes, 2);
  std::vector<Span> windows;
  size_t begin = 0;
  while (begin < text.size()) {
    if (text.size() - begin <= window_bytes) {
      windows.push_back({begin, text.size()});
      break;
    }
    const size_t latest = begin + window_bytes;
    const size_t end = WindowEnd(text, begin, begin + window_bytes / 2, latest);
    windows.push_back({begin, end});
    begin = end;
  }
  return windows;
}

}  // namespace newsfacts
