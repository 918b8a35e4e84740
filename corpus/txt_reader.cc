// Plain-text articles: an optional headline on the first line, then the body.
#include <string>

#include "corpus/format_readers.h"

namespace newsfacts::corpus_internal {
namespace {

// Longer first lines are a lede paragraph, not a headline (news headlines run 30-120 bytes).
constexpr size_t kMaxHeadlineBytes = 200;

// True when `line` ends with a sentence period; an ellipsis ("Rivals of the...") does not
// count, since headlines trail off with one but never end with a full stop.
bool EndsWithFullStop(std::string_view line) {
  return line.ends_with('.') && !line.ends_with("..");
}

}  // namespace

StatusOr<FileReadResult> ReadTxt(std::string_view name, std::string owned) {
  const std::string_view trimmed = TrimWhitespace(owned);
  owned.erase(static_cast<size_t>(trimmed.data() + trimmed.size() - owned.data()));
  owned.erase(0, static_cast<size_t>(trimmed.data() - owned.data()));
  const std::string_view text = owned;
  RawArticle article;
  article.meta.path = std::string(name);
  const size_t first_end = text.find('\n');
  if (first_end != std::string_view::npos) {
    const std::string_view first_line = TrimWhitespace(text.substr(0, first_end));
    const size_t second_end = text.find('\n', first_end + 1);
    const std::string_view second_line = text.substr(
        first_end + 1,
        second_end == std::string_view::npos ? std::string_view::npos : second_end - first_end - 1);
    if (TrimWhitespace(second_line).empty() && first_line.size() <= kMaxHeadlineBytes &&
        !EndsWithFullStop(first_line)) {
      article.meta.title = std::string(first_line);
    }
  }
  UnwrapHardLineBreaksInPlace(owned);
  article.text = std::move(owned);
  FileReadResult result;
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsfacts::corpus_internal
