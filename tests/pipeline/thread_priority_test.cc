// Helper threads run kHelperThreadNiceSteps below the thread that started them, or in the
// scheduling class asked for; the others keep their priority and class.
#include "pipeline/thread_priority.h"

#include <gtest/gtest.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

namespace newsfacts {
namespace {

int ThisThreadsNice() { return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))); }

TEST(ThreadPriorityTest, LowersOnlyTheCallingThread) {
  const int before = ThisThreadsNice();
  int helper_before = 0;
  int helper_after = 0;
  std::thread helper([&] {
    helper_before = ThisThreadsNice();
    LowerThreadPriority();
    helper_after = ThisThreadsNice();
  });
  helper.join();
  EXPECT_EQ(helper_before, before);
  EXPECT_EQ(helper_after, std::min(before + kHelperThreadNiceSteps, 19));
  EXPECT_EQ(ThisThreadsNice(), before);
}

TEST(ThreadPriorityTest, StopsAtTheLowestPriority) {
  int after_twice = 0;
  std::thread helper([&] {
    LowerThreadPriority();
    LowerThreadPriority();
    after_twice = ThisThreadsNice();
  });
  helper.join();
  EXPECT_EQ(after_twice, std::min(ThisThreadsNice() + 2 * kHelperThreadNiceSteps, 19));
}

// The scheduling class a new thread gets after `set_up` runs on it.
template <typename SetUp>
int ClassOfAThreadAfter(SetUp set_up) {
  int policy = -1;
  std::thread helper([&] {
    set_up();
    policy = sched_getscheduler(0);
  });
  helper.join();
  return policy;
}

TEST(ThreadPriorityTest, RunsOnlyOnIdleCoresInTheIdleClass) {
  ASSERT_EQ(sched_getscheduler(0), SCHED_OTHER);
  EXPECT_EQ(ClassOfAThreadAfter(RunOnlyOnIdleCores), SCHED_IDLE);
  EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
}

TEST(ThreadPriorityTest, YieldsOnWakeUpInTheBatchClass) {
  ASSERT_EQ(sched_getscheduler(0), SCHED_OTHER);
  EXPECT_EQ(ClassOfAThreadAfter(YieldOnWakeUp), SCHED_BATCH);
  EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
}

TEST(ThreadPriorityTest, AnIdleThreadStaysIdle) {
  EXPECT_EQ(ClassOfAThreadAfter([] {
              RunOnlyOnIdleCores();
              YieldOnWakeUp();
            }),
            SCHED_IDLE);
}

TEST(ThreadPriorityTest, ScopedYieldRestoresTheClassBefore) {
  int during = -1;
  const int after = ClassOfAThreadAfter([&] {
    const ScopedYieldOnWakeUp yielding;
    during = sched_getscheduler(0);
  });
  EXPECT_EQ(during, SCHED_BATCH);
  EXPECT_EQ(after, SCHED_OTHER);
}

TEST(ThreadPriorityTest, ScopedYieldLeavesAnIdleThreadIdle) {
  int during = -1;
  const int after = ClassOfAThreadAfter([&] {
    RunOnlyOnIdleCores();
    const ScopedYieldOnWakeUp yielding;
    during = sched_getscheduler(0);
  });
  EXPECT_EQ(during, SCHED_IDLE);
  EXPECT_EQ(after, SCHED_IDLE);
}

}  // namespace
}  // namespace newsfacts
