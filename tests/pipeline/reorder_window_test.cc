// ReorderWindow: results put in any order come out in sequence order, as many at once as are
// ready, and no more than the capacity are reserved and not yet taken.
#include "pipeline/reorder_window.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace newsfacts {
namespace {

TEST(ReorderWindowTest, ResultsPutOutOfOrderAreTakenInOrderAsTheyBecomeReady) {
  ReorderWindow<int> window(5);
  std::vector<uint64_t> sequences;
  for (int i = 0; i < 5; ++i) sequences.push_back(window.Reserve());
  window.PutAll({{sequences[2], 20}, {sequences[4], 40}});
  window.PutAll({{sequences[0], 0}});
  std::vector<int> taken;
  ASSERT_TRUE(window.TakeReady(taken));
  EXPECT_EQ(taken, (std::vector<int>{0}));  // 1 is not put yet, so 2 waits
  window.PutAll({{sequences[3], 30}, {sequences[1], 10}});
  ASSERT_TRUE(window.TakeReady(taken));
  EXPECT_EQ(taken, (std::vector<int>{10, 20, 30, 40}));
  window.Close();
  EXPECT_FALSE(window.TakeReady(taken));
  EXPECT_TRUE(taken.empty());
}

TEST(ReorderWindowTest, ReserveWaitsWhileTheWindowIsFull) {
  ReorderWindow<int> window(2);
  const uint64_t first = window.Reserve();
  window.Reserve();
  std::atomic<bool> third_reserved{false};
  std::thread producer([&] {
    window.Reserve();
    third_reserved = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(third_reserved);
  window.PutAll({{first, 1}});
  std::vector<int> taken;
  ASSERT_TRUE(window.TakeReady(taken));
  EXPECT_EQ(taken, (std::vector<int>{1}));
  producer.join();
  EXPECT_TRUE(third_reserved);
}

TEST(ReorderWindowTest, ManyWorkersKeepTheOrder) {
  ReorderWindow<int> window(8);
  std::atomic<int> next{0};
  std::vector<std::thread> workers;
  std::mutex reserve;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        uint64_t sequence;
        int value;
        {
          std::lock_guard<std::mutex> lock(reserve);
          value = next++;
          if (value >= 1000) return;
          sequence = window.Reserve();
        }
        if (value % 7 == 0) std::this_thread::yield();
        window.PutAll({{sequence, value}});
      }
    });
  }
  std::thread closer([&] {
    for (std::thread& worker : workers) worker.join();
    window.Close();
  });
  int expected = 0;
  std::vector<int> taken;
  while (window.TakeReady(taken)) {
    for (int item : taken) EXPECT_EQ(item, expected++);
  }
  closer.join();
  EXPECT_EQ(expected, 1000);
}

}  // namespace
}  // namespace newsfacts
