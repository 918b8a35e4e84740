// Reading rule files: typed fields with errors that say which field is wrong, unknown-key
// checks, and a guard that turns any JSON exception into an error naming the file.
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/status.h"

namespace newsfacts {

using Json = nlohmann::json;

// InvalidArgument naming the first key of `object` not in `allowed` and `what` it is in
// ("a match example"), and listing the allowed keys.
Status CheckKeys(const Json& object, std::initializer_list<std::string_view> allowed,
                 std::string_view what);

// Reads an optional string field into `out`; InvalidArgument when present but not a string.
Status ReadString(const Json& object, const char* field, std::string* out);
Status ReadOptionalString(const Json& object, const char* field, std::optional<std::string>* out);
// Read an optional integer (in int range) or boolean field into `out`; InvalidArgument naming
// the field when it has another type or range.
Status ReadInt(const Json& object, const char* field, int* out);
Status ReadBool(const Json& object, const char* field, bool* out);
// Reads an optional array of non-empty strings, appending to `out`.
Status ReadStringList(const Json& object, const char* field, std::vector<std::string>* out);

// Runs `load` and turns a JSON exception it throws (a missing field read with at(), a field
// of the wrong type, a number out of range) into InvalidArgument under `where`, so that no
// malformed rule file aborts the process.
Status GuardJson(const std::string& where, const std::function<Status()>& load);

}  // namespace newsfacts
