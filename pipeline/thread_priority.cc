// A thread's nice value, set through its thread id (Linux keeps one per thread).
#include "pipeline/thread_priority.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace newsfacts {

void LowerThreadPriority() {
  const auto thread = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, thread);  // -1 is also a valid nice value
  if (now == -1 && errno != 0) return;
  setpriority(PRIO_PROCESS, thread, std::min(now + kHelperThreadNiceSteps, 19));
}

}  // namespace newsfacts
