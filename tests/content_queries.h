// The queries of tests/content_queries.sql: what two databases must agree on to hold the same
// facts, by content only. The Dask driver's test (scale/) reads the same file.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace newsfacts::testing {

// The file's statements, without their comment lines; empty (and the comparison vacuous, so
// the caller's EXPECT on the count fails) when the file cannot be read.
inline std::vector<std::string> ContentQueries() {
  std::ifstream in(std::string(NEWSFACTS_SOURCE_DIR) + "/tests/content_queries.sql");
  std::vector<std::string> queries;
  std::string statement;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("--", 0) == 0) continue;
    statement += line + "\n";
    if (!line.empty() && line.back() == ';') {
      queries.push_back(statement);
      statement.clear();
    }
  }
  return queries;
}

}  // namespace newsfacts::testing
