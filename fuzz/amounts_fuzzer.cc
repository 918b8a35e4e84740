// libFuzzer target: the segmenter and the amount stage over arbitrary article text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsfacts::fuzz::ExtractAmounts(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
