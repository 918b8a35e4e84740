// SentenceRules: one prefilter pass per sentence, its atoms kept and its candidates split at the
// first attribution rule, each kept in one array per document.
#include "extractors/claims/sentence_rules.h"

#include <algorithm>

namespace newsfacts {

SentenceRules::SentenceRules(const RulePrefilter& prefilter, size_t claim_rules,
                             const std::vector<AbstractSentence>& abstracts)
    : prefilter_(prefilter),
      claim_rules_(static_cast<int>(claim_rules)),
      abstracts_(abstracts),
      of_(abstracts.size()) {
  // Room for a typical document's rules (issue 16: growing a push at a time reallocated the
  // array about ten times per document).
  found_.reserve(abstracts.size() * 16);
  atoms_.reserve(abstracts.size() * 16);
}

std::span<const int> SentenceRules::Claims(size_t s) {
  Find(s);
  return std::span<const int>(found_).subspan(of_[s].begin, of_[s].split - of_[s].begin);
}

std::span<const int> SentenceRules::Attributions(size_t s) {
  Find(s);
  return std::span<const int>(found_).subspan(of_[s].split, of_[s].end - of_[s].split);
}

std::span<const int> SentenceRules::Atoms(size_t s) {
  Find(s);
  return std::span<const int>(atoms_).subspan(of_[s].atoms_begin,
                                              of_[s].atoms_end - of_[s].atoms_begin);
}

void SentenceRules::Find(size_t s) {
  Found& of = of_[s];
  if (of.begin != kNotFound) return;
  // Buffers per thread: no vector per sentence.
  thread_local std::vector<int> atoms;
  thread_local std::vector<int> candidates;
  prefilter_.FindAtoms(abstracts_[s].text(), &atoms);
  prefilter_.CandidatesOf(atoms, &candidates);
  of.atoms_begin = static_cast<uint32_t>(atoms_.size());
  atoms_.insert(atoms_.end(), atoms.begin(), atoms.end());
  of.atoms_end = static_cast<uint32_t>(atoms_.size());
  const auto split = std::lower_bound(candidates.begin(), candidates.end(), claim_rules_);
  of.begin = static_cast<uint32_t>(found_.size());
  found_.insert(found_.end(), candidates.begin(), split);
  of.split = static_cast<uint32_t>(found_.size());
  for (auto it = split; it != candidates.end(); ++it) found_.push_back(*it - claim_rules_);
  of.end = static_cast<uint32_t>(found_.size());
}

}  // namespace newsfacts
