// Long-form matching for in-document propagation: which fuller name of the article a short
// form (a surname, an acronym, a first word, a name before org words) stands for.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "extractors/entities/word_view.h"

namespace newsfacts {

// Finds long forms among the candidates of one view as they stand at each call (the
// propagation pass types and links candidates between calls). Holds references to the
// view; use it from the thread that owns the view.
class LongForms {
 public:
  LongForms(const PassRules& rules, const WordView& view) : lists_(rules), view_(view) {}

  // Returns the earliest candidate (by first word; the first added on a tie) that `c` is a
  // short form of, among the typed, unlinked candidates of two or more words (of `type`,
  // when given) other than `c`: a PERSON whose last word is `c`'s one word ("Garman" of
  // "Matt Garman"), or, when `c` has no designator of its own, an ORG whose initials are
  // `c`'s all-caps acronym ("HFS"), whose first word is `c`'s one word (no first name), or
  // that is `c` followed by `org_words` only ("Kowloon Tong" of "Kowloon Tong Holdings").
  // std::nullopt when there is none.
  std::optional<size_t> Find(const Candidate& c, std::optional<EntityType> type) const;

 private:
  // The first letters of the capitalized words of `c`'s name, designators left out.
  std::string Initials(const Candidate& c) const;
  // The letters of `c`'s name when every word is all caps and they number 2 to 6; else "".
  std::string AcronymOf(const Candidate& c) const;
  // True when `other` is `c` followed by organization words only.
  bool IsOrgPrefix(const Candidate& c, const Candidate& other) const;

  const PassRules lists_;  // a copy: callers may pass a temporary
  const WordView& view_;
};

}  // namespace newsfacts
