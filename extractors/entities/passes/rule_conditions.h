// Whether an entity pattern rule types a candidate run: the conditions of a rule (context
// before and after, name lists, word bounds, flags) checked over the word view.
#pragma once

#include "extractors/entities/entity_patterns.h"
#include "extractors/entities/word_view.h"

namespace newsfacts {

// Returns true when every condition of `rule` holds for the run of `c` in `view`.
// `initial_single_word`: the run is one word opening its sentence, which only rules marked
// `sentence_initial` type. In a Title Case headline only `in_headlines` rules apply.
bool RuleTypesRun(const PassRules& rules, const WordView& view, const EntityRule& rule,
                  const Candidate& c, bool initial_single_word);

// RuleTypesRun without its cheapest tests (the sentence's mode, a single initial word,
// `names_sides` outside a sports report, the one word on either side of the name and the
// word bounds), for a caller that ruled on them already (the typing pass's rule masks):
// true when the rest of the conditions of `rule` hold for `c`.
bool RuleTypesRunPast(const PassRules& rules, const WordView& view, const EntityRule& rule,
                      const Candidate& c);

}  // namespace newsfacts
