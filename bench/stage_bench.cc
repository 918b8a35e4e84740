// stage_bench DIR... [--passes N]: throughput of each stage of the standard pipeline, alone,
// over every article under DIR (read once into memory), in MB and articles per CPU second of
// the one thread that runs them (CPU time, so other work on a shared machine counts little).
// The articles go through in batches, stage by stage, as ingest and extract run them
// (Pipeline::RunBatch, BatchLimits). A first pass, reported in a column of its own, comes
// before the timed ones: RE2 builds each pattern's automaton lazily, on the text it first
// sees, a once-per-process cost like compiling the rules (which the bench leaves out too),
// so the timed passes measure the steady state that a long ingest runs in.
#include <time.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "extractors/standard_pipeline.h"

using namespace newsfacts;

namespace {

// The command line: the folders to read and how many times to run over them.
struct Options {
  std::vector<std::filesystem::path> roots;
  int passes = 3;
};

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// CPU time spent in each stage, summed over the passes, and what the first pass found.
struct Timings {
  std::vector<double> seconds;  // per stage
  double bytes = 0;             // text of all articles, counted once
  size_t facts[3] = {0, 0, 0};  // mentions, amounts, claims
};

// Parses `DIR... [--passes N]` (the timed passes, after the first); prints the usage and
// returns nothing without a folder or with fewer than one pass.
std::optional<Options> ParseArgs(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
      options.passes = std::atoi(argv[++i]);
    } else {
      options.roots.emplace_back(argv[i]);
    }
  }
  if (options.roots.empty() || options.passes < 1) {
    std::fprintf(stderr, "usage: stage_bench DIR... [--passes N]\n");
    return std::nullopt;
  }
  return options;
}

// Returns every article under `roots`, skipping files that cannot be read; an error when the
// folders cannot be listed.
StatusOr<std::vector<RawArticle>> ReadArticles(const std::vector<std::filesystem::path>& roots) {
  auto files = FindArticleFiles(roots);
  if (!files.ok()) return files.status();
  std::vector<RawArticle> raws;
  for (const auto& path : files->files) {
    auto read = ReadArticleFile(path);
    if (!read.ok()) continue;
    for (auto& article : read->articles) raws.push_back(std::move(article));
  }
  return raws;
}

// Runs every stage on every article `passes` times, a batch at a time as Pipeline::RunBatch
// does, timing each stage alone; an error ("path: message") when a stage fails.
StatusOr<Timings> TimeStages(const Pipeline& pipeline, const std::vector<RawArticle>& raws,
                             int passes) {
  const auto& stages = pipeline.stages();
  const BatchLimits limits;
  Timings timings;
  timings.seconds.assign(stages.size(), 0);
  for (int pass = 0; pass < passes; ++pass) {
    for (size_t first = 0; first < raws.size();) {
      const size_t count =
          limits.Next(first, raws.size(), [&](size_t i) { return raws[i].text.size(); });
      std::vector<Document> docs;
      for (size_t i = first; i < first + count; ++i) {
        docs.push_back(Document::FromUtf8(raws[i].meta, raws[i].text));
        if (pass == 0) timings.bytes += static_cast<double>(docs.back().text().size());
      }
      for (size_t s = 0; s < stages.size(); ++s) {
        const double start = ThreadCpuSeconds();
        for (size_t i = 0; i < docs.size(); ++i) {
          Status status = stages[s]->Process(docs[i]);
          if (!status.ok()) return status.WithContext(raws[first + i].meta.path);
        }
        timings.seconds[s] += ThreadCpuSeconds() - start;
      }
      if (pass == 0) {
        for (const Document& doc : docs) {
          timings.facts[0] += doc.mentions().size();
          timings.facts[1] += doc.amounts().size();
          timings.facts[2] += doc.claims().size();
        }
      }
      first += count;
    }
  }
  return timings;
}

// Prints the totals, then MB/s and articles/s (per CPU second) per stage and for the whole
// pipeline over the timed passes, and MB/s of the first pass.
void PrintThroughput(const Pipeline& pipeline, const Timings& first, const Timings& timed,
                     size_t articles, int passes) {
  const auto& stages = pipeline.stages();
  const double mb = first.bytes / 1e6;
  std::printf(
      "%zu articles, %.2f MB (%.0f bytes), 1 + %d passes; %zu mentions, %zu amounts, %zu claims\n",
      articles, mb, first.bytes, passes, first.facts[0], first.facts[1], first.facts[2]);
  std::printf("%-10s %10s %12s %12s   (per CPU second)\n", "stage", "MB/s", "articles/s",
              "first pass");
  double total = 0;
  double first_total = 0;
  for (size_t s = 0; s < stages.size(); ++s) {
    const double per_pass = timed.seconds[s] / passes;
    total += per_pass;
    first_total += first.seconds[s];
    std::printf("%-10s %10.1f %12.0f %12.1f\n", std::string(stages[s]->name()).c_str(),
                mb / per_pass, static_cast<double>(articles) / per_pass, mb / first.seconds[s]);
  }
  std::printf("%-10s %10.1f %12.0f %12.1f\n", "all", mb / total,
              static_cast<double>(articles) / total, mb / first_total);
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = ParseArgs(argc, argv);
  if (!options) return 2;
  auto raws = ReadArticles(options->roots);
  if (!raws.ok()) {
    std::fprintf(stderr, "%s\n", raws.status().message().c_str());
    return 2;
  }
  auto loaded = LoadStandardPipeline({});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 2;
  }
  const auto first = TimeStages(loaded->pipeline, *raws, 1);
  const auto timed = first.ok() ? TimeStages(loaded->pipeline, *raws, options->passes) : first;
  if (!timed.ok()) {
    std::fprintf(stderr, "%s\n", timed.status().message().c_str());
    return 1;
  }
  PrintThroughput(loaded->pipeline, *first, *timed, raws->size(), options->passes);
  return 0;
}
