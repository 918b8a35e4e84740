// A quick reader for the common JSON record: one object whose values are all strings,
// numbers, booleans or null. nlohmann's parser reads a character at a time and was most of
// the cost of reading a JSON Lines record (issue 16); this one copies strings in runs.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace newsfacts::corpus_internal {

// Returns what nlohmann::json::parse(text) returns when `text` is one JSON object, between
// optional whitespace, whose member values are all strings, numbers, true, false or null;
// nullopt for anything else (a nested array or object, a syntax error, invalid UTF-8, a
// number out of range), which the caller gives to nlohmann::json::parse for its value or
// its error message. A key given twice keeps its last value, as nlohmann's does.
std::optional<nlohmann::json> ParseFlatJsonObject(std::string_view text);

}  // namespace newsfacts::corpus_internal
