// Freed memory given back to the system: after a large input's parse the allocator keeps
// its freed pages for reuse, and a 60 MB page's parse tree left 80 MB on top of the peak
// that extracting the article then reached (issue 16).
#pragma once

#include <cstddef>

namespace newsfacts {

// The size of input from which a reader frees enough to be worth giving back.
inline constexpr size_t kLargeFreeingBytes = size_t{8} << 20;

// Returns to the system the memory the process's allocator holds freed: mimalloc's
// (mi_collect) when the binary runs on it (CMakeLists.txt, newsfacts_allocator), glibc's
// (malloc_trim) otherwise. Costs a walk of the allocator's free pages: for after freeing much,
// not for hot paths.
void ReturnFreedMemory();

}  // namespace newsfacts
