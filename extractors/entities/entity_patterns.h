// Entity patterns: the word lists and context rules of "entity_patterns" rule files, compiled
// for the entity stage, and the word view of a document those rules match over.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractors/entities/entity_names.h"
#include "extractors/entities/word_table.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace newsfacts {

class Gazetteer;

// What the lists and the gazetteer hold about one case-folded word, looked up once per word
// of a document so that list and gazetteer probes that cannot match cost no hashing.
struct WordFacts {
  uint64_t starts = 0;         // bit i: a phrase of list i starts with this word
  uint64_t ends = 0;           // bit i: a phrase of list i ends with this word
  uint64_t is = 0;             // bit i: the word alone is a phrase of list i
  size_t gazetteer_words = 0;  // most words of a gazetteer phrase starting with it, any case
  // The same for phrases that may start with the word written in lowercase (any_case phrases
  // and exact ones written in lowercase): MaxWordsStartingWith(word, false).
  size_t gazetteer_lower_words = 0;
  // Bit r: the context of rule r may end right before a name with this word (its `before`
  // ends with a list or word alternatives that may end with it), or start right after one.
  uint64_t ends_rule_before = 0;
  uint64_t starts_rule_after = 0;
};

// A word as the entity stage sees it: one token, except that a possessive ending ("'s",
// "’s", or "'" after a final s) is split into its own word.
// `text` and `folded` view the document's text or the arena of the WordView that holds the
// word, so a word costs no allocation of its own.
struct EntityWord {
  // The KeyHash part of `folded`, to hash phrase keys that hold the word.
  KeyHash::Part FoldedPart() const { return {folded_poly, folded.size()}; }

  Span span;
  std::string_view text;     // the bytes, with U+2019 written as "'"
  std::string_view folded;   // FoldCase(text)
  uint64_t folded_poly = 0;  // KeyHash::PartOf(folded).poly
  // Index of `folded` among the distinct folded forms of the view: equal forms, equal ids.
  uint32_t form = 0;
  WordShape shape = WordShape::kUncased;
  TokenKind kind = TokenKind::kWord;
  bool possessive = false;    // the split-off "'s" or "'"
  bool space_before = false;  // a gap separates it from the previous word
  // True once `facts` was looked up in the word index (nullptr: nothing known).
  bool indexed = false;
  const WordFacts* facts = nullptr;
};

// Returns the case-folded lookup key of words [begin, end): folded texts joined by " " where
// the text has a gap, as Gazetteer::PhraseKey builds keys from phrases.
std::string FoldedKey(const std::vector<EntityWord>& words, size_t begin, size_t end);
// KeyHash::Of(FoldedKey(words, begin, end)), without building the key.
uint64_t FoldedKeyHash(const std::vector<EntityWord>& words, size_t begin, size_t end);

// True when `key` equals the key of words [begin, end) that FoldedKey builds from folded
// texts, here from the texts `text_of(word)` picks, without building it.
template <typename TextOf>
bool IsKeyOfWords(std::string_view key, const std::vector<EntityWord>& words, size_t begin,
                  size_t end, const TextOf& text_of) {
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && words[i].space_before) {
      if (key.empty() || key.front() != ' ') return false;
      key.remove_prefix(1);
    }
    const std::string_view text = text_of(words[i]);
    if (key.size() < text.size() || !SameBytes(key.substr(0, text.size()), text)) return false;
    key.remove_prefix(text.size());
  }
  return key.empty();
}

// A set of phrases of one or more words, compared case-insensitively. Immutable once built.
class PhraseList {
 public:
  void Add(std::string_view phrase);
  // Word count of the longest phrase matching words [begin, ...) without passing `limit`,
  // or 0 when none does.
  size_t MatchAt(const std::vector<EntityWord>& words, size_t begin, size_t limit) const {
    if (begin >= limit || !MayStartWith(words[begin])) return 0;
    return LongestAt(words, begin, limit);
  }
  // Word count of the longest phrase matching words [..., end) without going below
  // `limit`, or 0 when none does.
  size_t MatchEndingAt(const std::vector<EntityWord>& words, size_t end, size_t limit) const {
    if (end <= limit || !MayEndWith(words[end - 1])) return 0;
    return LongestEndingAt(words, end, limit);
  }
  // True when words [begin, end) are one phrase of the list.
  bool ContainsWords(const std::vector<EntityWord>& words, size_t begin, size_t end) const;
  bool Contains(std::string_view folded_key) const {
    return phrases_.Find(folded_key) != WordTable::kNotFound;
  }
  // True when the one word `word` is a phrase of the list (Contains of its folded text).
  bool ContainsWord(const EntityWord& word) const {
    if (word.indexed && Bit() != 0) return word.facts != nullptr && (word.facts->is & Bit()) != 0;
    return Contains(word.folded);
  }
  // False when no phrase of the list starts (ends) with `word`, by a bit test or one probe;
  // true when one may.
  bool MayStartWith(const EntityWord& word) const {
    if (word.indexed && Bit() != 0) {
      return word.facts != nullptr && (word.facts->starts & Bit()) != 0;
    }
    return first_words_.Find(word.folded) != WordTable::kNotFound;
  }
  // MayStartWith(word) || other.MayStartWith(word), by one bit test when both lists have a
  // bit.
  bool EitherMayStartWith(const PhraseList& other, const EntityWord& word) const {
    if (word.indexed && Bit() != 0 && other.Bit() != 0) {
      return word.facts != nullptr && (word.facts->starts & (Bit() | other.Bit())) != 0;
    }
    return MayStartWith(word) || other.MayStartWith(word);
  }
  bool MayEndWith(const EntityWord& word) const {
    if (word.indexed && Bit() != 0) return word.facts != nullptr && (word.facts->ends & Bit()) != 0;
    return last_words_.Find(word.folded) != WordTable::kNotFound;
  }
  size_t size() const { return phrases_.size(); }
  // The bit of this list in WordFacts, or 0 when the list has none (past 64 lists).
  uint64_t Bit() const { return bit_; }

 private:
  friend class EntityPatterns;

  static constexpr size_t kMaxProbeWords = 16;  // longer phrases are never probed

  // MatchAt and MatchEndingAt once the word at the edge may be part of a phrase.
  size_t LongestAt(const std::vector<EntityWord>& words, size_t begin, size_t limit) const;
  size_t LongestEndingAt(const std::vector<EntityWord>& words, size_t end, size_t limit) const;

  WordTable phrases_;
  WordTable first_words_;  // FirstWordOf each phrase, to reject fast
  WordTable last_words_;
  size_t max_words_ = 0;
  uint64_t bit_ = 0;  // 1 << its position among the lists of EntityPatterns, below 64
};

// One element of a context sequence (see FORMAT.md: "@list", "a|an", "#", "^", "*3", "x?").
struct ContextElement {
  enum class Kind { kList, kWords, kNumber, kCapitalized, kSkip };
  Kind kind = Kind::kWords;
  const PhraseList* list = nullptr;  // kList
  std::vector<std::string> words;    // kWords: case-folded alternatives
  size_t max_skip = 0;               // kSkip: up to this many lowercase words
  bool optional = false;
};

// What an embedded example expects of one mention.
struct ExpectedMention {
  std::string text;                // the mention's exact surface
  std::optional<EntityType> type;  // when given, the mention's type
  std::string key;                 // when non-empty, the canonical key of its entity
};

// An example sentence a rule file embeds; run by EntityStage::CheckExamples.
struct RuleExample {
  std::string text;
  std::vector<ExpectedMention> expect;  // mentions that must be found
  std::vector<std::string> absent;      // surfaces that must not be (part of) any mention
};

// A rule that types a capitalized name from its own words and the words around it.
struct EntityRule {
  std::string id;
  std::string file;
  EntityType type = EntityType::kOrg;
  int priority = 0;
  size_t order = 0;                    // position among all rules, for ties
  std::vector<ContextElement> before;  // must end right before the name
  std::vector<ContextElement> after;   // must start right after the name
  const PhraseList* name_starts_with = nullptr;
  const PhraseList* name_ends_with = nullptr;
  const PhraseList* name_head_before_of = nullptr;  // a phrase of it stands before "of" in the name
  const PhraseList* last_word_ending = nullptr;     // the name's last word ends with one of these
  const PhraseList* name_excludes = nullptr;        // no word of the name may be in this list
  size_t min_words = 1;                             // name length bounds, in words
  size_t max_words = 0;                             // 0: unbounded
  bool sentence_initial = false;                    // may type one word that starts a sentence
  bool title_words = false;                         // every word is Capitalized ("Nasser Hussain")
  bool in_headlines = false;                        // also types runs in Title Case headlines
  bool names_sides = false;  // names a sports side: also retypes a place that is no nation
  std::vector<RuleExample> examples;
};

// What the typing pass needs of the rules as a whole, the same for every document: built
// once with the rules (EntityPatterns::rule_order), not per document.
struct RuleOrder {
  // Names of `kCountedWords` words or more are never ruled out by their word count.
  static constexpr size_t kCountedWords = 16;
  // Indexes into EntityPatterns::rules(), by priority (highest first), then in file order.
  std::vector<size_t> by_priority;
  // Rule bits (as EntityPatterns::RulesMayMatchAround): `in_headlines` rules, rules that may
  // type a single initial word, and the rules whose bounds admit a name of n words.
  uint64_t in_headlines = 0;
  uint64_t sentence_initial = 0;
  std::array<uint64_t, kCountedWords> of_word_count{};
};

// Word lists and rules from every "entity_patterns" file, in load order. Build with
// AddFile, then read-only: const methods are safe from many threads at once.
class EntityPatterns {
 public:
  // Adds the lists and rules of one file (format in extractors/rules/FORMAT.md). A list
  // named again extends the earlier one. Returns InvalidArgument naming the file and the
  // list or rule id: unknown field values, a reference to an unknown list, a bad context
  // element, a duplicate rule id, a malformed example.
  Status AddFile(const RuleSource& file);

  // The list called `name`; an empty list when no file defines it.
  const PhraseList& List(std::string_view name) const;
  const std::vector<EntityRule>& rules() const { return rules_; }
  const RuleOrder& rule_order() const { return rule_order_; }

  // Builds the word index of every list and of `gazetteer`; call once after the last
  // AddFile. Without it, list probes hash every word.
  void BuildWordIndex(const Gazetteer& gazetteer);
  // True once BuildWordIndex has indexed a word: words then take their `facts` from FactsOf.
  bool HasWordIndex() const { return !word_facts_.empty(); }
  // What the word index holds about the folded form `folded` of hash `hash` (KeyHash::Of),
  // or nullptr when nothing.
  const WordFacts* FactsOf(std::string_view folded, uint64_t hash) const {
    const size_t at = facts_index_.Find(folded, hash);
    return at == WordTable::kNotFound ? nullptr : &word_facts_[at];
  }
  // The same for a folded form that has a ShortWordIds key (ShortWordIds::KeyOf), by the key:
  // no hash, a bit of the filter tested, then one integer compared.
  const WordFacts* ShortFactsOf(uint64_t key) const {
    const uint64_t bit = ShortFactsFilterBit(key);
    if ((short_facts_filter_[bit / 64] >> (bit % 64) & 1) == 0) return nullptr;
    const uint32_t at = short_facts_index_.Find(key);
    return at == ShortWordIds::kNotFound ? nullptr : &word_facts_[at];
  }

  // Rules up to this many have a bit in RulesMayMatchAround; later ones are never ruled out.
  static constexpr size_t kMaskedRules = 64;
  // Bit r set for rules()[r] (r < kMaskedRules) unless its `before` or `after` context is
  // sure not to match around words [begin, end) of a sentence of words [sentence_begin,
  // sentence_end), by the one word next to the name: MayMatchBefore and MayMatchAfter of
  // every rule at once.
  uint64_t RulesMayMatchAround(const std::vector<EntityWord>& words, size_t begin, size_t end,
                               size_t sentence_begin, size_t sentence_end) const {
    const uint64_t before =
        begin > sentence_begin ? before_edges_.MayMatch(words[begin - 1], false) : 0;
    const uint64_t after = end < sentence_end ? after_edges_.MayMatch(words[end], true) : 0;
    return (before_edges_.open | before) & (after_edges_.open | after);
  }

  // True when `elements` match the words right after position `begin` (going forward,
  // never past `limit`), or right before `end` (going backward, never below `limit`).
  static bool MatchAfter(const std::vector<ContextElement>& elements,
                         const std::vector<EntityWord>& words, size_t begin, size_t limit);
  static bool MatchBefore(const std::vector<ContextElement>& elements,
                          const std::vector<EntityWord>& words, size_t end, size_t limit);
  // Necessary conditions of MatchAfter and MatchBefore, one test each: the word next to the
  // name fits the element next to it (or that element may match no word at all). False: the
  // context cannot match; true: it may.
  static bool MayMatchAfter(const std::vector<ContextElement>& elements,
                            const std::vector<EntityWord>& words, size_t begin, size_t limit);
  static bool MayMatchBefore(const std::vector<ContextElement>& elements,
                             const std::vector<EntityWord>& words, size_t end, size_t limit);

 private:
  std::map<std::string, PhraseList, std::less<>> lists_;
  std::vector<EntityRule> rules_;
  RuleOrder rule_order_;  // of rules_, rebuilt by AddFile
  // Sets rule_order_ from rules_.
  void BuildRuleOrder();
  WordTable facts_index_;  // word -> index into word_facts_
  // The words of facts_index_ that have a ShortWordIds key, by it.
  ShortWordIds short_facts_index_;
  // Bit ShortFactsFilterBit(key) set for each key of short_facts_index_. Most words of a
  // document are in no list: 8 KB of bits, which stay in the first-level cache, say so for
  // most of them without a probe of the index's slots, which do not (issue 16).
  static constexpr unsigned kShortFactsFilterBits = 16;
  static uint64_t ShortFactsFilterBit(uint64_t key) {
    return (key * 0xff51afd7ed558ccdull) >> (64 - kShortFactsFilterBits);
  }
  std::vector<uint64_t> short_facts_filter_ =
      std::vector<uint64_t>(size_t{1} << (kShortFactsFilterBits - 6), 0);
  std::vector<WordFacts> word_facts_;
  // The facts of `word` in the word index, added empty when new.
  WordFacts& FactsEntry(std::string_view word);

  // The rules (bit r: rule r) by the element of a context next to the name: the last of
  // `before` or the first of `after`.
  struct ContextEdges {
    // The rules whose element matches `word` or may (a list or word alternatives, by the
    // word's facts: `after` picks WordFacts::starts_rule_after, else ends_rule_before).
    uint64_t MayMatch(const EntityWord& word, bool after) const;

    uint64_t open = 0;         // no context, or its element is optional or a skip
    uint64_t number = 0;       // a number ("#")
    uint64_t capitalized = 0;  // a capitalized word ("^")
    uint64_t listed = 0;       // a list or word alternatives
  };
  // Sets the edges of every rule's contexts and the facts of the words they may start or end
  // with (WordFacts::ends_rule_before, starts_rule_after).
  void BuildContextEdges();

  ContextEdges before_edges_;
  ContextEdges after_edges_;
};

}  // namespace newsfacts
