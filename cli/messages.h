// Printing messages that hold file names: control characters and ill-formed UTF-8 are
// escaped, so a file named "x\nnewsfacts.db: 0 files" cannot forge a line (issue 15, item 11).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "db/escaped_text.h"

namespace newsfacts {

// `text` as it is printed: EscapeBytes(text, /*controls=*/true).
inline std::string Printable(std::string_view text) { return EscapeBytes(text, true); }

// Prints "newsfacts: MESSAGE" on stderr, escaped.
inline void PrintError(std::string_view message) {
  std::fprintf(stderr, "newsfacts: %s\n", Printable(message).c_str());
}

// Prints "MESSAGE" (e.g. "path: what is wrong") on stderr, escaped.
inline void PrintMessage(std::string_view message) {
  std::fprintf(stderr, "%s\n", Printable(message).c_str());
}

}  // namespace newsfacts
