// The pattern prefilter: FilteredRE2 computes the literal atoms each pattern needs, an
// AtomMatcher (or, for the rare text it leaves to RE2, an RE2::Set) finds which atoms a
// sentence holds, and the filter tree names the patterns left.
#include "extractors/kernel/rule_prefilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "extractors/kernel/atom_matcher.h"
#include "extractors/kernel/re2_options.h"

namespace newsfacts {
namespace {

// Atoms shorter than this are not worth a lookup; patterns whose atoms are all shorter
// simply always run.
constexpr int kMinAtomLength = 3;

}  // namespace

struct RulePrefilter::Impl {
  // Shared with the Regex objects the builder handed out: FilteredRE2 owns their programs.
  std::shared_ptr<re2::FilteredRE2> filter;
  std::unique_ptr<AtomMatcher> matcher;  // null when no pattern requires an atom
  std::unique_ptr<RE2::Set> atoms;       // the same atoms, for the texts the matcher leaves
  size_t patterns = 0;
};

RulePrefilter::RulePrefilter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RulePrefilter::~RulePrefilter() = default;

std::vector<int> RulePrefilter::Candidates(std::string_view text) const {
  if (impl_->patterns == 0) return {};
  // One buffer per thread keeps the per-sentence call free of allocation.
  thread_local std::vector<int> found;
  found.clear();
  if (impl_->matcher != nullptr && !impl_->matcher->Find(text, &found)) {
    impl_->atoms->Match(re2::StringPiece(text.data(), text.size()), &found);
  }
  std::vector<int> candidates;
  impl_->filter->AllPotentials(found, &candidates);
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

struct RulePrefilterBuilder::Impl {
  std::shared_ptr<re2::FilteredRE2> filter = std::make_shared<re2::FilteredRE2>(kMinAtomLength);
};

RulePrefilterBuilder::RulePrefilterBuilder() : impl_(std::make_unique<Impl>()) {}
RulePrefilterBuilder::~RulePrefilterBuilder() = default;

StatusOr<std::unique_ptr<Regex>> RulePrefilterBuilder::Add(const std::string& pattern,
                                                           Regex::Options options) {
  int id = 0;
  if (impl_->filter->Add(pattern, Re2Options(options.case_sensitive), &id) != RE2::NoError) {
    // FilteredRE2 drops a pattern it cannot compile without saying why; Regex::Compile says.
    StatusOr<std::unique_ptr<Regex>> alone = Regex::Compile(pattern, options);
    if (!alone.ok()) return alone.status();
    return Status::InvalidArgument("pattern does not compile (expanded: " + pattern + ")");
  }
  // The Regex shares ownership of the whole filter, which owns the program.
  std::shared_ptr<const RE2> program(impl_->filter, &impl_->filter->GetRE2(id));
  return std::unique_ptr<Regex>(new Regex(std::move(program)));
}

StatusOr<std::unique_ptr<RulePrefilter>> RulePrefilterBuilder::Build() {
  auto impl = std::make_unique<RulePrefilter::Impl>();
  impl->filter = std::move(impl_->filter);
  impl_->filter = std::make_shared<re2::FilteredRE2>(kMinAtomLength);
  impl->patterns = static_cast<size_t>(impl->filter->NumRegexps());
  // FilteredRE2 logs to stderr when compiled or asked with no pattern.
  if (impl->patterns == 0)
    return std::unique_ptr<RulePrefilter>(new RulePrefilter(std::move(impl)));
  std::vector<std::string> atoms;
  impl->filter->Compile(&atoms);
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
    impl->matcher = std::make_unique<AtomMatcher>(atoms);
  }
  return std::unique_ptr<RulePrefilter>(new RulePrefilter(std::move(impl)));
}

}  // namespace newsfacts
