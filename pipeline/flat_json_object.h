// A quick reader for the common JSON record: one object whose values are all strings,
// numbers, booleans or null, or arrays of those. nlohmann's parser reads a character at a time
// and was most of the cost of reading a JSON Lines record, and of the gazetteer's lines before
// the first article could start (issue 16); this one copies strings in runs.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace newsfacts {

// Returns what nlohmann::json::parse(text) returns when `text` is one JSON object, between
// optional whitespace, whose member values are all strings, numbers, true, false or null, or
// arrays of such values; nullopt for anything else (an object as a value, an array inside an
// array, a syntax error, invalid UTF-8, a number out of range), which the caller gives to
// nlohmann::json::parse for its value or its error message. A key given twice keeps its last
// value, as nlohmann's does.
std::optional<nlohmann::json> ParseFlatJsonObject(std::string_view text);

}  // namespace newsfacts
