// ClaimRoles: which part of the money an amount is (total, tranche, part, per_unit,
// valuation) and how far a deal got (rumoured ... completed, abandoned, blocked), from the
// "amount_roles" and "deal_stages" cue lists of claim_cues files.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_cues.h"
#include "extractors/kernel/macro_table.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/status.h"

namespace newsfacts {

// The compiled role and stage cues. Immutable after Create; thread-safe.
class ClaimRoles {
 public:
  // Reads "amount_roles" and "deal_stages" of every claim_cues file. InvalidArgument as
  // "<file>: amount_roles.<role>: ..." for an unknown role or stage or a bad pattern.
  static StatusOr<std::unique_ptr<ClaimRoles>> Create(const RuleSources& sources,
                                                      const MacroTable& macros);
  ~ClaimRoles();

  // The role of amount `amount` in `sentence` for a claim of `predicate`: the role of the
  // first role pattern whose group "amount" holds it, else the role whose cue lies nearest
  // the amount (a "before" cue ending at most window_words words before it, an "after" cue
  // starting at most window_words after it, with no placeholder or clause mark between),
  // else "unspecified". Amounts of valuation predicates (valued_at) are valuations; for deal
  // value predicates (acquired) a valuation cue gives "total": "a deal that values it at $N".
  std::string AmountRole(std::string_view predicate, const AbstractSentence& sentence,
                         const AbstractSlot& amount) const;
  // True when `role` names a cue that makes an amount a claim of its own beside the one a
  // rule captured ("adding $1.5 billion" next to "a total of $2 billion").
  bool SplitsClaim(std::string_view role) const;

  // True for the deal predicates that carry a stage.
  bool TakesStage(std::string_view predicate) const;
  // The stage of a deal claim whose evidence is `evidence`: the first stage (in the order
  // blocked, abandoned, completed, in_talks, agreed, rumoured) with a "before" cue or a
  // stage pattern from its clause start to the evidence end or an "after" cue from there to
  // the clause end, else
  // "unspecified". `cues` gives the clauses.
  std::string StageOf(const ClaimCues& cues, std::string_view abstract_text,
                      AbstractRange evidence) const;

 private:
  // The role the patterns and cue lists give amount `amount`, whatever the predicate.
  std::string CueRole(const AbstractSentence& sentence, const AbstractSlot& amount) const;

  struct Impl;
  explicit ClaimRoles(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Sets amount_role, stage and event date on the claims of `doc` (`claims`, in sentence
// order), and adds, for a deal claim whose sentence states another amount with a role that
// splits (a tranche beside a total, a part of a whole), a claim of that amount with its role.
class DateRules;
void AnnotateClaims(const Document& doc, const std::vector<AbstractSentence>& abstracts,
                    const ClaimCues& cues, const ClaimRoles& roles, const DateRules& dates,
                    std::vector<Claim>* claims);

}  // namespace newsfacts
