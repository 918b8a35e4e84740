// A data file compiled into the binary by cmake/EmbedFiles.cmake (rules, migrations).
#pragma once

#include <string_view>

namespace newsfacts {

struct EmbeddedFile {
  std::string_view path;      // relative to the folder it was embedded from, e.g. "amounts.json"
  std::string_view contents;  // the file's bytes
};

}  // namespace newsfacts
