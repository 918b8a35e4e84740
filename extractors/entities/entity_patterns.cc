// Compiling "entity_patterns" rule files: word lists, context sequences, rules and examples.
#include "extractors/entities/entity_patterns.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extractors/entities/gazetteer.h"

namespace newsfacts {
namespace {

using nlohmann::json;

bool IsLowerWord(const EntityWord& word) {
  return word.kind == TokenKind::kWord && !word.possessive && word.shape == WordShape::kLower;
}

bool IsCapitalizedWord(const EntityWord& word) {
  return word.kind == TokenKind::kWord && !word.possessive &&
         (word.shape == WordShape::kCapital || word.shape == WordShape::kUpper);
}

// True when words [begin, end) are a phrase of `list`, given that its longest phrase there
// spans `longest` words (so that length needs no probe, nor does one word, a bit test).
bool IsPhraseOf(const PhraseList& list, const std::vector<EntityWord>& words, size_t begin,
                size_t end, size_t longest) {
  if (end - begin == longest) return true;
  if (end - begin == 1) return list.ContainsWord(words[begin]);
  return list.ContainsWords(words, begin, end);
}

// True when `word` may be matched by `element` (not a skip): as the first word of a list
// phrase when `phrase_starts`, else as its last.
bool MayMatchWord(const ContextElement& element, const EntityWord& word, bool phrase_starts) {
  switch (element.kind) {
    case ContextElement::Kind::kList:
      return phrase_starts ? element.list->MayStartWith(word) : element.list->MayEndWith(word);
    case ContextElement::Kind::kWords:
      return std::find(element.words.begin(), element.words.end(), word.folded) !=
             element.words.end();
    case ContextElement::Kind::kNumber:
      return word.kind == TokenKind::kNumber;
    case ContextElement::Kind::kCapitalized:
      return IsCapitalizedWord(word);
    case ContextElement::Kind::kSkip:
      break;
  }
  return true;
}

bool MatchForwardFrom(const std::vector<ContextElement>& elements, size_t k,
                      const std::vector<EntityWord>& words, size_t pos, size_t limit) {
  if (k == elements.size()) return true;
  const ContextElement& element = elements[k];
  switch (element.kind) {
    case ContextElement::Kind::kList: {
      const size_t longest = element.list->MatchAt(words, pos, limit);
      for (size_t n = longest; n > 0; --n) {
        if (IsPhraseOf(*element.list, words, pos, pos + n, longest) &&
            MatchForwardFrom(elements, k + 1, words, pos + n, limit)) {
          return true;
        }
      }
      break;
    }
    case ContextElement::Kind::kWords:
      if (pos < limit &&
          std::find(element.words.begin(), element.words.end(), words[pos].folded) !=
              element.words.end() &&
          MatchForwardFrom(elements, k + 1, words, pos + 1, limit)) {
        return true;
      }
      break;
    case ContextElement::Kind::kNumber:
      if (pos < limit && words[pos].kind == TokenKind::kNumber &&
          MatchForwardFrom(elements, k + 1, words, pos + 1, limit)) {
        return true;
      }
      break;
    case ContextElement::Kind::kCapitalized:
      if (pos < limit && IsCapitalizedWord(words[pos]) &&
          MatchForwardFrom(elements, k + 1, words, pos + 1, limit)) {
        return true;
      }
      break;
    case ContextElement::Kind::kSkip:
      for (size_t skip = 0; skip <= element.max_skip; ++skip) {
        if (skip > 0 && (pos + skip > limit || !IsLowerWord(words[pos + skip - 1]))) break;
        if (MatchForwardFrom(elements, k + 1, words, pos + skip, limit)) return true;
      }
      return false;
  }
  return element.optional && MatchForwardFrom(elements, k + 1, words, pos, limit);
}

// Matches elements[0..k) backward so that element k-1 ends at `pos`.
bool MatchBackwardTo(const std::vector<ContextElement>& elements, size_t k,
                     const std::vector<EntityWord>& words, size_t pos, size_t limit) {
  if (k == 0) return true;
  const ContextElement& element = elements[k - 1];
  switch (element.kind) {
    case ContextElement::Kind::kList: {
      const size_t longest = element.list->MatchEndingAt(words, pos, limit);
      for (size_t n = longest; n > 0; --n) {
        if (IsPhraseOf(*element.list, words, pos - n, pos, longest) &&
            MatchBackwardTo(elements, k - 1, words, pos - n, limit)) {
          return true;
        }
      }
      break;
    }
    case ContextElement::Kind::kWords:
      if (pos > limit &&
          std::find(element.words.begin(), element.words.end(), words[pos - 1].folded) !=
              element.words.end() &&
          MatchBackwardTo(elements, k - 1, words, pos - 1, limit)) {
        return true;
      }
      break;
    case ContextElement::Kind::kNumber:
      if (pos > limit && words[pos - 1].kind == TokenKind::kNumber &&
          MatchBackwardTo(elements, k - 1, words, pos - 1, limit)) {
        return true;
      }
      break;
    case ContextElement::Kind::kCapitalized:
      if (pos > limit && IsCapitalizedWord(words[pos - 1]) &&
          MatchBackwardTo(elements, k - 1, words, pos - 1, limit)) {
        return true;
      }
      break;
    case ContextElement::Kind::kSkip:
      for (size_t skip = 0; skip <= element.max_skip; ++skip) {
        if (skip > 0 && (pos < limit + skip || !IsLowerWord(words[pos - skip]))) break;
        if (MatchBackwardTo(elements, k - 1, words, pos - skip, limit)) return true;
      }
      return false;
  }
  return element.optional && MatchBackwardTo(elements, k - 1, words, pos, limit);
}

StatusOr<std::vector<ContextElement>> ParseContext(
    const std::string& where, std::string_view text,
    const std::map<std::string, PhraseList, std::less<>>& lists) {
  std::vector<ContextElement> elements;
  std::istringstream items{std::string(text)};
  std::string item;
  while (items >> item) {
    ContextElement element;
    if (item.size() > 1 && item.back() == '?') {
      element.optional = true;
      item.pop_back();
    }
    if (item[0] == '@') {
      const auto list = lists.find(std::string_view(item).substr(1));
      if (list == lists.end()) {
        return Status::InvalidArgument(where + ": unknown list \"" + item.substr(1) + "\"");
      }
      element.kind = ContextElement::Kind::kList;
      element.list = &list->second;
    } else if (item == "#") {
      element.kind = ContextElement::Kind::kNumber;
    } else if (item == "^") {
      element.kind = ContextElement::Kind::kCapitalized;
    } else if (item[0] == '*' && item.size() > 1 &&
               std::all_of(item.begin() + 1, item.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      element.kind = ContextElement::Kind::kSkip;
      element.max_skip = static_cast<size_t>(std::stoul(item.substr(1)));
    } else {
      element.kind = ContextElement::Kind::kWords;
      size_t start = 0;
      while (start <= item.size()) {
        const size_t bar = std::min(item.find('|', start), item.size());
        const std::string word = FoldCase(Gazetteer::PhraseKey(item.substr(start, bar - start)));
        if (word.empty()) {
          return Status::InvalidArgument(where + ": empty alternative in \"" + item + "\"");
        }
        element.words.push_back(word);
        start = bar + 1;
      }
    }
    elements.push_back(std::move(element));
  }
  if (elements.empty()) return Status::InvalidArgument(where + ": empty context");
  return elements;
}

StatusOr<RuleExample> ParseExample(const std::string& where, const json& value) {
  RuleExample example;
  if (!value.is_object() || !value.contains("text") || !value["text"].is_string()) {
    return Status::InvalidArgument(where + ": an example needs a \"text\" string");
  }
  example.text = value["text"].get<std::string>();
  if (value.contains("expect")) {
    if (!value["expect"].is_array()) {
      return Status::InvalidArgument(where + ": \"expect\" must be an array");
    }
    for (const json& item : value["expect"]) {
      ExpectedMention expected;
      if (!item.is_object() || !item.contains("text") || !item["text"].is_string()) {
        return Status::InvalidArgument(where + ": each \"expect\" item needs a \"text\" string");
      }
      expected.text = item["text"].get<std::string>();
      if (item.contains("type")) {
        EntityType type;
        if (!item["type"].is_string() || !ParseEntityType(item["type"].get<std::string>(), &type)) {
          return Status::InvalidArgument(where + ": unknown expected type");
        }
        expected.type = type;
      }
      if (item.contains("key")) {
        if (!item["key"].is_string())
          return Status::InvalidArgument(where + ": \"key\" must be a string");
        expected.key = item["key"].get<std::string>();
      }
      example.expect.push_back(std::move(expected));
    }
  }
  if (value.contains("absent")) {
    if (!value["absent"].is_array()) {
      return Status::InvalidArgument(where + ": \"absent\" must be an array of strings");
    }
    for (const json& item : value["absent"]) {
      if (!item.is_string())
        return Status::InvalidArgument(where + ": \"absent\" must hold strings");
      example.absent.push_back(item.get<std::string>());
    }
  }
  if (example.expect.empty() && example.absent.empty()) {
    return Status::InvalidArgument(where + ": an example needs \"expect\" or \"absent\"");
  }
  return example;
}

}  // namespace

bool EntityPatterns::MayMatchAfter(const std::vector<ContextElement>& elements,
                                   const std::vector<EntityWord>& words, size_t begin,
                                   size_t limit) {
  if (elements.empty()) return true;
  const ContextElement& first = elements.front();
  if (first.optional || first.kind == ContextElement::Kind::kSkip) return true;
  return begin < limit && MayMatchWord(first, words[begin], /*phrase_starts=*/true);
}

bool EntityPatterns::MayMatchBefore(const std::vector<ContextElement>& elements,
                                    const std::vector<EntityWord>& words, size_t end,
                                    size_t limit) {
  if (elements.empty()) return true;
  const ContextElement& last = elements.back();
  if (last.optional || last.kind == ContextElement::Kind::kSkip) return true;
  return end > limit && MayMatchWord(last, words[end - 1], /*phrase_starts=*/false);
}

bool EntityPatterns::MatchAfter(const std::vector<ContextElement>& elements,
                                const std::vector<EntityWord>& words, size_t begin, size_t limit) {
  return MatchForwardFrom(elements, 0, words, begin, limit);
}

bool EntityPatterns::MatchBefore(const std::vector<ContextElement>& elements,
                                 const std::vector<EntityWord>& words, size_t end, size_t limit) {
  return MatchBackwardTo(elements, elements.size(), words, end, limit);
}

void EntityPatterns::BuildWordIndex(const Gazetteer& gazetteer) {
  facts_index_ = WordTable();
  word_facts_.clear();
  size_t index = 0;
  for (auto& [name, list] : lists_) {
    list.bit_ = index < 64 ? uint64_t{1} << index : 0;
    ++index;
    const uint64_t bit = list.Bit();
    if (bit == 0) continue;
    for (size_t k = 0; k < list.first_words_.size(); ++k) {
      FactsEntry(list.first_words_.word(k)).starts |= bit;
    }
    for (size_t k = 0; k < list.last_words_.size(); ++k) {
      FactsEntry(list.last_words_.word(k)).ends |= bit;
    }
    for (size_t k = 0; k < list.phrases_.size(); ++k) FactsEntry(list.phrases_.word(k)).is |= bit;
  }
  BuildContextEdges();
  const WordMap<size_t>& folded_first = gazetteer.MaxWordsByFoldedFirst();
  for (size_t k = 0; k < folded_first.size(); ++k) {
    WordFacts& facts = FactsEntry(folded_first.key(k));
    facts.gazetteer_words = std::max(facts.gazetteer_words, folded_first.value(k));
  }
  const WordMap<size_t>& first = gazetteer.MaxWordsByFirst();
  for (size_t k = 0; k < first.size(); ++k) {
    if (FoldCase(first.key(k)) != first.key(k)) continue;
    WordFacts& facts = FactsEntry(first.key(k));
    facts.gazetteer_lower_words = std::max(facts.gazetteer_lower_words, first.value(k));
  }
  // Most words of a document miss this index; a load of a quarter at most (Reserve keeps it
  // under a half) ends most of their probe runs at the first slot.
  short_facts_index_ = ShortWordIds();
  std::fill(short_facts_filter_.begin(), short_facts_filter_.end(), 0);
  short_facts_index_.Reserve(2 * facts_index_.size());
  for (size_t k = 0; k < facts_index_.size(); ++k) {
    if (uint64_t key = 0; ShortWordIds::KeyOf(facts_index_.word(k), &key)) {
      short_facts_index_.Add(key, static_cast<uint32_t>(k));
      const uint64_t bit = ShortFactsFilterBit(key);
      short_facts_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
}

WordFacts& EntityPatterns::FactsEntry(std::string_view word) {
  const size_t at = facts_index_.Insert(word);
  if (at == word_facts_.size()) word_facts_.emplace_back();
  return word_facts_[at];
}

void EntityPatterns::BuildContextEdges() {
  before_edges_ = ContextEdges();
  after_edges_ = ContextEdges();
  for (size_t r = 0; r < rules_.size() && r < kMaskedRules; ++r) {
    const uint64_t bit = uint64_t{1} << r;
    for (const bool after : {false, true}) {
      const std::vector<ContextElement>& elements = after ? rules_[r].after : rules_[r].before;
      ContextEdges& edges = after ? after_edges_ : before_edges_;
      if (elements.empty()) {
        edges.open |= bit;
        continue;
      }
      const ContextElement& element = after ? elements.front() : elements.back();
      if (element.optional || element.kind == ContextElement::Kind::kSkip) {
        edges.open |= bit;
        continue;
      }
      const auto mark = [&](std::string_view word) {
        WordFacts& facts = FactsEntry(word);
        (after ? facts.starts_rule_after : facts.ends_rule_before) |= bit;
      };
      switch (element.kind) {
        case ContextElement::Kind::kList: {
          const WordTable& edge_words =
              after ? element.list->first_words_ : element.list->last_words_;
          for (size_t k = 0; k < edge_words.size(); ++k) mark(edge_words.word(k));
          edges.listed |= bit;
          break;
        }
        case ContextElement::Kind::kWords:
          for (const std::string& word : element.words) mark(word);
          edges.listed |= bit;
          break;
        case ContextElement::Kind::kNumber:
          edges.number |= bit;
          break;
        case ContextElement::Kind::kCapitalized:
          edges.capitalized |= bit;
          break;
        case ContextElement::Kind::kSkip:
          break;
      }
    }
  }
}

uint64_t EntityPatterns::ContextEdges::MayMatch(const EntityWord& word, bool after) const {
  uint64_t rules = 0;
  if (word.kind == TokenKind::kNumber) rules |= number;
  if (IsCapitalizedWord(word)) rules |= capitalized;
  if (!word.indexed) return rules | listed;  // no facts to rule a list out by
  if (word.facts != nullptr) {
    rules |= after ? word.facts->starts_rule_after : word.facts->ends_rule_before;
  }
  return rules;
}

const PhraseList& EntityPatterns::List(std::string_view name) const {
  static const PhraseList* const kEmpty = new PhraseList();
  const auto it = lists_.find(name);
  return it == lists_.end() ? *kEmpty : it->second;
}

namespace {

using ListMap = std::map<std::string, PhraseList, std::less<>>;

// Sets the list fields of `rule` (name_starts_with, name_ends_with, ...) from `value`.
Status ParseRuleLists(const std::string& where, const json& value, const ListMap& lists,
                      EntityRule* rule) {
  for (const char* field : {"name_starts_with", "name_ends_with", "name_head_before_of",
                            "last_word_ending", "name_excludes"}) {
    if (!value.contains(field)) continue;
    const std::string name = value[field].is_string() ? value[field].get<std::string>() : "";
    const auto list = lists.find(name);
    if (list == lists.end()) {
      return Status::InvalidArgument(where + ": " + field + ": unknown list \"" + name + "\"");
    }
    const std::string_view which(field);
    (which == "name_starts_with"      ? rule->name_starts_with
     : which == "name_ends_with"      ? rule->name_ends_with
     : which == "name_head_before_of" ? rule->name_head_before_of
     : which == "last_word_ending"    ? rule->last_word_ending
                                      : rule->name_excludes) = &list->second;
  }
  return Status::Ok();
}

// Sets the word bounds and the flags of `rule` (min_words, max_words, title_words,
// in_headlines, sentence_initial, names_sides) from `value`.
Status ParseRuleBounds(const std::string& where, const json& value, EntityRule* rule) {
  for (const char* field : {"min_words", "max_words"}) {
    if (!value.contains(field)) continue;
    if (!value[field].is_number_unsigned()) {
      return Status::InvalidArgument(where + ": \"" + field + "\" must be a positive integer");
    }
    (std::string_view(field) == "min_words" ? rule->min_words : rule->max_words) =
        value[field].get<size_t>();
  }
  for (const char* field : {"title_words", "in_headlines", "sentence_initial", "names_sides"}) {
    if (!value.contains(field)) continue;
    if (!value[field].is_boolean()) {
      return Status::InvalidArgument(where + ": \"" + field + "\" must be true or false");
    }
    const std::string_view which(field);
    (which == "title_words"    ? rule->title_words
     : which == "in_headlines" ? rule->in_headlines
     : which == "names_sides"  ? rule->names_sides
                               : rule->sentence_initial) = value[field].get<bool>();
  }
  return Status::Ok();
}

// Sets the conditions of `rule` from `value`: context sequences, lists, bounds and flags.
Status ParseRuleConditions(const std::string& where, const json& value, const ListMap& lists,
                           EntityRule* rule) {
  for (const char* field : {"before", "after"}) {
    if (!value.contains(field)) continue;
    if (!value[field].is_string()) {
      return Status::InvalidArgument(where + ": \"" + field + "\" must be a string");
    }
    StatusOr<std::vector<ContextElement>> elements =
        ParseContext(where + ": " + field, value[field].get<std::string>(), lists);
    if (!elements.ok()) return elements.status();
    (std::string_view(field) == "before" ? rule->before : rule->after) = std::move(*elements);
  }
  NEWSFACTS_RETURN_IF_ERROR(ParseRuleLists(where, value, lists, rule));
  NEWSFACTS_RETURN_IF_ERROR(ParseRuleBounds(where, value, rule));
  if (rule->before.empty() && rule->after.empty() && rule->name_starts_with == nullptr &&
      rule->name_ends_with == nullptr && rule->name_head_before_of == nullptr &&
      rule->last_word_ending == nullptr && !rule->title_words) {
    return Status::InvalidArgument(where +
                                   ": needs at least one of before, after, name_starts_with, "
                                   "name_ends_with, name_head_before_of, last_word_ending, "
                                   "title_words");
  }
  return Status::Ok();
}

// Parses rule number `order` (from 0) of `file`, whose id must differ from those of `rules`.
StatusOr<EntityRule> ParseRule(const RuleSource& file, const json& value, size_t order,
                               const ListMap& lists, const std::vector<EntityRule>& rules) {
  EntityRule rule;
  rule.file = file.path;
  rule.order = order;
  if (!value.is_object() || !value.contains("id") || !value["id"].is_string()) {
    return Status::InvalidArgument(file.path + ": rule #" + std::to_string(rule.order + 1) +
                                   ": needs an \"id\" string");
  }
  rule.id = value["id"].get<std::string>();
  const std::string where = file.path + ": rule " + rule.id;
  for (const EntityRule& existing : rules) {
    if (existing.id == rule.id) {
      return Status::InvalidArgument(where + ": duplicate id (also in " + existing.file + ")");
    }
  }
  const std::string type = value.value("type", "");
  if (!ParseEntityType(type, &rule.type)) {
    return Status::InvalidArgument(where + ": \"type\" must be ORG, PERSON, PRODUCT or LOCATION");
  }
  if (value.contains("priority")) {
    if (!value["priority"].is_number_integer()) {
      return Status::InvalidArgument(where + ": \"priority\" must be an integer");
    }
    rule.priority = value["priority"].get<int>();
  }
  NEWSFACTS_RETURN_IF_ERROR(ParseRuleConditions(where, value, lists, &rule));
  if (value.contains("examples")) {
    if (!value["examples"].is_array()) {
      return Status::InvalidArgument(where + ": \"examples\" must be an array");
    }
    for (const json& item : value["examples"]) {
      StatusOr<RuleExample> example = ParseExample(where, item);
      if (!example.ok()) return example.status();
      rule.examples.push_back(std::move(*example));
    }
  }
  return rule;
}

// Adds the phrases of the "lists" object of `root` to `lists`, extending lists named before.
Status AddLists(const std::string& path, const json& root, ListMap* lists) {
  if (!root.contains("lists")) return Status::Ok();
  if (!root["lists"].is_object()) {
    return Status::InvalidArgument(path + ": \"lists\" must be an object of string arrays");
  }
  for (const auto& [name, phrases] : root["lists"].items()) {
    if (!phrases.is_array()) {
      return Status::InvalidArgument(path + ": list " + name + ": must be an array of strings");
    }
    PhraseList& list = (*lists)[name];
    for (const json& phrase : phrases) {
      if (!phrase.is_string() || Gazetteer::PhraseKey(phrase.get<std::string>()).empty()) {
        return Status::InvalidArgument(path + ": list " + name + ": must hold non-empty strings");
      }
      list.Add(phrase.get<std::string>());
    }
  }
  return Status::Ok();
}

}  // namespace

Status EntityPatterns::AddFile(const RuleSource& file) {
  json root;
  try {
    root = json::parse(file.contents);
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument(file.path + ": not valid JSON: " + e.what());
  }
  NEWSFACTS_RETURN_IF_ERROR(AddLists(file.path, root, &lists_));
  if (!root.contains("rules")) return Status::Ok();
  if (!root["rules"].is_array()) {
    return Status::InvalidArgument(file.path + ": \"rules\" must be an array");
  }
  for (const json& value : root["rules"]) {
    StatusOr<EntityRule> rule = ParseRule(file, value, rules_.size(), lists_, rules_);
    if (!rule.ok()) return rule.status();
    rules_.push_back(std::move(*rule));
  }
  BuildRuleOrder();
  return Status::Ok();
}

void EntityPatterns::BuildRuleOrder() {
  RuleOrder order;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const EntityRule& rule = rules_[r];
    order.by_priority.push_back(r);
    if (rule.order >= kMaskedRules) continue;
    const uint64_t bit = uint64_t{1} << rule.order;
    if (rule.in_headlines) order.in_headlines |= bit;
    if (rule.sentence_initial) order.sentence_initial |= bit;
    for (size_t count = 0; count < RuleOrder::kCountedWords; ++count) {
      if (count >= rule.min_words && (rule.max_words == 0 || count <= rule.max_words)) {
        order.of_word_count[count] |= bit;
      }
    }
  }
  std::stable_sort(order.by_priority.begin(), order.by_priority.end(),
                   [this](size_t a, size_t b) { return rules_[a].priority > rules_[b].priority; });
  rule_order_ = std::move(order);
}

}  // namespace newsfacts
