// Long-form matching for in-document propagation: an index of the article's possible long
// forms by last word, initials, first word, name before org words and leading words.
#include "extractors/entities/passes/long_forms.h"

#include <cassert>
#include <functional>
#include <limits>

namespace newsfacts {
namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();
// The fewest words of a leading part of a company name that stand for the whole: one word
// alone is left to the first-word and acronym keys, which check more.
constexpr size_t kMinPrefixWords = 2;

}  // namespace

LongForms::LongForms(const PassRules& rules, const WordView& view)
    : lists_(rules), view_(view), indexed_(view.candidates.size(), false) {
  for (Buckets* buckets :
       {&persons_by_last_word_, &orgs_by_initials_, &orgs_by_first_word_, &orgs_by_prefix_}) {
    buckets->reserve(view.candidates.size());
  }
  for (size_t k = 0; k < view.candidates.size(); ++k) Add(k);
}

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

std::string LongForms::WordsKey(size_t begin, size_t end) const {
  std::string key;
  for (size_t k = begin; k < end; ++k) {
    const std::string_view folded = view_.words[k].folded;
    key += std::to_string(folded.size());
    key += ':';
    key += folded;
  }
  return key;
}

template <typename Visit>
void LongForms::ForEachKey(size_t k, Visit visit) {
  const Candidate& c = view_.candidates[k];
  if (c.type == EntityType::kPerson) {
    visit(persons_by_last_word_, std::string(view_.words[c.name_end - 1].folded));
    return;
  }
  visit(orgs_by_initials_, Initials(c));
  visit(orgs_by_first_word_, std::string(view_.words[c.begin].folded));
  // "Kowloon Tong" of "Kowloon Tong Holdings": every split before trailing org words; and
  // "Menlo Worldwide" of "Menlo Worldwide Forwarding": the first two words or more of a name
  // of three or more (issue 12: the headline's short form of the body's company).
  bool org_words_after = true;
  for (size_t end = c.name_end - 1; end > c.begin; --end) {
    org_words_after = org_words_after && lists_.org_words->ContainsWord(view_.words[end]);
    if (!org_words_after && view_.WordCount(c.begin, end) < kMinPrefixWords) break;
    visit(orgs_by_prefix_, WordsKey(c.begin, end));
  }
}

void LongForms::Add(size_t k) {
  const Candidate& c = view_.candidates[k];
  if (indexed_[k] || !c.typed || c.link || view_.WordCount(c.begin, c.name_end) < 2 ||
      (c.type != EntityType::kPerson && c.type != EntityType::kOrg)) {
    return;
  }
  indexed_[k] = true;
  ForEachKey(k,
             [&](Buckets& buckets, const std::string& key) { buckets[key].emplace(c.begin, k); });
}

void LongForms::Remove(size_t k) {
  if (!indexed_[k]) return;
  indexed_[k] = false;
  const Candidate& c = view_.candidates[k];
  ForEachKey(k, [&](Buckets& buckets, const std::string& key) {
    const auto bucket = buckets.find(key);
    assert(bucket != buckets.end() && "candidate changed while indexed");
    bucket->second.erase({c.begin, k});
    if (bucket->second.empty()) buckets.erase(bucket);
  });
}

std::pair<size_t, size_t> LongForms::Earliest(const Buckets& buckets, const std::string& key,
                                              size_t self, std::pair<size_t, size_t> best) {
  const auto bucket = buckets.find(key);
  if (bucket == buckets.end()) return best;
  for (const std::pair<size_t, size_t>& entry : bucket->second) {
    if (entry.second == self) continue;
    return std::min(best, entry);
  }
  return best;
}

// A name with a designator of its own ("Gelco Corp") is a company in full, not a short form
// of another ("Gelco Express Ltd", its unit).
std::optional<size_t> LongForms::Find(const Candidate& c, std::optional<EntityType> type) const {
  const std::vector<Candidate>& candidates = view_.candidates;
  // `c` may be a candidate of the view, which is no long form of itself.
  const bool in_view = !candidates.empty() &&
                       !std::less<const Candidate*>()(&c, candidates.data()) &&
                       std::less<const Candidate*>()(&c, candidates.data() + candidates.size());
  const size_t self = in_view ? static_cast<size_t>(&c - candidates.data()) : kNone;
  const size_t word_count = view_.WordCount(c.begin, c.name_end);
  // Only a one-word short form is looked up by its folded key.
  const std::string folded =
      word_count == 1 ? FoldedKey(view_.words, c.begin, c.name_end) : std::string();
  std::pair<size_t, size_t> best{kNone, kNone};
  if (word_count == 1 && (!type || *type == EntityType::kPerson)) {
    best = Earliest(persons_by_last_word_, folded, self, best);
  }
  if (c.end == c.name_end && (!type || *type == EntityType::kOrg)) {
    if (const std::string acronym = AcronymOf(c); !acronym.empty()) {
      best = Earliest(orgs_by_initials_, acronym, self, best);
    }
    if (word_count == 1 && !lists_.first_names->Contains(folded)) {
      best = Earliest(orgs_by_first_word_, folded, self, best);
    }
    if (word_count >= 2)
      best = Earliest(orgs_by_prefix_, WordsKey(c.begin, c.name_end), self, best);
  }
  if (best.second == kNone) return std::nullopt;
  return best.second;
}

}  // namespace newsfacts
