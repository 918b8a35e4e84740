// BoundedQueue: order, the capacity in items and in bytes, TryPop and PopFor, waking a blocked
// producer once half empty, and closing.
#include "pipeline/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace newsfacts {
namespace {

TEST(BoundedQueueTest, PopsInPushOrderAndTryPopNeverWaits) {
  BoundedQueue<int> queue(4);
  EXPECT_FALSE(queue.TryPop().has_value());
  ASSERT_TRUE(queue.Push(1));
  ASSERT_TRUE(queue.Push(2));
  EXPECT_EQ(queue.Pop(), 1);
  EXPECT_EQ(queue.TryPop(), 2);
  EXPECT_FALSE(queue.TryPop().has_value());
}

// Whether a Push of `bytes` onto `queue` is still waiting after a while; it is let through
// by popping one item, and must then finish.
bool PushWaits(BoundedQueue<int>& queue, size_t bytes) {
  std::atomic<bool> pushed{false};
  std::thread pusher([&] {
    (void)queue.Push(9, bytes);
    pushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const bool waited = !pushed;
  (void)queue.Pop();
  pusher.join();
  return waited;
}

TEST(BoundedQueueTest, PushWaitsWhileTheItemsOrTheBytesAreAtCapacity) {
  BoundedQueue<int> by_items(2);
  ASSERT_TRUE(by_items.Push(1));
  ASSERT_TRUE(by_items.Push(2));
  EXPECT_TRUE(PushWaits(by_items, 0));

  BoundedQueue<int> by_bytes(10, 100);
  ASSERT_TRUE(by_bytes.Push(1, 60));
  EXPECT_TRUE(PushWaits(by_bytes, 50));   // 60 + 50 > 100
  EXPECT_FALSE(PushWaits(by_bytes, 40));  // 50 + 40 fits
}

TEST(BoundedQueueTest, AnEmptyQueueTakesOneItemOverTheByteCapacity) {
  BoundedQueue<int> queue(10, 100);
  ASSERT_TRUE(queue.Push(1, 500));  // a huge item alone does not block for ever
  EXPECT_TRUE(PushWaits(queue, 1));
}

// A producer blocked on a full queue is woken once it is half empty, so it pushes many items
// per wake-up instead of one per item taken.
TEST(BoundedQueueTest, ABlockedPushIsWokenWhenTheQueueIsHalfEmpty) {
  BoundedQueue<int> queue(8);
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(queue.Push(i));
  std::atomic<bool> pushed{false};
  std::thread pusher([&] {
    (void)queue.Push(8);
    pushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_FALSE(pushed);  // full: waiting
  (void)queue.Pop();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(pushed);  // seven left: not woken
  for (int i = 0; i < 3; ++i) (void)queue.Pop();
  pusher.join();  // four left: woken, and there is room
  EXPECT_TRUE(pushed);
}

// PopFor gives up after its time when nothing comes, and takes an item pushed meanwhile.
TEST(BoundedQueueTest, PopForWaitsAtMostItsTimeForAnItem) {
  BoundedQueue<int> queue(2);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(queue.PopFor(std::chrono::milliseconds(30)).has_value());
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(30));
  EXPECT_FALSE(queue.Drained());
  std::thread pusher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    (void)queue.Push(7);
  });
  EXPECT_EQ(queue.PopFor(std::chrono::seconds(20)), 7);
  pusher.join();
}

TEST(BoundedQueueTest, CloseEndsPopsOnceDrainedAndRefusesPushes) {
  BoundedQueue<int> queue(2);
  ASSERT_TRUE(queue.Push(1));
  EXPECT_FALSE(queue.Closed());
  queue.Close();
  EXPECT_TRUE(queue.Closed()) << "with an item left";
  EXPECT_FALSE(queue.Drained());
  EXPECT_FALSE(queue.Push(2));
  EXPECT_EQ(queue.Pop(), 1);
  EXPECT_TRUE(queue.Drained());
  EXPECT_FALSE(queue.Pop().has_value());
  EXPECT_FALSE(queue.PopFor(std::chrono::seconds(20)).has_value());
}

}  // namespace
}  // namespace newsfacts
