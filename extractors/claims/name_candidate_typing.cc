// Typing name candidates by claim slots: the claim rules run over views where every candidate
// stands as an organization, and the candidates a licensed rule reads as a participant become
// mentions, unless the same rules read them as part of something else without candidates.
#include "extractors/claims/name_candidate_typing.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "extractors/entities/entity_names.h"

namespace newsfacts {
namespace {

// The number of entity placeholders (mentions and name candidates, no amounts) of `sentence`.
size_t EntitySlots(const AbstractSentence& sentence) {
  return static_cast<size_t>(
      std::count_if(sentence.slots().begin(), sentence.slots().end(),
                    [](const auto& slot) { return slot.kind != AbstractSlot::Kind::kAmount; }));
}

// True when a licensed rule among `candidates` (prefilter indices, ascending; the attribution
// rules after the claim rules) asks for no more than `entities` entity placeholders.
bool AnyLicensedRule(const std::vector<ClaimRule>& rules,
                     const std::vector<LicensedGroups>& licensed, std::span<const int> candidates,
                     size_t entities) {
  for (const int index : candidates) {
    if (static_cast<size_t>(index) >= rules.size()) break;
    if (!licensed[static_cast<size_t>(index)].empty() &&
        entities >= rules[static_cast<size_t>(index)].min_mentions) {
      return true;
    }
  }
  return false;
}

// Runs the licensed rules among `candidates` (the prefilter's answer for `sentence`) over
// `sentence`, calling visit(rule, group, is_object) for each participant group of each match;
// `licensed` holds each rule's LicensedGroupsOf, by rule index.
template <typename Visit>
void ForEachLicensedGroup(const std::vector<ClaimRule>& rules,
                          const std::vector<LicensedGroups>& licensed,
                          const AbstractSentence& sentence, std::span<const int> candidates,
                          Visit visit) {
  const size_t entities = EntitySlots(sentence);
  for (const int index : candidates) {
    if (static_cast<size_t>(index) >= rules.size()) break;  // the attribution rules after them
    const ClaimRule& rule = rules[static_cast<size_t>(index)];
    const LicensedGroups& groups = licensed[static_cast<size_t>(index)];
    if (entities < rule.min_mentions || groups.empty()) continue;
    for (const PatternMatch& match : rule.compiled->FindAll(sentence.text())) {
      for (const GroupSpan& span : match.groups) {
        for (const auto& [name, is_object] : groups) {
          if (span.name == name) visit(rule, span, is_object);
        }
      }
    }
  }
}

// True when a match of `veto` starts right after the placeholder of `slot`.
bool FollowedBy(const AbstractSentence& sentence, const AbstractSlot& slot,
                const CompiledPattern& veto) {
  const std::vector<PatternMatch> found =
      veto.FindAll(std::string_view(sentence.text()).substr(slot.abstract_end));
  return !found.empty() && found.front().begin == 0;
}

// True when candidate `slot`, read in a rule's group, is still no name: it follows another name
// and a comma (a list tail is too often a place or a headline's next phrase: "Bloomington,
// Ind", "... in Anthropic, Making"; one after "and" is typed), or right after another name
// or in parentheses after one, as a word or short form of it ("Verizon Wireless", "Gold
// Fields Ltd. (GFI)"), or the cues' veto or the rule's `object_veto` (for an object; else
// nullptr) follows it.
bool StaysUntyped(const AbstractSentence& sentence, const AbstractSlot& slot, const ClaimCues& cues,
                  const CompiledPattern* object_veto) {
  const std::string_view before = std::string_view(sentence.text()).substr(0, slot.abstract_begin);
  if (before.ends_with("\u27E9, ")) return true;
  if (before.ends_with("\u27E9 ") || before.ends_with("\u27E9 (")) {
    const size_t open = before.rfind("\u27E8");
    const bool after_place =
        open != std::string_view::npos && before.substr(open).starts_with("\u27E8LOCATION:");
    if (!after_place) return true;  // a place before a name is where it is from: "US Infonet"
  }
  const CompiledPattern* veto = cues.name_candidate_veto();
  if (veto != nullptr && FollowedBy(sentence, slot, *veto)) return true;
  return object_veto != nullptr && FollowedBy(sentence, slot, *object_veto);
}

// The candidates the licensed rules read as participants, with the rule that typed each.
std::map<size_t, std::string> CandidatesInSlots(const std::vector<ClaimRule>& rules,
                                                const RulePrefilter& prefilter,
                                                const RulePrefilter& licensed_prefilter,
                                                const std::vector<LicensedGroups>& licensed,
                                                const ClaimCues& cues,
                                                const std::vector<AbstractSentence>& plain,
                                                SentenceRules& plain_rules, const Document& doc) {
  // One candidate a rule read in a participant group.
  struct Hit {
    const AbstractSlot* slot;
    const ClaimRule* rule;
  };
  std::map<size_t, std::string> typed;
  if (doc.name_candidates().empty()) return typed;
  std::vector<int> rule_candidates;
  for (const AbstractSentence& sentence : AbstractSentence::BuildWithNameCandidates(
           doc, SentencesToView(rules, licensed_prefilter, licensed, plain, plain_rules, doc))) {
    std::vector<Hit> hits;
    prefilter.Candidates(sentence.text(), &rule_candidates);
    ForEachLicensedGroup(
        rules, licensed, sentence, rule_candidates,
        [&](const ClaimRule& rule, const GroupSpan& span, bool is_object) {
          if (span.name == "asset") return;
          for (const AbstractSlot* slot : sentence.SlotsIn(span.begin, span.end)) {
            if (slot->kind == AbstractSlot::Kind::kNameCandidate &&
                !StaysUntyped(sentence, *slot, cues,
                              is_object ? rule.object_veto_after.get() : nullptr)) {
              hits.push_back({slot, &rule});
            }
          }
        });
    if (hits.empty()) continue;
    // What the rules read without candidates: document spans of participants and assets.
    std::vector<Span> read;
    const AbstractSentence& without = plain[sentence.sentence()];
    ForEachLicensedGroup(
        rules, licensed, without, plain_rules.Claims(sentence.sentence()),
        [&](const ClaimRule&, const GroupSpan& span, bool) {
          if (span.end <= span.begin) return;
          const std::string_view words =
              std::string_view(without.text()).substr(span.begin, span.end - span.begin);
          if (span.name == "asset" && !cues.IsDescribedObject(words)) return;
          read.push_back(without.ToDocument(span.begin, span.end));
        });
    for (const Hit& hit : hits) {
      const bool read_otherwise = std::any_of(
          read.begin(), read.end(), [&](const Span& r) { return r.Contains(hit.slot->doc_span); });
      if (!read_otherwise) typed.emplace(hit.slot->index, "claim:" + hit.rule->id);
    }
  }
  return typed;
}

}  // namespace

std::unique_ptr<RulePrefilter> LicensedRulePrefilter(const RulePrefilter& prefilter,
                                                     const std::vector<LicensedGroups>& licensed) {
  std::vector<int> licensed_rules;
  for (size_t rule = 0; rule < licensed.size(); ++rule) {
    if (!licensed[rule].empty()) licensed_rules.push_back(static_cast<int>(rule));
  }
  return prefilter.Restricted(licensed_rules, prefilter.AtomsWhere([](std::string_view atom) {
    return AbstractSentence::MayOverlapPlaceholder(atom, "ORG");
  }));
}

std::vector<bool> SentencesToView(const std::vector<ClaimRule>& rules,
                                  const RulePrefilter& licensed_prefilter,
                                  const std::vector<LicensedGroups>& licensed,
                                  const std::vector<AbstractSentence>& plain,
                                  SentenceRules& plain_rules, const Document& doc) {
  const std::vector<Sentence>& sentences = doc.sentences();
  std::vector<bool> wanted(sentences.size(), false);
  // Per sentence, its name candidates, and whether its view with candidates is no copy of its
  // view in `plain` with placeholders in their place: a candidate overlaps a placeholder of
  // that view (whose mentions and amounts the candidates may then push out, or let in), or a
  // restatement is elided. Such a sentence is wanted.
  std::vector<size_t> candidates(sentences.size(), 0);
  std::vector<bool> reshaped(sentences.size(), false);
  for (const Amount& amount : doc.amounts()) {
    if (amount.restates.has_value() && amount.sentence < sentences.size()) {
      reshaped[amount.sentence] = true;
    }
  }
  for (const NameCandidate& candidate : doc.name_candidates()) {
    const auto after = std::upper_bound(
        sentences.begin(), sentences.end(), candidate.span.begin,
        [](size_t begin, const Sentence& sentence) { return begin < sentence.span.begin; });
    if (after == sentences.begin() || candidate.span.empty()) continue;
    const size_t s = static_cast<size_t>(after - sentences.begin()) - 1;
    if (!sentences[s].span.Contains(candidate.span)) continue;
    ++candidates[s];
    // The slots are disjoint and in text order: only the last one starting before the
    // candidate's end may overlap it.
    const std::vector<AbstractSlot>& slots = plain[s].slots();
    const auto next = std::lower_bound(
        slots.begin(), slots.end(), candidate.span.end,
        [](const AbstractSlot& slot, size_t end) { return slot.doc_span.begin < end; });
    if (next != slots.begin() && (next - 1)->doc_span.end > candidate.span.begin) {
      reshaped[s] = true;
    }
  }
  std::vector<int> rules_found;
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (candidates[s] == 0) continue;
    if (reshaped[s]) {
      wanted[s] = true;
      continue;
    }
    // The view with candidates holds the atoms of the view in `plain` and, at most, those a
    // candidate's placeholder may hold (which `licensed_prefilter` takes as present); it has no
    // more entity placeholders than both views together.
    licensed_prefilter.CandidatesOf(plain_rules.Atoms(s), &rules_found);
    wanted[s] =
        AnyLicensedRule(rules, licensed, rules_found, EntitySlots(plain[s]) + candidates[s]);
  }
  return wanted;
}

std::vector<LicensedGroups> LicensedGroupsByRule(const std::vector<ClaimRule>& rules,
                                                 const ClaimCues& cues) {
  std::vector<LicensedGroups> licensed;
  for (const ClaimRule& rule : rules) {
    LicensedGroups& groups = licensed.emplace_back();
    if (cues.TypesNameCandidates(rule.predicate)) {
      groups.insert(groups.end(), {{"subject", false}, {"object", true}, {"asset", true}});
    }
    for (const ExtraClaim& extra : rule.also) {
      if (!cues.TypesNameCandidates(extra.predicate)) continue;
      groups.push_back({extra.subject_group, false});
      groups.push_back({extra.object_group, true});
    }
  }
  return licensed;
}

bool TypeNameCandidates(const std::vector<ClaimRule>& rules, const RulePrefilter& prefilter,
                        const RulePrefilter& licensed_prefilter,
                        const std::vector<LicensedGroups>& licensed, const ClaimCues& cues,
                        const std::vector<AbstractSentence>& plain, SentenceRules& plain_rules,
                        Document& doc) {
  std::map<size_t, std::string> typed = CandidatesInSlots(rules, prefilter, licensed_prefilter,
                                                          licensed, cues, plain, plain_rules, doc);
  if (typed.empty()) return false;
  const std::vector<NameCandidate>& candidates = doc.name_candidates();
  // The same name written again elsewhere in the article is the same organization.
  std::set<std::string_view> typed_names;
  for (const auto& [index, rule] : typed) typed_names.insert(doc.Text(candidates[index].name_span));
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (typed_names.count(doc.Text(candidates[i].name_span))) {
      typed.emplace(i, "propagate.same_name");
    }
  }
  std::vector<Entity>& entities = doc.mutable_entities();
  std::unordered_map<std::string, size_t> by_key;
  for (size_t e = 0; e < entities.size(); ++e) by_key.emplace(entities[e].key, e);
  std::vector<Mention>& mentions = doc.mutable_mentions();
  for (const auto& [index, rule] : typed) {
    const NameCandidate& candidate = candidates[index];
    const std::string name(doc.Text(candidate.name_span));
    const auto [it, inserted] = by_key.emplace(CanonicalKey(name), entities.size());
    if (inserted) entities.push_back(Entity{it->first, name, EntityType::kOrg, "", {}});
    Entity& entity = entities[it->second];
    const std::string surface(doc.Text(candidate.span));
    if (surface != entity.name &&
        std::find(entity.aliases.begin(), entity.aliases.end(), surface) == entity.aliases.end()) {
      entity.aliases.push_back(surface);
    }
    mentions.push_back(Mention{candidate.span, it->second, entity.type, candidate.sentence, rule});
  }
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  return true;
}

void DropUnclaimedNames(size_t first_typed, std::vector<Claim>& claims, std::vector<Quote>& quotes,
                        Document& doc) {
  std::vector<Entity>& entities = doc.mutable_entities();
  if (first_typed >= entities.size()) return;
  std::vector<bool> claimed(entities.size(), false);
  for (const Claim& claim : claims) {
    if (claim.subject) claimed[*claim.subject] = true;
    if (claim.object) claimed[*claim.object] = true;
  }
  constexpr size_t kDropped = static_cast<size_t>(-1);
  std::vector<size_t> renumbered(entities.size());
  size_t kept = 0;
  for (size_t e = 0; e < entities.size(); ++e) {
    renumbered[e] = e < first_typed || claimed[e] ? kept++ : kDropped;
    if (renumbered[e] != kDropped && renumbered[e] != e)
      entities[renumbered[e]] = std::move(entities[e]);
  }
  entities.resize(kept);
  std::vector<Mention>& mentions = doc.mutable_mentions();
  std::erase_if(mentions, [&](const Mention& m) { return renumbered[m.entity] == kDropped; });
  for (Mention& m : mentions) m.entity = renumbered[m.entity];
  for (Claim& claim : claims) {
    if (claim.subject) claim.subject = renumbered[*claim.subject];
    if (claim.object) claim.object = renumbered[*claim.object];
  }
  for (Quote& quote : quotes) {
    if (!quote.speaker_entity) continue;
    const size_t e = renumbered[*quote.speaker_entity];
    quote.speaker_entity = e == kDropped ? std::nullopt : std::optional<size_t>(e);
  }
}

}  // namespace newsfacts
