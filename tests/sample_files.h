// Test helper: every file under a folder of the source tree, read whole, for tests that run over
// the sample articles.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace newsfacts::testing {

// Calls visit(bytes) for each regular file under `folder` (relative to the source tree), with
// the file's path as the scoped trace; returns how many files there were.
template <typename Visit>
size_t ForEachSourceFile(const std::filesystem::path& folder, Visit visit) {
  size_t files = 0;
  const std::filesystem::path root = std::filesystem::path(NEWSFACTS_SOURCE_DIR) / folder;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    visit(bytes.str());
    ++files;
  }
  return files;
}

}  // namespace newsfacts::testing
