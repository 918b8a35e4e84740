// ClaimCues: the scoped status cue lists and attribution patterns of "claim_cues" rule files,
// applied to abstracted sentences (status of a claim, speaker and venue of a sentence).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_rules.h"
#include "extractors/kernel/rule_prefilter.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace newsfacts {

// Who a sentence says is speaking and through which outlet. Empty strings when unknown.
struct Attribution {
  std::string speaker;                   // entity canonical name, or the words themselves
  std::optional<size_t> speaker_entity;  // into Document::entities() when the speaker is a mention
  std::string venue;                     // "TechCrunch", "statement"
  std::string rule;                      // id of the attribution pattern that found the speaker
  bool empty() const { return speaker.empty() && venue.empty(); }
};

// A [begin, end) range of bytes in an abstracted sentence.
struct AbstractRange {
  size_t begin = 0;
  size_t end = 0;
};

// The compiled cues. Immutable after Create; thread-safe.
class ClaimCues {
 public:
  // Compiles the cue lists and attribution patterns of every "claim_cues" file. The
  // attribution patterns are compiled by `attribution_patterns`, in order, as its next
  // patterns (the claim stage's prefilter picks the claim rules and the attribution rules that
  // may match a sentence in one walk of its text; issue 16). InvalidArgument as
  // "<file>: <section>: <what is wrong>" (attribution errors name the id).
  static StatusOr<std::unique_ptr<ClaimCues>> Create(const RuleSources& sources,
                                                     const MacroTable& macros,
                                                     RulePrefilterBuilder* attribution_patterns);
  ~ClaimCues();

  // Splits an abstracted sentence into clauses at the clause boundaries (";", ", but ", ...)
  // and at the matches of the clause boundary patterns (", and in June it ...": the next
  // clause starts at the pattern's `next` group, or at the end of the match).
  std::vector<AbstractRange> Clauses(std::string_view abstract_text) const;

  // Returns the amount a claim carries when its rule matched amount slot `amount`: that
  // amount, unless it is a per-unit price ("$35 a share", "per share", "each"); then the
  // total named later in the sentence ("a deal that values it at about $6.4 billion"), or
  // the per-unit price itself, which the claim carries with amount role per_unit (issue 14).
  // The result indexes Document::amounts().
  std::optional<size_t> DealAmount(const AbstractSentence& sentence,
                                   const AbstractSlot& amount) const;

  // Returns the deal amount a sentence gives for a deal stated shortly before it ("X agreed to
  // buy Y." "The price was 25 mln dlrs." or "Terms were not disclosed."): group "amount" of the
  // first match of deal_amount_after, unless it is a per-unit price with no total, or group
  // "undisclosed" when it holds an undisclosed sum. Indexes Document::amounts().
  std::optional<size_t> FollowUpDealAmount(const Document& doc,
                                           const AbstractSentence& sentence) const;
  // True for the predicates (deal_amount_after.predicates) whose claims take that amount.
  bool TakesFollowUpAmount(std::string_view predicate) const;
  // True for the predicates (name_candidates.predicates) whose participant slots make an
  // untyped name candidate an organization ("Korvex acquired Brantel": Korvex).
  bool TypesNameCandidates(std::string_view predicate) const;
  // The pattern (name_candidates.veto_after, anchored right after a candidate's placeholder)
  // that keeps a candidate untyped: a place before its state ("Napa, Calif."); or nullptr.
  const CompiledPattern* name_candidate_veto() const;
  // Compiles the attribution patterns' reversed programs (see Stage::WarmUp), returning early
  // once `stop` is set.
  void WarmUp(const std::atomic<bool>& stop) const;

  // True when `words`, the text of a rule's `asset` group, can stand as a described object
  // ("its Clayton steel plate mill"): no match of described_object_veto (a lone head noun
  // such as "the unit", "the design-software company" referring back to a named company, or
  // words running past a preposition or verb).
  bool IsDescribedObject(std::string_view words) const;

  // Returns the status of a claim whose evidence is `evidence` in `sentence`. The scope is the
  // clause holding the last byte of the evidence: conditional when a conditional cue lies in
  // the scope ("If X's Claude models fall behind, does AWS ...?"), else a question when that
  // clause ends with "?", else negated, hedged or planned when a cue of that list lies in the scope
  // ("before" cues from the clause start to the evidence end, "after" cues from the evidence
  // end to the clause end), else reported when `attributed`, else asserted.
  ClaimStatus StatusOf(std::string_view abstract_text, AbstractRange evidence,
                       bool attributed) const;

  // Returns the status of a fact stated by a noun phrase (an appositive or possessive,
  // "Cisco's chair Chuck Robbins", "Amazon's cloud unit AWS"): conditional when a conditional
  // cue precedes it in its clause ("If Anthropic's Claude models ..."), question when that
  // clause ends with "?", negated, hedged or planned only for cues inside the phrase itself
  // ("Nvidia's upcoming Rubin chips"), else asserted. The main verb of the sentence ("said
  // the deal would close") and attribution do not reach the phrase.
  ClaimStatus PhraseStatusOf(std::string_view abstract_text, AbstractRange evidence) const;

  // Returns the merged attribution of `sentence`: the first speaker and the first venue any
  // attribution pattern finds. Speakers and venues that are mentions give canonical names.
  // `candidates` are the attribution rules (ascending; 0 is the first pattern Create added)
  // that the prefilter built from `attribution_patterns` says may match the sentence.
  Attribution Attribute(const Document& doc, const AbstractSentence& sentence,
                        std::span<const int> candidates) const;

  // Quoted passages shorter than this many words ("coopetition") are not quotes.
  size_t quote_min_words() const { return quote_min_words_; }

 private:
  // The clause of `abstract_text` holding the last byte of `evidence`; sets `question` when
  // that clause ends with "?".
  AbstractRange ScopeOf(std::string_view abstract_text, AbstractRange evidence,
                        bool* question) const;

  struct Impl;
  explicit ClaimCues(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  size_t quote_min_words_ = 3;
};

}  // namespace newsfacts
