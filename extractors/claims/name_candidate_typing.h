// Name candidates typed by the claim slot they fill: a run of capitalized words no entity rule
// typed ("Korvex" in "Korvex acquired Brantel") is an organization when a claim rule whose
// predicate says so reads it as a participant (issue 12).
#pragma once

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_cues.h"
#include "extractors/claims/claim_rules.h"
#include "extractors/claims/sentence_rules.h"
#include "extractors/kernel/rule_prefilter.h"
#include "pipeline/document.h"

namespace newsfacts {

// The groups a rule's licensed predicates read (name_candidates.predicates): (group name, is
// an object). The `asset` group (a thing described, not named) only ever keeps a candidate
// untyped. Empty for a rule that types no candidate.
using LicensedGroups = std::vector<std::pair<std::string_view, bool>>;

// The LicensedGroups of each rule of `rules`, by rule index: computed once per stage, since
// they depend on the rules and cues alone. The views point into `rules`.
std::vector<LicensedGroups> LicensedGroupsByRule(const std::vector<ClaimRule>& rules,
                                                 const ClaimCues& cues);

// The prefilter TypeNameCandidates asks whether a licensed rule may match a sentence's view with
// candidates: `prefilter` restricted to the licensed rules among `rules` (`licensed` is
// LicensedGroupsByRule), with the atoms that may overlap an "ORG" placeholder
// (AbstractSentence::MayOverlapPlaceholder) present.
std::unique_ptr<RulePrefilter> LicensedRulePrefilter(const RulePrefilter& prefilter,
                                                     const std::vector<LicensedGroups>& licensed);

// Per sentence of `doc`, whether its view with name candidates (AbstractSentence::
// BuildWithNameCandidates) is worth building: it holds a candidate, and either a licensed rule
// among `rules` may match it, or it is no copy of its view in `plain` (the views without
// candidates, walked by `plain_rules`) with an "ORG" placeholder in place of each candidate (a
// candidate overlaps a mention or an amount, or a restatement is elided). That a rule may
// match is told without the view: it holds the atoms of the view in `plain` and, at most,
// those a placeholder may hold (`licensed_prefilter` is LicensedRulePrefilter), and no more
// entity placeholders than the view in `plain` and its candidates (issue 16: the views a
// looser test let through, each built and walked by the prefilter, were two fifths of the
// typing's time, and that test walked the text of each sentence with a candidate).
std::vector<bool> SentencesToView(const std::vector<ClaimRule>& rules,
                                  const RulePrefilter& licensed_prefilter,
                                  const std::vector<LicensedGroups>& licensed,
                                  const std::vector<AbstractSentence>& plain,
                                  SentenceRules& plain_rules, const Document& doc);

// Adds an ORG mention for every name candidate of `doc` that a rule of `rules` (indexed by
// `prefilter`, whose patterns after the rules' are left aside) reads inside a participant group of
// a predicate `cues` licenses (name_candidates.predicates; `licensed` is LicensedGroupsByRule),
// with rule "claim:<rule id>", and for every other candidate of the same text, with rule
// "propagate.same_name". A candidate stays untyped where a licensed rule already reads it as part
// of a participant or a described object in `plain` (the views of `doc` without candidates: "its
// Hawaiian dairy operations"), or where the cues' veto follows it ("Napa, Calif."). A typed
// candidate joins the entity of its canonical key, added when new; mentions stay in text order.
// Returns whether any mention was added. Only the sentences SentencesToView wants are looked
// at; `plain_rules` walks `plain` with `prefilter`.
bool TypeNameCandidates(const std::vector<ClaimRule>& rules, const RulePrefilter& prefilter,
                        const RulePrefilter& licensed_prefilter,
                        const std::vector<LicensedGroups>& licensed, const ClaimCues& cues,
                        const std::vector<AbstractSentence>& plain, SentenceRules& plain_rules,
                        Document& doc);

// Removes the entities from index `first_typed` on (those TypeNameCandidates added) that no
// claim of `claims` names, with their mentions, and renumbers the entities after them in
// `doc`, `claims` and `quotes`: a rule that matched but whose claim was dropped (a rejected
// object, an overlap lost) is no evidence for the name.
void DropUnclaimedNames(size_t first_typed, std::vector<Claim>& claims, std::vector<Quote>& quotes,
                        Document& doc);

}  // namespace newsfacts
