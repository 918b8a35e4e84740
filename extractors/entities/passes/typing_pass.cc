// Entity pass 3: context rules of the entity patterns type each candidate run the gazetteer
// did not find; a run nothing types stays untyped (propagation may still type it). A gazetteer
// place that is no nation becomes a sports side where a `names_sides` rule matches it.
#include <string>
#include <vector>

#include "extractors/entities/name_words.h"
#include "extractors/entities/passes/passes.h"

namespace newsfacts {
namespace {

// True when `word` ends with a word of `endings` after at least three more letters
// ("Tarrowcorp", "Nordvikbanken"), written as one word.
bool EndsWithListEnding(const PhraseList& endings, const EntityWord& word) {
  constexpr size_t kMinStemBytes = 3;
  if (word.kind != TokenKind::kWord) return false;
  const std::string& folded = word.folded;
  for (size_t stem = kMinStemBytes; stem < folded.size(); ++stem) {
    if (endings.Contains(std::string_view(folded).substr(stem))) return true;
  }
  return false;
}

// Types the candidates of one view. Holds references to the view; one instance per TypeRuns
// call, not thread-safe.
class RunTyper {
 public:
  RunTyper(const PassRules& rules, const WordView& view)
      : rules_(rules), view_(view), names_(rules, view), words_(view.words) {}

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

  // Retypes the gazetteer place `c` as a sports side when a `names_sides` rule matches it
  // ("Leeds 2 Harwick 1", "Leeds manager ..."); a nation, whose national side keeps the
  // country's name and type, and every other gazetteer entry stay as they are.
  void TypePlaceAsSide(Candidate& c) const {
    const GazetteerEntry& entry = rules_.gazetteer->entries()[*c.entry];
    if (entry.type != EntityType::kLocation || entry.nation) return;
    const bool initial = c.begin == view_.SentenceOf(c).first_word;
    const EntityRule* side =
        BestRule(c, initial && view_.WordCount(c.begin, c.name_end) == 1, /*sides_only=*/true);
    if (side == nullptr) return;
    c.entry.reset();
    c.provisional = false;
    c.glued = false;
    TypeBy(*side, c);
  }

 private:
  void TypeRunWithRules(Candidate& c, bool initial_single_word) const {
    const EntityRule* best = BestRule(c, initial_single_word, /*sides_only=*/false);
    if (best != nullptr) TypeBy(*best, c);
  }

  // The rule of highest priority (the first of them) that types `c`, among those that name
  // sports sides when `sides_only`; nullptr when none does.
  const EntityRule* BestRule(const Candidate& c, bool initial_single_word, bool sides_only) const {
    const EntityRule* best = nullptr;
    for (const EntityRule& rule : rules_.patterns->rules()) {
      if (sides_only && !rule.names_sides) continue;
      if (best != nullptr && rule.priority <= best->priority) continue;
      if (RuleTypes(rule, c, initial_single_word)) best = &rule;
    }
    return best;
  }

  static void TypeBy(const EntityRule& rule, Candidate& c) {
    c.typed = true;
    c.type = rule.type;
    c.priority = rule.priority;
    c.order = rule.order + 1;
    c.rule = rule.id;
    c.side = rule.names_sides;
  }

  // True when every condition of `rule` holds for the run of `c`.
  bool RuleTypes(const EntityRule& rule, const Candidate& c, bool initial_single_word) const {
    const SentenceWords& sentence = view_.SentenceOf(c);
    const size_t words = view_.WordCount(c.begin, c.name_end);
    // In a Title Case or ALL CAPS line capitals are no evidence: only rules marked
    // in_headlines (designators) type a run there; body names reach it by propagation.
    if (sentence.mode != SentenceMode::kNormal && !rule.in_headlines) return false;
    if (initial_single_word && !rule.sentence_initial) return false;
    if (words < rule.min_words || (rule.max_words > 0 && words > rule.max_words)) return false;
    if (rule.title_words && !AllTitleWords(c.begin, c.name_end)) return false;
    if (rule.name_excludes != nullptr && view_.AnyWordIn(*rule.name_excludes, c.begin, c.end)) {
      return false;
    }
    if (rule.name_starts_with != nullptr &&
        rule.name_starts_with->MatchAt(words_, c.begin, c.name_end) == 0) {
      return false;
    }
    if (rule.name_ends_with != nullptr &&
        rule.name_ends_with->MatchEndingAt(words_, c.end, c.begin) == 0) {
      return false;
    }
    if (rule.name_head_before_of != nullptr && !HasHeadBeforeOf(*rule.name_head_before_of, c)) {
      return false;
    }
    if (rule.last_word_ending != nullptr &&
        !EndsWithListEnding(*rule.last_word_ending, words_[c.name_end - 1])) {
      return false;
    }
    if (!rule.before.empty() &&
        !EntityPatterns::MatchBefore(rule.before, words_, c.begin, sentence.begin)) {
      return false;
    }
    return rule.after.empty() ||
           EntityPatterns::MatchAfter(rule.after, words_, c.end, sentence.end);
  }

  // True when words [begin, end) are all Capitalized words of two or more letters.
  bool AllTitleWords(size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      const EntityWord& word = words_[k];
      if (word.kind != TokenKind::kWord || word.shape != WordShape::kCapital ||
          word.text.size() < 2) {
        return false;
      }
    }
    return true;
  }

  // True when a phrase of `heads` stands right before an "of" inside the name of `c`
  // ("Tarrow Savings Bank of Harlow").
  bool HasHeadBeforeOf(const PhraseList& heads, const Candidate& c) const {
    for (size_t k = c.begin + 1; k + 1 < c.name_end; ++k) {
      if (rules_.of_words->ContainsWord(words_[k]) && heads.MatchEndingAt(words_, k, c.begin) > 0) {
        return true;
      }
    }
    return false;
  }

  const PassRules& rules_;
  const WordView& view_;
  const NameWords names_;
  const std::vector<EntityWord>& words_;
};

}  // namespace

void TypeRuns(const PassRules& rules, WordView& view) {
  const RunTyper typer(rules, view);
  for (Candidate& candidate : view.candidates) {
    if (!candidate.entry) {
      typer.TypeRun(candidate);
    } else {
      typer.TypePlaceAsSide(candidate);
    }
  }
}

}  // namespace newsfacts
