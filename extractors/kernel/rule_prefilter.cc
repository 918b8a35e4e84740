// The pattern prefilter: each pattern's required atoms (required_atoms.h) are looked for in one
// pass of an AtomMatcher (or, for the rare text it leaves to RE2, an RE2::Set), and a pattern
// is a candidate when the text holds an atom of each group of one of its alternatives. Only the
// alternatives whose first (rarest) group holds an atom found are checked.
#include "extractors/kernel/rule_prefilter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <map>

#include "extractors/kernel/atom_matcher.h"
#include "extractors/kernel/required_atoms.h"

namespace newsfacts {

struct RulePrefilter::Impl {
  std::unique_ptr<AtomMatcher> matcher;  // null when no pattern requires an atom
  std::unique_ptr<RE2::Set> atoms;       // the same atoms, for the texts the matcher leaves
  size_t atom_count = 0;
  // Per pattern, its alternatives, each groups of atom indices (RequiredAtoms); a pattern
  // without any is always a candidate.
  std::vector<std::vector<std::vector<std::vector<int>>>> alternatives;
  std::vector<int> always;  // the patterns without alternatives
  // Per atom, the (pattern, alternative) pairs whose first group holds it.
  std::vector<std::vector<std::pair<int, int>>> first_group_of;
};

RulePrefilter::RulePrefilter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RulePrefilter::~RulePrefilter() = default;

std::vector<int> RulePrefilter::Candidates(std::string_view text) const {
  // Buffers per thread keep the per-sentence call free of allocation but for its result.
  thread_local std::vector<int> found;
  thread_local std::vector<char> present;
  thread_local std::vector<char> chosen;
  found.clear();
  if (impl_->matcher != nullptr && !impl_->matcher->Find(text, &found)) {
    impl_->atoms->Match(re2::StringPiece(text.data(), text.size()), &found);
  }
  present.resize(impl_->atom_count);
  chosen.resize(impl_->alternatives.size());
  for (const int atom : found) present[static_cast<size_t>(atom)] = 1;
  const auto holds_one = [&](const std::vector<int>& group) {
    return std::any_of(group.begin(), group.end(),
                       [&](int atom) { return present[static_cast<size_t>(atom)] != 0; });
  };
  std::vector<int> candidates = impl_->always;
  for (const int atom : found) {
    for (const auto& [pattern, alternative] : impl_->first_group_of[static_cast<size_t>(atom)]) {
      if (chosen[static_cast<size_t>(pattern)] != 0) continue;
      const std::vector<std::vector<int>>& groups =
          impl_->alternatives[static_cast<size_t>(pattern)][static_cast<size_t>(alternative)];
      if (std::all_of(groups.begin() + 1, groups.end(), holds_one)) {
        chosen[static_cast<size_t>(pattern)] = 1;
        candidates.push_back(pattern);
      }
    }
  }
  for (const int atom : found) present[static_cast<size_t>(atom)] = 0;
  for (const int pattern : candidates) chosen[static_cast<size_t>(pattern)] = 0;
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

struct RulePrefilterBuilder::Impl {
  // Per pattern added, its alternatives of required atom groups.
  std::vector<std::vector<std::vector<std::vector<std::string>>>> alternatives;
};

RulePrefilterBuilder::RulePrefilterBuilder() : impl_(std::make_unique<Impl>()) {}
RulePrefilterBuilder::~RulePrefilterBuilder() = default;

StatusOr<std::unique_ptr<Regex>> RulePrefilterBuilder::Add(const std::string& pattern,
                                                           Regex::Options options) {
  StatusOr<std::unique_ptr<Regex>> compiled = Regex::Compile(pattern, options);
  if (compiled.ok()) impl_->alternatives.push_back(RequiredAtoms(pattern));
  return compiled;
}

StatusOr<std::unique_ptr<RulePrefilter>> RulePrefilterBuilder::Build() {
  auto impl = std::make_unique<RulePrefilter::Impl>();
  std::vector<std::string> atoms;
  std::map<std::string, int> index;
  for (const auto& alternatives : impl_->alternatives) {
    auto& indexed_alternatives = impl->alternatives.emplace_back();
    for (const std::vector<std::vector<std::string>>& groups : alternatives) {
      std::vector<std::vector<int>>& indexed = indexed_alternatives.emplace_back();
      for (const std::vector<std::string>& group : groups) {
        std::vector<int>& ids = indexed.emplace_back();
        for (const std::string& atom : group) {
          auto [known, added] = index.emplace(atom, static_cast<int>(atoms.size()));
          if (added) atoms.push_back(atom);
          ids.push_back(known->second);
        }
      }
    }
  }
  impl_->alternatives.clear();
  impl->atom_count = atoms.size();
  impl->first_group_of.resize(atoms.size());
  for (size_t pattern = 0; pattern < impl->alternatives.size(); ++pattern) {
    const auto& alternatives = impl->alternatives[pattern];
    if (alternatives.empty()) impl->always.push_back(static_cast<int>(pattern));
    for (size_t alternative = 0; alternative < alternatives.size(); ++alternative) {
      for (const int atom : alternatives[alternative].front()) {
        impl->first_group_of[static_cast<size_t>(atom)].emplace_back(pattern, alternative);
      }
    }
  }
  if (!atoms.empty()) {
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
