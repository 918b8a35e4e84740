// ReorderWindow: results put in any order come out in sequence order, and no more than the
// capacity are reserved and not yet taken.
#include "pipeline/reorder_window.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace newsfacts {
namespace {

TEST(ReorderWindowTest, ResultsPutOutOfOrderAreTakenInOrder) {
  ReorderWindow<int> window(4);
  std::vector<uint64_t> sequences;
  for (int i = 0; i < 4; ++i) sequences.push_back(window.Reserve());
  window.Put(sequences[2], 20);
  window.Put(sequences[0], 0);
  window.Put(sequences[3], 30);
  window.Put(sequences[1], 10);
  window.Close();
  std::vector<int> taken;
  while (std::optional<int> item = window.Take()) taken.push_back(*item);
  EXPECT_EQ(taken, (std::vector<int>{0, 10, 20, 30}));
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
  window.Put(first, 1);
  EXPECT_EQ(window.Take(), 1);
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
        window.Put(sequence, value);
      }
    });
  }
  std::thread closer([&] {
    for (std::thread& worker : workers) worker.join();
    window.Close();
  });
  int expected = 0;
  while (std::optional<int> item = window.Take()) EXPECT_EQ(*item, expected++);
  closer.join();
  EXPECT_EQ(expected, 1000);
}

}  // namespace
}  // namespace newsfacts
