// Gazetteer loading (native entity lines and spaCy EntityRuler patterns) and phrase tables.
#include "extractors/entities/gazetteer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "extractors/entities/entity_names.h"
#include "pipeline/flat_json_object.h"

namespace newsfacts {
namespace {

using nlohmann::json;

// A parsed gazetteer line: a full entity, or a spaCy pattern naming (or implying) one.
struct ParsedLine {
  GazetteerEntry entry;
  bool is_pattern = false;
  std::string phrase;     // the pattern text, for spaCy lines
  bool any_case = false;  // spaCy LOWER token patterns
};

bool IsValidId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

// Reads an optional string field; false when present but not a string.
bool OptionalString(const json& object, const char* field, std::string* out) {
  if (!object.contains(field)) return true;
  if (!object[field].is_string()) return false;
  *out = object[field].get<std::string>();
  return true;
}

StatusOr<ParsedLine> ParseEntity(const std::string& origin, const json& line) {
  ParsedLine parsed;
  GazetteerEntry& entry = parsed.entry;
  entry.origin = origin;
  if (!line["id"].is_string() || !line.contains("name") || !line["name"].is_string() ||
      !line.contains("type") || !line["type"].is_string()) {
    return Status::InvalidArgument(origin +
                                   ": an entity needs string fields \"id\", \"name\" and \"type\"");
  }
  entry.id = line["id"].get<std::string>();
  entry.name = line["name"].get<std::string>();
  if (!IsValidId(entry.id)) {
    return Status::InvalidArgument(origin + ": id \"" + entry.id +
                                   "\" must be lowercase letters, digits and hyphens");
  }
  if (Gazetteer::PhraseKey(entry.name).empty()) {
    return Status::InvalidArgument(origin + ": entity \"" + entry.id + "\" has an empty name");
  }
  const std::string type = line["type"].get<std::string>();
  if (!ParseEntityType(type, &entry.type)) {
    return Status::InvalidArgument(origin + ": unknown type \"" + type +
                                   "\"; use ORG, PERSON, PRODUCT or LOCATION");
  }
  if (!OptionalString(line, "parent", &entry.parent)) {
    return Status::InvalidArgument(origin + ": \"parent\" must be a string id");
  }
  if (line.contains("aliases")) {
    if (!line["aliases"].is_array()) {
      return Status::InvalidArgument(origin + ": \"aliases\" must be an array of strings");
    }
    for (const json& alias : line["aliases"]) {
      if (!alias.is_string() || Gazetteer::PhraseKey(alias.get<std::string>()).empty()) {
        return Status::InvalidArgument(origin + ": \"aliases\" must hold non-empty strings");
      }
      entry.aliases.push_back(alias.get<std::string>());
    }
  }
  if (line.contains("ambiguous")) {
    if (!line["ambiguous"].is_boolean()) {
      return Status::InvalidArgument(origin + ": \"ambiguous\" must be true or false");
    }
    entry.ambiguous = line["ambiguous"].get<bool>();
  }
  if (line.contains("nation")) {
    if (!line["nation"].is_boolean()) {
      return Status::InvalidArgument(origin + ": \"nation\" must be true or false");
    }
    entry.nation = line["nation"].get<bool>();
  }
  return parsed;
}

StatusOr<ParsedLine> ParsePattern(const std::string& origin, const json& line) {
  ParsedLine parsed;
  parsed.is_pattern = true;
  GazetteerEntry& entry = parsed.entry;
  entry.origin = origin;
  const std::string label = line["label"].is_string() ? line["label"].get<std::string>() : "";
  if (!ParseEntityType(label, &entry.type)) {
    return Status::InvalidArgument(origin + ": unsupported label \"" + label +
                                   "\"; use ORG, PERSON/PER, PRODUCT or GPE/LOC");
  }
  const json& pattern = line["pattern"];
  if (pattern.is_string()) {
    parsed.phrase = pattern.get<std::string>();
  } else if (pattern.is_array() && !pattern.empty()) {
    for (const json& token : pattern) {
      if (!token.is_object() || token.size() != 1) {
        return Status::InvalidArgument(origin +
                                       ": each token pattern must be an object with one attribute");
      }
      // Not a structured binding of *token.items().begin(): that proxy dies with the
      // statement (ASan: stack-use-after-scope, issue 15).
      const std::string attribute = token.begin().key();
      const json& value = token.begin().value();
      if ((attribute != "LOWER" && attribute != "TEXT" && attribute != "ORTH") ||
          !value.is_string()) {
        return Status::InvalidArgument(origin + ": token attribute \"" + attribute +
                                       "\" is not supported; use LOWER, TEXT or ORTH with a "
                                       "string value, or a phrase pattern");
      }
      if (!parsed.phrase.empty()) parsed.phrase += ' ';
      parsed.phrase += value.get<std::string>();
      if (attribute == "LOWER") parsed.any_case = true;
    }
  } else {
    return Status::InvalidArgument(origin +
                                   ": \"pattern\" must be a string or a non-empty token list");
  }
  if (Gazetteer::PhraseKey(parsed.phrase).empty()) {
    return Status::InvalidArgument(origin + ": empty pattern");
  }
  entry.name = Gazetteer::PhraseKey(parsed.phrase);
  if (!OptionalString(line, "id", &entry.id)) {
    return Status::InvalidArgument(origin + ": \"id\" must be a string");
  }
  if (entry.id.empty()) entry.id = CanonicalKey(parsed.phrase);
  if (entry.id.empty()) {
    return Status::InvalidArgument(origin + ": pattern has no letter or digit to build an id");
  }
  return parsed;
}

StatusOr<ParsedLine> ParseLine(const std::string& origin, std::string_view text) {
  // An entity line is flat: read without nlohmann's parser, which took a third of building the
  // entity stage, before the first article could start (issue 16: 28.6M of 85.6M instructions;
  // 15.7M so). nlohmann reads a spaCy pattern line and gives a broken line its error message.
  std::optional<json> flat = ParseFlatJsonObject(text);
  json line;
  if (flat) {
    line = std::move(*flat);
  } else {
    try {
      line = json::parse(text);
    } catch (const json::parse_error& e) {
      return Status::InvalidArgument(origin + ": not valid JSON: " + e.what());
    }
  }
  if (!line.is_object()) return Status::InvalidArgument(origin + ": a line must be a JSON object");
  if (line.contains("pattern") && line.contains("label")) return ParsePattern(origin, line);
  if (line.contains("id")) return ParseEntity(origin, line);
  return Status::InvalidArgument(
      origin +
      ": expected an entity {\"id\",\"name\",\"type\",...} or a spaCy pattern "
      "{\"label\",\"pattern\"}");
}

// Counts words the way a tokenizer may split `phrase`, erring on the high side: every run
// of letters and digits is one word, every other visible character is one more.
size_t CountWords(std::string_view phrase) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : phrase) {
    const auto u = static_cast<unsigned char>(c);
    const bool word_char = std::isalnum(u) || u >= 0x80;
    if (word_char) {
      if (!in_word) ++words;
      in_word = true;
      continue;
    }
    in_word = false;
    if (c != ' ') ++words;
  }
  return words;
}

}  // namespace

bool ParseEntityType(std::string_view label, EntityType* type) {
  if (label == "ORG") {
    *type = EntityType::kOrg;
  } else if (label == "PERSON" || label == "PER") {
    *type = EntityType::kPerson;
  } else if (label == "PRODUCT") {
    *type = EntityType::kProduct;
  } else if (label == "LOCATION" || label == "LOC" || label == "GPE") {
    *type = EntityType::kLocation;
  } else {
    return false;
  }
  return true;
}

std::string Gazetteer::PhraseKey(std::string_view phrase) {
  std::string key;
  bool gap = false;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const char c = phrase[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      gap = true;
      continue;
    }
    if (gap && !key.empty()) key += ' ';
    gap = false;
    if (phrase.substr(i, 3) == "\xE2\x80\x99") {  // U+2019 RIGHT SINGLE QUOTATION MARK
      key += '\'';
      i += 2;
      continue;
    }
    key += c;
  }
  return key;
}

void Gazetteer::AddPhrase(std::string_view phrase, size_t entry, bool any_case) {
  const std::string key = PhraseKey(phrase);
  if (key.empty()) return;
  const std::string folded = FoldCase(key);
  const GazetteerPhrase value{entry, any_case};
  const auto add = [&](PhraseMap& map, const std::string& k) {
    std::vector<GazetteerPhrase>& list = map[k];
    for (const GazetteerPhrase& existing : list) {
      if (existing.entry == entry) return;
    }
    list.push_back(value);
  };
  if (!any_case) add(exact_, key);
  add(folded_, folded);
  const size_t words = CountWords(key);
  size_t& folded_max = max_words_by_folded_first_[FirstWordOf(folded)];
  folded_max = std::max(folded_max, words);
  // any_case phrases are found through the folded table; the exact one keys by the case a
  // word must have, so a lowercase "the" never tries "The Walt Disney Company".
  size_t& exact_max = max_words_by_first_[any_case ? FirstWordOf(folded) : FirstWordOf(key)];
  exact_max = std::max(exact_max, words);
}

Status Gazetteer::AddFile(const RuleSource& file) {
  std::istringstream lines(file.contents);
  std::string text;
  size_t line_no = 0;
  while (std::getline(lines, text)) {
    ++line_no;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string origin = file.path + ":" + std::to_string(line_no);
    StatusOr<ParsedLine> parsed = ParseLine(origin, text);
    if (!parsed.ok()) return parsed.status();
    GazetteerEntry& entry = parsed->entry;
    const auto known = by_id_.find(entry.id);
    if (parsed->is_pattern && known != by_id_.end()) {
      GazetteerEntry& existing = entries_[known->second];
      if (existing.type != entry.type) {
        return Status::InvalidArgument(
            origin + ": id \"" + entry.id + "\" is " + std::string(EntityTypeName(existing.type)) +
            " at " + existing.origin + ", not " + std::string(EntityTypeName(entry.type)));
      }
      if (parsed->phrase != existing.name &&
          std::find(existing.aliases.begin(), existing.aliases.end(), parsed->phrase) ==
              existing.aliases.end()) {
        existing.aliases.push_back(parsed->phrase);
      }
      AddPhrase(parsed->phrase, known->second, parsed->any_case);
      continue;
    }
    if (known != by_id_.end()) {
      return Status::InvalidArgument(origin + ": duplicate id \"" + entry.id +
                                     "\" (first defined at " + entries_[known->second].origin +
                                     ")");
    }
    const size_t index = entries_.size();
    by_id_.emplace(entry.id, index);
    AddPhrase(entry.name, index, parsed->any_case);
    for (const std::string& alias : entry.aliases) AddPhrase(alias, index, false);
    entry.rule = "gazetteer:" + entry.id;
    entries_.push_back(std::move(entry));
  }
  return Status::Ok();
}

const std::vector<GazetteerPhrase>* Gazetteer::FindExact(std::string_view key) const {
  return exact_.Find(key);
}

const std::vector<GazetteerPhrase>* Gazetteer::FindFolded(std::string_view folded_key) const {
  return folded_.Find(folded_key);
}

size_t Gazetteer::MaxWordsStartingWith(std::string_view word, bool case_blind) const {
  const size_t* max_words =
      (case_blind ? max_words_by_folded_first_ : max_words_by_first_).Find(word);
  return max_words == nullptr ? 0 : *max_words;
}

const GazetteerEntry* Gazetteer::FindById(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

}  // namespace newsfacts
