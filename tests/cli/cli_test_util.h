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

// Runs the /bin/sh `command` and collects its standard output.
inline CommandResult RunShell(const std::string& command) {
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

// Runs `args` (a shell-quoted argument string) with the newsfacts binary in `cwd`; with
// `stderr_too` false, standard error is dropped and `output` is standard output alone.
inline CommandResult RunNewsfacts(const std::string& args, const std::filesystem::path& cwd,
                                  bool stderr_too = true) {
  return RunShell("cd '" + cwd.string() + "' && '" + std::string(NEWSFACTS_BINARY) + "' " + args +
                  (stderr_too ? " 2>&1" : " 2>/dev/null"));
}

// Like RunNewsfacts, after `shell_prefix` (/bin/sh text such as "ulimit -f 100;" or
// "timeout -s KILL 1").
inline CommandResult RunNewsfactsAfter(const std::string& shell_prefix, const std::string& args,
                                       const std::filesystem::path& cwd) {
  return RunShell("cd '" + cwd.string() + "' && " + shell_prefix + " '" +
                  std::string(NEWSFACTS_BINARY) + "' " + args + " 2>&1");
}

}  // namespace newsfacts::testing
