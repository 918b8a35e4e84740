// Laying out a DOT graph as SVG with Graphviz, found on PATH when the report is built (the
// binary does not link Graphviz: without it the report shows a list instead).
#pragma once

#include <optional>
#include <string>

#include "pipeline/status.h"

namespace newsfacts {

// The full path of executable `name` in a folder of $PATH, or nullopt.
std::optional<std::string> FindOnPath(const std::string& name);

// Runs `program` (a path, e.g. FindOnPath("sfdp")) with -Tsvg on `dot` and returns the SVG
// element alone (the XML prolog and DOCTYPE dropped), ready to inline in HTML. Errors:
// IoError when the program cannot be run, fails or prints no <svg> element; the message
// names the program.
StatusOr<std::string> LayoutSvg(const std::string& program, const std::string& dot);

}  // namespace newsfacts
