// Entity pass 6: in-document propagation. A name typed anywhere keeps its type everywhere,
// short forms link to their long form, untyped runs adopt a known name, and known names are
// found inside ALL CAPS and Title Case sentences.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "extractors/entities/passes/long_forms.h"
#include "extractors/entities/passes/passes.h"

namespace newsfacts {
namespace {

// Propagates names over the candidates of one view. Holds references to the view; one
// instance per PropagateNames call, not thread-safe.
class Propagator {
 public:
  Propagator(const PassRules& rules, WordView& view)
      : rules_(rules), view_(view), words_(view.words), candidates_(view.candidates) {}

  // Names typed somewhere in the article keep their type everywhere (`Somerset` typed by
  // a rule in one sentence is an ORG in the others), short forms find their long form.
  // The same words typed twice by rules take the type of the stronger rule: "Vardel Orbis"
  // after "chief executive of Vardel Orbis" is no person where only the fallback typed it.
  // A designator is evidence of its own, and gazetteer places stay apart ("Canada" beside
  // "Tarrow Canada Ltd").
  void TakeStrongestTypes() {
    names_.Reserve(candidates_.size());
    std::vector<size_t> name_of(candidates_.size(), WordTable::kNotFound);
    for (size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (!c.typed) continue;
      const uint64_t hash = FoldedKeyHash(words_, c.begin, c.name_end);
      size_t name = FindName(hash, c.begin, c.name_end);
      if (name == WordTable::kNotFound) {
        name = names_.Add(FoldedKey(words_, c.begin, c.name_end), hash);
        strongest_.push_back(k);
      } else if (const Candidate& known = candidates_[strongest_[name]];
                 !c.entry && (known.entry || c.priority > known.priority)) {
        strongest_[name] = k;
      }
      name_of[k] = name;
      max_known_words_ = std::max(max_known_words_, c.name_end - c.begin);
    }
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      if (!c.typed || c.entry || c.end != c.name_end) continue;
      const size_t strongest = strongest_[name_of[k]];
      const Candidate& source = candidates_[strongest];
      if (strongest != k && !source.entry && source.type != c.type &&
          source.priority > c.priority) {
        Adopt(view_, c, strongest, "propagate.same_name");
      }
    }
  }

  // Typed short forms first, so that the names adopting them below share their long form.
  // A short form takes the type of a long form typed on stronger evidence: "Robbins" of
  // "Chuck Robbins" is a person even where a rule read it as a company ("Robbins
  // announced").
  void LinkTypedShortForms(LongForms& long_forms) {
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      if (!c.typed || c.entry || (c.type != EntityType::kPerson && c.type != EntityType::kOrg)) {
        continue;
      }
      long_forms.Remove(k);
      LinkTypedShortForm(c, long_forms);
      long_forms.Add(k);
    }
  }

  // Untyped runs take the type of the same name typed elsewhere, whole or without the
  // sentence-initial word TypeRuns dropped, or of their long form.
  void TypeFromKnownNames(LongForms& long_forms) {
    for (size_t k = 0; k < candidates_.size(); ++k) {
      if (candidates_[k].typed || candidates_[k].common_noun) continue;
      TypeFromKnownName(k, long_forms);
      long_forms.Add(k);
    }
  }

  // In ALL CAPS sentences and Title Case headlines, names known from the rest of the article
  // are found case-blind among the words no gazetteer name covers ("Maker Pomely Raises"
  // holds Pomely).
  void FindKnownNamesInHeadlines() {
    for (size_t s = 0; s < view_.sentences.size(); ++s) {
      if (view_.sentences[s].mode != SentenceMode::kNormal) PropagateUpper(s);
    }
  }

 private:
  // Links the typed short form `c` to its long form, retyped as it unless the long form is
  // the weaker one.
  void LinkTypedShortForm(Candidate& c, const LongForms& long_forms) {
    const std::optional<size_t> long_form = long_forms.Find(c, std::nullopt);
    if (long_form && candidates_[*long_form].type != c.type &&
        candidates_[*long_form].priority <= c.priority) {
      // A weaker long form ("Interactive Bafta" by the person fallback) does not retype
      // a short form its own context typed ("chief executive of Bafta").
      c.link = long_forms.Find(c, c.type);
      return;
    }
    if (long_form && candidates_[*long_form].type != c.type) {
      AdoptLongForm(c, *long_form);
      return;
    }
    c.link = long_form;  // the earliest long form of any type, here of c's own type
  }

  // Types the untyped candidate `k` as the same name typed elsewhere, whole or without the
  // sentence-initial word TypeRuns dropped, or as its long form.
  void TypeFromKnownName(size_t k, const LongForms& long_forms) {
    Candidate& c = candidates_[k];
    if (const size_t full = KnownName(c.full_begin, c.name_end); full != kNone && full != k) {
      c.begin = c.full_begin;
      Adopt(view_, c, full, "propagate.same_name");
      return;
    }
    if (const size_t same = KnownName(c.begin, c.name_end); same != kNone && same != k) {
      Adopt(view_, c, same, "propagate.same_name");
      return;
    }
    if (c.full_begin != c.begin) {
      // A sentence-initial run whose first word TypeRuns dropped may still be a short form
      // as a whole ("Kestrel Bay said" of "Kestrel Bay Holdings").
      Candidate whole = c;
      whole.begin = c.full_begin;
      if (const std::optional<size_t> long_form = long_forms.Find(whole, std::nullopt)) {
        c.begin = c.full_begin;
        Adopt(view_, c, *long_form, "propagate.short_form");
        c.link = long_form;
        return;
      }
    }
    const std::optional<size_t> long_form = long_forms.Find(c, std::nullopt);
    if (!long_form) return;
    if (c.entry) {
      // An ambiguous gazetteer name confirmed by a longer name of the article keeps its
      // own entry: "Amazon" beside "Amazon Web Services" is Amazon, not AWS.
      const std::optional<size_t> entry = c.entry;
      Adopt(view_, c, *long_form, "propagate.short_form");
      c.type = rules_.gazetteer->entries()[*entry].type;
      c.entry = entry;
      return;
    }
    AdoptLongForm(c, *long_form);
  }

  // Links `c` to its long form, typed as it: a surname of a person, a short form of a company.
  void AdoptLongForm(Candidate& c, size_t long_form) {
    Adopt(view_, c, long_form,
          candidates_[long_form].type == EntityType::kPerson ? "propagate.surname"
                                                             : "propagate.short_form");
    c.link = long_form;
  }

  void PropagateUpper(size_t s) {
    const SentenceWords& sentence = view_.sentences[s];
    std::vector<bool>& covered = view_.covered;
    for (size_t i = sentence.begin; i < sentence.end;) {
      bool matched = false;
      if (!covered[i] && words_[i].kind == TokenKind::kWord) {
        for (size_t n = std::min(max_known_words_, sentence.end - i); n > 0; --n) {
          bool free = true;
          for (size_t k = i; k < i + n; ++k) free = free && !covered[k];
          if (!free) continue;
          const size_t source = KnownName(i, i + n);
          if (source == kNone) continue;
          Candidate c;
          c.sentence = s;
          c.begin = c.full_begin = i;
          c.end = c.name_end = i + n;
          Adopt(view_, c, source, "propagate.same_name");
          c.entry = candidates_[source].entry;
          c.link = candidates_[source].entry ? std::nullopt : std::optional<size_t>(source);
          for (size_t k = i; k < i + n; ++k) covered[k] = true;
          candidates_.push_back(std::move(c));
          i += n;
          matched = true;
          break;
        }
      }
      if (!matched) ++i;
    }
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);

  // The index in names_ of the folded key of words [begin, end), of hash `hash`
  // (FoldedKeyHash), or WordTable::kNotFound: compared in place, no key built.
  size_t FindName(uint64_t hash, size_t begin, size_t end) const {
    return names_.FindIf(hash, [&](std::string_view name) {
      return IsKeyOfWords(name, words_, begin, end,
                          [](const EntityWord& word) { return word.folded; });
    });
  }
  // The strongest typed candidate named as words [begin, end) are, or kNone (most lookups
  // miss).
  size_t KnownName(size_t begin, size_t end) const {
    const size_t name = FindName(FoldedKeyHash(words_, begin, end), begin, end);
    return name == WordTable::kNotFound ? kNone : strongest_[name];
  }

  const PassRules& rules_;
  WordView& view_;
  const std::vector<EntityWord>& words_;
  std::vector<Candidate>& candidates_;
  // The folded names of the typed candidates, and by name the strongest candidate, as
  // TakeStrongestTypes found them.
  WordTable names_;
  std::vector<size_t> strongest_;
  size_t max_known_words_ = 0;  // most words of a typed candidate's name
};

}  // namespace

void PropagateNames(const PassRules& rules, WordView& view) {
  Propagator propagator(rules, view);
  propagator.TakeStrongestTypes();
  // Indexed once the same names share their strongest type; kept in step from then on.
  LongForms long_forms(rules, view);
  propagator.LinkTypedShortForms(long_forms);
  propagator.TypeFromKnownNames(long_forms);
  propagator.FindKnownNamesInHeadlines();
}

}  // namespace newsfacts
