// Typed reads and key checks over rule-file JSON.
#include "extractors/kernel/rule_json.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

namespace newsfacts {

Status CheckKeys(const Json& object, std::initializer_list<std::string_view> allowed,
                 std::string_view what) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (std::string_view name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
    return Status::InvalidArgument("unknown field \"" + key + "\" in " + std::string(what) +
                                   " (expected " + list + ")");
  }
  return Status::Ok();
}

Status ReadString(const Json& object, const char* field, std::string* out) {
  if (!object.contains(field)) return Status::Ok();
  if (!object[field].is_string()) {
    return Status::InvalidArgument(std::string("field \"") + field + "\" must be a string");
  }
  *out = object[field].get<std::string>();
  return Status::Ok();
}

Status ReadOptionalString(const Json& object, const char* field, std::optional<std::string>* out) {
  if (!object.contains(field)) return Status::Ok();
  std::string value;
  NEWSFACTS_RETURN_IF_ERROR(ReadString(object, field, &value));
  *out = std::move(value);
  return Status::Ok();
}

Status ReadStringList(const Json& object, const char* field, std::vector<std::string>* out) {
  if (!object.contains(field)) return Status::Ok();
  const Json& list = object[field];
  if (!list.is_array()) {
    return Status::InvalidArgument(std::string("field \"") + field +
                                   "\" must be an array of strings");
  }
  for (const Json& word : list) {
    if (!word.is_string() || word.get<std::string>().empty()) {
      return Status::InvalidArgument(std::string("field \"") + field +
                                     "\" must hold non-empty strings");
    }
    out->push_back(word.get<std::string>());
  }
  return Status::Ok();
}

Status ReadInt(const Json& object, const char* field, int* out) {
  if (!object.contains(field)) return Status::Ok();
  const Json& value = object[field];
  const bool in_range = value.is_number_unsigned()
                            ? value.get<unsigned long long>() <= std::numeric_limits<int>::max()
                            : value.is_number_integer() &&
                                  value.get<long long>() >= std::numeric_limits<int>::min() &&
                                  value.get<long long>() <= std::numeric_limits<int>::max();
  if (!in_range) {
    return Status::InvalidArgument(std::string("field \"") + field +
                                   "\" must be an integer in int range");
  }
  *out = value.get<int>();
  return Status::Ok();
}

Status ReadBool(const Json& object, const char* field, bool* out) {
  if (!object.contains(field)) return Status::Ok();
  if (!object[field].is_boolean()) {
    return Status::InvalidArgument(std::string("field \"") + field + "\" must be true or false");
  }
  *out = object[field].get<bool>();
  return Status::Ok();
}

Status GuardJson(const std::string& where, const std::function<Status()>& load) {
  try {
    return load();
  } catch (const Json::exception& e) {
    return Status::InvalidArgument(where + ": " + e.what());
  }
}

}  // namespace newsfacts
