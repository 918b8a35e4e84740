// LargeFileTurns: a large file's turn excludes another large file's; a small file's takes none.
#include "cli/large_file_turns.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace newsfacts {
namespace {

TEST(LargeFileTurnsTest, SmallFilesTakeNoTurn) {
  LargeFileTurns turns(/*large_file_bytes=*/100);
  std::unique_lock<std::mutex> large = turns.TurnFor(100);
  ASSERT_TRUE(large.owns_lock());
  // Beside a large file's turn, small files are read at once.
  EXPECT_FALSE(turns.TurnFor(99).owns_lock());
  EXPECT_FALSE(turns.TurnFor(0).owns_lock());
}

TEST(LargeFileTurnsTest, ALargeFileWaitsForTheLargeFileBeingRead) {
  LargeFileTurns turns(/*large_file_bytes=*/100);
  std::unique_lock<std::mutex> first = turns.TurnFor(500);
  ASSERT_TRUE(first.owns_lock());
  std::atomic<bool> second_read{false};
  std::thread second([&] {
    std::unique_lock<std::mutex> turn = turns.TurnFor(100);
    second_read = turn.owns_lock();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(second_read) << "two large files were read at once";
  first.unlock();
  second.join();
  EXPECT_TRUE(second_read);
}

TEST(LargeFileTurnsTest, TheDefaultSizeIsABatchOfText) {
  LargeFileTurns turns;
  EXPECT_FALSE(turns.TurnFor(LargeFileTurns::kDefaultLargeFileBytes - 1).owns_lock());
  EXPECT_TRUE(turns.TurnFor(LargeFileTurns::kDefaultLargeFileBytes).owns_lock());
}

}  // namespace
}  // namespace newsfacts
