// throughput_smoke DIR --baseline FILE [--passes N] [--update]: guards extraction speed on any
// machine. Times the whole pipeline over the articles under DIR and a fixed reference loop over
// the same text, both in CPU seconds of this thread, and fails (exit 1) when their ratio is
// more than twice the committed baseline ratio. --update writes the measured ratio instead.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/article_reader.h"
#include "extractors/standard_pipeline.h"

using namespace newsfacts;

namespace {

// The run fails when the measured ratio exceeds the baseline by this factor.
constexpr double kAllowedSlowdown = 2.0;
// Each measurement is the least of this many rounds, so a burst of load on a shared
// machine does not decide the outcome.
constexpr int kRounds = 3;

struct Options {
  std::filesystem::path root;
  std::filesystem::path baseline;
  int passes = 8;
  bool update = false;
};

std::optional<Options> ParseArgs(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
      options.passes = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--baseline") == 0 && i + 1 < argc) {
      options.baseline = argv[++i];
    } else if (std::strcmp(argv[i], "--update") == 0) {
      options.update = true;
    } else {
      options.root = argv[i];
    }
  }
  if (options.root.empty() || options.baseline.empty() || options.passes < 1) {
    std::fprintf(stderr, "usage: throughput_smoke DIR --baseline FILE [--passes N] [--update]\n");
    return std::nullopt;
  }
  return options;
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The reference work: split every text into words and count them in a hash map, the kind of
// hashing, branching and allocation the pipeline does, in code no change to newsfacts
// touches. Returns a checksum so the compiler keeps the loop.
size_t ReferenceLoop(const std::vector<RawArticle>& raws, int passes) {
  size_t checksum = 0;
  for (int pass = 0; pass < passes; ++pass) {
    for (int repeat = 0; repeat < 32; ++repeat) {
      std::unordered_map<std::string, int> counts;
      for (const RawArticle& raw : raws) {
        size_t begin = 0;
        const std::string& text = raw.text;
        for (size_t i = 0; i <= text.size(); ++i) {
          if (i < text.size() && text[i] != ' ' && text[i] != '\n') continue;
          if (i > begin) {
            std::string word = text.substr(begin, i - begin);
            std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) {
              return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            });
            checksum += static_cast<size_t>(++counts[word]);
          }
          begin = i + 1;
        }
      }
      checksum += counts.size();
    }
  }
  return checksum;
}

// CPU seconds of the whole pipeline over every article, `passes` times, in batches as ingest
// runs it (Pipeline::RunBatch); nullopt after printing the error when a stage fails.
std::optional<double> PipelineSeconds(const Pipeline& pipeline, const std::vector<RawArticle>& raws,
                                      int passes) {
  const BatchLimits limits;
  const double start = ThreadCpuSeconds();
  for (int pass = 0; pass < passes; ++pass) {
    for (size_t first = 0; first < raws.size();) {
      const size_t count =
          limits.Next(first, raws.size(), [&](size_t i) { return raws[i].text.size(); });
      std::vector<Document> docs;
      for (size_t i = first; i < first + count; ++i) {
        docs.push_back(Document::FromUtf8(raws[i].meta, raws[i].text));
      }
      const std::vector<Status> statuses = pipeline.RunBatch(docs);
      for (size_t i = 0; i < count; ++i) {
        if (statuses[i].ok()) continue;
        std::fprintf(stderr, "%s: %s\n", raws[first + i].meta.path.c_str(),
                     statuses[i].message().c_str());
        return std::nullopt;
      }
      first += count;
    }
  }
  return ThreadCpuSeconds() - start;
}

std::optional<double> ReadBaseline(const std::filesystem::path& path) {
  std::ifstream in(path);
  double ratio = 0;
  if (!(in >> ratio) || ratio <= 0) return std::nullopt;
  return ratio;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = ParseArgs(argc, argv);
  if (!options) return 2;
  auto files = FindArticleFiles({options->root});
  if (!files.ok()) {
    std::fprintf(stderr, "%s\n", files.status().message().c_str());
    return 2;
  }
  std::vector<RawArticle> raws;
  double bytes = 0;
  for (const auto& path : files->files) {
    auto read = ReadArticleFile(path);
    if (!read.ok()) continue;
    for (auto& article : read->articles) {
      bytes += static_cast<double>(article.text.size());
      raws.push_back(std::move(article));
    }
  }
  auto loaded = LoadStandardPipeline({});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 2;
  }
  double pipeline_seconds = 1e30;
  double reference_seconds = 1e30;
  size_t checksum = 0;
  for (int round = 0; round < kRounds; ++round) {
    const std::optional<double> seconds = PipelineSeconds(loaded->pipeline, raws, options->passes);
    if (!seconds) return 1;
    pipeline_seconds = std::min(pipeline_seconds, *seconds);
    const double start = ThreadCpuSeconds();
    checksum += ReferenceLoop(raws, options->passes);
    reference_seconds = std::min(reference_seconds, ThreadCpuSeconds() - start);
  }
  const double ratio = pipeline_seconds / reference_seconds;
  std::printf(
      "%zu articles, %.2f MB x %d passes: pipeline %.3f CPU s (%.1f MB/s), reference "
      "%.3f CPU s, ratio %.3f (checksum %zu)\n",
      raws.size(), bytes / 1e6, options->passes, pipeline_seconds,
      bytes * options->passes / 1e6 / pipeline_seconds, reference_seconds, ratio, checksum % 1000);
  if (options->update) {
    std::ofstream out(options->baseline);
    out << ratio << "\n";
    std::printf("wrote baseline ratio %.3f to %s\n", ratio, options->baseline.c_str());
    return out ? 0 : 2;
  }
  const std::optional<double> baseline = ReadBaseline(options->baseline);
  if (!baseline) {
    std::fprintf(stderr, "%s: no baseline ratio; run with --update to write one\n",
                 options->baseline.c_str());
    return 2;
  }
  std::printf("baseline ratio %.3f, limit %.3f\n", *baseline, *baseline * kAllowedSlowdown);
  if (ratio > *baseline * kAllowedSlowdown) {
    std::fprintf(stderr,
                 "throughput_smoke: the pipeline is %.1fx slower than the baseline relative to "
                 "the reference loop (ratio %.3f > %.3f)\n",
                 ratio / *baseline, ratio, *baseline * kAllowedSlowdown);
    return 1;
  }
  return 0;
}
