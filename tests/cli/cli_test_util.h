// Helpers for end-to-end tests of the newsfacts binary: running a command in a folder.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/temp_dir.h"

namespace newsfacts::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `args` (a shell-quoted argument string) with the newsfacts binary in `cwd`, after
// `shell_prefix` (/bin/sh text such as "ulimit -f 100;" or "timeout -s KILL 1").
inline CommandResult RunNewsfacts(const std::string& args, const std::filesystem::path& cwd,
                                  const std::string& shell_prefix = "") {
  const std::string command = "cd '" + cwd.string() + "' && " + shell_prefix + " '" +
                              std::string(NEWSFACTS_BINARY) + "' " + args + " 2>&1";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace newsfacts::testing
