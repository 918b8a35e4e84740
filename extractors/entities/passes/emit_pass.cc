// Entity pass 7: the overlap policy picks the mentions among the typed candidates, and each
// becomes a mention of one Entity per canonical key in the document; the untyped runs left
// over become the document's name candidates, for the claim stage to type.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "extractors/entities/passes/passes.h"

namespace newsfacts {
namespace {

// True when `name` is written in one case only, as in an ALL CAPS or lowercase headline.
bool Caseless(std::string_view name) {
  const WordShape shape = ShapeOf(name);
  return shape == WordShape::kUpper || shape == WordShape::kLower;
}

// The display name of a pattern-found candidate: its words without trailing designators.
std::string DisplayName(const WordView& view, const Document& doc, const Candidate& c) {
  return std::string(
      doc.Text({view.words[c.begin].span.begin, view.words[c.name_end - 1].span.end}));
}

// The bytes of a kept candidate. A designator's period that also ends the sentence
// ("... agreed to buy Dunmore Plastics Corp.") is the full stop, not part of the name.
Span MentionSpan(const WordView& view, const Candidate& c) {
  const std::vector<EntityWord>& words = view.words;
  Span span{words[c.begin].span.begin, words[c.end - 1].span.end};
  const SentenceWords& sentence = view.SentenceOf(c);
  for (size_t k = c.end; k < sentence.end; ++k) {
    const std::string_view text = words[k].text;
    if (text != ")" && text != "\"" && text != "'" && text != "\xE2\x80\x9D") return span;
  }
  const std::string_view last = words[c.end - 1].text;
  if (c.end == c.name_end) return span;  // "U.S." keeps its period
  if (last == ".") {
    span.end = words[c.end - 2].span.end;
  } else if (last.size() > 1 && last.back() == '.') {
    span.end -= 1;
  }
  return span;
}

// The typed candidates that the overlap policy keeps, in text order: longest first, then
// priority, then rule order.
std::vector<size_t> KeptCandidates(const WordView& view) {
  const std::vector<EntityWord>& words = view.words;
  const std::vector<Candidate>& candidates = view.candidates;
  std::vector<size_t> order;
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (candidates[k].typed) order.push_back(k);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    const size_t x_len = words[x.end - 1].span.end - words[x.begin].span.begin;
    const size_t y_len = words[y.end - 1].span.end - words[y.begin].span.begin;
    if (x_len != y_len) return x_len > y_len;
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.order != y.order) return x.order < y.order;
    return x.begin < y.begin;
  });
  std::vector<bool> taken(words.size(), false);
  std::vector<size_t> kept;
  for (const size_t k : order) {
    const Candidate& c = candidates[k];
    bool free = true;
    for (size_t w = c.begin; w < c.end; ++w) free = free && !taken[w];
    if (!free) continue;
    for (size_t w = c.begin; w < c.end; ++w) taken[w] = true;
    kept.push_back(k);
  }
  std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
    return words[candidates[a].begin].span.begin < words[candidates[b].begin].span.begin;
  });
  return kept;
}

// Builds the entities of a document, one per canonical key. Holds references to the view
// and the document; one instance per EmitMentions call, not thread-safe.
class EntityTable {
 public:
  EntityTable(const PassRules& rules, const WordView& view, Document& doc)
      : gazetteer_(*rules.gazetteer),
        view_(view),
        doc_(doc),
        entities_(doc.mutable_entities()),
        entity_of_root_(view.candidates.size(), kNoEntity) {
    entities_.clear();
    by_key_.reserve(view.candidates.size());
  }

  // The index of the entity of `c`: that of its gazetteer entry, or of the name at the end
  // of its link chain; added when new.
  size_t EntityFor(const Candidate& c) {
    const Candidate* root = &c;
    for (int hops = 0; root->link && hops < 4; ++hops) root = &view_.candidates[*root->link];
    // The same root always comes to the same entity: its name and key are built once.
    const size_t root_index = static_cast<size_t>(root - view_.candidates.data());
    if (entity_of_root_[root_index] != kNoEntity) return entity_of_root_[root_index];
    const GazetteerEntry* entry = root->entry ? &gazetteer_.entries()[*root->entry] : nullptr;
    const std::string name = entry ? entry->name : DisplayName(view_, doc_, *root);
    std::string key = entry ? entry->id : CanonicalKey(name);
    const EntityType type = entry ? entry->type : root->type;
    // A place and something else of the same name are two entities: the club Leeds beside
    // the city.
    const auto same_key = by_key_.find(key);
    if (same_key != by_key_.end() && entities_[same_key->second].type != type &&
        (type == EntityType::kLocation ||
         entities_[same_key->second].type == EntityType::kLocation)) {
      key.append("-").append(CanonicalKey(EntityTypeName(type)));
    }
    const auto [it, inserted] = by_key_.emplace(std::move(key), entities_.size());
    if (inserted) {
      entities_.push_back(Entity{it->first, name, type, entry ? entry->parent : std::string(),
                                 entry ? entry->aliases : std::vector<std::string>()});
    } else if (!entry && Caseless(entities_[it->second].name) && !Caseless(name)) {
      // A name first seen in an ALL CAPS or lowercase headline takes its body spelling
      // ("Quellmark").
      entities_[it->second].name = name;
    }
    entity_of_root_[root_index] = it->second;
    return it->second;
  }

 private:
  const Gazetteer& gazetteer_;
  const WordView& view_;
  const Document& doc_;
  std::vector<Entity>& entities_;
  static constexpr size_t kNoEntity = static_cast<size_t>(-1);
  std::unordered_map<std::string, size_t> by_key_;
  // Per candidate: the entity index of the root it is, or kNoEntity before its first lookup.
  std::vector<size_t> entity_of_root_;
};

// The untyped runs that overlap no kept mention nor each other, hold no funding word ("Series
// E") and are not a lone descriptor noun (a filing's defined terms: "the Partnership"), in
// text order, as name candidates.
std::vector<NameCandidate> UntypedRuns(const PassRules& rules, const WordView& view,
                                       const std::vector<size_t>& kept) {
  const std::vector<EntityWord>& words = view.words;
  std::vector<bool> taken(words.size(), false);
  for (const size_t k : kept) {
    for (size_t w = view.candidates[k].begin; w < view.candidates[k].end; ++w) taken[w] = true;
  }
  std::vector<NameCandidate> out;
  for (const Candidate& c : view.candidates) {
    if (c.typed || c.begin >= c.name_end) continue;
    if (view.AnyWordIn(*rules.funding_words, c.begin, c.end)) continue;
    if (view.WordCount(c.begin, c.name_end) == 1 &&
        view.AnyWordIn(*rules.descriptor_nouns, c.begin, c.end)) {
      continue;
    }
    bool free = true;
    for (size_t w = c.begin; w < c.end; ++w) free = free && !taken[w];
    if (!free) continue;
    for (size_t w = c.begin; w < c.end; ++w) taken[w] = true;
    out.push_back({MentionSpan(view, c),
                   {words[c.begin].span.begin, words[c.name_end - 1].span.end},
                   c.sentence});
  }
  std::sort(out.begin(), out.end(), [](const NameCandidate& a, const NameCandidate& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

}  // namespace

void EmitMentions(const PassRules& rules, const WordView& view, Document& doc) {
  const std::vector<size_t> kept = KeptCandidates(view);
  EntityTable table(rules, view, doc);
  std::vector<Mention>& mentions = doc.mutable_mentions();
  mentions.clear();
  for (const size_t k : kept) {
    const Candidate& c = view.candidates[k];
    const size_t entity = table.EntityFor(c);
    const Span span = MentionSpan(view, c);
    Entity& target = doc.mutable_entities()[entity];
    const std::string_view surface = doc.Text(span);  // copied only when a new alias
    if (surface != target.name &&
        std::find(target.aliases.begin(), target.aliases.end(), surface) == target.aliases.end()) {
      target.aliases.emplace_back(surface);
    }
    mentions.push_back(Mention{span, entity, target.type, c.sentence, c.rule});
  }
  doc.mutable_name_candidates() = UntypedRuns(rules, view, kept);
}

}  // namespace newsfacts
