// Gazetteer: the known entities (canonical id, name, type, parent, aliases) loaded from JSONL
// rule files, and the phrase tables the entity stage looks token sequences up in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/entities/entity_names.h"
#include "extractors/entities/word_table.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace newsfacts {

// One known entity.
struct GazetteerEntry {
  std::string id;    // canonical key, e.g. "amazon-web-services"
  std::string name;  // canonical display name, e.g. "Amazon Web Services"
  EntityType type = EntityType::kOrg;
  std::string parent;                // parent id, e.g. "amazon"; empty when none
  std::vector<std::string> aliases;  // other ways to write it, e.g. "AWS"
  bool ambiguous = false;            // also a common word ("Apple", "Meta"): needs evidence
  bool nation = false;               // a country or UK nation: its national side stays a place
  std::string origin;                // "file:line" of the line that defined it
  std::string rule;  // "gazetteer:" + id: the rule of the mentions it types, built once
};

// One way an entry is written: the entry and whether any letter case matches (spaCy LOWER
// token patterns); other phrases match in their exact case only.
struct GazetteerPhrase {
  size_t entry = 0;  // index into entries()
  bool any_case = false;
};

// Entries and their phrases, keyed by PhraseKey. Build with AddFile, then read-only: const
// methods are safe to call from many threads at once.
class Gazetteer {
 public:
  // Adds every line of a gazetteer file. A line is either an entity
  //   {"id":"aws","name":"Amazon Web Services","type":"ORG","aliases":["AWS"],
  //    "parent":"amazon","ambiguous":false}
  // or a spaCy EntityRuler pattern {"label":"ORG","pattern":"Acme","id":"acme"}, whose
  // pattern may also be a token list using only LOWER, TEXT or ORTH string attributes; a
  // pattern whose id is already known adds an alias to that entry. Returns InvalidArgument
  // "path:line: what is wrong" for a malformed line, an unknown type or label, or an entity
  // id defined twice.
  Status AddFile(const RuleSource& file);

  // Entries written exactly as `key` (a PhraseKey); nullptr when none.
  const std::vector<GazetteerPhrase>* FindExact(std::string_view key) const;
  // Entries whose phrase, case-folded, equals `folded_key`; nullptr when none.
  const std::vector<GazetteerPhrase>* FindFolded(std::string_view folded_key) const;
  // FindExact and FindFolded of a key never built as a string: `hash` is its KeyHash and
  // `is_key(stored)` tells whether a stored key of that hash is it.
  template <typename IsKey>
  const std::vector<GazetteerPhrase>* FindExactIf(uint64_t hash, const IsKey& is_key) const {
    return exact_.FindIf(hash, is_key);
  }
  template <typename IsKey>
  const std::vector<GazetteerPhrase>* FindFoldedIf(uint64_t hash, const IsKey& is_key) const {
    return folded_.FindIf(hash, is_key);
  }
  // The most words a phrase starting with `word` can span, or 0 when no phrase starts with
  // it. Exact-case phrases are compared in their case; with `case_blind`, `word` must be
  // case-folded and every phrase counts. Used to skip lookups that cannot succeed.
  size_t MaxWordsStartingWith(std::string_view word, bool case_blind) const;

  // Every case-folded first word of a phrase, with the most words such a phrase spans.
  const WordMap<size_t>& MaxWordsByFoldedFirst() const { return max_words_by_folded_first_; }
  // Every first word as MaxWordsStartingWith(word, false) knows it, with its most words.
  const WordMap<size_t>& MaxWordsByFirst() const { return max_words_by_first_; }

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  // The entry with canonical id `id`, or nullptr.
  const GazetteerEntry* FindById(std::string_view id) const;

  // Returns the lookup key of a phrase: whitespace runs become one space, the ends are
  // trimmed and the typographic apostrophe U+2019 becomes "'". Text-side keys are built the
  // same way from words (joined by " " where the text has a gap).
  static std::string PhraseKey(std::string_view phrase);

 private:
  using StringHash = TransparentStringHash;
  using PhraseMap = WordMap<std::vector<GazetteerPhrase>>;

  void AddPhrase(std::string_view phrase, size_t entry, bool any_case);

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> by_id_;
  PhraseMap exact_;
  PhraseMap folded_;
  WordMap<size_t> max_words_by_first_;
  WordMap<size_t> max_words_by_folded_first_;
};

// Parses "ORG", "PERSON" (or "PER"), "PRODUCT", "LOCATION" (or "LOC", "GPE"); false when
// `label` is none of these.
bool ParseEntityType(std::string_view label, EntityType* type);

}  // namespace newsfacts
