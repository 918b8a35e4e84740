// A thread's nice value, set through its thread id (Linux keeps one per thread), and its
// scheduling class, set through sched_setscheduler (also per thread, pid 0 being the caller).
#include "pipeline/thread_priority.h"

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace newsfacts {
namespace {

// Moves the calling thread to scheduling class `policy` (one without static priorities) from
// the normal class or SCHED_BATCH; a thread in another (real-time, idle) keeps it. Returns
// whether it moved.
bool SetSchedulingClass(int policy) {
  const int now = sched_getscheduler(0);
  if (now != SCHED_OTHER && now != SCHED_BATCH) return false;
  const sched_param param{};
  return sched_setscheduler(0, policy, &param) == 0;
}

}  // namespace

void LowerThreadPriority() {
  const auto thread = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, thread);  // -1 is also a valid nice value
  if (now == -1 && errno != 0) return;
  setpriority(PRIO_PROCESS, thread, std::min(now + kHelperThreadNiceSteps, 19));
}

void RunOnlyOnIdleCores() { SetSchedulingClass(SCHED_IDLE); }

void YieldOnWakeUp() { SetSchedulingClass(SCHED_BATCH); }

ScopedYieldOnWakeUp::ScopedYieldOnWakeUp() : policy_(sched_getscheduler(0)) {
  if (!SetSchedulingClass(SCHED_BATCH)) policy_ = -1;
}

ScopedYieldOnWakeUp::~ScopedYieldOnWakeUp() {
  if (policy_ != -1) SetSchedulingClass(policy_);
}

}  // namespace newsfacts
