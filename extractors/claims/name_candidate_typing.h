// Name candidates typed by the claim slot they fill: a run of capitalized words no entity rule
// typed ("Korvex" in "Korvex acquired Brantel") is an organization when a claim rule whose
// predicate says so reads it as a participant (issue 12).
#pragma once

#include <vector>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_cues.h"
#include "extractors/claims/claim_rules.h"
#include "extractors/kernel/rule_prefilter.h"
#include "pipeline/document.h"

namespace newsfacts {

// Adds an ORG mention for every name candidate of `doc` that a rule of `rules` (indexed by
// `prefilter`) reads inside a participant group of a predicate `cues` licenses
// (name_candidates.predicates), with rule "claim:<rule id>", and for every other candidate of
// the same text, with rule "propagate.same_name". A candidate stays untyped where a licensed
// rule already reads it as part of a participant or a described object in `plain` (the views
// of `doc` without candidates: "its Hawaiian dairy operations"), or where the cues' veto
// follows it ("Napa, Calif."). A typed candidate joins the entity of its canonical key, added
// when new; mentions stay in text order. Returns whether any mention was added.
bool TypeNameCandidates(const std::vector<ClaimRule>& rules, const RulePrefilter& prefilter,
                        const ClaimCues& cues, const std::vector<AbstractSentence>& plain,
                        Document& doc);

// Removes the entities from index `first_typed` on (those TypeNameCandidates added) that no
// claim of `claims` names, with their mentions, and renumbers the entities after them in
// `doc`, `claims` and `quotes`: a rule that matched but whose claim was dropped (a rejected
// object, an overlap lost) is no evidence for the name.
void DropUnclaimedNames(size_t first_typed, std::vector<Claim>& claims, std::vector<Quote>& quotes,
                        Document& doc);

}  // namespace newsfacts
