// InternedString: equal strings share one copy for the life of the process, on any thread, and
// an interned string does not depend on the buffer it was made from.
#include "pipeline/interned_string.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace newsfacts {
namespace {

TEST(InternedStringTest, EqualStringsShareOneCopy) {
  std::string buffer = "gazetteer:amazon";
  const InternedString first(buffer);
  const InternedString second(std::string_view("gazetteer:amazon"));
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.view().data(), second.view().data());
  EXPECT_NE(first.view().data(), buffer.data());
  buffer.assign("org.name_word_xxxxxxxx");  // the source changes: the interned copy does not
  EXPECT_EQ(first.view(), "gazetteer:amazon");
  EXPECT_FALSE(first == InternedString("gazetteer:amazo"));
}

TEST(InternedStringTest, TheEmptyStringIsTheDefault) {
  const InternedString none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none, InternedString(""));
  EXPECT_EQ(none, std::string_view());
  EXPECT_FALSE(InternedString("x").empty());
}

// Threads interning the same strings at once get the same copies (the pool is shared; each
// thread's index of what it interned is its own).
TEST(InternedStringTest, ThreadsInterningAtOnceGetTheSameCopies) {
  constexpr int kThreads = 4;
  constexpr int kStrings = 500;
  std::vector<std::vector<const char*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < kStrings; ++i) {
          const InternedString s("interned.test.rule." + std::to_string(i));
          if (round == 0) seen[t].push_back(s.view().data());
          EXPECT_EQ(s.view().data(), seen[t][i]);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 1; t < kThreads; ++t) EXPECT_EQ(seen[t], seen[0]);
  EXPECT_EQ(InternedString("interned.test.rule.7").view(), "interned.test.rule.7");
}

}  // namespace
}  // namespace newsfacts
