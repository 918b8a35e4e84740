// libFuzzer target for one article reader; NEWSFACTS_FUZZ_FILE_NAME ("fuzz.html", ...) picks it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsfacts::fuzz::ReadArticle(NEWSFACTS_FUZZ_FILE_NAME,
                               std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
