// Long-form matching for in-document propagation: which fuller name of the article a short
// form (a surname, an acronym, a first word, a name before org words) stands for.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extractors/entities/word_view.h"

namespace newsfacts {

// An index of the candidates of one view that may be long forms (typed PERSON or ORG, not
// linked, two or more words), by the keys a short form looks them up with, so that each
// lookup costs a few hash probes instead of a scan over the article. The caller keeps the
// index in step with the view: Remove a candidate before changing its typing or link, Add
// it after. Holds references to the view; use it from the thread that owns the view.
class LongForms {
 public:
  // Indexes every candidate of `view` that may be a long form now.
  LongForms(const PassRules& rules, const WordView& view);

  // Adds candidate `k` when it may be a long form (and is not indexed yet).
  void Add(size_t k);
  // Removes candidate `k` when indexed.
  void Remove(size_t k);

  // Returns the earliest indexed candidate (by first word; the first added on a tie) that
  // `c` is a short form of, `c` itself and, when given, candidates not of `type` aside: a
  // PERSON whose last word is `c`'s one word ("Garman" of "Matt Garman"), or, when `c` has
  // no designator of its own, an ORG whose initials are `c`'s all-caps acronym ("HFS"),
  // whose first word is `c`'s one word (no first name), that is `c` followed by
  // `org_words` only ("Kowloon Tong" of "Kowloon Tong Holdings"), or whose first words are
  // `c`'s two or more ("Menlo Worldwide" of "Menlo Worldwide Forwarding"). std::nullopt when
  // none.
  std::optional<size_t> Find(const Candidate& c, std::optional<EntityType> type) const;

 private:
  // Candidates by (first word index, candidate index): the earliest comes first.
  using Bucket = std::set<std::pair<size_t, size_t>>;
  using Buckets = std::unordered_map<std::string, Bucket>;

  // The first letters of the capitalized words of `c`'s name, designators left out.
  std::string Initials(const Candidate& c) const;
  // The letters of `c`'s name when every word is all caps and they number 2 to 6; else "".
  std::string AcronymOf(const Candidate& c) const;
  // The folded words [begin, end), each with its length, as one key.
  std::string WordsKey(size_t begin, size_t end) const;
  // Calls `visit(buckets, key)` for every bucket candidate `k` belongs in.
  template <typename Visit>
  void ForEachKey(size_t k, Visit visit);
  // The earliest entry of `buckets[key]` other than candidate `self`, or `best`.
  static std::pair<size_t, size_t> Earliest(const Buckets& buckets, const std::string& key,
                                            size_t self, std::pair<size_t, size_t> best);

  const PassRules lists_;  // a copy: callers may pass a temporary
  const WordView& view_;
  std::vector<bool> indexed_;  // per candidate
  Buckets persons_by_last_word_;
  Buckets orgs_by_initials_;
  Buckets orgs_by_first_word_;
  Buckets orgs_by_prefix_;  // by the words before trailing org words, and by leading words
};

}  // namespace newsfacts
