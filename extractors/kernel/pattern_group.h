// WholeGroupBody: whether an RE2 pattern is one group spanning all of it, told by its brackets
// alone, and where that group's body begins. RequiredAtoms reads such a pattern as its body,
// so that the group's branches count as the pattern's own; GroupEnd, where a group ends; and
// NamedGroupsOf, the numbers RE2 gives the named groups, told without compiling the pattern.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace newsfacts {

// Where the body of the group spanning all of `pattern` begins ("(", "(?:", "(?P<name>",
// "(?i:"), or nullopt when `pattern` is not one group: its first "(" must be closed by its last
// byte. Escapes and classes are skipped whole ("\)", "[)]"). A flag group such as "(?i)" is
// no group of a body.
std::optional<size_t> WholeGroupBody(std::string_view pattern);

// One past the ")" that closes the group opening at `open` (a "("), read as WholeGroupBody reads
// brackets; npos when nothing closes it.
size_t GroupEnd(std::string_view pattern, size_t open);

// The named groups of `pattern` and their numbers, as RE2 numbers capturing groups (from 1, by
// their opening brackets, left to right), read from its brackets alone: "(?P<name>" and
// "(?<name>" are named, any other "(" not followed by "?" is an unnamed capturing group.
std::map<std::string, int> NamedGroupsOf(std::string_view pattern);

}  // namespace newsfacts
