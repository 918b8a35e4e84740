// segment_bench: segmentation throughput (MB/s of article text) of SegmenterStage over files
// or folders given as arguments, e.g. `segment_bench --repeat 5 ../shared/data/bbc-tech`.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/segmenter.h"

namespace {

namespace fs = std::filesystem;

// Reads every regular file under `path` (or `path` itself) into `docs`; false on an I/O error.
bool Load(const fs::path& path, std::vector<newsfacts::Document>& docs) {
  std::error_code error;
  std::vector<fs::path> files;
  if (fs::is_directory(path, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(path, error)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  } else {
    files.push_back(path);
  }
  if (error) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), error.message().c_str());
    return false;
  }
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: cannot open\n", file.c_str());
      return false;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    docs.push_back(newsfacts::Document::FromRaw({file.string()}, bytes.str()));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  unsigned threads = 1;
  std::vector<newsfacts::Document> docs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--repeat" || arg == "--threads") && i + 1 < argc) {
      const int value = std::atoi(argv[++i]);
      if (value < 1) {
        std::fprintf(stderr, "%s needs a positive number\n", arg.c_str());
        return 2;
      }
      if (arg == "--repeat") repeat = value;
      if (arg == "--threads") threads = static_cast<unsigned>(value);
    } else if (!Load(arg, docs)) {
      return 2;
    }
  }
  if (docs.empty()) {
    std::fprintf(stderr, "usage: segment_bench [--repeat N] [--threads N] FILE_OR_DIR...\n");
    return 2;
  }
  auto stage = newsfacts::SegmenterStage::Create();
  if (!stage.ok()) {
    std::fprintf(stderr, "%s\n", stage.status().ToString().c_str());
    return 2;
  }

  size_t bytes = 0;
  for (const auto& doc : docs) bytes += doc.text().size();
  std::vector<std::thread> workers;
  std::vector<int> failures(threads, 0);
  const auto start = std::chrono::steady_clock::now();
  for (unsigned t = 0; t < threads; ++t) {
    // Each worker segments its own copies: a Document belongs to one thread at a time.
    workers.emplace_back([&, t] {
      std::vector<newsfacts::Document> mine = docs;
      for (int r = 0; r < repeat; ++r) {
        for (auto& doc : mine) {
          if (!(*stage)->Process(doc).ok()) ++failures[t];
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  auto probe = docs;
  size_t sentences = 0;
  size_t tokens = 0;
  for (auto& doc : probe) {
    if (!(*stage)->Process(doc).ok()) ++failures[0];
    sentences += doc.sentences().size();
    tokens += doc.tokens().size();
  }
  int failed = 0;
  for (int f : failures) failed += f;
  const double megabytes = static_cast<double>(bytes) * repeat * threads / 1e6;
  std::printf("documents %zu, bytes %zu, sentences %zu, tokens %zu\n", docs.size(), bytes,
              sentences, tokens);
  std::printf("threads %u, repeat %d: %.3f s, %.2f MB/s, %.0f docs/s, failures %d\n", threads,
              repeat, seconds, megabytes / seconds,
              static_cast<double>(docs.size()) * repeat * threads / seconds, failed);
  return failed == 0 ? 0 : 1;
}
