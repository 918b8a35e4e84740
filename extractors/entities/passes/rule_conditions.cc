// Whether an entity pattern rule types a candidate run, shared by the passes that apply
// rules: the typing pass (every untyped run) and the sides pass (places in sports contexts).
#include "extractors/entities/passes/rule_conditions.h"

#include <string>
#include <string_view>
#include <vector>

namespace newsfacts {
namespace {

// True when `word` ends with a word of `endings` after at least three more letters
// ("Tarrowcorp", "Nordvikbanken"), written as one word.
bool EndsWithListEnding(const PhraseList& endings, const EntityWord& word) {
  constexpr size_t kMinStemBytes = 3;
  if (word.kind != TokenKind::kWord) return false;
  const std::string_view folded = word.folded;
  for (size_t stem = kMinStemBytes; stem < folded.size(); ++stem) {
    if (endings.Contains(std::string_view(folded).substr(stem))) return true;
  }
  return false;
}

// True when words [begin, end) are all Capitalized words of two or more letters.
bool AllTitleWords(const std::vector<EntityWord>& words, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    const EntityWord& word = words[k];
    if (word.kind != TokenKind::kWord || word.shape != WordShape::kCapital ||
        word.text.size() < 2) {
      return false;
    }
  }
  return true;
}

// True when a phrase of `heads` stands right before an "of" inside the name of `c`
// ("Tarrow Savings Bank of Harlow").
bool HasHeadBeforeOf(const PassRules& rules, const std::vector<EntityWord>& words,
                     const PhraseList& heads, const Candidate& c) {
  for (size_t k = c.begin + 1; k + 1 < c.name_end; ++k) {
    if (rules.of_words->ContainsWord(words[k]) && heads.MatchEndingAt(words, k, c.begin) > 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool RuleTypesRun(const PassRules& rules, const WordView& view, const EntityRule& rule,
                  const Candidate& c, bool initial_single_word) {
  const std::vector<EntityWord>& words = view.words;
  const SentenceWords& sentence = view.SentenceOf(c);
  // In a Title Case or ALL CAPS line capitals are no evidence: only rules marked
  // in_headlines (designators) type a run there; body names reach it by propagation.
  if (sentence.mode != SentenceMode::kNormal && !rule.in_headlines) return false;
  if (initial_single_word && !rule.sentence_initial) return false;
  if (rule.names_sides && !view.sports_report) return false;
  // The words right next to the name rule most rules out, one test each, before anything
  // walks the name.
  if (!EntityPatterns::MayMatchBefore(rule.before, words, c.begin, sentence.begin) ||
      !EntityPatterns::MayMatchAfter(rule.after, words, c.end, sentence.end)) {
    return false;
  }
  const size_t count = view.WordCount(c.begin, c.name_end);
  if (count < rule.min_words || (rule.max_words > 0 && count > rule.max_words)) return false;
  return RuleTypesRunPast(rules, view, rule, c);
}

bool RuleTypesRunPast(const PassRules& rules, const WordView& view, const EntityRule& rule,
                      const Candidate& c) {
  const std::vector<EntityWord>& words = view.words;
  const SentenceWords& sentence = view.SentenceOf(c);
  if (rule.title_words && !AllTitleWords(words, c.begin, c.name_end)) return false;
  if (rule.name_excludes != nullptr && view.AnyWordIn(*rule.name_excludes, c.begin, c.end)) {
    return false;
  }
  if (rule.name_starts_with != nullptr &&
      rule.name_starts_with->MatchAt(words, c.begin, c.name_end) == 0) {
    return false;
  }
  if (rule.name_ends_with != nullptr &&
      rule.name_ends_with->MatchEndingAt(words, c.end, c.begin) == 0) {
    return false;
  }
  if (rule.name_head_before_of != nullptr &&
      !HasHeadBeforeOf(rules, words, *rule.name_head_before_of, c)) {
    return false;
  }
  if (rule.last_word_ending != nullptr &&
      !EndsWithListEnding(*rule.last_word_ending, words[c.name_end - 1])) {
    return false;
  }
  if (!rule.before.empty() &&
      !EntityPatterns::MatchBefore(rule.before, words, c.begin, sentence.begin)) {
    return false;
  }
  return rule.after.empty() || EntityPatterns::MatchAfter(rule.after, words, c.end, sentence.end);
}

}  // namespace newsfacts
