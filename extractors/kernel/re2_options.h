// The RE2 options every newsfacts pattern is compiled with. Internal to the kernel's two files
// that compile RE2 programs (regex.cc, rule_prefilter.cc), so both compile a pattern alike.
#pragma once

#include <re2/re2.h>

#include <cstdint>

namespace newsfacts {

// RE2's default (8 MB) is too small for the amount rules once their currency tables are
// expanded into alternations; 64 MB holds the largest built-in rule with room to spare.
constexpr int64_t kMaxProgramMemory = int64_t{64} << 20;

// UTF-8, no logging to stderr, kMaxProgramMemory, and the case sensitivity asked for.
inline RE2::Options Re2Options(bool case_sensitive) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kMaxProgramMemory);
  options.set_case_sensitive(case_sensitive);
  return options;
}

}  // namespace newsfacts
