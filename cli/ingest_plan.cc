// PlanIngest: the files ingest must read and those it may skip, decided before it writes.
#include "cli/ingest_plan.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "corpus/article_reader.h"

namespace newsfacts {
namespace {

// Returns, for each of `files`, whether `recorded` holds it with the stamp it has now; the
// files are stat'ed in `jobs` threads.
std::vector<char> FindUnchanged(const std::vector<std::filesystem::path>& files,
                                const std::unordered_map<std::string, SourceFile>& recorded,
                                int jobs) {
  std::vector<char> unchanged(files.size(), 0);
  if (recorded.empty()) return unchanged;
  std::atomic<size_t> next{0};
  const auto compare = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      const auto found = recorded.find(files[i].string());
      if (found == recorded.end()) continue;
      StatusOr<FileStamp> stamp = StampOfFile(files[i]);
      unchanged[i] = stamp.ok() && *stamp == found->second.stamp;
    }
  };
  std::vector<std::thread> helpers;
  for (int i = 1; i < jobs; ++i) helpers.emplace_back(compare);
  compare();
  for (std::thread& helper : helpers) helper.join();
  return unchanged;
}

// The article files under options.roots, and in `plan` their count and a message for each
// entry passed over.
StatusOr<std::vector<std::filesystem::path>> FindFiles(const IngestOptions& options,
                                                       IngestPlan& plan) {
  StatusOr<FoundFiles> found = FindArticleFiles(options.roots);
  if (!found.ok()) return found.status();
  for (const FoundFiles::Skipped& skipped : found->skipped) {
    plan.messages.push_back(skipped.path.string() + ": " + skipped.reason + "; skipped");
  }
  plan.files_total = static_cast<int64_t>(found->files.size());
  return std::move(found->files);
}

}  // namespace

StatusOr<IngestPlan> PlanNewDatabase(const IngestOptions& options) {
  IngestPlan plan;
  StatusOr<std::vector<std::filesystem::path>> files = FindFiles(options, plan);
  if (!files.ok()) return files.status();
  plan.files_to_read = std::move(*files);
  plan.needs_pipeline = true;
  return plan;
}

StatusOr<IngestPlan> PlanIngest(const IngestOptions& options, FactStore& store) {
  IngestPlan plan;
  StatusOr<std::vector<std::filesystem::path>> files = FindFiles(options, plan);
  if (!files.ok()) return files.status();
  StatusOr<std::unordered_map<std::string, SourceFile>> recorded =
      store.LoadSourceFiles(options.run.tool_version);
  if (!recorded.ok()) return recorded.status();
  const std::vector<char> unchanged = FindUnchanged(*files, *recorded, WorkerCount(options));
  for (size_t i = 0; i < files->size(); ++i) {
    if (!unchanged[i]) {
      plan.files_to_read.push_back(std::move((*files)[i]));
      continue;
    }
    ++plan.unchanged_files;
    plan.unchanged_articles += recorded->at((*files)[i].string()).articles;
  }

  if (!plan.files_to_read.empty()) {
    StatusOr<std::unordered_map<std::string, std::string>> hashes = store.LoadContentHashes();
    if (!hashes.ok()) return hashes.status();
    plan.stored_hashes = std::move(*hashes);
    plan.needs_pipeline = true;
    return plan;
  }
  StatusOr<bool> stale = store.HasArticlesToReextract(options.run, options.reextract_all);
  if (!stale.ok()) return stale.status();
  StatusOr<bool> compiled_before = store.HasFinishedRun(options.run);
  if (!compiled_before.ok()) return compiled_before.status();
  plan.needs_pipeline = *stale || !*compiled_before;
  return plan;
}

int64_t EstimatedBytesToRead(const IngestPlan& plan) {
  constexpr size_t kMeasured = 256;
  const std::vector<std::filesystem::path>& files = plan.files_to_read;
  const size_t step = std::max<size_t>(1, files.size() / kMeasured);
  int64_t bytes = 0;
  int64_t measured = 0;
  for (size_t i = 0; i < files.size(); i += step, ++measured) {
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(files[i], error);
    if (!error) bytes += static_cast<int64_t>(size);
  }
  if (measured == 0) return 0;
  return bytes * static_cast<int64_t>(files.size()) / measured;
}

}  // namespace newsfacts
