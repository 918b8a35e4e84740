// Tests for SharedLoops: every index of every loop runs once, with or without helpers; a helper
// runs items at the same time as the loop's own thread; Help returns at Close, which CloseAfter
// calls however its body ends; a task's exception reaches Run's caller.
#include "extractors/kernel/shared_loops.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace newsfacts {
namespace {

// Counts the calls of each index of loops of `counts` items run one after another while
// `helpers` threads help.
void ExpectEveryIndexOnce(size_t helpers, const std::vector<size_t>& counts) {
  SharedLoops loops;
  std::vector<std::thread> threads;
  for (size_t h = 0; h < helpers; ++h) threads.emplace_back([&] { loops.Help(); });
  for (const size_t count : counts) {
    std::vector<std::atomic<int>> calls(count);
    loops.Run(count, [&](size_t i) { calls[i].fetch_add(1); });
    for (size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i].load(), 1) << count << " items: " << i;
  }
  loops.Close();
  for (std::thread& thread : threads) thread.join();
}

TEST(SharedLoopsTest, EveryLoopCallsEachIndexOnce) {
  for (const size_t helpers : {0, 1, 3}) {
    SCOPED_TRACE(helpers);
    ExpectEveryIndexOnce(helpers, {0, 1, 2, 1000, 5, 300});
  }
}

// Each of two items waits until both have started: only possible when the helper runs one
// while the loop's own thread runs the other.
TEST(SharedLoopsTest, AHelperRunsItemsAtTheSameTimeAsTheLoopsThread) {
  SharedLoops loops;
  std::thread helper([&] { loops.Help(); });
  std::atomic<int> started{0};
  std::atomic<int> met{0};
  loops.Run(2, [&](size_t) {
    started.fetch_add(1);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (started.load() < 2 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
    if (started.load() == 2) met.fetch_add(1);
  });
  loops.Close();
  helper.join();
  EXPECT_EQ(met.load(), 2);
}

TEST(SharedLoopsTest, HelpReturnsAtCloseWithoutAnyLoop) {
  SharedLoops loops;
  std::thread helper([&] { loops.Help(); });
  loops.Close();
  helper.join();
  loops.Help();  // after Close: returns at once
}

// CloseAfter closes once its body has returned or thrown: a helper waiting in Help returns.
TEST(SharedLoopsTest, CloseAfterClosesWhenItsBodyReturnsOrThrows) {
  for (const bool throws : {false, true}) {
    SCOPED_TRACE(throws);
    SharedLoops loops;
    std::thread helper([&] { loops.Help(); });
    int ran = 0;
    const auto body = [&] {
      loops.Run(3, [&](size_t) {});
      if (throws) throw std::runtime_error("broken rule");
      return ++ran;
    };
    if (throws) {
      EXPECT_THROW(loops.CloseAfter(body), std::runtime_error);
    } else {
      EXPECT_EQ(loops.CloseAfter(body), 1);
    }
    helper.join();  // hangs unless CloseAfter closed
  }
}

// Whichever thread's call throws, Run rethrows it once every call has returned.
TEST(SharedLoopsTest, ATasksExceptionReachesRunsCaller) {
  SharedLoops loops;
  std::thread helper([&] { loops.Help(); });
  std::atomic<int> calls{0};
  EXPECT_THROW(loops.Run(200,
                         [&](size_t i) {
                           calls.fetch_add(1);
                           if (i % 50 == 7) throw std::runtime_error("broken item");
                         }),
               std::runtime_error);
  std::vector<std::atomic<int>> again(10);
  loops.Run(10, [&](size_t i) { again[i].fetch_add(1); });  // the loops still work after
  for (size_t i = 0; i < again.size(); ++i) EXPECT_EQ(again[i].load(), 1);
  loops.Close();
  helper.join();
  EXPECT_GE(calls.load(), 1);
}

}  // namespace
}  // namespace newsfacts
