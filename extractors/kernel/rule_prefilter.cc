// The pattern prefilter: FilteredRE2 computes the literal atoms each pattern needs, an
// RE2::Set finds which atoms a sentence holds, and the filter tree names the patterns left.
#include "extractors/kernel/rule_prefilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace newsfacts {
namespace {

// Atoms shorter than this are not worth a lookup; patterns whose atoms are all shorter
// simply always run.
constexpr int kMinAtomLength = 3;

}  // namespace

struct RulePrefilter::Impl {
  re2::FilteredRE2 filter{kMinAtomLength};
  std::unique_ptr<RE2::Set> atoms;  // null when no pattern requires an atom
  size_t patterns = 0;
};

RulePrefilter::RulePrefilter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RulePrefilter::~RulePrefilter() = default;

StatusOr<std::unique_ptr<RulePrefilter>> RulePrefilter::Create(
    const std::vector<const Regex*>& patterns) {
  auto impl = std::make_unique<Impl>();
  for (const Regex* pattern : patterns) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(pattern->case_sensitive());
    options.set_max_mem(Regex::kMaxProgramMemory);
    int id = 0;
    if (impl->filter.Add(pattern->pattern(), options, &id) != RE2::NoError) {
      return Status::InvalidArgument("prefilter: a pattern does not compile");
    }
  }
  impl->patterns = patterns.size();
  // FilteredRE2 logs to stderr when compiled or asked with no pattern.
  if (patterns.empty()) return std::unique_ptr<RulePrefilter>(new RulePrefilter(std::move(impl)));
  std::vector<std::string> atoms;
  impl->filter.Compile(&atoms);
  if (!atoms.empty()) {
    // FilteredRE2 lowercases its atoms, so they are looked for case-insensitively.
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);
    impl->atoms = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const std::string& atom : atoms) {
      if (impl->atoms->Add(RE2::QuoteMeta(atom), nullptr) < 0) {
        return Status::InvalidArgument("prefilter: atom \"" + atom + "\" does not compile");
      }
    }
    if (!impl->atoms->Compile()) return Status::InvalidArgument("prefilter: atom set too large");
  }
  return std::unique_ptr<RulePrefilter>(new RulePrefilter(std::move(impl)));
}

std::vector<int> RulePrefilter::Candidates(std::string_view text) const {
  if (impl_->patterns == 0) return {};
  std::vector<int> found;
  if (impl_->atoms != nullptr)
    impl_->atoms->Match(re2::StringPiece(text.data(), text.size()), &found);
  std::vector<int> candidates;
  impl_->filter.AllPotentials(found, &candidates);
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

}  // namespace newsfacts
