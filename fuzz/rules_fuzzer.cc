// libFuzzer target: one user rule file (.json, or .jsonl after a "jsonl\n" line) loaded next
// to the built-in rules, every stage built from them and run over a short article.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsfacts::fuzz::LoadRuleFile(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
