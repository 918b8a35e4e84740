// Replays every input under tests/fuzz_regressions/<target>/ through the code path of fuzz
// target fuzz_<target> (fuzz/fuzz_entries.h): each must finish without a crash, a broken
// contract or a sanitizer report. A crash a fuzz run finds is added here as a file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_entries.h"

namespace newsfacts {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressionDir = fs::path(NEWSFACTS_SOURCE_DIR) / "tests" / "fuzz_regressions";

struct Target {
  std::string name;  // folder under tests/fuzz_regressions/, fuzz target fuzz_<name>
  std::function<void(std::string_view)> run;
};

std::vector<Target> Targets() {
  std::vector<Target> targets;
  for (std::string format : {"txt", "md", "html", "json", "jsonl"}) {
    targets.push_back({"read_" + format, [format](std::string_view bytes) {
                         fuzz::ReadArticle("fuzz." + format, bytes);
                       }});
  }
  targets.push_back({"amounts", fuzz::ExtractAmounts});
  targets.push_back({"rules", fuzz::LoadRuleFile});
  targets.push_back({"extract", fuzz::ExtractFacts});
  return targets;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

TEST(FuzzRegressionsTest, EveryStoredInputRunsThroughItsTarget) {
  size_t replayed = 0;
  for (const Target& target : Targets()) {
    const fs::path dir = kRegressionDir / target.name;
    if (!fs::is_directory(dir)) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      SCOPED_TRACE(target.name + "/" + entry.path().filename().string());
      target.run(ReadFile(entry.path()));
      ++replayed;
    }
  }
  // Issue 15's inputs are stored here; an empty replay means the folder was not found.
  EXPECT_GE(replayed, 6u);
}

// Every stored input sits in a folder named after a target, so none is silently skipped.
TEST(FuzzRegressionsTest, EveryFolderNamesATarget) {
  std::vector<std::string> names;
  for (const Target& target : Targets()) names.push_back(target.name);
  for (const fs::directory_entry& entry : fs::directory_iterator(kRegressionDir)) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

// Issue 15 item 3: 20,000 unclosed <div>s made memory grow quadratically (3.1 GB); built here
// rather than stored, like the hostile inputs of tests/corpus/hostile_input_test.cc.
TEST(FuzzRegressionsTest, TwentyThousandUnclosedDivs) {
  const std::string html = "<html><body>" + Repeat("<div>", 20000) + "<p>Cisco paid $28bn.";
  fuzz::ReadArticle("fuzz.html", html);
  fuzz::ExtractFacts("html\n" + html);
}

}  // namespace
}  // namespace newsfacts
