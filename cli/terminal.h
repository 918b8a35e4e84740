// Terminal facts the commands need: whether a stream is a terminal.
#pragma once

#include <unistd.h>

#include <cstdio>

namespace newsfacts {

inline bool StdoutIsTerminal() { return isatty(fileno(stdout)) == 1; }
inline bool StderrIsTerminal() { return isatty(fileno(stderr)) == 1; }

}  // namespace newsfacts
