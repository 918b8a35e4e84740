// The entity stage's shared per-document view: the words of every sentence (tokens with
// possessive endings split off), how each sentence is cased, which words a mention already
// covers, and the candidate mentions the passes find, type and link.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/entities/entity_patterns.h"
#include "extractors/entities/gazetteer.h"
#include "extractors/entities/text_arena.h"
#include "pipeline/document.h"

namespace newsfacts {

// Priority of a gazetteer match in the overlap policy (rules have their own).
inline constexpr int kGazetteerPriority = 100;

// How a sentence is cased: ordinary prose, a Title Case headline, or ALL CAPS (wire
// headlines such as "TECH FIRM BUYS RIVAL") or all lowercase ("tech firm buys rival"), where
// the case says nothing about names; kUpper stands for both.
enum class SentenceMode { kNormal, kTitle, kUpper };

// The words of one sentence in the view.
struct SentenceWords {
  size_t begin = 0;       // first word index
  size_t end = 0;         // one past the last word
  size_t first_word = 0;  // index of the first letter or digit word (sentence-initial)
  SentenceMode mode = SentenceMode::kNormal;
};

// A candidate mention over words [begin, end) of one sentence.
struct Candidate {
  size_t sentence = 0;
  size_t begin = 0;
  size_t end = 0;
  size_t name_end = 0;    // end of the name proper, before trailing designators
  size_t full_begin = 0;  // begin before a sentence-initial word was dropped
  bool typed = false;
  EntityType type = EntityType::kOrg;
  int priority = 0;
  size_t order = 0;
  // The id of the rule that typed it: a view of a string literal or of the rules' own
  // strings (EntityRule::id, GazetteerEntry::rule), which outlive every view; no candidate
  // copies or allocates one.
  std::string_view rule;
  std::optional<size_t> entry;  // gazetteer entry
  bool provisional = false;     // ambiguous gazetteer word still waiting for evidence
  bool glued = false;           // ambiguous word glued to another capitalized word
  bool common_noun = false;     // ambiguous word of a lowercase phrase ("Apple Orchard")
  std::optional<size_t> link;   // candidate whose entity this one is a short form of
  bool side = false;            // typed by a `names_sides` rule: a sports side
};

// The rules every entity pass reads: the gazetteer, the patterns and the named word lists
// of the patterns the passes consult themselves (see FORMAT.md). A bundle of pointers into
// an EntityStage's rules, immutable: safe to share between threads.
struct PassRules {
  // Points the lists at `patterns` (an empty list for each name no file defines).
  static PassRules Of(const Gazetteer& gazetteer, const EntityPatterns& patterns);

  const Gazetteer* gazetteer;
  const EntityPatterns* patterns;
  const PhraseList* designators;
  const PhraseList* connectors;
  const PhraseList* of_heads;
  const PhraseList* titles;
  const PhraseList* roles;
  const PhraseList* stop_words;
  const PhraseList* function_words;
  const PhraseList* first_names;
  const PhraseList* evidence_after;
  const PhraseList* name_adjectives;
  const PhraseList* org_words;
  const PhraseList* headline_words;
  const PhraseList* institution_nouns;
  const PhraseList* currency_signs;
  const PhraseList* lowercase_designators;
  const PhraseList* name_openers;
  const PhraseList* singular_verbs;
  const PhraseList* place_name_openers;
  const PhraseList* and_words;         // "and", which joins names only in some contexts
  const PhraseList* of_words;          // "of", a connector only after an `of_heads` word
  const PhraseList* headline_verbs;    // verbs that end a name in a Title Case line ("Acquires")
  const PhraseList* descriptor_nouns;  // what kind of business: "startup", "Maker"
  const PhraseList* funding_words;     // "Series", "Seed": no untyped run holding one is a name
  const PhraseList* sports_words;      // "innings", "striker": words of sports reports
};

// Facts of a capitalized word's folded form across the article (WordView::HasFact).
inline constexpr uint8_t kLowerSeen = 1;        // also written in lowercase
inline constexpr uint8_t kBareCapitalized = 2;  // capitalized somewhere without a possessive

// The words of one document as every entity pass sees them, and the candidates the passes
// build over them. Built once per document by BuildWordView; `words`, `sentences` and the
// cased facts are then read-only, while passes write `covered` and `candidates` in turn.
// Not thread-safe: one Process call owns it.
struct WordView {
  // True when the capitalized word `i` has `fact` (kLowerSeen, kBareCapitalized).
  bool HasFact(size_t i, uint8_t fact) const {
    return cased_id[i] != WordTable::kNotFound && (cased_facts[cased_id[i]] & fact) != 0;
  }
  const SentenceWords& SentenceOf(const Candidate& c) const { return sentences[c.sentence]; }
  // The number of letter or digit words in [begin, end).
  size_t WordCount(size_t begin, size_t end) const;
  // True when a word of [begin, end) is in `list`.
  bool AnyWordIn(const PhraseList& list, size_t begin, size_t end) const;

  std::vector<EntityWord> words;
  // The words' texts that are no bytes of the document (keys of tokens holding whitespace or
  // U+2019, folded forms of cased words), which their `text` and `folded` view.
  TextArena arena;
  std::vector<SentenceWords> sentences;
  std::vector<bool> covered;  // per word: inside a gazetteer or propagated mention
  // Per word: the words of the longest `roles` or `titles` phrase starting there within its
  // sentence, or 0; asked for every word a name might hold (NameWords::InRoleOrTitle).
  std::vector<size_t> role_or_title_words;
  std::vector<size_t> cased_id;       // per capitalized word: its form; else kNotFound
  std::vector<uint8_t> cased_facts;   // per form (EntityWord::form): kLowerSeen, ...
  std::vector<Candidate> candidates;  // in the order the passes add them
  // The article reads as a sports report: it holds a `sports_words` word. Only there do
  // `names_sides` rules type sides ("Halo 2 for the Xbox" names no team).
  bool sports_report = false;
};

// Returns the view of `doc` (segmented: sentences and tokens): its words indexed against the
// rules' word lists, each sentence's mode, no word covered and no candidate yet. Title Case
// counts as a headline only in the lines that open the article.
WordView BuildWordView(const Document& doc, const PassRules& rules);

// Types `c` as the candidate `source` of `view`, under rule id `rule`: `c` shares the
// source's gazetteer entry and long form when both have the same words.
void Adopt(const WordView& view, Candidate& c, size_t source, std::string_view rule);

}  // namespace newsfacts
