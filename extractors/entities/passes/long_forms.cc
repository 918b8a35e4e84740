// Long-form matching for in-document propagation: a scan over the article's candidates for
// the fuller name a surname, acronym or first word stands for.
#include "extractors/entities/passes/long_forms.h"

namespace newsfacts {

std::string LongForms::Initials(const Candidate& c) const {
  std::string initials;
  for (size_t k = c.begin; k < c.name_end; ++k) {
    const EntityWord& word = view_.words[k];
    if (word.kind != TokenKind::kWord || word.shape == WordShape::kLower) continue;
    if (lists_.designators->ContainsWord(word)) continue;
    initials += word.text[0];
  }
  return initials;
}

std::string LongForms::AcronymOf(const Candidate& c) const {
  std::string letters;
  for (size_t k = c.begin; k < c.name_end; ++k) {
    const EntityWord& word = view_.words[k];
    if (word.kind != TokenKind::kWord) continue;
    if (word.shape != WordShape::kUpper) return "";
    letters += word.text;
  }
  return letters.size() >= 2 && letters.size() <= 6 ? letters : "";
}

bool LongForms::IsOrgPrefix(const Candidate& c, const Candidate& other) const {
  const size_t length = c.name_end - c.begin;
  if (other.name_end - other.begin <= length) return false;
  for (size_t k = 0; k < length; ++k) {
    if (view_.words[c.begin + k].folded != view_.words[other.begin + k].folded) return false;
  }
  for (size_t k = other.begin + length; k < other.name_end; ++k) {
    if (!lists_.org_words->ContainsWord(view_.words[k])) return false;
  }
  return true;
}

// A name with a designator of its own ("Gelco Corp") is a company in full, not a short form
// of another ("Gelco Express Ltd", its unit).
std::optional<size_t> LongForms::Find(const Candidate& c, std::optional<EntityType> type) const {
  const std::vector<EntityWord>& words = view_.words;
  const std::vector<Candidate>& candidates = view_.candidates;
  const size_t word_count = view_.WordCount(c.begin, c.name_end);
  const std::string folded = FoldedKey(words, c.begin, c.name_end);
  const std::string acronym = AcronymOf(c);
  std::optional<size_t> found;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& other = candidates[k];
    if (&other == &c || !other.typed || other.link || (type && other.type != *type)) continue;
    if (view_.WordCount(other.begin, other.name_end) < 2) continue;
    bool match = false;
    if (other.type == EntityType::kPerson && word_count == 1) {
      match = words[other.name_end - 1].folded == folded;
    } else if (other.type == EntityType::kOrg && c.end == c.name_end) {
      match = (!acronym.empty() && Initials(other) == acronym) ||
              (word_count == 1 && words[other.begin].folded == folded &&
               !lists_.first_names->Contains(folded)) ||
              (word_count >= 2 && IsOrgPrefix(c, other));
    }
    if (match && (!found || other.begin < candidates[*found].begin)) found = k;
  }
  return found;
}

}  // namespace newsfacts
