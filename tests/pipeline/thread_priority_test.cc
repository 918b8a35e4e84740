// Helper threads run kHelperThreadNiceSteps below the thread that started them; the others keep
// their priority.
#include "pipeline/thread_priority.h"

#include <gtest/gtest.h>
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

}  // namespace
}  // namespace newsfacts
