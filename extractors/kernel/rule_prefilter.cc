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
  // Null when no pattern requires an atom; shared with the prefilters Restricted makes.
  std::shared_ptr<const AtomMatcher> matcher;
  std::shared_ptr<const RE2::Set> atoms;  // the same atoms, for the texts the matcher leaves
  size_t atom_count = 0;
  std::shared_ptr<const std::vector<std::string>> atom_texts;  // by atom index
  size_t pattern_count = 0;
  // Every alternative of every pattern (RequiredAtoms), as ranges of flat arrays, so checking
  // one reads adjacent memory (issue 16: nested vectors were a pointer chase per group): an
  // alternative is a range of `groups`, a group a range of `group_atoms` (atom indices).
  struct Range {
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  std::vector<int> group_atoms;
  std::vector<Range> groups;
  std::vector<Range> alternatives;
  std::vector<int> pattern_of;  // per alternative
  std::vector<int> always;      // the patterns without alternatives
  // Per atom a, the (pattern, alternative) pairs whose first group holds it:
  // first_group_pairs[first_group_of[a], first_group_of[a + 1]), one array for all atoms (a
  // vector per atom cost a load of its data pointer per atom found).
  std::vector<std::pair<int, uint32_t>> first_group_pairs;
  std::vector<uint32_t> first_group_of;

  // Fills first_group_pairs and first_group_of from the alternatives.
  void IndexFirstGroups() {
    std::vector<std::vector<std::pair<int, uint32_t>>> pairs_of(atom_count);
    for (uint32_t alternative = 0; alternative < alternatives.size(); ++alternative) {
      const Range first = groups[alternatives[alternative].begin];
      for (uint32_t k = first.begin; k < first.end; ++k) {
        pairs_of[static_cast<size_t>(group_atoms[k])].emplace_back(pattern_of[alternative],
                                                                   alternative);
      }
    }
    first_group_of.push_back(0);
    for (const auto& pairs : pairs_of) {
      first_group_pairs.insert(first_group_pairs.end(), pairs.begin(), pairs.end());
      first_group_of.push_back(static_cast<uint32_t>(first_group_pairs.size()));
    }
  }
};

RulePrefilter::RulePrefilter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RulePrefilter::~RulePrefilter() = default;

std::vector<int> RulePrefilter::Candidates(std::string_view text) const {
  std::vector<int> candidates;
  Candidates(text, &candidates);
  return candidates;
}

void RulePrefilter::Candidates(std::string_view text, std::vector<int>* candidates) const {
  // One buffer per thread keeps the per-sentence call free of allocation.
  thread_local std::vector<int> found;
  FindAtoms(text, &found);
  CandidatesOf(found, candidates);
}

void RulePrefilter::FindAtoms(std::string_view text, std::vector<int>* found) const {
  found->clear();
  if (impl_->matcher != nullptr && !impl_->matcher->Find(text, found)) {
    impl_->atoms->Match(re2::StringPiece(text.data(), text.size()), found);
  }
}

void RulePrefilter::CandidatesOf(std::span<const int> found, std::vector<int>* candidates) const {
  // Buffers per thread keep the per-sentence call free of allocation.
  thread_local std::vector<char> present;
  thread_local std::vector<char> chosen;
  present.resize(impl_->atom_count);
  chosen.resize(impl_->pattern_count);
  // Plain pointers, which candidates->push_back cannot be taken to change: through the
  // vectors, each access reloaded their data pointers.
  char* const is_present = present.data();
  char* const is_chosen = chosen.data();
  for (const int atom : found) is_present[atom] = 1;
  const int* const group_atoms = impl_->group_atoms.data();
  const auto holds_one = [&](const Impl::Range& group) {
    return std::any_of(group_atoms + group.begin, group_atoms + group.end,
                       [&](int atom) { return is_present[atom] != 0; });
  };
  candidates->reserve(impl_->pattern_count);
  candidates->assign(impl_->always.begin(), impl_->always.end());
  const std::pair<int, uint32_t>* const pairs = impl_->first_group_pairs.data();
  const uint32_t* const first_group_of = impl_->first_group_of.data();
  for (const int atom : found) {
    for (uint32_t k = first_group_of[atom], last = first_group_of[atom + 1]; k < last; ++k) {
      const auto [pattern, alternative] = pairs[k];
      if (is_chosen[pattern] != 0) continue;
      const Impl::Range groups = impl_->alternatives[alternative];
      if (std::all_of(impl_->groups.begin() + groups.begin + 1, impl_->groups.begin() + groups.end,
                      holds_one)) {
        is_chosen[pattern] = 1;
        candidates->push_back(pattern);
      }
    }
  }
  for (const int atom : found) is_present[atom] = 0;
  for (const int pattern : *candidates) is_chosen[pattern] = 0;
  std::sort(candidates->begin(), candidates->end());
}

std::vector<int> RulePrefilter::AtomsWhere(
    const std::function<bool(std::string_view atom)>& test) const {
  std::vector<int> atoms;
  for (size_t a = 0; a < impl_->atom_count; ++a) {
    if (test((*impl_->atom_texts)[a])) atoms.push_back(static_cast<int>(a));
  }
  return atoms;
}

std::unique_ptr<RulePrefilter> RulePrefilter::Restricted(std::span<const int> patterns,
                                                         std::span<const int> present) const {
  auto impl = std::make_unique<Impl>();
  impl->matcher = impl_->matcher;
  impl->atoms = impl_->atoms;
  impl->atom_count = impl_->atom_count;
  impl->atom_texts = impl_->atom_texts;
  impl->pattern_count = impl_->pattern_count;
  std::vector<char> is_present(impl_->atom_count, 0);
  for (const int atom : present) is_present[static_cast<size_t>(atom)] = 1;
  std::vector<char> kept(impl_->pattern_count, 0);
  for (const int pattern : patterns) kept[static_cast<size_t>(pattern)] = 1;
  for (const int pattern : impl_->always) {
    if (kept[static_cast<size_t>(pattern)] != 0) impl->always.push_back(pattern);
  }
  // Each kept alternative without the groups a present atom holds; a pattern with an
  // alternative left without groups always runs.
  std::vector<char> always(impl_->pattern_count, 0);
  for (uint32_t a = 0; a < impl_->alternatives.size(); ++a) {
    const int pattern = impl_->pattern_of[a];
    if (kept[static_cast<size_t>(pattern)] == 0 || always[static_cast<size_t>(pattern)] != 0) {
      continue;
    }
    Impl::Range alternative{static_cast<uint32_t>(impl->groups.size()), 0};
    for (uint32_t g = impl_->alternatives[a].begin; g < impl_->alternatives[a].end; ++g) {
      const Impl::Range group = impl_->groups[g];
      const auto atoms_begin = impl_->group_atoms.begin() + group.begin;
      const auto atoms_end = impl_->group_atoms.begin() + group.end;
      if (std::any_of(atoms_begin, atoms_end, [&](int atom) { return is_present[atom] != 0; })) {
        continue;
      }
      impl->groups.push_back({static_cast<uint32_t>(impl->group_atoms.size()), 0});
      impl->group_atoms.insert(impl->group_atoms.end(), atoms_begin, atoms_end);
      impl->groups.back().end = static_cast<uint32_t>(impl->group_atoms.size());
    }
    alternative.end = static_cast<uint32_t>(impl->groups.size());
    if (alternative.end == alternative.begin) {
      always[static_cast<size_t>(pattern)] = 1;
      impl->always.push_back(pattern);
      continue;
    }
    impl->alternatives.push_back(alternative);
    impl->pattern_of.push_back(pattern);
  }
  // The alternatives of a pattern that always runs are never asked about.
  std::vector<Impl::Range> alternatives;
  std::vector<int> pattern_of;
  for (size_t a = 0; a < impl->alternatives.size(); ++a) {
    if (always[static_cast<size_t>(impl->pattern_of[a])] != 0) continue;
    alternatives.push_back(impl->alternatives[a]);
    pattern_of.push_back(impl->pattern_of[a]);
  }
  impl->alternatives = std::move(alternatives);
  impl->pattern_of = std::move(pattern_of);
  std::sort(impl->always.begin(), impl->always.end());
  impl->IndexFirstGroups();
  return std::unique_ptr<RulePrefilter>(new RulePrefilter(std::move(impl)));
}

struct RulePrefilterBuilder::Impl {
  // Per pattern added, its alternatives of required atom groups.
  std::vector<RequiredAtomAlternatives> alternatives;
  std::shared_ptr<RequiredAtomsMemo> memo = std::make_shared<RequiredAtomsMemo>();
};

RulePrefilterBuilder::RulePrefilterBuilder() : impl_(std::make_unique<Impl>()) {}
RulePrefilterBuilder::~RulePrefilterBuilder() = default;

StatusOr<std::unique_ptr<Regex>> RulePrefilterBuilder::Add(const std::string& pattern,
                                                           Regex::Options options) {
  StatusOr<std::unique_ptr<Regex>> compiled = Regex::Compile(pattern, options);
  if (compiled.ok()) impl_->alternatives.push_back(RequiredAtoms(pattern, impl_->memo.get()));
  return compiled;
}

void RulePrefilterBuilder::ShareMemoOf(const RulePrefilterBuilder& other) {
  impl_->memo = other.impl_->memo;
}

void RulePrefilterBuilder::Append(RulePrefilterBuilder&& other) {
  std::vector<RequiredAtomAlternatives>& added = other.impl_->alternatives;
  impl_->alternatives.insert(impl_->alternatives.end(), std::make_move_iterator(added.begin()),
                             std::make_move_iterator(added.end()));
  added.clear();
}

StatusOr<std::unique_ptr<RulePrefilter>> RulePrefilterBuilder::Build() {
  auto impl = std::make_unique<RulePrefilter::Impl>();
  std::vector<std::string> atoms;
  std::map<std::string, int> index;
  impl->pattern_count = impl_->alternatives.size();
  for (size_t pattern = 0; pattern < impl_->alternatives.size(); ++pattern) {
    const auto& alternatives = impl_->alternatives[pattern];
    if (alternatives.empty()) impl->always.push_back(static_cast<int>(pattern));
    for (const std::vector<std::vector<std::string>>& groups : alternatives) {
      RulePrefilter::Impl::Range& alternative = impl->alternatives.emplace_back();
      impl->pattern_of.push_back(static_cast<int>(pattern));
      alternative.begin = static_cast<uint32_t>(impl->groups.size());
      for (const std::vector<std::string>& group : groups) {
        RulePrefilter::Impl::Range& ids = impl->groups.emplace_back();
        ids.begin = static_cast<uint32_t>(impl->group_atoms.size());
        for (const std::string& atom : group) {
          auto [known, added] = index.emplace(atom, static_cast<int>(atoms.size()));
          if (added) atoms.push_back(atom);
          impl->group_atoms.push_back(known->second);
        }
        ids.end = static_cast<uint32_t>(impl->group_atoms.size());
      }
      alternative.end = static_cast<uint32_t>(impl->groups.size());
    }
  }
  impl->atom_count = atoms.size();
  impl->IndexFirstGroups();
  impl_->alternatives.clear();
  if (!atoms.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);
    auto set = std::make_shared<RE2::Set>(options, RE2::UNANCHORED);
    for (const std::string& atom : atoms) {
      if (set->Add(RE2::QuoteMeta(atom), nullptr) < 0) {
        return Status::InvalidArgument("prefilter: atom \"" + atom + "\" does not compile");
      }
    }
    if (!set->Compile()) return Status::InvalidArgument("prefilter: atom set too large");
    impl->atoms = std::move(set);
    impl->matcher = std::make_shared<AtomMatcher>(atoms);
  }
  impl->atom_texts = std::make_shared<const std::vector<std::string>>(std::move(atoms));
  return std::unique_ptr<RulePrefilter>(new RulePrefilter(std::move(impl)));
}

}  // namespace newsfacts
