// The ingest progress line: percent, files, rates and time left, and on a terminal only,
// cleared before the summary.
#include "cli/ingest_progress.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

TEST(IngestProgressTest, SaysPercentRatesAndTimeLeft) {
  IngestSummary s;
  s.files = 100;
  s.articles_added = 180;
  s.articles_replaced = 20;
  s.bytes = 3'000'000;
  EXPECT_EQ(ProgressLine(s, 400, 2.0),
            " 25% · 100/400 files · 100 articles/s · 1.5 MB/s · 0:06 left");
  s.files = 400;
  EXPECT_EQ(ProgressLine(s, 400, 2.0),
            "100% · 400/400 files · 100 articles/s · 1.5 MB/s · 0:00 left");
  IngestSummary none;
  EXPECT_EQ(ProgressLine(none, 10, 0.0),
            "  0% · 0/10 files · 0 articles/s · 0.0 MB/s · --:-- left");
  IngestSummary again = s;
  again.articles_to_reextract = 400;
  again.articles_reextracted = 200;
  EXPECT_EQ(ProgressLine(again, 400, 6.0),
            " 75% · 400/400 files · 200/400 re-extracted · 67 articles/s · 0.5 MB/s · 0:02 left");
  IngestSummary slow;
  slow.files = 1;
  EXPECT_EQ(ProgressLine(slow, 1001, 4.0),
            "  0% · 1/1001 files · 0 articles/s · 0.0 MB/s · 1:06:40 left");
}

TEST(IngestProgressTest, SlowRatesKeepTwoSignificantDigits) {
  EXPECT_EQ(ArticleRate(3609, 1.07), "3373");
  EXPECT_EQ(ArticleRate(100, 10), "10");
  EXPECT_EQ(ArticleRate(35, 10), "3.5");
  EXPECT_EQ(ArticleRate(1, 8.7), "0.11");
  EXPECT_EQ(ArticleRate(0, 2), "0");
  EXPECT_EQ(ArticleRate(0, 0), "0");
  IngestSummary one_large;
  one_large.files = 1;
  one_large.articles_added = 1;
  one_large.bytes = 60'000'000;
  EXPECT_EQ(ProgressLine(one_large, 1, 8.7),
            "100% · 1/1 files · 0.11 articles/s · 6.9 MB/s · 0:00 left");
}

const std::string kSamples = std::string(NEWSFACTS_SOURCE_DIR) + "/corpus/samples";

TEST(IngestProgressTest, OnATerminalTheLineIsShownThenClearedAndElseNeverShown) {
  TempDir dir;
  auto piped = RunNewsfacts("ingest '" + kSamples + "' --db piped.db", dir.path());
  ASSERT_EQ(piped.exit_code, 0) << piped.output;
  EXPECT_EQ(piped.output.find("files ·"), std::string::npos) << piped.output;
  EXPECT_EQ(piped.output.find('\r'), std::string::npos) << piped.output;

  if (std::system("command -v script >/dev/null") != 0) {
    GTEST_SKIP() << "script (util-linux) is needed to run ingest on a terminal";
  }
  // `script` runs ingest on a pseudo-terminal and copies what it shows to stdout.
  const std::string command = "cd '" + dir.path().string() + "' && script -qec \"'" +
                              std::string(NEWSFACTS_BINARY) + "' ingest '" + kSamples +
                              "' --db tty.db\" /dev/null 2>&1";
  testing::CommandResult on_terminal;
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) on_terminal.output.append(buffer, n);
  const int status = pclose(pipe);
  on_terminal.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  ASSERT_EQ(on_terminal.exit_code, 0) << on_terminal.output;
  const std::string& shown = on_terminal.output;
  const size_t line = shown.find("\r\033[K");
  ASSERT_NE(line, std::string::npos) << shown;
  EXPECT_NE(shown.find("% · ", line), std::string::npos) << shown;
  EXPECT_NE(shown.find(" articles/s · ", line), std::string::npos) << shown;
  EXPECT_NE(shown.find(" MB/s · ", line), std::string::npos) << shown;
  EXPECT_NE(shown.find(" left", line), std::string::npos) << shown;
  // Cleared before the summary.
  const size_t summary = shown.find("tty.db: 39 files");
  ASSERT_NE(summary, std::string::npos) << shown;
  EXPECT_EQ(shown.rfind("\r\033[K", summary), summary - 4) << shown;
}

}  // namespace
}  // namespace newsfacts
