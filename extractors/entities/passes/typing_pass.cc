// Entity pass 3: context rules of the entity patterns type each candidate run the gazetteer
// did not find; a run nothing types stays untyped (propagation may still type it).
#include <cstdint>
#include <string>
#include <vector>

#include "extractors/entities/name_words.h"
#include "extractors/entities/passes/passes.h"
#include "extractors/entities/passes/rule_conditions.h"

namespace newsfacts {
namespace {

// Types the candidates of one view. Holds references to the view; one instance per TypeRuns
// call, not thread-safe.
class RunTyper {
 public:
  RunTyper(const PassRules& rules, const WordView& view)
      : rules_(rules),
        view_(view),
        names_(rules, view),
        words_(view.words),
        order_(rules.patterns->rule_order()) {
    // Outside a sports report no `names_sides` rule types anything (RuleTypesRun): they are
    // not tried at all.
    const std::vector<EntityRule>& all = rules.patterns->rules();
    by_priority_.reserve(order_.by_priority.size());
    for (const size_t r : order_.by_priority) {
      if (!all[r].names_sides || view.sports_report) by_priority_.push_back(&all[r]);
    }
  }

  // Types a run by the best rule. A run that starts a sentence and no rule types may
  // begin with an ordinary capitalized word ("Later Brandvold left"): the rest is tried.
  // A single word starting a sentence is typed only by rules marked sentence_initial
  // (strong contexts such as appositives), else left to propagation ("Investors bought").
  void TypeRun(Candidate& c) const {
    const SentenceWords& sentence = view_.SentenceOf(c);
    const bool initial = c.begin == sentence.first_word;
    TypeRunWithRules(c, initial && view_.WordCount(c.begin, c.name_end) == 1);
    // An opener such as "First" stays only in an organization name ("First Orchard Bank").
    const bool opener = names_.IsNameOpener(c.begin, sentence);
    if (opener && c.typed && c.type != EntityType::kOrg) c.typed = false;
    if (c.typed || !(initial || opener) || view_.WordCount(c.begin, c.name_end) < 2) return;
    size_t rest = c.begin + 1;
    while (rest < c.name_end && words_[rest].kind != TokenKind::kWord) ++rest;
    if (rest >= c.name_end || !names_.IsNameWord(rest, sentence)) return;
    c.begin = rest;
    TypeRun(c);
  }

 private:
  void TypeRunWithRules(Candidate& c, bool initial_single_word) const {
    const EntityRule* best = BestRule(c, initial_single_word);
    if (best != nullptr) TypeBy(*best, c);
  }

  // The rule of highest priority (the first of them) that types `c`; nullptr when none does.
  // Tried in that order, the first rule that types `c` is the one.
  // Rules that one bit test rules out (MayType) are not tried.
  // A rule whose bit is set passed all MayType tests, which are RuleTypesRun's cheapest
  // ones: only the rest are asked (RuleTypesRunPast), unless the word count was too high for
  // the bounds mask.
  const EntityRule* BestRule(const Candidate& c, bool initial_single_word) const {
    const uint64_t may_type = MayType(c, initial_single_word);
    const bool counted = view_.WordCount(c.begin, c.name_end) < RuleOrder::kCountedWords;
    for (const EntityRule* rule : by_priority_) {
      const bool masked = rule->order < EntityPatterns::kMaskedRules;
      if (masked && (may_type & (uint64_t{1} << rule->order)) == 0) continue;
      const bool types = masked && counted
                             ? RuleTypesRunPast(rules_, view_, *rule, c)
                             : RuleTypesRun(rules_, view_, *rule, c, initial_single_word);
      if (types) return rule;
    }
    return nullptr;
  }

  // The rules (bit r: rule r, see EntityPatterns::kMaskedRules) that may type `c` for all
  // RuleTypesRun's cheapest tests tell: the sentence's mode, a single initial word, the word
  // count and the one word on either side of the name.
  uint64_t MayType(const Candidate& c, bool initial_single_word) const {
    const SentenceWords& sentence = view_.SentenceOf(c);
    uint64_t rules =
        rules_.patterns->RulesMayMatchAround(words_, c.begin, c.end, sentence.begin, sentence.end);
    if (sentence.mode != SentenceMode::kNormal) rules &= order_.in_headlines;
    if (initial_single_word) rules &= order_.sentence_initial;
    const size_t count = view_.WordCount(c.begin, c.name_end);
    if (count < RuleOrder::kCountedWords) rules &= order_.of_word_count[count];
    return rules;
  }

  // A candidate typed by a `names_sides` rule is marked a side, for the sides pass.
  static void TypeBy(const EntityRule& rule, Candidate& c) {
    c.typed = true;
    c.type = rule.type;
    c.priority = rule.priority;
    c.order = rule.order + 1;
    c.rule = rule.id;
    c.side = rule.names_sides;
  }

  const PassRules& rules_;
  const WordView& view_;
  const NameWords names_;
  const std::vector<EntityWord>& words_;
  const RuleOrder& order_;
  std::vector<const EntityRule*> by_priority_;  // the rules tried, by priority
};

}  // namespace

void TypeRuns(const PassRules& rules, WordView& view) {
  const RunTyper typer(rules, view);
  for (Candidate& candidate : view.candidates) {
    if (!candidate.entry) typer.TypeRun(candidate);
  }
}

}  // namespace newsfacts
