// Bytes made safe to store as SQLite TEXT or to print on one line: ill-formed UTF-8 and,
// for printing, control characters written as escapes (issue 15, item 11).
#pragma once

#include <string>
#include <string_view>

namespace newsfacts {

// Returns `bytes` with each byte that is not part of well-formed UTF-8 written as `\xHH`
// (so "caf\xE9.txt" stays distinct from "caf\xE8.txt"); with `controls`, also each control
// character: `\n`, `\r`, `\t`, `\xHH` for the other C0 ones and DEL, `\u0085` for C1 ones.
// Valid text without control characters comes back unchanged; the result is valid UTF-8.
std::string EscapeBytes(std::string_view bytes, bool controls);

// A file name as `articles.path` stores it: EscapeBytes(name, false). A name that needed
// escaping keeps its bytes in `articles.path_bytes`.
inline std::string StoredPath(std::string_view name) { return EscapeBytes(name, false); }

}  // namespace newsfacts
