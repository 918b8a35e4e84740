// The macro expander shared by every rule kind.
#include "extractors/kernel/macro_table.h"

#include <algorithm>
#include <cctype>

namespace newsfacts {

bool MacroTable::IsName(std::string_view name) {
  if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

Status MacroTable::Add(const std::string& file, const std::string& name, const std::string& body) {
  if (!IsName(name)) {
    return Status::InvalidArgument(file + ": macro \"" + name +
                                   "\": names start with an upper-case letter and hold A-Z, "
                                   "0-9 and _");
  }
  auto [it, inserted] = macros_.emplace(name, std::make_pair(body, file));
  if (!inserted && it->second.first != body) {
    return Status::InvalidArgument(file + ": macro " + name + " is already defined in " +
                                   it->second.second);
  }
  return Status::Ok();
}

void MacroTable::Set(const std::string& name, const std::string& body) {
  macros_[name] = {body, "generated"};
}

StatusOr<std::string> MacroTable::Expand(std::string_view pattern,
                                         const Placeholders& placeholders) const {
  return ExpandDepth(pattern, placeholders, 0);
}

StatusOr<std::string> MacroTable::ExpandDepth(std::string_view pattern,
                                              const Placeholders& placeholders, int depth) const {
  if (depth > kMaxDepth) {
    return Status::InvalidArgument("macros nest deeper than " + std::to_string(kMaxDepth) +
                                   " levels; a macro probably uses itself");
  }
  std::string out;
  size_t pos = 0;
  while (pos < pattern.size()) {
    const char c = pattern[pos];
    if (c == '\\' && pos + 1 < pattern.size()) {
      out += pattern.substr(pos, 2);
      pos += 2;
      continue;
    }
    const size_t close = c == '{' ? pattern.find('}', pos) : std::string_view::npos;
    if (close == std::string_view::npos || pos + 1 >= pattern.size() ||
        !std::isupper(static_cast<unsigned char>(pattern[pos + 1]))) {
      out += c;
      ++pos;
      continue;
    }
    const std::string_view body = pattern.substr(pos + 1, close - pos - 1);
    std::optional<std::string> fragment;
    if (placeholders) {
      StatusOr<std::optional<std::string>> own = placeholders(body);
      if (!own.ok()) return own.status();
      fragment = std::move(*own);
    }
    if (!fragment) {
      if (!IsName(body)) {  // "{Ab}": not ours, RE2 reads it as literal braces
        out += c;
        ++pos;
        continue;
      }
      auto it = macros_.find(std::string(body));
      if (it == macros_.end()) {
        return Status::InvalidArgument("macro {" + std::string(body) + "} is not defined");
      }
      StatusOr<std::string> expanded = ExpandDepth(it->second.first, placeholders, depth + 1);
      if (!expanded.ok()) return expanded.status().WithContext("macro " + std::string(body));
      out += "(?:" + *expanded + ")";
    } else {
      StatusOr<std::string> expanded = ExpandDepth(*fragment, placeholders, depth + 1);
      if (!expanded.ok()) return expanded.status();
      out += *expanded;
    }
    pos = close + 1;
  }
  return out;
}

}  // namespace newsfacts
