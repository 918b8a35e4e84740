// Entity pass 5: a company name of several words that a rule typed is found again wherever
// a prose sentence repeats it exactly, even where runs split it.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/entities/name_words.h"
#include "extractors/entities/passes/passes.h"

namespace newsfacts {
namespace {

// True when words [i, i + n) of `sentence` are the name words of `known`, as written.
bool RepeatsName(const WordView& view, size_t i, size_t n, const Candidate& known,
                 const SentenceWords& sentence) {
  if (i + n > sentence.end) return false;
  for (size_t k = 0; k < n; ++k) {
    if (view.words[i + k].text != view.words[known.begin + k].text) return false;
  }
  return true;
}

// True when a typed candidate of `sentence` has exactly the name words [begin, name_end).
bool HasCandidate(const WordView& view, size_t sentence, size_t begin, size_t name_end) {
  return std::any_of(view.candidates.begin(), view.candidates.end(), [&](const Candidate& c) {
    return c.sentence == sentence && c.begin == begin && c.name_end == name_end && c.typed;
  });
}

// The repeats of the known names in the prose sentences of `view`, in text order.
std::vector<Candidate> FindRepeats(
    const NameWords& names, const WordView& view,
    const std::unordered_map<std::string_view, std::vector<size_t>>& known_by_first_word) {
  std::vector<Candidate> repeats;
  for (size_t s = 0; s < view.sentences.size(); ++s) {
    const SentenceWords& sentence = view.sentences[s];
    if (sentence.mode != SentenceMode::kNormal) continue;
    for (size_t i = sentence.begin; i < sentence.end; ++i) {
      const auto known = known_by_first_word.find(view.words[i].text);
      if (known == known_by_first_word.end()) continue;
      for (const size_t k : known->second) {
        const Candidate& name = view.candidates[k];
        const size_t n = name.name_end - name.begin;
        if (!RepeatsName(view, i, n, name, sentence) || HasCandidate(view, s, i, i + n)) continue;
        Candidate repeat;
        repeat.sentence = s;
        repeat.begin = repeat.full_begin = i;
        repeat.name_end = i + n;
        repeat.end = names.DesignatorEnd(i + n, sentence);
        Adopt(view, repeat, k, "propagate.same_name");
        repeats.push_back(std::move(repeat));
        i = repeats.back().end - 1;
        break;
      }
    }
  }
  return repeats;
}

}  // namespace

// "Orlen and Vask Shipping said" after "Orlen and Vask Shipping Plc", where "and" splits
// runs, "Plaid Tarrow said" after "Plaid Tarrow Inc", where a gazetteer word opens it.
// Rule-typed candidates inside a repeat give way to it, gazetteer ones to the overlap policy.
void FindRepeatedNames(const PassRules& rules, WordView& view) {
  std::unordered_map<std::string_view, std::vector<size_t>> known_by_first_word;
  for (size_t k = 0; k < view.candidates.size(); ++k) {
    const Candidate& c = view.candidates[k];
    if (c.typed && !c.entry && c.type == EntityType::kOrg &&
        view.WordCount(c.begin, c.name_end) >= 2) {
      known_by_first_word[view.words[c.begin].text].push_back(k);
    }
  }
  if (known_by_first_word.empty()) return;
  std::vector<Candidate> repeats = FindRepeats(NameWords(rules, view), view, known_by_first_word);
  if (repeats.empty()) return;
  const auto inside_repeat = [&](const Candidate& c) {
    if (c.entry) return false;
    return std::any_of(repeats.begin(), repeats.end(), [&](const Candidate& r) {
      return r.sentence == c.sentence && r.begin <= c.begin && c.end <= r.end;
    });
  };
  std::vector<Candidate>& candidates = view.candidates;
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(), inside_repeat),
                   candidates.end());
  for (Candidate& repeat : repeats) candidates.push_back(std::move(repeat));
}

}  // namespace newsfacts
