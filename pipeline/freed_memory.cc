// ReturnFreedMemory for whichever allocator serves the process.
#include "pipeline/freed_memory.h"

#include <malloc.h>

// Defined by mimalloc when it is loaded, as the binary's allocator; the reference is weak so
// that what links without mimalloc (tests, sanitizer builds) gets null instead.
extern "C" void mi_collect(bool force) __attribute__((weak));

namespace newsfacts {

void ReturnFreedMemory() {
  if (mi_collect != nullptr) {
    mi_collect(true);  // forced: its emptied segments go back at once, not after a delay
  } else {
    malloc_trim(0);
  }
}

}  // namespace newsfacts
