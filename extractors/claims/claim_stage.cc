// The claims stage: relation rules over abstracted sentences, overlap resolution, status,
// attribution and quotes (found by quotes.h), plus the runner of the rules' embedded examples.
#include "extractors/claims/claim_stage.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_cues.h"
#include "extractors/claims/claim_dates.h"
#include "extractors/claims/claim_roles.h"
#include "extractors/claims/claim_rules.h"
#include "extractors/claims/name_candidate_typing.h"
#include "extractors/claims/quotes.h"
#include "extractors/claims/sentence_rules.h"
#include "extractors/kernel/rule_prefilter.h"

namespace newsfacts {
namespace {

// How many sentences back an anaphoric subject ("The company said ...") looks for its
// antecedent.
constexpr size_t kAntecedentSentences = 3;
// How many sentences back a deal amount stated later ("Terms were not disclosed.") looks for
// the deal.
constexpr size_t kFollowUpSentences = 2;
// A sentence subject is an ORG mention preceded by at most this many words ("For now, AWS").
constexpr long kSubjectWords = 3;

// One side of a claim: a mention, possibly reached through an anaphor, or (as an object
// only) a thing described but not named, from a rule's `asset` group ("its Clayton steel
// plate mill"), which has no entity.
struct Participant {
  std::optional<size_t> entity;
  Span span;
};

// A claim before overlap resolution, with what resolution and status need.
struct Candidate {
  Claim claim;
  int priority = 0;
  bool symmetric = false;
  AbstractRange evidence;
  bool phrase_status = false;  // the rule's status_scope is "phrase"
};

// The ORG mention a sentence opens with (within its first few words), as the subject of the
// main clause; when the sentence opens with a description instead ("The cloud giant has ...",
// "It said ..."), the subject of the sentence before, up to kAntecedentSentences back.
std::optional<Participant> SentenceSubject(const Document& doc,
                                           const std::vector<AbstractSentence>& abstracts,
                                           size_t index, size_t depth = 0) {
  const AbstractSentence& sentence = abstracts[index];
  for (const AbstractSlot& slot : sentence.slots()) {
    if (slot.kind != AbstractSlot::Kind::kMention) continue;
    const std::string_view before =
        std::string_view(sentence.text()).substr(0, slot.abstract_begin);
    if (slot.type == "ORG" && std::count(before.begin(), before.end(), ' ') <= kSubjectWords) {
      return Participant{doc.mentions()[slot.index].entity, slot.doc_span};
    }
    break;
  }
  if (depth >= kAntecedentSentences || index == 0) return std::nullopt;
  const std::string_view text = sentence.text();
  if (!text.starts_with("The ") && !text.starts_with("It ") && !text.starts_with("Its ")) {
    return std::nullopt;
  }
  return SentenceSubject(doc, abstracts, index - 1, depth + 1);
}

// The antecedent of an anaphor: for an empty reference group (the subject of a gerund,
// "... strategy of pouring billions into X"), the sentence subject; otherwise the nearest
// ORG mention before abstract byte `position` other than the claim's other side `other`
// ("Amazon, which has committed $8 billion to the company": the company is not Amazon), or
// the subject of the sentence before.
std::optional<Participant> Antecedent(const Document& doc,
                                      const std::vector<AbstractSentence>& abstracts, size_t index,
                                      size_t position, bool empty_reference,
                                      const std::vector<Participant>& other) {
  if (empty_reference) return SentenceSubject(doc, abstracts, index);
  std::optional<Participant> found;
  for (const AbstractSlot& slot : abstracts[index].slots()) {
    if (slot.abstract_end > position) break;
    const bool is_other = std::any_of(
        other.begin(), other.end(), [&](const Participant& p) { return p.span == slot.doc_span; });
    if (slot.kind == AbstractSlot::Kind::kMention && slot.type == "ORG" && !is_other) {
      found = Participant{doc.mentions()[slot.index].entity, slot.doc_span};
    }
  }
  if (found || index == 0) return found;
  return SentenceSubject(doc, abstracts, index - 1, 1);
}

// The participants named by group `name` of `match` (one per entity placeholder inside it),
// or the antecedent of group `ref_name` that is none of `other` (the claim's other side).
std::vector<Participant> Participants(const Document& doc,
                                      const std::vector<AbstractSentence>& abstracts, size_t index,
                                      const PatternMatch& match, std::string_view name,
                                      std::string_view ref_name,
                                      const std::vector<Participant>& other = {}) {
  std::vector<Participant> out;
  const AbstractSentence& sentence = abstracts[index];
  if (match.Group(name) != nullptr) {
    for (const GroupSpan& group : match.groups) {
      if (group.name != name) continue;  // a pattern may name a side twice: "X and Y agreed"
      for (const AbstractSlot* slot : sentence.SlotsIn(group.begin, group.end)) {
        if (slot->kind != AbstractSlot::Kind::kMention) continue;
        out.push_back({doc.mentions()[slot->index].entity, slot->doc_span});
      }
    }
  } else if (const GroupSpan* ref = ref_name.empty() ? nullptr : match.Group(ref_name)) {
    if (auto antecedent =
            Antecedent(doc, abstracts, index, ref->begin, ref->end == ref->begin, other)) {
      out.push_back(*antecedent);
    }
  }
  return out;
}

// Drops the objects whose placeholder is followed by a match of `veto` ("Splunk products").
void VetoObjects(const AbstractSentence& sentence, const CompiledPattern& veto,
                 std::vector<Participant>* objects) {
  const std::string_view text = sentence.text();
  std::erase_if(*objects, [&](const Participant& object) {
    for (const AbstractSlot& slot : sentence.slots()) {
      if (slot.kind != AbstractSlot::Kind::kMention || !(slot.doc_span == object.span)) continue;
      const std::vector<PatternMatch> found = veto.FindAll(text.substr(slot.abstract_end));
      return !found.empty() && found.front().begin == 0;
    }
    return false;
  });
}

// The described object of `match`: its `asset` group without leading articles and
// possessives, or nullopt when the group is absent or the cues veto its words. The veto sees
// the article before the group too: "the design-software company" refers back to a company
// named before, "a design-software company" does not. Words the veto rejects that follow a
// named owner's possessive are described with their owner: "Shell's pipelines" stands alone
// where "pipelines" does not (issue 12).
constexpr std::string_view kArticles[] = {"the ", "a ", "an ", "its ", "their ", "his ", "her "};
constexpr std::string_view kPossessives[] = {"'s ", "' "};

// The abstract byte where the mention placeholder owning the words at `begin` starts
// ("⟨ORG:2⟩'s pipelines"), or nullopt when no possessive of a mention comes right before.
std::optional<size_t> OwnerBefore(const AbstractSentence& sentence, size_t begin) {
  const std::string_view all = sentence.text();
  for (std::string_view possessive : kPossessives) {
    if (begin < possessive.size() ||
        all.substr(begin - possessive.size(), possessive.size()) != possessive) {
      continue;
    }
    for (const AbstractSlot& slot : sentence.slots()) {
      if (slot.kind == AbstractSlot::Kind::kMention &&
          slot.abstract_end == begin - possessive.size()) {
        return slot.abstract_begin;
      }
    }
  }
  return std::nullopt;
}

std::optional<Participant> AssetOf(const AbstractSentence& sentence, const PatternMatch& match,
                                   const ClaimCues& cues) {
  const GroupSpan* asset = match.Group("asset");
  if (asset == nullptr) return std::nullopt;
  const std::string_view all = sentence.text();
  size_t begin = asset->begin;
  size_t veto_begin = begin;
  for (std::string_view article : kArticles) {
    if (begin >= article.size() && all.substr(begin - article.size(), article.size()) == article &&
        (begin == article.size() || all[begin - article.size() - 1] == ' ')) {
      veto_begin = begin - article.size();
      break;
    }
  }
  if (!cues.IsDescribedObject(all.substr(veto_begin, asset->end - veto_begin))) {
    const std::optional<size_t> owner = OwnerBefore(sentence, begin);
    if (!owner.has_value() || !cues.IsDescribedObject(all.substr(*owner, asset->end - *owner))) {
      return std::nullopt;
    }
    return Participant{std::nullopt, sentence.ToDocument(*owner, asset->end)};
  }
  std::string_view text = all.substr(begin, asset->end - begin);
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view article : kArticles) {
      if (text.size() > article.size() && text.substr(0, article.size()) == article) {
        text.remove_prefix(article.size());
        begin += article.size();
        trimmed = true;
      }
    }
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  return Participant{std::nullopt, sentence.ToDocument(begin, begin + text.size())};
}

// The objects of group `name`, else (for the object role) the described asset.
std::vector<Participant> ObjectsOf(const Document& doc,
                                   const std::vector<AbstractSentence>& abstracts, size_t index,
                                   const PatternMatch& match, const ClaimCues& cues,
                                   std::string_view name, std::string_view ref_name,
                                   const std::vector<Participant>& other = {}) {
  std::vector<Participant> objects =
      Participants(doc, abstracts, index, match, name, ref_name, other);
  if (objects.empty() && name == "object") {
    if (std::optional<Participant> asset = AssetOf(abstracts[index], match, cues)) {
      objects.push_back(*asset);
    }
  }
  return objects;
}

// Appends one candidate per (subject, object) pair; subject-only predicates get no object.
void AddCandidates(const Document& doc, const ClaimRule& rule, std::string_view predicate,
                   const std::vector<Participant>& subjects,
                   const std::optional<std::vector<Participant>>& objects, const Claim& base,
                   const PatternMatch& match, std::vector<Candidate>* out) {
  for (const Participant& subject : subjects) {
    auto add = [&](const Participant* object) {
      Candidate candidate{
          base, rule.priority, rule.symmetric, {match.begin, match.end}, rule.phrase_status};
      candidate.claim.predicate = std::string(predicate);
      candidate.claim.subject = subject.entity;
      candidate.claim.subject_span = subject.span;
      if (object != nullptr) {
        candidate.claim.object = object->entity;
        candidate.claim.object_span = object->span;
      }
      out->push_back(std::move(candidate));
    };
    if (!objects.has_value()) {
      add(nullptr);
      continue;
    }
    for (const Participant& object : *objects) {
      if (!object.entity.has_value() ||
          (object.entity != subject.entity && *object.entity < doc.entities().size())) {
        add(&object);
      }
    }
  }
}

// Keeps, for every unordered mention pair, only the claims of the highest priority, and one
// claim per (predicate, subject, object) (symmetric predicates ignore the order).
std::vector<Candidate> ResolveOverlaps(std::vector<Candidate> candidates) {
  using Key = std::pair<Span, Span>;
  auto pair_key = [](const Candidate& c) {
    Key key{c.claim.subject_span, c.claim.object_span};
    if (HasObject(c.claim) && key.second < key.first) std::swap(key.first, key.second);
    return key;
  };
  std::map<std::pair<Key, std::string>, int> best_no_object;
  std::map<Key, int> best;
  for (const Candidate& c : candidates) {
    if (HasObject(c.claim)) {
      auto [it, inserted] = best.emplace(pair_key(c), c.priority);
      if (!inserted) it->second = std::max(it->second, c.priority);
    } else {
      auto [it, inserted] =
          best_no_object.emplace(std::make_pair(pair_key(c), c.claim.predicate), c.priority);
      if (!inserted) it->second = std::max(it->second, c.priority);
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.priority > b.priority; });
  std::vector<Candidate> kept;
  std::set<std::tuple<std::string, Span, Span>> seen;
  for (Candidate& c : candidates) {
    const int top = HasObject(c.claim)
                        ? best[pair_key(c)]
                        : best_no_object[std::make_pair(pair_key(c), c.claim.predicate)];
    if (c.priority < top) continue;
    Span first = c.claim.subject_span;
    Span second = c.claim.object_span;
    if (c.symmetric && second < first) std::swap(first, second);
    if (!seen.emplace(c.claim.predicate, first, second).second) continue;
    kept.push_back(std::move(c));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.claim.span.begin, a.claim.subject_span, a.claim.object_span) <
           std::tie(b.claim.span.begin, b.claim.subject_span, b.claim.object_span);
  });
  return kept;
}

// Gives the deal claims that name no amount the amount a later sentence states for the deal
// ("X agreed to buy Y." "The price was 25 mln dlrs."): the claims of the nearest sentence
// before it, at most kFollowUpSentences back, that holds deal claims; unless a claim of that
// later sentence already carries the amount. `claims` are in sentence order.
void AttachFollowUpAmounts(const Document& doc, const std::vector<AbstractSentence>& abstracts,
                           const ClaimCues& cues, std::vector<Claim>* claims) {
  for (size_t s = 1; s < abstracts.size(); ++s) {
    const std::optional<size_t> amount = cues.FollowUpDealAmount(doc, abstracts[s]);
    if (!amount.has_value()) continue;
    const bool used = std::any_of(claims->begin(), claims->end(), [&](const Claim& claim) {
      return claim.sentence == s && claim.amount == amount;
    });
    if (used) continue;
    for (size_t back = 1; back <= std::min(s, kFollowUpSentences); ++back) {
      bool deal_found = false;
      for (Claim& claim : *claims) {
        if (claim.sentence != s - back || !cues.TakesFollowUpAmount(claim.predicate)) continue;
        deal_found = true;
        if (!claim.amount.has_value()) claim.amount = amount;
      }
      if (deal_found) break;
    }
  }
}

}  // namespace

struct ClaimStage::Impl {
  std::vector<ClaimRule> rules;
  std::unique_ptr<ClaimCues> cues;
  std::unique_ptr<ClaimRoles> roles;  // amount roles and deal stages
  std::unique_ptr<DateRules> dates;   // event dates
  // Which claim rules (patterns [0, rules.size())) and attribution rules (the patterns after
  // them) can match a sentence, from one walk of its text.
  std::unique_ptr<RulePrefilter> prefilter;
  std::vector<LicensedGroups> licensed;  // per rule, the groups that type name candidates
  // Whether a licensed rule may match a view with name candidates (LicensedRulePrefilter).
  std::unique_ptr<RulePrefilter> licensed_prefilter;

  // Adds the candidate claims of one match of `rule` in sentence `s`.
  void AddMatch(const Document& doc, const std::vector<AbstractSentence>& abstracts, size_t s,
                const ClaimRule& rule, const PatternMatch& match,
                std::vector<Candidate>* candidates) const;
  // Sets a resolved candidate's status, speaker and venue from its sentence's cues, its
  // attribution and the quote holding it.
  void Settle(const AbstractSentence& sentence, Attribution attribution,
              const std::vector<Quote>& quotes, Candidate* candidate) const;
};

ClaimStage::ClaimStage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClaimStage::~ClaimStage() = default;

StatusOr<std::unique_ptr<ClaimStage>> ClaimStage::Create(const RuleSources& rules,
                                                         SharedLoops* loops) {
  StatusOr<MacroTable> macros = LoadClaimMacros(rules);
  if (!macros.ok()) return macros.status();
  // The rules' patterns are compiled once, by the prefilter that picks which rules to run: the
  // claim rules' first, then the attribution rules'.
  RulePrefilterBuilder prefilter_builder;
  StatusOr<std::vector<ClaimRule>> loaded =
      LoadClaimRules(rules, *macros, &prefilter_builder, loops);
  if (!loaded.ok()) return loaded.status();
  StatusOr<std::unique_ptr<ClaimCues>> cues = ClaimCues::Create(rules, *macros, &prefilter_builder);
  if (!cues.ok()) return cues.status();
  StatusOr<std::unique_ptr<ClaimRoles>> roles = ClaimRoles::Create(rules, *macros);
  if (!roles.ok()) return roles.status();
  StatusOr<std::unique_ptr<DateRules>> dates = DateRules::Create(rules);
  if (!dates.ok()) return dates.status();
  auto impl = std::make_unique<Impl>();
  impl->licensed = LicensedGroupsByRule(*loaded, **cues);
  StatusOr<std::unique_ptr<RulePrefilter>> prefilter = prefilter_builder.Build();
  if (!prefilter.ok()) return prefilter.status();
  impl->licensed_prefilter = LicensedRulePrefilter(**prefilter, impl->licensed);
  impl->rules = std::move(*loaded);
  impl->cues = std::move(*cues);
  impl->roles = std::move(*roles);
  impl->dates = std::move(*dates);
  impl->prefilter = std::move(*prefilter);
  return std::unique_ptr<ClaimStage>(new ClaimStage(std::move(impl)));
}

Status ClaimStage::Process(Document& doc) const {
  for (const Mention& mention : doc.mentions()) {
    if (mention.entity >= doc.entities().size()) {
      return Status::Internal("claims: a mention names entity " + std::to_string(mention.entity) +
                              " of " + std::to_string(doc.entities().size()));
    }
  }
  std::vector<AbstractSentence> abstracts = AbstractSentence::BuildAll(doc);
  const size_t first_typed = doc.entities().size();
  // One prefilter walk per view serves the typing, the attributions and the claim rules; views
  // built anew after a candidate was typed are walked anew.
  std::optional<SentenceRules> sentence_rules;
  sentence_rules.emplace(*impl_->prefilter, impl_->rules.size(), abstracts);
  if (TypeNameCandidates(impl_->rules, *impl_->prefilter, *impl_->licensed_prefilter,
                         impl_->licensed, *impl_->cues, abstracts, *sentence_rules, doc)) {
    abstracts = AbstractSentence::BuildAll(doc);
    sentence_rules.emplace(*impl_->prefilter, impl_->rules.size(), abstracts);
  }
  const size_t sentence_count = doc.sentences().size();
  Attributions attributions(doc, abstracts, *impl_->cues, *sentence_rules);
  std::vector<Quote> quotes = FindQuotes(doc, attributions, impl_->cues->quote_min_words());

  std::vector<Claim> claims;
  for (size_t s = 0; s < sentence_count; ++s) {
    const AbstractSentence& sentence = abstracts[s];
    const size_t mentions = static_cast<size_t>(std::count_if(
        sentence.slots().begin(), sentence.slots().end(),
        [](const AbstractSlot& slot) { return slot.kind == AbstractSlot::Kind::kMention; }));
    std::vector<Candidate> candidates;
    for (const int index : sentence_rules->Claims(s)) {
      const ClaimRule& rule = impl_->rules[static_cast<size_t>(index)];
      if (mentions < rule.min_mentions) continue;
      for (const PatternMatch& match : rule.compiled->FindAll(sentence.text())) {
        impl_->AddMatch(doc, abstracts, s, rule, match, &candidates);
      }
    }
    for (Candidate& candidate : ResolveOverlaps(std::move(candidates))) {
      impl_->Settle(sentence, attributions.Of(s), quotes, &candidate);
      claims.push_back(std::move(candidate.claim));
    }
  }
  AttachFollowUpAmounts(doc, abstracts, *impl_->cues, &claims);
  AnnotateClaims(doc, abstracts, *impl_->cues, *impl_->roles, *impl_->dates, &claims);
  DropUnclaimedNames(first_typed, claims, quotes, doc);
  std::vector<Claim>& out_claims = doc.mutable_claims();
  out_claims.insert(out_claims.end(), std::make_move_iterator(claims.begin()),
                    std::make_move_iterator(claims.end()));
  std::vector<Quote>& out_quotes = doc.mutable_quotes();
  out_quotes.insert(out_quotes.end(), std::make_move_iterator(quotes.begin()),
                    std::make_move_iterator(quotes.end()));
  return Status::Ok();
}

void ClaimStage::Impl::AddMatch(const Document& doc, const std::vector<AbstractSentence>& abstracts,
                                size_t s, const ClaimRule& rule, const PatternMatch& match,
                                std::vector<Candidate>* candidates) const {
  const AbstractSentence& sentence = abstracts[s];
  Claim base;
  base.rule = rule.id;
  base.sentence = s;
  base.span = sentence.ToDocument(match.begin, match.end);
  if (const GroupSpan* amount = match.Group("amount")) {
    for (const AbstractSlot* slot : sentence.SlotsIn(amount->begin, amount->end)) {
      if (slot->kind == AbstractSlot::Kind::kAmount) {
        base.amount = cues->DealAmount(sentence, *slot);
        break;
      }
    }
  }
  base.role = rule.role;
  if (const GroupSpan* role = match.Group("role"); role && role->end > role->begin) {
    base.role = std::string(doc.Text(sentence.ToDocument(role->begin, role->end)));
  }
  const std::vector<Participant> subjects =
      Participants(doc, abstracts, s, match, "subject", "subject_ref");
  std::optional<std::vector<Participant>> objects;
  if (match.Group("object") || match.Group("object_ref") || match.Group("asset")) {
    objects = ObjectsOf(doc, abstracts, s, match, *cues, "object", "object_ref", subjects);
    if (rule.object_veto_after != nullptr && !objects->empty()) {
      VetoObjects(sentence, *rule.object_veto_after, &*objects);
      if (objects->empty()) return;  // every object named goods or opened a clause
    }
    // A rule that matched on a described object the cues reject found no object.
    if (objects->empty() && match.Group("asset")) return;
    if (objects->empty() && rule.object_optional) objects.reset();
  }
  AddCandidates(doc, rule, rule.predicate, subjects, objects, base, match, candidates);
  for (const ExtraClaim& extra : rule.also) {
    if (!match.Group(extra.subject_group)) continue;
    const std::vector<Participant> extra_objects =
        ObjectsOf(doc, abstracts, s, match, *cues, extra.object_group, "");
    if (extra_objects.empty()) continue;
    Claim extra_base = base;
    extra_base.role.clear();
    AddCandidates(doc, rule, extra.predicate,
                  Participants(doc, abstracts, s, match, extra.subject_group, ""), extra_objects,
                  extra_base, match, candidates);
  }
}

void ClaimStage::Impl::Settle(const AbstractSentence& sentence, Attribution attribution,
                              const std::vector<Quote>& quotes, Candidate* candidate) const {
  Claim& claim = candidate->claim;
  if (candidate->phrase_status) {
    claim.status = cues->PhraseStatusOf(sentence.text(), candidate->evidence);
    return;
  }
  for (const Quote& quote : quotes) {
    if (quote.span.Contains(claim.span) && !quote.speaker.empty()) {
      attribution.speaker = quote.speaker;
      if (attribution.venue.empty()) attribution.venue = quote.venue;
      break;
    }
  }
  claim.speaker = attribution.speaker;
  claim.venue = attribution.venue;
  claim.status = cues->StatusOf(sentence.text(), candidate->evidence, !attribution.empty());
}

void ClaimStage::WarmUp(const std::atomic<bool>& stop) const {
  for (const ClaimRule& rule : impl_->rules) {
    if (stop) return;
    rule.compiled->regex().PrepareGroupSearch();
  }
  impl_->cues->WarmUp(stop);
}

const std::vector<ClaimRule>& ClaimStage::rules() const { return impl_->rules; }

const DateRules& ClaimStage::dates() const { return *impl_->dates; }

std::vector<UnexplainedSentence> ClaimStage::Explain(const Document& doc) {
  std::vector<size_t> mentions(doc.sentences().size(), 0);
  std::vector<size_t> amounts(doc.sentences().size(), 0);
  std::vector<bool> claimed(doc.sentences().size(), false);
  for (const Mention& m : doc.mentions()) {
    if (m.sentence < mentions.size()) ++mentions[m.sentence];
  }
  for (const Amount& a : doc.amounts()) {
    if (a.sentence < amounts.size()) ++amounts[a.sentence];
  }
  for (const Claim& c : doc.claims()) {
    if (c.sentence < claimed.size()) claimed[c.sentence] = true;
  }
  std::vector<UnexplainedSentence> out;
  const std::vector<AbstractSentence> abstracts = AbstractSentence::BuildAll(doc);
  for (size_t s = 0; s < doc.sentences().size(); ++s) {
    if (mentions[s] >= 2 && amounts[s] >= 1 && !claimed[s]) {
      out.push_back({s, abstracts[s].text()});
    }
  }
  return out;
}

}  // namespace newsfacts
