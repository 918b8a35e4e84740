// SplitIntoWindows: windows cover the text exactly, stay within the limit and end after a line
// break when the window's second half has one, else at the weaker cuts in order.
#include "pipeline/article_windows.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/text.h"

namespace newsfacts {
namespace {

// True when `windows` are consecutive, non-empty and cover all of `text`.
void ExpectCover(std::string_view text, const std::vector<Span>& windows, size_t limit) {
  size_t next = 0;
  for (const Span& window : windows) {
    EXPECT_EQ(window.begin, next);
    EXPECT_FALSE(window.empty());
    EXPECT_LE(window.size(), limit);
    EXPECT_TRUE(IsCodePointBoundary(text, window.end));
    next = window.end;
  }
  EXPECT_EQ(next, text.size());
}

TEST(ArticleWindowsTest, ShortTextIsOneWindowAndEmptyTextNone) {
  EXPECT_EQ(SplitIntoWindows("Korvex bought Brantel.", 100), (std::vector<Span>{{0, 22}}));
  EXPECT_TRUE(SplitIntoWindows("", 100).empty());
}

TEST(ArticleWindowsTest, WindowsEndAfterTheLastLineBreakOfTheirSecondHalf) {
  std::string text;
  for (int i = 0; i < 50; ++i)
    text += "Korvex Ltd bought Brantel. It paid $4m.\n\nQuellmark rose.\n";
  const std::vector<Span> windows = SplitIntoWindows(text, 200);
  ASSERT_GT(windows.size(), 1u);
  ExpectCover(text, windows, 200);
  for (size_t i = 0; i + 1 < windows.size(); ++i) {
    EXPECT_EQ(text[windows[i].end - 1], '\n') << "window " << i;
    EXPECT_GT(windows[i].size(), 100u) << "window " << i;
  }
}

TEST(ArticleWindowsTest, WithoutLineBreaksWindowsEndAfterAFullStopAndSpace) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Korvex Ltd bought Brantel for cash. ";
  const std::vector<Span> windows = SplitIntoWindows(text, 100);
  ExpectCover(text, windows, 100);
  for (size_t i = 0; i + 1 < windows.size(); ++i) {
    EXPECT_EQ(text.substr(windows[i].end - 2, 2), ". ") << "window " << i;
  }
}

TEST(ArticleWindowsTest, FallsBackToSpacesThenToCodePointBoundaries) {
  std::string spaced;
  for (int i = 0; i < 40; ++i) spaced += "korvex brantel ";
  for (const Span& window : SplitIntoWindows(spaced, 64)) {
    EXPECT_EQ(spaced[window.end - 1], ' ');
  }
  std::string unbroken;
  for (int i = 0; i < 100; ++i) unbroken += "\xC3\xA9\xE2\x82\xAC";  // "é€" without a space
  ExpectCover(unbroken, SplitIntoWindows(unbroken, 64), 64);
}

}  // namespace
}  // namespace newsfacts
