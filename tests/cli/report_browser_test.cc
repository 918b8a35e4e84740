// The sample corpus's report in a real browser (headless Chromium): the page's script runs
// without errors and the screenshot is not blank. Skipped only when Chromium is missing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/cli/cli_test_util.h"
#include "tests/cli/png_check.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const std::string kSamples = std::string(NEWSFACTS_SOURCE_DIR) + "/corpus/samples";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs a shell command in `dir`, stdout to `output` and stderr to `log`; returns its exit
// code.
int Shell(const std::string& command, const TempDir& dir, const std::string& output,
          const std::string& log) {
  const int status = std::system(
      ("cd '" + dir.path().string() + "' && " + command + " >" + output + " 2>" + log).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ReportBrowserTest, ChromiumRunsTheScriptWithoutErrorsAndDrawsThePage) {
  if (std::system("command -v chromium >/dev/null") != 0) {
    GTEST_SKIP() << "chromium is not installed (apt-get install chromium)";
  }
  TempDir dir;
  ASSERT_EQ(RunNewsfacts("ingest '" + kSamples + "' --db facts.db", dir.path()).exit_code, 0);
  auto report = RunNewsfacts("report --db facts.db --out report.html", dir.path());
  ASSERT_EQ(report.exit_code, 0) << report.output;
  const std::string url = "file://" + (dir.path() / "report.html").string();
  // Chromium keeps its profile and crash files in HOME: a fresh one per run.
  const std::string chromium = "HOME='" + dir.File("home") +
                               "' timeout 120 chromium --headless --no-sandbox --disable-gpu "
                               "--disable-dev-shm-usage --enable-logging=stderr --v=0 ";

  ASSERT_EQ(Shell(chromium + "--dump-dom '" + url + "'", dir, "dom.html", "dom.log"), 0)
      << ReadFile(dir.path() / "dom.log");
  const std::string dom = ReadFile(dir.path() / "dom.html");
  const std::string log = ReadFile(dir.path() / "dom.log");
  EXPECT_NE(dom.find("data-script=\"ok\""), std::string::npos) << "the page's script did not run";
  EXPECT_EQ(log.find("Uncaught"), std::string::npos) << log;
  EXPECT_EQ(log.find("Content Security Policy"), std::string::npos) << log;

  ASSERT_EQ(Shell(chromium + "--screenshot=shot.png --window-size=1280,2000 '" + url + "'", dir,
                  "shot.out", "shot.log"),
            0)
      << ReadFile(dir.path() / "shot.log");
  const testing::PngSummary png = testing::SummarizePng((dir.path() / "shot.png").string());
  ASSERT_TRUE(png.ok) << png.error;
  EXPECT_EQ(png.width, 1280u);
  EXPECT_EQ(png.height, 2000u);
  // A blank page is one colour: every filtered scanline the same (at most the first differs).
  EXPECT_GT(png.distinct_rows, 100u);
}

}  // namespace
}  // namespace newsfacts
