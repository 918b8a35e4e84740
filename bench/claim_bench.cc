// claim_bench: single-thread throughput of the claims stage alone and of the whole pipeline
// (segment, entities, amounts, claims) over every article file in a folder, in MB/s of text.
// Usage: claim_bench DIR [--repeat N]   (e.g. ../shared/data/bbc-tech)
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "extractors/amount_stage.h"
#include "extractors/claim_stage.h"
#include "extractors/entity_stage.h"
#include "pipeline/segmenter.h"

using namespace newsfacts;

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: claim_bench DIR [--repeat N]\n");
    return 2;
  }
  int repeat = 3;
  if (argc >= 4 && std::string(argv[2]) == "--repeat") repeat = std::max(1, std::stoi(argv[3]));

  StatusOr<std::vector<std::filesystem::path>> files = FindArticleFiles({argv[1]});
  if (!files.ok()) {
    std::fprintf(stderr, "%s\n", files.status().message().c_str());
    return 2;
  }
  std::vector<RawArticle> articles;
  for (const auto& path : *files) {
    StatusOr<FileReadResult> read = ReadArticleFile(path);
    if (!read.ok()) continue;
    for (RawArticle& article : read->articles) articles.push_back(std::move(article));
  }
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  if (!rules.ok()) return 2;
  auto segmenter = SegmenterStage::Create();
  auto entities = EntityStage::Create(*rules);
  auto amounts = AmountStage::Create(*rules);
  auto claims = ClaimStage::Create(*rules);
  if (!segmenter.ok() || !entities.ok() || !amounts.ok() || !claims.ok()) {
    std::fprintf(stderr, "cannot build the stages\n");
    return 2;
  }
  const std::vector<const Stage*> upstream = {segmenter->get(), entities->get(), amounts->get()};

  size_t bytes = 0;
  std::vector<Document> prepared;
  Clock::duration upstream_time{};
  Clock::duration claim_time{};
  size_t claim_count = 0, quote_count = 0, unexplained = 0;
  for (const RawArticle& article : articles) {
    Document doc = Document::FromRaw(article.meta, article.text);
    bytes += doc.text().size();
    const auto start = Clock::now();
    for (const Stage* stage : upstream) {
      if (!stage->Process(doc).ok()) return 1;
    }
    upstream_time += Clock::now() - start;
    prepared.push_back(std::move(doc));
  }
  for (int r = 0; r < repeat; ++r) {
    for (const Document& source : prepared) {
      Document doc = source;
      const auto start = Clock::now();
      if (!(*claims)->Process(doc).ok()) return 1;
      claim_time += Clock::now() - start;
      if (r == 0) {
        claim_count += doc.claims().size();
        quote_count += doc.quotes().size();
        unexplained += ClaimStage::CountUnexplainedSentences(doc);
      }
    }
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  const double claim_seconds = Seconds(claim_time) / repeat;
  const double pipeline_seconds = Seconds(upstream_time) + claim_seconds;
  std::printf("%zu articles, %.2f MB of text; %zu claims, %zu quotes, %zu unexplained sentences\n",
              articles.size(), mb, claim_count, quote_count, unexplained);
  std::printf("claims stage alone: %.3f s  %.2f MB/s (mean of %d runs)\n", claim_seconds,
              mb / claim_seconds, repeat);
  std::printf("whole pipeline:     %.3f s  %.2f MB/s (segment + entities + amounts + claims, 1 thread)\n",
              pipeline_seconds, mb / pipeline_seconds);
  return 0;
}
