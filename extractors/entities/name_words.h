// Questions the entity passes ask about the words of a view: legal designators, words that
// may be part of a name, and where designator-anchored, institution and company names end.
#pragma once

#include <cstddef>

#include "extractors/entities/word_view.h"

namespace newsfacts {

// True for one capital letter or several joined by periods, as a tokenizer leaves initials
// before their last period: "J", "K.R", "H.J".
bool IsInitials(std::string_view text);

// Read-only tests over the live state of one WordView (its words, sentence modes, cased
// facts and `covered`, which passes may change between calls). Holds references to the
// view and rules; use it from the thread that owns the view.
class NameWords {
 public:
  NameWords(const PassRules& rules, const WordView& view)
      : lists_(rules), view_(view), words_(view.words), covered_(view.covered) {}

  // Words of the legal designator starting at `at` ("Corp", "Pty", "and Co"), or 0. The
  // designator's last word is capitalized ("and Co" holds its lowercase joiner), or it is a
  // lowercase abbreviation of `lowercase_designators` right after a name word ("Norton co",
  // "Greyhound corp"), not glued to a hyphen ("co-op").
  size_t DesignatorAt(size_t at, const SentenceWords& sentence) const;

  // End of the legal designators (", Inc.", "Corp", "Ltd.", "and Co") starting at `pos`, or
  // `pos`.
  size_t DesignatorEnd(size_t pos, const SentenceWords& sentence) const;

  // True when word `k` may be part of a name that a designator ends: a capitalized word that
  // is no role, title or sentence word, though it may be an adjective such as "American" or
  // "Western" ("American Nursery Products Inc", "South Western Engineering Co").
  bool IsAnchoredNameWord(size_t k, const SentenceWords& sentence) const;

  // Designator-anchored company names, wherever they stand (sentence-initial too, where the
  // first word may also be an ordinary word: "Video Display Corp"): capitalized words joined
  // by connectors ("Norvane Oil and Gas Plc", "Harlow & Rowe Inc"), hyphens or initials
  // ("J.R. Palloway Inc"), a possessive after the first word when that word never stands
  // alone in the article ("Nordvik's Bakery Inc", "Borman's Inc"), then designators. Returns
  // the end of the designators and sets `name_end` to their start; 0 when no such name
  // starts at `begin`.
  size_t AnchoredEnd(size_t begin, const SentenceWords& sentence, size_t* name_end) const;

  // End of a designator-anchored name holding words [i, i + n) and more than them: starting
  // at `i` or at a capitalized word before it that the article never writes in lowercase;
  // 0 when there is none.
  size_t AnchoredEndAround(size_t i, size_t n, const SentenceWords& sentence) const;

  // True when word `i` can be part of a capitalized name.
  bool IsNameWord(size_t i, const SentenceWords& sentence) const;

  // IsNameWord's cheapest test: word `i` is a word written capitalized, ALL CAPS or with an
  // inner capital, or in any case in an ALL CAPS line. A word without that shape is neither
  // a name word nor an anchored name word nor (unless a number) a name opener.
  bool HasNameShape(size_t i, const SentenceWords& sentence) const {
    const EntityWord& word = words_[i];
    const bool caseless_line = sentence.mode == SentenceMode::kUpper;  // "tallyhop buys brindle"
    return word.kind == TokenKind::kWord &&
           (word.shape == WordShape::kCapital || word.shape == WordShape::kUpper ||
            word.shape == WordShape::kInnerCap ||
            (caseless_line && word.shape == WordShape::kLower));
  }

  // True when a role or title phrase starts at word `i` or covers it from a capitalized word
  // before it ("Officer" of "Chief Executive Officer", "Board" of "Chairman of the Board").
  bool InRoleOrTitle(size_t i, const SentenceWords& sentence) const;

  // True when word `i` is a `name_openers` stop word ("First", "Southern") or a code of one
  // capital letter and digits ("K27", a number token: alone it is "M1" or "Q3") followed by a
  // name word: it may open a run, which keeps it only when typed an organization.
  bool IsNameOpener(size_t i, const SentenceWords& sentence) const;

  // End of an institution name starting at `begin`: capitalized name words, possibly joined
  // by "and" ("Competition and Markets Authority"), ending in an `institution_nouns` word
  // ("Monetary Authority", "Stock Exchange"); 0 when none starts there.
  size_t InstitutionEnd(size_t begin, const SentenceWords& sentence) const;

  // End of the run of name words starting at `begin` when an `org_words` word ends it
  // ("Steel Mills", "Southwest Airlines"); 0 otherwise.
  size_t OrgWordNameEnd(size_t begin, const SentenceWords& sentence) const;

 private:
  const PassRules lists_;  // a copy: callers may pass a temporary
  const WordView& view_;
  const std::vector<EntityWord>& words_;
  const std::vector<bool>& covered_;
};

}  // namespace newsfacts
