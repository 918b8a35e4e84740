// LicensedRuleGate: whether a licensed claim rule (one that types name candidates) can match a
// sentence's view with candidates, told from the sentence's document text before that view is
// built (issue 16: building and prefiltering those views was a fifth of the claim stage, for
// the few sentences that name a deal).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractors/kernel/atom_matcher.h"
#include "extractors/kernel/required_atoms.h"

namespace newsfacts {

// The required atoms (required_atoms.h) of the licensed rules, each looked for by its longest
// run of ASCII letters: a run of letters in a view lies within one stretch of copied document
// bytes or within a placeholder's type name ("ORG" in "⟨ORG:1⟩"), so wherever a view holds
// the atom, the document text holds the run, unless a type name holds it; such an atom, and one
// with too short a run, counts as present. Immutable after construction; thread-safe.
class LicensedRuleGate {
 public:
  // `licensed_rules` holds the required atoms (required_atoms.h) of each rule that types name
  // candidates, as the rule prefilter read them (RulePrefilterBuilder::RequiredAtomsOf).
  explicit LicensedRuleGate(const std::vector<const RequiredAtomAlternatives*>& licensed_rules);
  ~LicensedRuleGate();

  // False only when no licensed rule's prefilter condition can hold in any view of
  // `sentence_text` (a sentence's document bytes) that keeps the bytes it copies as they are
  // and joins no two stretches of them (no elided range between letters).
  bool MayMatch(std::string_view sentence_text) const;

 private:
  // The alternatives of every licensed rule, each its groups of atoms (indices into the
  // matcher's atoms) that may be missing; a group with an atom counted as present is left out.
  std::vector<std::vector<std::vector<int>>> alternatives_;
  // Per atom, the alternatives whose first group holds it.
  std::vector<std::vector<size_t>> first_group_of_;
  bool always_ = false;                   // an alternative requires nothing the gate can tell
  std::unique_ptr<AtomMatcher> matcher_;  // null when there is no atom to look for
};

}  // namespace newsfacts
