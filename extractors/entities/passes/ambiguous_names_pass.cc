// Entity pass 4: an ambiguous gazetteer word ("Apple", "Meta") stands only with evidence in
// its sentence or elsewhere in the article; one glued to another name falls.
#include <string>
#include <unordered_set>

#include "extractors/entities/name_words.h"
#include "extractors/entities/passes/passes.h"

namespace newsfacts {
namespace {

// True when the ambiguous candidate `c` is glued to another name word, or (set in
// `common_phrase`) opens a headline phrase whose words the body writes in lowercase.
// `ends_name` is set when a name word stands before it and none after ("Billie Jean King").
bool IsGlued(const NameWords& names, const WordView& view, const Candidate& c, bool* common_phrase,
             bool* ends_name) {
  const SentenceWords& sentence = view.SentenceOf(c);
  const bool followed_by_name = c.end < sentence.end && names.IsNameWord(c.end, sentence);
  const bool preceded_by_name = c.begin > sentence.begin && names.IsNameWord(c.begin - 1, sentence);
  *ends_name = preceded_by_name && !followed_by_name;
  // "Apple Orchard" in a headline over an article about apple orchards: both words are
  // written in lowercase in the body, so they are a common noun phrase.
  *common_phrase = sentence.mode == SentenceMode::kTitle && c.end < sentence.end &&
                   view.words[c.end].shape == WordShape::kCapital &&
                   view.HasFact(c.end, kLowerSeen) && view.HasFact(c.begin, kLowerSeen);
  return followed_by_name || preceded_by_name || *common_phrase;
}

}  // namespace

// An ambiguous gazetteer word ("Apple") stands when it is not the first word of a plain
// sentence, or is followed by a possessive, a designator or an evidence word ("said"),
// or the same entry stands elsewhere in the article. A word the article also writes as the
// last word of a person's name or of a longer name ("Billie Jean King" ... "King said") is
// that name's surname
// wherever it stands alone: it never stands as the entry, and propagation may link it.
void ResolveAmbiguousNames(const PassRules& rules, WordView& view) {
  const NameWords names(rules, view);
  std::unordered_set<size_t> confirmed;
  std::unordered_set<std::string> surnames;
  for (const Candidate& c : view.candidates) {
    if (c.typed && !c.entry && c.type == EntityType::kPerson && c.name_end > c.begin + 1) {
      surnames.insert(FoldedKey(view.words, c.name_end - 1, c.name_end));
    }
  }
  for (Candidate& c : view.candidates) {
    if (!c.entry) continue;
    if (!c.provisional) {
      confirmed.insert(*c.entry);
      continue;
    }
    bool common_phrase = false;
    bool ends_name = false;
    if (IsGlued(names, view, c, &common_phrase, &ends_name)) {
      c.glued = true;
      c.common_noun = common_phrase;
      if (ends_name) surnames.insert(FoldedKey(view.words, c.begin, c.end));
      continue;
    }
    const SentenceWords& sentence = view.SentenceOf(c);
    const bool evidence =
        (c.end < sentence.end && view.words[c.end].possessive) ||
        rules.evidence_after->MatchAt(view.words, c.end, sentence.end) > 0 ||
        (sentence.mode == SentenceMode::kNormal && c.begin != sentence.first_word);
    if (evidence) {
      c.provisional = false;
      confirmed.insert(*c.entry);
    }
  }
  for (Candidate& c : view.candidates) {
    if (c.provisional && !c.glued && confirmed.count(*c.entry) > 0) c.provisional = false;
  }
  for (Candidate& c : view.candidates) {
    if (c.entry && rules.gazetteer->entries()[*c.entry].ambiguous &&
        surnames.count(FoldedKey(view.words, c.begin, c.end)) > 0) {
      c.entry.reset();
      c.provisional = false;
      c.typed = false;
    }
  }
  for (Candidate& c : view.candidates) {
    if (c.provisional) c.typed = false;
  }
}

}  // namespace newsfacts
