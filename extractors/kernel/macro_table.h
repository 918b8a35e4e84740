// MacroTable: named RE2 fragments that rule patterns of every kind use as {NAME}, expanded
// by one expander with one set of naming rules and one nesting limit.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/status.h"

namespace newsfacts {

// Macros of one rule kind. A name starts with an upper-case letter and holds A-Z, 0-9 and
// `_` ("BUY", "SAID_IT", "CUR_CODE"); a body is an RE2 fragment that may use other macros.
// {2,3} and other braces that are not macro names are left to RE2.
// Immutable once built; thread-safe to read.
class MacroTable {
 public:
  // A stage's own brace syntax ("{ORG:subject}" in claim rules): given the text between the
  // braces, returns the fragment it stands for (which may itself use macros), nullopt when
  // the text is an ordinary macro name, or an error naming what is wrong.
  using Placeholders = std::function<StatusOr<std::optional<std::string>>(std::string_view)>;

  static bool IsName(std::string_view name);

  // Adds macro `name` defined in `file`. InvalidArgument naming both files when the name is
  // already defined with another body, or naming the macro when `name` is not a macro name.
  Status Add(const std::string& file, const std::string& name, const std::string& body);
  // Adds or replaces macro `name`: for macros a stage generates from its tables.
  void Set(const std::string& name, const std::string& body);
  bool Contains(const std::string& name) const { return macros_.count(name) > 0; }

  // Returns `pattern` with every {NAME} replaced by its body in a non-capturing group,
  // recursively. InvalidArgument naming the macro when it is undefined or nests deeper
  // than kMaxDepth (a macro that uses itself).
  StatusOr<std::string> Expand(std::string_view pattern,
                               const Placeholders& placeholders = nullptr) const;

  static constexpr int kMaxDepth = 12;

 private:
  StatusOr<std::string> ExpandDepth(std::string_view pattern, const Placeholders& placeholders,
                                    int depth) const;
  std::map<std::string, std::pair<std::string, std::string>> macros_;  // name -> (body, file)
};

}  // namespace newsfacts
