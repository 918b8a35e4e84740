// Word tests the entity passes share: legal designators, name words, designator-anchored
// names, and the ends of institution and company names.
#include "extractors/entities/name_words.h"

#include <algorithm>

namespace newsfacts {
namespace {

// True when `text` is one capital letter and one or more digits: "K27", "M1".
bool IsLetterCode(std::string_view text) {
  if (text.size() < 2 || text[0] < 'A' || text[0] > 'Z') return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsInitials(std::string_view text) {
  for (size_t k = 0; k < text.size(); ++k) {
    const bool letter_expected = k % 2 == 0;
    if (letter_expected ? !(text[k] >= 'A' && text[k] <= 'Z') : text[k] != '.') return false;
  }
  return text.size() % 2 == 1;
}

size_t NameWords::DesignatorAt(size_t at, const SentenceWords& sentence) const {
  const size_t n = lists_.designators->MatchAt(words_, at, sentence.end);
  if (n == 0) return 0;
  size_t last = at + n - 1;
  while (last > at && words_[last].kind != TokenKind::kWord) --last;
  if (words_[last].shape != WordShape::kLower) return n;
  const bool after_name = at > sentence.begin && words_[at - 1].kind == TokenKind::kWord &&
                          words_[at - 1].shape != WordShape::kLower;
  const bool hyphen_follows =
      at + n < sentence.end && words_[at + n].text == "-" && !words_[at + n].space_before;
  const bool lowercase_ok = n == 1 && after_name && !hyphen_follows &&
                            lists_.lowercase_designators->ContainsWord(words_[at]);
  return lowercase_ok ? n : 0;
}

size_t NameWords::DesignatorEnd(size_t pos, const SentenceWords& sentence) const {
  size_t at = pos;
  if (at + 1 < sentence.end && words_[at].text == "," && DesignatorAt(at + 1, sentence) > 0) {
    ++at;
  }
  // Designators chain: "Holding Co Ltd", "Norvik Co Pty Ltd".
  for (size_t n = DesignatorAt(at, sentence); n > 0; n = DesignatorAt(at, sentence)) {
    at += n;
    if (at + 1 < sentence.end && words_[at].text == "." && !words_[at].space_before) ++at;
  }
  return at;
}

bool NameWords::IsAnchoredNameWord(size_t k, const SentenceWords& sentence) const {
  const EntityWord& word = words_[k];
  if (covered_[k] || word.kind != TokenKind::kWord || word.possessive) return false;
  if (word.shape != WordShape::kCapital && word.shape != WordShape::kUpper &&
      word.shape != WordShape::kInnerCap) {
    return false;
  }
  if (lists_.stop_words->ContainsWord(word) && !lists_.name_adjectives->ContainsWord(word)) {
    return false;
  }
  return !InRoleOrTitle(k, sentence);
}

bool NameWords::InRoleOrTitle(size_t i, const SentenceWords& sentence) const {
  // Longer than the longest role phrase ("member of the board of directors" is 6 words).
  constexpr size_t kMaxWordsBefore = 5;
  const auto covers = [&](size_t start) { return start + view_.role_or_title_words[start] > i; };
  if (covers(i)) return true;
  for (size_t start = i; start > sentence.begin && i - start < kMaxWordsBefore;) {
    --start;
    if (words_[start].shape == WordShape::kLower && words_[start].kind == TokenKind::kWord &&
        !lists_.of_words->ContainsWord(words_[start]) &&
        !lists_.function_words->ContainsWord(words_[start])) {
      return false;  // the phrase would hold a lowercase content word
    }
    if (words_[start].shape != WordShape::kLower && covers(start)) return true;
  }
  return false;
}

size_t NameWords::AnchoredEnd(size_t begin, const SentenceWords& sentence, size_t* name_end) const {
  constexpr size_t kMaxNameWords = 8;
  if (!IsAnchoredNameWord(begin, sentence)) return 0;
  size_t j = begin + 1;
  if (j + 1 < sentence.end && words_[j].possessive && !words_[j].space_before &&
      !view_.HasFact(begin, kBareCapitalized)) {
    ++j;
  }
  // "Wagner and Brask and Tollund Industries Inc" lists names: a name holding "and" is
  // neither the second member of such a list nor holds two "and".
  const bool listed =
      begin >= sentence.begin + 2 && lists_.and_words->ContainsWord(words_[begin - 1]) &&
      words_[begin - 2].kind == TokenKind::kWord && words_[begin - 2].shape != WordShape::kLower;
  size_t ands = 0;
  for (size_t count = 1; j < sentence.end && count <= kMaxNameWords;) {
    if (const size_t end = DesignatorEnd(j, sentence); end > j) {
      if (ands > 1 || (ands == 1 && listed)) return 0;
      *name_end = j;
      return end;
    }
    // "Air U.K. Ltd": the period that ends an abbreviation, then designators.
    if (words_[j].text == "." && !words_[j].space_before && j + 1 < sentence.end) {
      if (const size_t end = DesignatorEnd(j + 1, sentence); end > j + 1) {
        *name_end = j + 1;
        return end;
      }
    }
    if (IsAnchoredNameWord(j, sentence)) {
      ++j;
      ++count;
      continue;
    }
    if (j + 1 < sentence.end && !covered_[j] && IsAnchoredNameWord(j + 1, sentence)) {
      const EntityWord& link = words_[j];
      const bool is_and = lists_.and_words->ContainsWord(link);
      const bool connector =
          (lists_.connectors->ContainsWord(link) || is_and) &&
          (!lists_.of_words->ContainsWord(link) || lists_.of_heads->ContainsWord(words_[j - 1]));
      const bool joined = (link.text == "-" || link.text == ".") && !link.space_before;
      if (connector || joined) {
        if (is_and) ++ands;
        j += 2;
        ++count;
        continue;
      }
    }
    break;
  }
  return 0;
}

size_t NameWords::AnchoredEndAround(size_t i, size_t n, const SentenceWords& sentence) const {
  constexpr size_t kMaxWordsBefore = 3;
  size_t first = i;
  while (first > sentence.begin && i - first < kMaxWordsBefore &&
         IsAnchoredNameWord(first - 1, sentence) && !view_.HasFact(first - 1, kLowerSeen)) {
    --first;
  }
  for (size_t begin = first; begin <= i; ++begin) {
    size_t name_end = 0;
    const size_t end = AnchoredEnd(begin, sentence, &name_end);
    if (end > 0 && (begin < i || name_end > i + n)) return end;
  }
  return 0;
}

bool NameWords::IsNameWord(size_t i, const SentenceWords& sentence) const {
  const EntityWord& word = words_[i];
  if (covered_[i] || word.possessive || !HasNameShape(i, sentence)) return false;
  if (lists_.stop_words->ContainsWord(word)) return false;
  if (InRoleOrTitle(i, sentence)) return false;
  const bool common = view_.HasFact(i, kLowerSeen);
  const bool headline = sentence.mode != SentenceMode::kNormal;
  if (common && (headline || i == sentence.first_word)) return false;
  // In a Title Case or ALL CAPS line every word is capitalized; its verbs, the words of deal
  // headlines and the nouns that say what kind of business follows are what end the names
  // ("Zillow Acquires SignLoop", "Korvex Closes Acquisition of X", "Sensor Maker Pomely
  // Raises", "ZILLOW ACQUIRES SIGNLOOP"), whether or not the body writes them in lowercase.
  if (headline &&
      (lists_.headline_verbs->ContainsWord(word) || lists_.headline_words->ContainsWord(word) ||
       lists_.descriptor_nouns->ContainsWord(word))) {
    return false;
  }
  return true;
}

bool NameWords::IsNameOpener(size_t i, const SentenceWords& sentence) const {
  const EntityWord& word = words_[i];
  if (covered_[i] || i + 1 >= sentence.end || !IsNameWord(i + 1, sentence)) return false;
  if (word.kind == TokenKind::kNumber) return IsLetterCode(word.text);
  return word.kind == TokenKind::kWord && word.shape == WordShape::kCapital &&
         lists_.name_openers->ContainsWord(word);
}

size_t NameWords::InstitutionEnd(size_t begin, const SentenceWords& sentence) const {
  constexpr size_t kMaxWords = 5;
  size_t end = 0;
  for (size_t k = begin, count = 0; k < sentence.end && count < kMaxWords; ++k, ++count) {
    if (k > begin && lists_.and_words->ContainsWord(words_[k]) && k + 1 < sentence.end) ++k;
    if (!IsNameWord(k, sentence)) break;
    if (lists_.institution_nouns->ContainsWord(words_[k])) end = k + 1;
  }
  return end;
}

size_t NameWords::OrgWordNameEnd(size_t begin, const SentenceWords& sentence) const {
  constexpr size_t kMaxWords = 4;
  size_t end = begin;
  while (end < sentence.end && end - begin < kMaxWords && IsNameWord(end, sentence)) ++end;
  const bool run_ends = end == sentence.end || !IsNameWord(end, sentence);
  return end > begin && run_ends && lists_.org_words->ContainsWord(words_[end - 1]) ? end : 0;
}

}  // namespace newsfacts
