// Entity pass 1: gazetteer names, longest phrase first, in the exact case written (case-blind
// in ALL CAPS sentences), except where a known word is part of a longer name.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/entities/name_words.h"
#include "extractors/entities/passes/passes.h"

namespace newsfacts {
namespace {

std::string_view TextOf(const EntityWord& word) { return word.text; }
std::string_view FoldedOf(const EntityWord& word) { return word.folded; }

// Matches the gazetteer over the sentences of one view. Holds references to the view and
// scratch keys; one instance per MatchGazetteer call, not thread-safe.
class GazetteerMatcher {
 public:
  GazetteerMatcher(const PassRules& rules, WordView& view)
      : gazetteer_(*rules.gazetteer),
        lists_(rules),
        names_(rules, view),
        words_(view.words),
        covered_(view.covered),
        candidates_(view.candidates) {
    // Longer than most gazetteer phrases: HashKeys seldom grows them.
    exact_hashes_.reserve(kHashesReserved);
    folded_hashes_.reserve(kHashesReserved);
  }

  void MatchSentence(size_t s, const SentenceWords& sentence) {
    const size_t first_candidate = candidates_.size();
    size_t i = sentence.begin;
    while (i < sentence.end) {
      std::optional<GazetteerPhrase> found;
      const size_t n = PhraseAt(i, sentence, &found);
      if (!found) {
        ++i;
        continue;
      }
      const GazetteerEntry& entry = gazetteer_.entries()[found->entry];
      if (const size_t next = WordOfLongerName(i, n, entry, sentence)) {
        i = next;
        continue;
      }
      Candidate candidate;
      candidate.sentence = s;
      candidate.begin = candidate.full_begin = i;
      candidate.name_end = i + n;
      candidate.end = names_.DesignatorEnd(i + n, sentence);
      candidate.typed = true;
      candidate.type = entry.type;
      candidate.priority = kGazetteerPriority;
      candidate.rule = entry.rule;
      candidate.entry = found->entry;
      const bool one_cased_word = n == 1 && words_[i].shape == WordShape::kCapital;
      candidate.provisional = entry.ambiguous &&
                              (one_cased_word || sentence.mode == SentenceMode::kUpper) &&
                              candidate.end == candidate.name_end;
      for (size_t k = candidate.begin; k < candidate.end; ++k) covered_[k] = true;
      candidates_.push_back(std::move(candidate));
      i = candidates_.back().end;
    }
    if (sentence.mode == SentenceMode::kNormal) DropInstitutionPlaces(first_candidate, sentence);
  }

 private:
  // Words of the longest gazetteer phrase starting at word `i`, its phrase in `found`; 0
  // (and `found` empty) when none starts there.
  size_t PhraseAt(size_t i, const SentenceWords& sentence, std::optional<GazetteerPhrase>* found) {
    const EntityWord& word = words_[i];
    if (word.kind == TokenKind::kPunctuation || word.possessive) return 0;
    // No phrase starts with this word in any case (a word ending in "." may still start
    // one without its period).
    if (word.indexed && (word.facts == nullptr || word.facts->gazetteer_words == 0) &&
        (word.text.empty() || word.text.back() != '.')) {
      return 0;
    }
    // Exact-case phrases start with the word as written; any_case ones (stored folded)
    // start with its folded form; ALL CAPS sentences try every phrase case-blind, and so
    // does a capitals word opening a prose sentence, for a wire dateline ("NEW YORK
    // (Reuters) -", "OTTAWA 1996-08-22"), where Lookup accepts places only.
    const bool dateline = sentence.mode == SentenceMode::kNormal && i == sentence.first_word &&
                          word.shape == WordShape::kUpper;
    const bool upper = sentence.mode == SentenceMode::kUpper || dateline;
    const bool ends_with_period = word.text.size() > 1 && word.text.back() == '.';
    size_t max_words = 0;
    if (!upper && !ends_with_period && word.indexed && word.text == word.folded) {
      // A word written in lowercase: both lookups below are the one the index holds.
      max_words = word.facts->gazetteer_lower_words;
    } else {
      max_words = std::max(gazetteer_.MaxWordsStartingWith(upper ? word.folded : word.text, upper),
                           upper ? 0 : gazetteer_.MaxWordsStartingWith(word.folded, false));
    }
    if (ends_with_period) {
      const std::string_view bare =
          std::string_view(upper ? word.folded : word.text).substr(0, word.text.size() - 1);
      max_words = std::max(max_words, gazetteer_.MaxWordsStartingWith(bare, upper));
    }
    max_words = std::min(max_words, sentence.end - i);
    size_t n = max_words;
    if (n > 0) HashKeys(i, i + n);
    for (; n > 0 && !*found; --n) {
      if (words_[i + n - 1].possessive) continue;
      *found = Lookup(i, n, sentence, dateline);
      if (*found) break;
    }
    return n;
  }

  // Where to go on when the match of `entry` over words [i, i + n) is a word of something
  // longer: a currency prefix ("US$42m"), a designator-anchored name ("Harwick Steel Corp",
  // "Hunt Orchard Co"), an organization named for a place ("Air Tarrowland"), a run an
  // organization word ends ("Orchard Combustion Division"), a person's name ("Claude
  // Varga") or any name an ambiguous place stands in ("Cambridge United"); 0 when the match
  // stands.
  size_t WordOfLongerName(size_t i, size_t n, const GazetteerEntry& entry,
                          const SentenceWords& sentence) const {
    const bool place = entry.type == EntityType::kLocation;
    const bool upper = sentence.mode == SentenceMode::kUpper;
    if (place && i + n < sentence.end && !words_[i + n].space_before &&
        lists_.currency_signs->ContainsWord(words_[i + n])) {
      return i + n;
    }
    size_t anchored_name_end = 0;
    if (place && !upper && names_.AnchoredEnd(i, sentence, &anchored_name_end) > i + n) {
      return names_.AnchoredEnd(i, sentence, &anchored_name_end);
    }
    if (place && i > sentence.begin && words_[i - 1].shape == WordShape::kCapital &&
        lists_.place_name_openers->ContainsWord(words_[i - 1])) {
      return i + n;
    }
    if ((entry.ambiguous || place) && !upper) {
      if (const size_t end = names_.AnchoredEndAround(i, n, sentence)) return end;
    }
    if (entry.ambiguous && !upper) {
      size_t run_end = i + n;
      while (run_end < sentence.end && names_.IsNameWord(run_end, sentence)) ++run_end;
      if (run_end > i + n && lists_.org_words->ContainsWord(words_[run_end - 1])) return run_end;
      if (run_end > i + n && n == 1 && lists_.first_names->ContainsWord(words_[i])) {
        return run_end;
      }
      // An ambiguous place beside another name word is a word of that name ("Cambridge
      // United", "Helena Sukova", "Elia Kazan"): left to the runs, not dropped with its
      // neighbour.
      if (place && sentence.mode == SentenceMode::kNormal && n == 1 &&
          words_[i].shape == WordShape::kCapital) {
        if (run_end > i + n) return run_end;
        if (i > sentence.begin && names_.IsNameWord(i - 1, sentence)) return i + n;
      }
      // An ambiguous word right after a first name is that person's surname ("Billie Jean
      // King"), left to the runs.
      if (sentence.mode == SentenceMode::kNormal && n == 1 && i > sentence.begin &&
          lists_.first_names->ContainsWord(words_[i - 1])) {
        return i + n;
      }
    }
    return 0;
  }

  // "Hong Kong Harbour Authority", "Tokyo Grain Exchange", "Harwick Steel Mills": a place
  // written out that opens the name of an institution or company is part of that name, which
  // FindCapitalizedRuns then finds whole; so is a known company that opens another one
  // ("State Street Research", "Fidelity Management & Research"). An abbreviated place stays
  // apart ("U.S. Justice Department", "U.K. Competition and Markets Authority"). Runs after
  // the sentence's gazetteer matches, so a known name after the place keeps the place apart
  // too.
  void DropInstitutionPlaces(size_t first_candidate, const SentenceWords& sentence) {
    for (size_t k = candidates_.size(); k > first_candidate; --k) {
      const Candidate& c = candidates_[k - 1];
      if (c.type != EntityType::kLocation && c.type != EntityType::kOrg) continue;
      if (c.end != c.name_end) continue;
      size_t end = names_.InstitutionEnd(c.end, sentence);
      if (end == 0) end = names_.OrgWordNameEnd(c.end, sentence);
      // The name must end at the institution noun, where org_words types it: "New York State
      // Department of Health" goes on past it, and its place stays a place.
      if (end == 0 || (end < sentence.end && lists_.of_words->ContainsWord(words_[end]))) {
        continue;
      }
      bool written_out = true;
      for (size_t w = c.begin; w < c.end; ++w) {
        written_out = written_out && words_[w].shape == WordShape::kCapital;
      }
      if (!written_out) continue;
      for (size_t w = c.begin; w < c.end; ++w) covered_[w] = false;
      candidates_.erase(candidates_.begin() + static_cast<std::ptrdiff_t>(k - 1));
    }
  }

  // Hashes the exact and folded keys of words [begin, end) once: the hash of the first n
  // words is each time the last one extended (see Lookup).
  void HashKeys(size_t begin, size_t end) {
    exact_hashes_.clear();
    folded_hashes_.clear();
    KeyHash exact;
    KeyHash folded;
    for (size_t k = begin; k < end; ++k) {
      const EntityWord& word = words_[k];
      if (k > begin && word.space_before) {
        exact.Append(' ');
        folded.Append(' ');
      }
      // A lowercase or uncased word is its own folded form.
      const bool own_form = word.shape == WordShape::kLower || word.shape == WordShape::kUncased;
      exact.Append(own_form ? word.FoldedPart() : KeyHash::PartOf(word.text));
      folded.Append(word.FoldedPart());
      exact_hashes_.push_back(exact.Finish());
      folded_hashes_.push_back(folded.Finish());
    }
  }

  // The phrase of the `n` words from `begin`, the last HashKeys range; with `dateline`, a
  // case-blind match must be a place that is no common word, written all in capitals.
  std::optional<GazetteerPhrase> Lookup(size_t begin, size_t n, const SentenceWords& sentence,
                                        bool dateline) const {
    const auto is_exact_key = [&](std::string_view key) {
      return IsKeyOfWords(key, words_, begin, begin + n, TextOf);
    };
    if (const auto* phrases = gazetteer_.FindExactIf(exact_hashes_[n - 1], is_exact_key)) {
      return phrases->front();
    }
    const auto is_folded_key = [&](std::string_view key) {
      return IsKeyOfWords(key, words_, begin, begin + n, FoldedOf);
    };
    if (const auto* phrases = gazetteer_.FindFoldedIf(folded_hashes_[n - 1], is_folded_key)) {
      for (const GazetteerPhrase& phrase : *phrases) {
        if (phrase.any_case || sentence.mode == SentenceMode::kUpper) return phrase;
        if (dateline && IsCapitalsPlace(phrase, begin, n, sentence)) return phrase;
      }
    }
    return std::nullopt;
  }

  // True when `phrase` names a place that is no common word, words [begin, begin + n) are
  // all written in capitals and what follows is a dateline's: the end of the sentence, a
  // comma, dash or parenthesis, or a date ("OTTAWA 1996-08-22"); a score ("DETROIT 4") or a
  // capitals word ("JAKARTA POST") is no dateline.
  bool IsCapitalsPlace(const GazetteerPhrase& phrase, size_t begin, size_t n,
                       const SentenceWords& sentence) const {
    const GazetteerEntry& entry = gazetteer_.entries()[phrase.entry];
    if (entry.type != EntityType::kLocation || entry.ambiguous) return false;
    for (size_t k = begin; k < begin + n; ++k) {
      if (words_[k].kind == TokenKind::kWord && words_[k].shape != WordShape::kUpper) {
        return false;
      }
    }
    const size_t next = begin + n;
    if (next == sentence.end) return true;
    const std::string_view text = words_[next].text;
    if (text == "," || text == "(" || text == "-" || text == "\xE2\x80\x93" ||
        text == "\xE2\x80\x94") {
      return true;
    }
    // A date opens with its year or holds a dash or slash; a score is a small number.
    return words_[next].kind == TokenKind::kNumber &&
           (text.size() == 4 || text.find_first_of("-/") != std::string_view::npos);
  }

  const Gazetteer& gazetteer_;
  const PassRules& lists_;
  const NameWords names_;
  const std::vector<EntityWord>& words_;
  std::vector<bool>& covered_;
  std::vector<Candidate>& candidates_;
  static constexpr size_t kHashesReserved = 16;
  std::vector<uint64_t> exact_hashes_, folded_hashes_;  // HashKeys scratch
};

}  // namespace

void MatchGazetteer(const PassRules& rules, WordView& view) {
  GazetteerMatcher matcher(rules, view);
  for (size_t s = 0; s < view.sentences.size(); ++s) matcher.MatchSentence(s, view.sentences[s]);
}

}  // namespace newsfacts
