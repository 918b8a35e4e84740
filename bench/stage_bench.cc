// stage_bench DIR... [--passes N]: throughput of each stage of the standard pipeline, alone,
// over every article under DIR (read once into memory), in MB/s and articles/s.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "extractors/standard_pipeline.h"

using namespace newsfacts;

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> roots;
  int passes = 3;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
      passes = std::atoi(argv[++i]);
    } else {
      roots.emplace_back(argv[i]);
    }
  }
  if (roots.empty() || passes < 1) {
    std::fprintf(stderr, "usage: stage_bench DIR... [--passes N]\n");
    return 2;
  }
  auto files = FindArticleFiles(roots);
  if (!files.ok()) {
    std::fprintf(stderr, "%s\n", files.status().message().c_str());
    return 2;
  }
  std::vector<RawArticle> raws;
  for (const auto& path : *files) {
    auto read = ReadArticleFile(path);
    if (!read.ok()) continue;
    for (auto& article : read->articles) raws.push_back(std::move(article));
  }
  auto loaded = LoadStandardPipeline({});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 2;
  }

  const auto& stages = loaded->pipeline.stages();
  std::vector<double> seconds(stages.size(), 0);
  double bytes = 0;
  size_t facts[3] = {0, 0, 0};
  for (int pass = 0; pass < passes; ++pass) {
    for (const RawArticle& raw : raws) {
      Document doc = Document::FromUtf8(raw.meta, raw.text);
      if (pass == 0) bytes += static_cast<double>(doc.text().size());
      for (size_t s = 0; s < stages.size(); ++s) {
        const auto start = std::chrono::steady_clock::now();
        Status status = stages[s]->Process(doc);
        seconds[s] +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!status.ok()) {
          std::fprintf(stderr, "%s: %s\n", raw.meta.path.c_str(), status.message().c_str());
          return 1;
        }
      }
      if (pass == 0) {
        facts[0] += doc.mentions().size();
        facts[1] += doc.amounts().size();
        facts[2] += doc.claims().size();
      }
    }
  }
  const double mb = bytes / 1e6;
  std::printf("%zu articles, %.2f MB, %d passes; %zu mentions, %zu amounts, %zu claims\n",
              raws.size(), mb, passes, facts[0], facts[1], facts[2]);
  std::printf("%-10s %10s %12s\n", "stage", "MB/s", "articles/s");
  double total = 0;
  for (size_t s = 0; s < stages.size(); ++s) {
    const double per_pass = seconds[s] / passes;
    total += per_pass;
    std::printf("%-10s %10.1f %12.0f\n", std::string(stages[s]->name()).c_str(), mb / per_pass,
                static_cast<double>(raws.size()) / per_pass);
  }
  std::printf("%-10s %10.1f %12.0f\n", "all", mb / total, static_cast<double>(raws.size()) / total);
  return 0;
}
