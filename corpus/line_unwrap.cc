// Undoing hard line wrapping (wire copy, e-mail) so that a sentence is not cut at each
// line break: the segmenter ends a sentence at every line break.
#include <string>
#include <vector>

#include "corpus/format_readers.h"

namespace newsfacts::corpus_internal {
namespace {

// Fewer joinable line pairs than this say nothing about wrapping.
constexpr size_t kMinJoinableLines = 2;

bool IsBlank(std::string_view line) { return TrimWhitespace(line).empty(); }

bool StartsWithSpace(std::string_view line) {
  return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

bool StartsWithBullet(std::string_view line) {
  return line.starts_with("- ") || line.starts_with("* ") || line.starts_with("\xE2\x80\xA2");
}

// True when `line` ends like a sentence or a paragraph: . ! ? : or a closing quote.
bool EndsLikeSentence(std::string_view line) {
  line = TrimWhitespace(line);
  if (line.empty()) return true;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '\'' ||
      last == ')') {
    return true;
  }
  // Closing curly quotes U+201D, U+2019 and the guillemet U+00BB.
  return line.ends_with("\xE2\x80\x9D") || line.ends_with("\xE2\x80\x99") ||
         line.ends_with("\xC2\xBB");
}

}  // namespace

std::string UnwrapHardLineBreaks(std::string_view text) {
  std::string out(text);
  UnwrapHardLineBreaksInPlace(out);
  return out;
}

void UnwrapHardLineBreaksInPlace(std::string& out) {
  const std::string_view text = out;
  // Offsets of the '\n' that sit between two lines of one paragraph.
  std::vector<size_t> joinable;
  size_t mid_sentence = 0;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    const size_t newline = text.find('\n', line_begin);
    if (newline == std::string_view::npos) break;
    const std::string_view line = text.substr(line_begin, newline - line_begin);
    const size_t next_end = text.find('\n', newline + 1);
    const std::string_view next =
        text.substr(newline + 1, next_end == std::string_view::npos ? std::string_view::npos
                                                                    : next_end - newline - 1);
    if (!IsBlank(line) && !IsBlank(next) && !StartsWithSpace(next) && !StartsWithBullet(next)) {
      joinable.push_back(newline);
      if (!EndsLikeSentence(line)) ++mid_sentence;
    }
    line_begin = newline + 1;
  }
  // Wrapped text breaks lines mid-sentence most of the time; one-paragraph-per-line text
  // almost never does, and its line breaks are kept.
  if (joinable.size() < kMinJoinableLines || mid_sentence * 2 <= joinable.size()) return;
  for (size_t offset : joinable) out[offset] = ' ';
}

}  // namespace newsfacts::corpus_internal
