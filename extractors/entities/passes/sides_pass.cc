// Entity pass 6b: sports sides named for a place. In news a place standing in a sports-result
// context is the club named for it (`Leeds 2 Harwick 1`, `Leeds manager ...`); once named so,
// it is that club wherever the article repeats it, and so are the names listed beside a side.
#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "extractors/entities/passes/passes.h"
#include "extractors/entities/passes/rule_conditions.h"

namespace newsfacts {
namespace {

// Names the sides of one view. Holds references to the view; one instance per NameSides
// call, not thread-safe.
class SideNamer {
 public:
  SideNamer(const PassRules& rules, WordView& view)
      : rules_(rules), view_(view), words_(view.words), candidates_(view.candidates) {}

  // A place whose context a `names_sides` rule matches becomes that rule's side; a nation's
  // side keeps the country's name and type ("Belgium beat Harwick").
  void TypePlacesInSideContexts() {
    for (Candidate& c : candidates_) {
      if (!IsPlaceButNoNation(c)) continue;
      const bool initial_single_word =
          c.begin == view_.SentenceOf(c).first_word && view_.WordCount(c.begin, c.name_end) == 1;
      const EntityRule* side = nullptr;
      for (const EntityRule& rule : rules_.patterns->rules()) {
        if (!rule.names_sides || (side != nullptr && rule.priority <= side->priority)) continue;
        if (RuleTypesRun(rules_, view_, rule, c, initial_single_word)) side = &rule;
      }
      if (side == nullptr) continue;
      MakeSide(c, side->priority, side->order + 1, side->id);
    }
  }

  // Names listed beside a side, joined only by commas, "and" or "or", are sides too
  // ("rivals Harwick, Dunmore and Leeds"; "v Harwick or Dunmore"): an untyped run or a place
  // that is no nation, not in a dateline nor after a `place_prepositions` word. Repeated until no
  // list grows, so a side anywhere in it reaches all.
  void ExtendToListedNames() {
    std::vector<size_t> order = InTextOrder();
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t i = 0; i + 1 < order.size(); ++i) {
        Candidate& a = candidates_[order[i]];
        Candidate& b = candidates_[order[i + 1]];
        if (a.sentence != b.sentence || a.side == b.side || !ListedTogether(a, b)) continue;
        Candidate& other = a.side ? b : a;
        const Candidate& side = a.side ? a : b;
        if (!CanBecomeSide(other) || InDateline(other) || AfterPlacePreposition(other)) continue;
        MakeSide(other, side.priority, side.order, "propagate.listed_side");
        grew = true;
      }
    }
  }

  // Every untyped run and place that is no nation with a side's name is that side
  // ("Leeds were relegated" after "Leeds 2 Harwick 1"), except in a wire dateline or after a
  // `place_prepositions` word ("at Leeds"); an ORG of
  // that name (a copy propagation made) is marked a side as it stands.
  void PropagateSides() {
    std::unordered_set<std::string> side_names;
    for (const Candidate& c : candidates_) {
      if (c.side) side_names.insert(FoldedKey(words_, c.begin, c.name_end));
    }
    if (side_names.empty()) return;
    for (Candidate& c : candidates_) {
      if (c.side || side_names.count(FoldedKey(words_, c.begin, c.name_end)) == 0) continue;
      if (c.typed && !c.entry && c.type == EntityType::kOrg) {
        c.side = true;
      } else if (CanBecomeSide(c) && !InDateline(c) && !AfterPlacePreposition(c)) {
        MakeSide(c, c.priority, c.order, "propagate.side");
      }
    }
  }

  // In an article that names sports sides, a place glued to a name run in prose is a club
  // named for it ("Dynamo Moscow", "Harwick Rovers" of a city Harwick): the place grows over
  // the run after or before it (untyped, or an ORG) and becomes a side; the emission's
  // overlap policy then keeps the longer name over the run.
  void JoinPlacesToGluedNames() {
    const bool sports_article = std::any_of(candidates_.begin(), candidates_.end(),
                                            [](const Candidate& c) { return c.side; });
    if (!sports_article) return;
    const std::vector<size_t> order = InTextOrder();
    for (size_t i = 0; i + 1 < order.size(); ++i) {
      Candidate& a = candidates_[order[i]];
      Candidate& b = candidates_[order[i + 1]];
      if (a.sentence != b.sentence || a.end != b.begin ||
          view_.SentenceOf(a).mode != SentenceMode::kNormal) {
        continue;
      }
      Candidate* place = IsPlaceButNoNation(a) ? &a : IsPlaceButNoNation(b) ? &b : nullptr;
      Candidate& run = place == &a ? b : a;
      if (place == nullptr || !IsNameRunOrOrg(run)) continue;
      const bool place_first = place == &a;
      place->begin = place->full_begin = place_first ? place->begin : run.begin;
      if (place_first) {
        place->end = run.end;
        place->name_end = run.name_end;
      }
      MakeSide(*place, place->priority, place->order, "propagate.side_place_name");
      ++i;
    }
  }

 private:
  // True when `c` is an untyped run (no lowercase phrase) or an ORG no gazetteer entry holds.
  bool IsNameRunOrOrg(const Candidate& c) const {
    if (c.entry || c.common_noun || c.begin >= c.name_end) return false;
    return !c.typed || c.type == EntityType::kOrg;
  }

  // True when `c` is a gazetteer place other than a nation.
  bool IsPlaceButNoNation(const Candidate& c) const {
    if (!c.entry) return false;
    const GazetteerEntry& entry = rules_.gazetteer->entries()[*c.entry];
    return entry.type == EntityType::kLocation && !entry.nation;
  }

  // True when `c` may still become a side: an untyped run (no lowercase phrase) or a place
  // that is no nation.
  bool CanBecomeSide(const Candidate& c) const {
    return (!c.typed && !c.entry && !c.common_noun) || IsPlaceButNoNation(c);
  }

  // True when only commas, "and" or "or" stand between `a` and the later `b`.
  bool ListedTogether(const Candidate& a, const Candidate& b) const {
    if (b.begin <= a.end) return false;
    for (size_t k = a.end; k < b.begin; ++k) {
      const std::string_view folded = words_[k].folded;
      if (folded != "," && folded != "or" && !rules_.and_words->ContainsWord(words_[k])) {
        return false;
      }
    }
    return true;
  }

  // True when `c` stands in a wire dateline: places before a date, as in "NEW YORK
  // 1996-08-30" or "ARLINGTON, Texas 1996-08-31" (the sentence may run on past the line).
  bool InDateline(const Candidate& c) const {
    constexpr size_t kMaxWordsToDate = 4;
    const SentenceWords& sentence = view_.SentenceOf(c);
    for (size_t k = c.end; k < sentence.end && k < c.end + kMaxWordsToDate; ++k) {
      const EntityWord& word = words_[k];
      if (IsDate(GluedText(k, sentence.end))) return true;
      if (word.text != "," && word.shape != WordShape::kCapital &&
          word.shape != WordShape::kUpper) {
        return false;
      }
    }
    return false;
  }

  // True when a `place_prepositions` word stands right before `c`: a side's name after "at"
  // is where it plays ("Harwick at Leeds", "the match at Leeds"), a place.
  bool AfterPlacePreposition(const Candidate& c) const {
    return c.begin > view_.SentenceOf(c).begin &&
           rules_.patterns->List("place_prepositions").ContainsWord(words_[c.begin - 1]);
  }

  // The text of word `k` and of the words glued to it (no gap between), before `end`: a date
  // the tokenizer split ("1996", "-", "08", ...) in one piece.
  std::string GluedText(size_t k, size_t end) const {
    std::string text(words_[k].text);
    for (size_t next = k + 1; next < end && !words_[next].space_before; ++next) {
      text += words_[next].text;
    }
    return text;
  }

  // True when `text` is a numeric date such as "1996-08-30".
  static bool IsDate(const std::string& text) {
    constexpr size_t kMinDateBytes = 8;  // "96-08-30"
    return text.size() >= kMinDateBytes && text.find('-') != std::string::npos &&
           text.find_first_not_of("0123456789-/") == std::string::npos;
  }

  // The candidate indexes sorted by sentence and first word.
  std::vector<size_t> InTextOrder() const {
    std::vector<size_t> order(candidates_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(),
              [this](size_t x, size_t y) { return candidates_[x].begin < candidates_[y].begin; });
    return order;
  }

  // Types `c` as a side (ORG) under `rule`; a place loses its gazetteer entry.
  static void MakeSide(Candidate& c, int priority, size_t order, std::string_view rule) {
    c.typed = true;
    c.type = EntityType::kOrg;
    c.priority = priority;
    c.order = order;
    c.rule = rule;
    c.entry.reset();
    c.link.reset();
    c.provisional = false;
    c.glued = false;
    c.side = true;
  }

  const PassRules& rules_;
  WordView& view_;
  const std::vector<EntityWord>& words_;
  std::vector<Candidate>& candidates_;
};

}  // namespace

void NameSides(const PassRules& rules, WordView& view) {
  if (!view.sports_report) return;  // no `names_sides` rule types anything there
  SideNamer namer(rules, view);
  namer.TypePlacesInSideContexts();
  namer.PropagateSides();
  namer.ExtendToListedNames();
  namer.PropagateSides();
  namer.JoinPlacesToGluedNames();
}

}  // namespace newsfacts
