// SentenceRules: the claim rules and the attribution rules that may match each sentence of a
// document, found with one walk of the claim stage's prefilter over the sentence (issue 16: the
// claim and the attribution prefilters each walked the same text with their own automaton), and
// the prefilter's atoms that walk found, for those who ask about a view that differs only a
// little (name candidate typing).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/kernel/rule_prefilter.h"

namespace newsfacts {

// Per sentence of one document, found when first asked for. Not thread-safe: one Process call
// owns it.
class SentenceRules {
 public:
  // `prefilter` holds the claim rules as its patterns [0, `claim_rules`) and the attribution
  // rules after them; `abstracts` are the sentences' views, which must outlive this.
  SentenceRules(const RulePrefilter& prefilter, size_t claim_rules,
                const std::vector<AbstractSentence>& abstracts);

  // The claim rules (ascending) that may match sentence `s`; valid until another sentence is
  // first asked for.
  std::span<const int> Claims(size_t s);
  // The attribution rules (ascending, 0 the first attribution rule) that may match sentence
  // `s`; valid until another sentence is first asked for.
  std::span<const int> Attributions(size_t s);
  // The prefilter's atoms (RulePrefilter::FindAtoms) in sentence `s`; valid until another
  // sentence is first asked for.
  std::span<const int> Atoms(size_t s);

 private:
  // Runs the prefilter over sentence `s` unless done before.
  void Find(size_t s);

  const RulePrefilter& prefilter_;
  const int claim_rules_;
  const std::vector<AbstractSentence>& abstracts_;
  // The rules of one sentence: claim rules at found_[begin, split), attribution rules at
  // found_[split, end); its atoms at atoms_[atoms_begin, atoms_end). begin is kNotFound until
  // the sentence is asked for.
  static constexpr uint32_t kNotFound = ~uint32_t{0};
  struct Found {
    uint32_t begin = kNotFound;
    uint32_t split = 0;
    uint32_t end = 0;
    uint32_t atoms_begin = 0;
    uint32_t atoms_end = 0;
  };
  std::vector<int> found_;
  std::vector<int> atoms_;
  std::vector<Found> of_;  // per sentence
};

}  // namespace newsfacts
