// The pattern set over RE2::Set: one case-sensitive set in which a case-insensitive pattern is
// wrapped in (?i:...), which RE2 reads as the same pattern compiled without case.
#include "extractors/kernel/pattern_set.h"

#include <re2/set.h>

#include <algorithm>

#include "extractors/kernel/re2_options.h"

namespace newsfacts {

struct PatternSet::Impl {
  explicit Impl(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

PatternSet::PatternSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PatternSet::~PatternSet() = default;

StatusOr<std::unique_ptr<PatternSet>> PatternSet::Compile(
    const std::vector<const Regex*>& patterns) {
  auto impl = std::make_unique<Impl>(Re2Options(true));
  for (const Regex* pattern : patterns) {
    const std::string source =
        pattern->case_sensitive() ? pattern->pattern() : "(?i:" + pattern->pattern() + ")";
    std::string error;
    if (impl->set.Add(source, &error) < 0) {
      return Status::InvalidArgument("pattern set: " + error + " (expanded: " + source + ")");
    }
  }
  if (!impl->set.Compile()) return Status::InvalidArgument("pattern set: too large to compile");
  return std::unique_ptr<PatternSet>(new PatternSet(std::move(impl)));
}

bool PatternSet::Matching(std::string_view text, std::vector<int>* matching) const {
  matching->clear();
  RE2::Set::ErrorInfo error;
  if (!impl_->set.Match(re2::StringPiece(text.data(), text.size()), matching, &error)) {
    return error.kind == RE2::Set::kNoError;
  }
  std::sort(matching->begin(), matching->end());
  return true;
}

}  // namespace newsfacts
