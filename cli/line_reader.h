// Reading a stream line by line with a cap on the line's length, so one runaway line cannot
// exhaust memory (the streaming filter's input, `load`'s facts files).
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace newsfacts {

// Reads the next line of `in` into `line` without its newline. A line longer than `cap`
// bytes is read to its end and dropped: `line` is left empty and `too_long` set. Returns
// false at the end of the stream (or on a read error) when nothing was read.
bool ReadCappedLine(std::FILE* in, size_t cap, std::string& line, bool& too_long);

// True when `line` holds nothing but ASCII whitespace.
bool IsBlankLine(std::string_view line);

}  // namespace newsfacts
