// Entity pass 5: a company name of several words that a rule typed is found again wherever
// a prose sentence repeats it exactly, even where runs split it.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
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

// The known names: typed ORG candidates of two or more words without gazetteer entry, by
// first word, each name as written once (its first candidate: a repeat adopts the first
// one that matches, and candidates with the same words match alike).
std::unordered_map<std::string_view, std::vector<size_t>> KnownNamesByFirstWord(
    const WordView& view) {
  std::unordered_map<std::string_view, std::vector<size_t>> known_by_first_word;
  std::unordered_set<std::string> seen;
  seen.reserve(view.candidates.size());
  for (size_t k = 0; k < view.candidates.size(); ++k) {
    const Candidate& c = view.candidates[k];
    if (!c.typed || c.entry || c.type != EntityType::kOrg ||
        view.WordCount(c.begin, c.name_end) < 2) {
      continue;
    }
    std::string words;  // the texts of its name words, each with its length
    for (size_t w = c.begin; w < c.name_end; ++w) {
      words += std::to_string(view.words[w].text.size());
      words += ':';
      words += view.words[w].text;
    }
    if (seen.insert(std::move(words)).second) {
      known_by_first_word[view.words[c.begin].text].push_back(k);
    }
  }
  return known_by_first_word;
}

// The repeats of the known names in the prose sentences of `view`, in text order.
std::vector<Candidate> FindRepeats(
    const NameWords& names, const WordView& view,
    const std::unordered_map<std::string_view, std::vector<size_t>>& known_by_first_word) {
  // The typed candidates by (begin, name_end), sorted: a begin word index names its
  // sentence too.
  std::vector<std::pair<size_t, size_t>> typed_names;
  for (const Candidate& c : view.candidates) {
    if (c.typed) typed_names.emplace_back(c.begin, c.name_end);
  }
  std::sort(typed_names.begin(), typed_names.end());
  // The folded forms of the known names' first words: a word of another form is no first
  // word (equal texts have equal forms), which one bit says without hashing its text.
  std::vector<bool> first_forms;
  for (const auto& [text, known] : known_by_first_word) {
    const uint32_t form = view.words[view.candidates[known.front()].begin].form;
    if (form >= first_forms.size()) first_forms.resize(form + 1, false);
    first_forms[form] = true;
  }
  std::vector<Candidate> repeats;
  for (size_t s = 0; s < view.sentences.size(); ++s) {
    const SentenceWords& sentence = view.sentences[s];
    if (sentence.mode != SentenceMode::kNormal) continue;
    for (size_t i = sentence.begin; i < sentence.end; ++i) {
      const uint32_t form = view.words[i].form;
      if (form >= first_forms.size() || !first_forms[form]) continue;
      const auto known = known_by_first_word.find(view.words[i].text);
      if (known == known_by_first_word.end()) continue;
      for (const size_t k : known->second) {
        const Candidate& name = view.candidates[k];
        const size_t n = name.name_end - name.begin;
        if (!RepeatsName(view, i, n, name, sentence) ||
            std::binary_search(typed_names.begin(), typed_names.end(), std::make_pair(i, i + n))) {
          continue;
        }
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

// True when `c` lies inside one of `repeats` (disjoint, in text order).
bool InsideRepeat(const std::vector<Candidate>& repeats, const Candidate& c) {
  // The last repeat starting at or before `c`: an earlier one ends before that one starts.
  const auto after =
      std::upper_bound(repeats.begin(), repeats.end(), c.begin,
                       [](size_t begin, const Candidate& repeat) { return begin < repeat.begin; });
  if (after == repeats.begin()) return false;
  const Candidate& r = *(after - 1);
  return r.sentence == c.sentence && r.begin <= c.begin && c.end <= r.end;
}

}  // namespace

// "Orlen and Vask Shipping said" after "Orlen and Vask Shipping Plc", where "and" splits
// runs, "Plaid Tarrow said" after "Plaid Tarrow Inc", where a gazetteer word opens it.
// Rule-typed candidates inside a repeat give way to it, gazetteer ones to the overlap policy.
void FindRepeatedNames(const PassRules& rules, WordView& view) {
  const std::unordered_map<std::string_view, std::vector<size_t>> known_by_first_word =
      KnownNamesByFirstWord(view);
  if (known_by_first_word.empty()) return;
  std::vector<Candidate> repeats = FindRepeats(NameWords(rules, view), view, known_by_first_word);
  if (repeats.empty()) return;
  std::vector<Candidate>& candidates = view.candidates;
  candidates.erase(
      std::remove_if(candidates.begin(), candidates.end(),
                     [&](const Candidate& c) { return !c.entry && InsideRepeat(repeats, c); }),
      candidates.end());
  for (Candidate& repeat : repeats) candidates.push_back(std::move(repeat));
}

}  // namespace newsfacts
