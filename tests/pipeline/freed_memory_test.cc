// ReturnFreedMemory gives back what the allocator kept of freed memory: the resident set falls.
// pipeline_tests run on the build's allocator (mimalloc, or glibc's malloc).
#include "pipeline/freed_memory.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

namespace newsfacts {
namespace {

size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t total_pages = 0;
  size_t resident_pages = 0;
  statm >> total_pages >> resident_pages;
  return resident_pages * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

#if defined(__SANITIZE_ADDRESS__)  // GCC
#define NEWSFACTS_ALLOCATOR_IS_ASAN 1
#elif defined(__has_feature)  // Clang
#if __has_feature(address_sanitizer)
#define NEWSFACTS_ALLOCATOR_IS_ASAN 1
#endif
#endif

TEST(FreedMemoryTest, TheResidentSetFallsOnceManySmallBlocksAreFreed) {
#ifdef NEWSFACTS_ALLOCATOR_IS_ASAN
  GTEST_SKIP() << "AddressSanitizer's allocator keeps freed memory in quarantine";
#endif
  // 64 MB in small blocks, as a parse tree allocates, then one more that stays: glibc's
  // malloc cannot shrink its heap below a block in use, and mimalloc keeps what it frees for
  // reuse a while.
  constexpr size_t kBlockBytes = 4000;
  constexpr size_t kBlocks = (size_t{64} << 20) / kBlockBytes;
  constexpr size_t kFreedBytes = kBlockBytes * kBlocks;
  std::vector<std::unique_ptr<char[]>> blocks(kBlocks);
  for (auto& block : blocks) {
    block.reset(new char[kBlockBytes]);
    std::memset(block.get(), 1, kBlockBytes);
  }
  const auto last = std::make_unique<char[]>(kBlockBytes);
  const size_t allocated = ResidentBytes();
  blocks.clear();
  const size_t freed = ResidentBytes();
  ASSERT_GT(freed + kFreedBytes / 2, allocated)
      << "the allocator gave most of it back by itself; this test shows nothing then";

  ReturnFreedMemory();
  // mimalloc gives back the segments (32 MiB each) that hold no block in use: two of three.
  EXPECT_LT(ResidentBytes() + kFreedBytes / 4, freed);
}

}  // namespace
}  // namespace newsfacts
