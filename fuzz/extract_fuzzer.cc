// libFuzzer target: the `newsfacts extract` path (reader, standard pipeline, facts JSON); an
// optional first line "txt", "md", "html", "json" or "jsonl" picks the reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsfacts::fuzz::ExtractFacts(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
