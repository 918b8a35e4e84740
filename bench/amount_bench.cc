// amount_bench DIR [--passes N]: throughput of the amounts stage alone, in MB/s, over every
// DIR/*.txt. Sentences come from SegmenterStage once, outside the timed loop.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/amount_stage.h"
#include "pipeline/segmenter.h"

using namespace newsfacts;

int main(int argc, char** argv) {
  std::string dir;
  int passes = 20;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
      passes = std::atoi(argv[++i]);
    } else {
      dir = argv[i];
    }
  }
  if (dir.empty() || passes < 1) {
    std::fprintf(stderr, "usage: amount_bench DIR [--passes N]\n");
    return 2;
  }
  auto rules = RuleSources::Builtin();
  if (!rules.ok()) return 2;
  auto amounts = AmountStage::Create(*rules);
  auto segmenter = SegmenterStage::Create();
  if (!amounts.ok() || !segmenter.ok()) {
    std::fprintf(stderr, "%s %s\n", amounts.status().ToString().c_str(),
                 segmenter.status().ToString().c_str());
    return 2;
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Document> docs;
  double bytes = 0;
  double segment_seconds = 0;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream raw;
    raw << in.rdbuf();
    docs.push_back(Document::FromRaw(ArticleMeta{path.string()}, raw.str()));
    const auto start = std::chrono::steady_clock::now();
    if (!(*segmenter)->Process(docs.back()).ok()) return 1;
    segment_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes += static_cast<double>(docs.back().text().size());
  }
  size_t found = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int pass = 0; pass < passes; ++pass) {
    for (Document& doc : docs) {
      if (!(*amounts)->Process(doc).ok()) return 1;
      if (pass == 0) found += doc.amounts().size();
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb = bytes / 1e6;
  std::printf("%zu files, %.2f MB, %zu amounts, %d passes\n", docs.size(), mb, found, passes);
  std::printf("amounts stage: %.1f MB/s (%.2f ms per pass)\n", mb * passes / seconds,
              1000 * seconds / passes);
  std::printf("segmenter (one pass, for comparison): %.1f MB/s\n", mb / segment_seconds);
  return 0;
}
