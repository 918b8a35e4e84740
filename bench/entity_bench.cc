// entity_bench: throughput of the entity stage alone, in MB/s of article text. Segments
// every .txt file of a folder once, then times only EntityStage::Process over all
// documents for several passes. Usage: entity_bench DIR [--passes N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/entity_stage.h"
#include "extractors/rule_sources.h"
#include "pipeline/segmenter.h"

namespace {

int Run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: entity_bench DIR [--passes N]\n";
    return 2;
  }
  int passes = 5;
  if (argc >= 4 && std::string(argv[2]) == "--passes") passes = std::atoi(argv[3]);
  auto rules = newsfacts::RuleSources::Builtin();
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 2;
  }
  auto segmenter = newsfacts::SegmenterStage::Create();
  auto entities = newsfacts::EntityStage::Create(*rules);
  if (!segmenter.ok() || !entities.ok()) {
    std::cerr << (segmenter.ok() ? entities.status() : segmenter.status()).message() << "\n";
    return 2;
  }
  std::vector<std::filesystem::path> paths;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(argv[1], error)) {
    if (item.path().extension() == ".txt") paths.push_back(item.path());
  }
  if (error || paths.empty()) {
    std::cerr << argv[1] << ": no .txt files\n";
    return 2;
  }
  std::vector<newsfacts::Document> docs;
  size_t bytes = 0;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream contents;
    contents << in.rdbuf();
    docs.push_back(newsfacts::Document::FromRaw({path.string()}, contents.str()));
    if (!(*segmenter)->Process(docs.back()).ok()) {
      std::cerr << path.string() << ": segmentation failed\n";
      return 1;
    }
    bytes += docs.back().text().size();
  }
  size_t mentions = 0;
  double best_seconds = 0;
  for (int pass = 0; pass < passes; ++pass) {
    const auto start = std::chrono::steady_clock::now();
    mentions = 0;
    for (newsfacts::Document& doc : docs) {
      if (!(*entities)->Process(doc).ok()) return 1;
      mentions += doc.mentions().size();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (pass == 0 || seconds < best_seconds) best_seconds = seconds;
  }
  std::printf("%zu documents, %.2f MB, %zu mentions per pass, best of %d passes: %.3f s, %.1f MB/s\n",
              docs.size(), bytes / 1e6, mentions, passes, best_seconds, bytes / 1e6 / best_seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
