// WholeGroupBody, GroupEnd and NamedGroupsOf: scans of a pattern's brackets, skipping escapes
// and classes as RE2 reads them.
#include "extractors/kernel/pattern_group.h"

#include <algorithm>

namespace newsfacts {
namespace {

// The end of the escape at `pos` (a backslash): "\\x{...}" and "\\p{...}" to their brace,
// any other two bytes.
size_t EscapeEnd(std::string_view p, size_t pos) {
  const char c = pos + 1 < p.size() ? p[pos + 1] : '\0';
  if ((c == 'x' || c == 'p' || c == 'P') && pos + 2 < p.size() && p[pos + 2] == '{') {
    const size_t close = p.find('}', pos + 2);
    return close == std::string_view::npos ? p.size() : close + 1;
  }
  return std::min(p.size(), pos + 2);
}

// The end of the class opening at `pos` ("["): a "]" first (after any "^") is a member,
// "[:name:]" and escapes are skipped whole.
size_t ClassEnd(std::string_view p, size_t pos) {
  size_t i = pos + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') {
      i = EscapeEnd(p, i);
    } else if (p.substr(i, 2) == "[:") {
      const size_t close = p.find(":]", i + 2);
      i = close == std::string_view::npos ? p.size() : close + 2;
    } else {
      ++i;
    }
  }
  return std::min(p.size(), i + 1);
}

}  // namespace

size_t GroupEnd(std::string_view p, size_t open) {
  size_t depth = 0;
  for (size_t i = open; i < p.size();) {
    const char c = p[i];
    if (c == '\\') {
      i = EscapeEnd(p, i);
    } else if (c == '[') {
      i = ClassEnd(p, i);
    } else {
      if (c == '(') ++depth;
      if (c == ')' && depth > 0 && --depth == 0) return i + 1;
      ++i;
    }
  }
  return std::string_view::npos;
}

std::map<std::string, int> NamedGroupsOf(std::string_view p) {
  std::map<std::string, int> named;
  int number = 0;
  for (size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '\\') {
      i = EscapeEnd(p, i);
      continue;
    }
    if (c == '[') {
      i = ClassEnd(p, i);
      continue;
    }
    const std::string_view rest = p.substr(i);
    if (rest.substr(0, 4) == "(?P<" || rest.substr(0, 3) == "(?<") {
      const size_t name = i + (rest[2] == 'P' ? 4 : 3);
      const size_t close = p.find('>', name);
      if (close == std::string_view::npos) break;
      named.emplace(std::string(p.substr(name, close - name)), ++number);
    } else if (c == '(' && rest.substr(1, 1) != "?") {
      ++number;
    }
    ++i;
  }
  return named;
}

// Read by brackets alone: reading the whole pattern to tell cost as much as reading it for its
// atoms (issue 16). A body RequiredAtoms cannot follow is found so by its read of the body.
std::optional<size_t> WholeGroupBody(std::string_view p) {
  if (p.empty() || p[0] != '(' || GroupEnd(p, 0) != p.size()) return std::nullopt;
  size_t body = 1;
  if (p.substr(0, 3) == "(?P" || p.substr(0, 3) == "(?<") {
    body = p.find('>') + 1;
  } else if (p.substr(0, 2) == "(?") {
    body = p.find_first_of(":)", 2);
    if (body == std::string_view::npos || p[body] == ')') return std::nullopt;
    ++body;
  }
  return body;
}

}  // namespace newsfacts
