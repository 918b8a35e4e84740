// Entity pass 2a: company names in ALL CAPS sentences, where capitals say nothing, read
// backward from a legal designator ("QUELLMARK CORP TO ACQUIRE STRAVEN SOFTWARE INC").
#include "extractors/entities/name_words.h"
#include "extractors/entities/passes/passes.h"

namespace newsfacts {

// A name is the words right before a designator, back to a sentence word, a
// `headline_words` word ("ACQUIRE", "UNIT") or a word the article also writes in lowercase,
// unless that word is an organization word such as SOFTWARE.
void FindUpperDesignatorNames(const PassRules& rules, WordView& view, size_t s) {
  constexpr size_t kMaxNameWords = 4;
  const NameWords names(rules, view);
  const std::vector<EntityWord>& words = view.words;
  const SentenceWords& sentence = view.sentences[s];
  for (size_t j = sentence.begin + 1; j < sentence.end; ++j) {
    if (view.covered[j] || rules.designators->MatchAt(words, j, sentence.end) == 0) continue;
    size_t begin = j;
    while (begin > sentence.begin && j - begin < kMaxNameWords) {
      const size_t k = begin - 1;
      const EntityWord& word = words[k];
      if (!names.IsAnchoredNameWord(k, sentence) || rules.function_words->ContainsWord(word) ||
          rules.headline_words->ContainsWord(word) || rules.designators->ContainsWord(word)) {
        break;
      }
      if (view.HasFact(k, kLowerSeen) && !rules.org_words->ContainsWord(word) &&
          !rules.name_adjectives->ContainsWord(word)) {
        break;
      }
      begin = k;
    }
    if (begin == j) continue;
    Candidate candidate;
    candidate.sentence = s;
    candidate.begin = candidate.full_begin = begin;
    candidate.name_end = j;
    candidate.end = names.DesignatorEnd(j, sentence);
    if (candidate.end == j) continue;
    j = candidate.end - 1;
    view.candidates.push_back(std::move(candidate));
  }
}

}  // namespace newsfacts
