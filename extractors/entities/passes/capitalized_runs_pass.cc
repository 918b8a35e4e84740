// Entity pass 2b: candidate names in every sentence (in an ALL CAPS one, around the names of
// pass 2a): designator-anchored company names, then runs of capitalized name words with their
// connectors and designators.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "extractors/entities/name_words.h"
#include "extractors/entities/passes/passes.h"

namespace newsfacts {
namespace {

// Finds the runs of one sentence. Holds references to the view; one instance per call, not
// thread-safe.
class RunFinder {
 public:
  RunFinder(const PassRules& rules, const WordView& view)
      : lists_(rules), names_(rules, view), words_(view.words), covered_(view.covered) {}

  // End of the run of name words that starts at `i`, a name word or opener; sets `name_end`
  // to the start of its trailing designators, or 0 when it has none.
  size_t RunEnd(size_t i, const SentenceWords& sentence, size_t* name_end) const {
    size_t j = i + 1;
    while (j < sentence.end) {
      if (const size_t end = names_.DesignatorEnd(j, sentence); end > j) {
        *name_end = j;
        return end;
      }
      if (names_.IsNameWord(j, sentence)) {
        ++j;
        continue;
      }
      if (const size_t end = AdjectiveNameEnd(j, sentence); end > j) {
        j = end;
        continue;
      }
      if (const size_t end = JoinedOrgWordsEnd(j, sentence); end > j) {
        j = end;
        continue;
      }
      if (j + 1 < sentence.end && names_.IsNameWord(j + 1, sentence) && !covered_[j] &&
          IsRunLink(j, sentence)) {
        j += 2;
        continue;
      }
      break;
    }
    return j;
  }

  const NameWords& names() const { return names_; }

 private:
  // True when word `j` joins the run word before it to the name word after it: a connector
  // ("&", "de", "of" after an `of_heads` word), "and" before an institution name or a
  // singular verb, or a hyphen or initials' period written without spaces.
  bool IsRunLink(size_t j, const SentenceWords& sentence) const {
    const EntityWord& link = words_[j];
    const bool connector =
        (lists_.connectors->ContainsWord(link) &&
         (!lists_.of_words->ContainsWord(link) || lists_.of_heads->ContainsWord(words_[j - 1]))) ||
        (lists_.and_words->ContainsWord(link) &&
         (names_.InstitutionEnd(j + 1, sentence) > 0 || TakesSingularVerb(j + 1, sentence)));
    const bool joined = (link.text == "-" || link.text == ".") && !link.space_before &&
                        (link.text == "-" || IsInitials(words_[j - 1].text));
    return connector || joined;
  }

  // True when the name words from `begin` are followed by a `singular_verbs` phrase: after
  // "Kestrel and Varga", "said it" or "has" make the pair one firm's name, where two names
  // would take "they" or "have".
  bool TakesSingularVerb(size_t begin, const SentenceWords& sentence) const {
    size_t end = begin;
    while (end < sentence.end && names_.IsNameWord(end, sentence)) ++end;
    return end > begin && lists_.singular_verbs->MatchAt(words_, end, sentence.end) > 0;
  }

  // End of the name words after a `name_adjectives` word at `j` inside a run, when an
  // organization word ends them ("KLM Royal Dutch Airlines"); `j` when none does, so that a
  // nationality between two names ("Kestrel Swedish unit") still splits them.
  size_t AdjectiveNameEnd(size_t j, const SentenceWords& sentence) const {
    const EntityWord& word = words_[j];
    if (covered_[j] || word.kind != TokenKind::kWord || word.shape == WordShape::kLower ||
        !lists_.name_adjectives->ContainsWord(word)) {
      return j;
    }
    size_t end = j + 1;
    while (end < sentence.end && names_.IsNameWord(end, sentence)) ++end;
    return end > j + 1 && lists_.org_words->ContainsWord(words_[end - 1]) ? end : j;
  }

  // End of an `org_words` phrase joined by the lowercase word at `j` ("Savings and Loan",
  // "Oil and Gas") that starts at the run word before `j`, its words after `j` all name
  // words; `j` when none does.
  size_t JoinedOrgWordsEnd(size_t j, const SentenceWords& sentence) const {
    if (words_[j].shape != WordShape::kLower || j + 1 >= sentence.end) return j;
    const size_t n = lists_.org_words->MatchAt(words_, j - 1, sentence.end);
    if (n < 3) return j;
    const size_t end = j - 1 + n;
    for (size_t k = j + 1; k < end; ++k) {
      if (!names_.IsNameWord(k, sentence)) return j;
    }
    return end;
  }

  const PassRules& lists_;
  const NameWords names_;
  const std::vector<EntityWord>& words_;
  const std::vector<bool>& covered_;
};

}  // namespace

void FindCapitalizedRuns(const PassRules& rules, WordView& view, size_t s) {
  const RunFinder finder(rules, view);
  const NameWords& names = finder.names();
  const SentenceWords& sentence = view.sentences[s];
  // The names 2a found in this sentence (an ALL CAPS line's designator names, in text order)
  // stay as they are: runs stop before them and go on after them.
  size_t first = view.candidates.size();
  while (first > 0 && view.candidates[first - 1].sentence == s &&
         !view.candidates[first - 1].entry) {
    --first;
  }
  const size_t found_end = view.candidates.size();
  const bool upper = sentence.mode == SentenceMode::kUpper;
  // A designator-anchored name ends in a designator, which starts after the name's first
  // word: past the last word that may start one (most sentences hold none), no anchored
  // name starts, and AnchoredEnd is not asked.
  size_t designators_end = sentence.begin;
  for (size_t k = sentence.end; k > sentence.begin; --k) {
    if (rules.designators->MayStartWith(view.words[k - 1])) {
      designators_end = k;
      break;
    }
  }
  size_t next_found = first;
  size_t i = sentence.begin;
  while (i < sentence.end) {
    while (next_found < found_end && view.candidates[next_found].end <= i) ++next_found;
    const bool before_found = next_found < found_end;
    if (before_found && view.candidates[next_found].begin <= i) {
      i = view.candidates[next_found].end;
      continue;
    }
    // Most words are lowercase or punctuation: no name, anchored name or opener starts there.
    if (view.words[i].kind != TokenKind::kNumber && !names.HasNameShape(i, sentence)) {
      ++i;
      continue;
    }
    const size_t limit = before_found ? view.candidates[next_found].begin : sentence.end;
    size_t anchored_name_end = 0;
    const bool may_anchor = !upper && i + 1 < designators_end;  // 2a found those in upper
    const size_t anchored_end = may_anchor ? names.AnchoredEnd(i, sentence, &anchored_name_end) : 0;
    if (const size_t end = anchored_end) {
      Candidate candidate;
      candidate.sentence = s;
      candidate.begin = candidate.full_begin = i;
      candidate.end = end;
      candidate.name_end = anchored_name_end;
      view.candidates.push_back(std::move(candidate));
      i = end;
      continue;
    }
    if (!names.IsNameWord(i, sentence) && !names.IsNameOpener(i, sentence)) {
      ++i;
      continue;
    }
    size_t name_end = 0;
    const size_t j = std::min(finder.RunEnd(i, sentence, &name_end), limit);
    if (name_end > j) name_end = 0;
    // Designators alone ("Corp said", the "Co" of a split "X and Co") name nothing.
    if (name_end == 0 && names.DesignatorEnd(i, sentence) >= j) {
      i = j;
      continue;
    }
    Candidate candidate;
    candidate.sentence = s;
    candidate.begin = i;
    candidate.end = j;
    candidate.name_end = name_end > 0 ? name_end : j;
    candidate.full_begin = i;
    view.candidates.push_back(std::move(candidate));
    i = j;
  }
  // Only runs found before 2a's names need moving; stable_sort would take a buffer each time.
  const auto by_begin = [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; };
  const auto sentence_candidates = view.candidates.begin() + static_cast<std::ptrdiff_t>(first);
  if (!std::is_sorted(sentence_candidates, view.candidates.end(), by_begin)) {
    std::stable_sort(sentence_candidates, view.candidates.end(), by_begin);
  }
}

}  // namespace newsfacts
