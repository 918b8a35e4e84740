// Regex over RE2: compile with the project's options, find with byte-offset views.
#include "extractors/kernel/regex.h"

#include <re2/re2.h>

#include "extractors/kernel/re2_options.h"

namespace newsfacts {

Regex::Regex(std::unique_ptr<const re2::RE2> re) : re_(std::move(re)) {}
Regex::~Regex() = default;

StatusOr<std::unique_ptr<Regex>> Regex::Compile(const std::string& pattern, Options options) {
  auto re = std::make_unique<RE2>(pattern, Re2Options(options.case_sensitive));
  if (!re->ok()) {
    return Status::InvalidArgument("pattern does not compile: " + re->error() +
                                   " (expanded: " + pattern + ")");
  }
  return std::unique_ptr<Regex>(new Regex(std::move(re)));
}

std::string Regex::Quote(std::string_view literal) {
  return RE2::QuoteMeta(re2::StringPiece(literal.data(), literal.size()));
}

bool Regex::Find(std::string_view text, size_t begin, size_t end,
                 std::vector<std::string_view>* groups) const {
  const re2::StringPiece input(text.data(), text.size());
  if (groups == nullptr) return re_->Match(input, begin, end, RE2::UNANCHORED, nullptr, 0);
  const int count = re_->NumberOfCapturingGroups() + 1;
  // RE2 reports StringPieces; one buffer per thread keeps the hot loop free of allocation.
  thread_local std::vector<re2::StringPiece> pieces;
  pieces.assign(static_cast<size_t>(count), {});
  if (!re_->Match(input, begin, end, RE2::UNANCHORED, pieces.data(), count)) return false;
  groups->resize(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    (*groups)[static_cast<size_t>(i)] = std::string_view(pieces[i].data(), pieces[i].size());
  }
  return true;
}

std::optional<std::string_view> Regex::FindMatch(std::string_view text, size_t begin,
                                                 size_t end) const {
  re2::StringPiece match;
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), begin, end, RE2::UNANCHORED, &match,
                  1)) {
    return std::nullopt;
  }
  return std::string_view(match.data(), match.size());
}

void Regex::PrepareGroupSearch() const { re_->ReverseProgramSize(); }

int Regex::GroupCount() const { return re_->NumberOfCapturingGroups(); }

const std::map<std::string, int>& Regex::NamedGroups() const { return re_->NamedCapturingGroups(); }

const std::string& Regex::pattern() const { return re_->pattern(); }

bool Regex::case_sensitive() const { return re_->options().case_sensitive(); }

}  // namespace newsfacts
