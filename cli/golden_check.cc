// Runs the pipeline over a folder of articles, diffs against golden files, scores, updates.
#include "cli/golden_check.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "corpus/article_reader.h"

namespace newsfacts {
namespace {

// One diff line with the position it sorts by inside its record.
struct DiffEntry {
  size_t begin = 0;
  int order = 0;  // lost before changed before added at the same position
  std::string text;
};

std::string RecordPrefix(const std::string& path, int record_index) {
  return record_index >= 0 ? path + "#" + std::to_string(record_index) + ": " : path + ": ";
}

bool KindSelected(const CheckOptions& options, FactKind kind) {
  return !options.only || *options.only == kind;
}

// Reads a whole file; nullopt when it does not exist or cannot be read.
std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Status WriteFile(const std::filesystem::path& path, const std::string& contents) {
  const std::filesystem::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << contents;
    if (!out.flush()) return Status::IoError(temp.string() + ": cannot write");
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  if (error) return Status::IoError(path.string() + ": cannot write: " + error.message());
  return Status::Ok();
}

// Counts of the diff lines of one file, for the "updated" summary.
struct DiffTally {
  size_t added = 0;
  size_t lost = 0;
  size_t changed = 0;
};

// Compares one record's facts of the selected kinds; appends lines and scores. Returns
// whether anything differs.
bool CompareRecord(const GoldenRecord& golden, const GoldenRecord& found,
                   const CheckOptions& options, const std::string& prefix,
                   std::vector<std::string>& lines, DiffTally& tally) {
  bool differs = false;
  if (!options.only && golden.title != found.title) {
    lines.push_back(prefix + "~ title \"" + golden.title + "\" -> \"" + found.title + "\"");
    differs = true;
  }
  for (FactKind kind : kFactKinds) {
    if (!KindSelected(options, kind)) continue;
    const FactDiff diff = DiffFacts(golden.Of(kind), found.Of(kind));
    std::vector<DiffEntry> entries;
    for (const Fact& fact : diff.lost) {
      entries.push_back({fact.span.begin, 0, "- " + DescribeFact(fact)});
    }
    for (const ChangedFact& change : diff.changed) {
      entries.push_back({change.golden.span.begin, 1, "~ " + DescribeChange(change)});
    }
    for (const Fact& fact : diff.added) {
      entries.push_back({fact.span.begin, 2, "+ " + DescribeFact(fact)});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const DiffEntry& a, const DiffEntry& b) {
      return std::tie(a.begin, a.order) < std::tie(b.begin, b.order);
    });
    for (DiffEntry& entry : entries) lines.push_back(prefix + std::move(entry.text));
    tally.added += diff.added.size();
    tally.lost += diff.lost.size();
    tally.changed += diff.changed.size();
    differs = differs || !diff.empty();
  }
  return differs;
}

void Score(const GoldenRecord& golden, const GoldenRecord& found, CheckReport& report) {
  for (FactKind kind : kFactKinds) {
    const size_t k = static_cast<size_t>(kind);
    report.strict[k] += CountMatches(golden.Of(kind), found.Of(kind), SpanMatch::kStrict);
    report.lenient[k] += CountMatches(golden.Of(kind), found.Of(kind), SpanMatch::kLenient);
  }
}

// The golden file --update writes: the found facts, except that with --only the other kinds
// (and the title) of records already in the golden file are kept as reviewed.
GoldenFile MergeForUpdate(const std::optional<GoldenFile>& old_golden, const GoldenFile& found,
                          const CheckOptions& options) {
  if (!options.only || !old_golden) return found;
  GoldenFile merged = found;
  for (GoldenRecord& record : merged.records) {
    for (const GoldenRecord& old_record : old_golden->records) {
      if (old_record.record_index != record.record_index) continue;
      record.title = old_record.title;
      for (FactKind kind : kFactKinds) {
        if (kind != *options.only) record.Of(kind) = old_record.Of(kind);
      }
    }
  }
  return merged;
}

// Reads the golden file at `golden_path`; nullopt, with the reason in `check`, when it is
// missing or malformed.
std::optional<GoldenFile> ReadGolden(const std::filesystem::path& golden_path,
                                     ArticleCheck& check) {
  const std::optional<std::string> golden_text = ReadFile(golden_path);
  if (!golden_text) {
    check.lines.push_back(check.path + ": no golden file; run with --update to create it");
    return std::nullopt;
  }
  StatusOr<GoldenFile> parsed = ParseGolden(*golden_text, golden_path.string());
  if (!parsed.ok()) {
    check.lines.push_back(parsed.status().message());
    return std::nullopt;
  }
  return std::move(parsed).value();
}

// Compares the records of `golden` and `found` by record index, adding the differences to
// `check` and the scores to `report`.
DiffTally CompareRecords(const GoldenFile& golden, const GoldenFile& found,
                         const CheckOptions& options, ArticleCheck& check, CheckReport& report) {
  DiffTally tally;
  std::map<int, const GoldenRecord*> golden_records;
  std::map<int, const GoldenRecord*> found_records;
  for (const GoldenRecord& record : golden.records) golden_records[record.record_index] = &record;
  for (const GoldenRecord& record : found.records) found_records[record.record_index] = &record;
  std::set<int> indexes;
  for (const auto& [index, record] : golden_records) indexes.insert(index);
  for (const auto& [index, record] : found_records) indexes.insert(index);
  const GoldenRecord empty;
  for (const int index : indexes) {
    const std::string prefix = RecordPrefix(check.path, index);
    const auto in_golden = golden_records.find(index);
    const auto in_found = found_records.find(index);
    const bool has_golden = in_golden != golden_records.end();
    const bool has_found = in_found != found_records.end();
    if (!has_golden) check.lines.push_back(prefix + "article not in the golden file");
    if (!has_found) check.lines.push_back(prefix + "article in the golden file, not in the input");
    GoldenRecord gold_record = has_golden ? *in_golden->second : empty;
    GoldenRecord found_record = has_found ? *in_found->second : empty;
    if (!has_golden) gold_record.title = found_record.title;
    if (!has_found) found_record.title = gold_record.title;
    const bool differs =
        CompareRecord(gold_record, found_record, options, prefix, check.lines, tally);
    if (differs || !has_golden || !has_found) ++check.articles_differing;
    Score(gold_record, found_record, report);
  }
  return tally;
}

// Checks one article file; returns an error only when its golden file cannot be written.
StatusOr<ArticleCheck> CheckFile(const Pipeline& pipeline, const std::filesystem::path& path,
                                 const CheckOptions& options, CheckReport& report) {
  ArticleCheck check;
  check.path = path.string();
  StatusOr<FileReadResult> read = ReadArticleFile(path);
  if (!read.ok()) {
    check.failed = true;
    check.articles = check.articles_differing = 1;
    check.lines.push_back(read.status().message());
    return check;
  }
  for (const std::string& error : read->errors) check.lines.push_back(error);
  check.failed = !read->errors.empty();

  GoldenFile found;
  found.article = path.filename().string();
  for (RawArticle& raw : read->articles) {
    Document doc = Document::FromUtf8(std::move(raw.meta), raw.text);
    const Status status = pipeline.Run(doc);
    if (!status.ok()) {
      check.failed = true;
      check.lines.push_back(RecordPrefix(check.path, doc.meta().record_index) + status.message());
      continue;
    }
    found.records.push_back(GoldenFromDocument(doc));
  }
  check.articles = std::max<size_t>(found.records.size(), 1);

  const std::filesystem::path golden_path = GoldenPathFor(path);
  const std::optional<GoldenFile> golden = ReadGolden(golden_path, check);
  DiffTally tally;
  if (golden) {
    tally = CompareRecords(*golden, found, options, check, report);
  } else {
    check.articles_differing = check.articles;
  }

  const bool differs = check.articles_differing > 0;
  if (options.update && differs && !check.failed) {
    const GoldenFile updated = MergeForUpdate(golden, found, options);
    NEWSFACTS_RETURN_IF_ERROR(WriteFile(golden_path, SerializeGolden(updated)));
    check.golden_written = true;
    std::ostringstream line;
    if (golden) {
      line << check.path << ": updated " << golden_path.filename().string() << " (" << tally.added
           << " added, " << tally.lost << " lost, " << tally.changed << " changed)";
    } else {
      line << check.path << ": wrote " << golden_path.filename().string();
    }
    check.lines.push_back(line.str());
  }
  return check;
}

std::string FormatScore(const std::optional<double>& score) {
  if (!score) return "    -";
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%5.3f", *score);
  return buffer;
}

// The score table's two header lines; columns line up with FormatRow.
std::string TableHeader() {
  char buffer[240];
  std::snprintf(buffer, sizeof(buffer),
                "%-10s %6s %6s   %-17s   %s\n"
                "%-10s %6s %6s   %5s %5s %5s   %5s %5s %5s\n",
                "", "", "", "strict", "lenient", "extractor", "gold", "found", "P", "R", "F1", "P",
                "R", "F1");
  return buffer;
}

std::string FormatRow(std::string_view name, const MatchCounts& strict,
                      const MatchCounts& lenient) {
  char buffer[160];
  std::snprintf(buffer, sizeof(buffer), "%-10s %6zu %6zu   %s %s %s   %s %s %s\n",
                std::string(name).c_str(), strict.gold, strict.found,
                FormatScore(strict.Precision()).c_str(), FormatScore(strict.Recall()).c_str(),
                FormatScore(strict.F1()).c_str(), FormatScore(lenient.Precision()).c_str(),
                FormatScore(lenient.Recall()).c_str(), FormatScore(lenient.F1()).c_str());
  return buffer;
}

}  // namespace

std::filesystem::path GoldenPathFor(const std::filesystem::path& article) {
  return article.string() + ".facts.json";
}

bool CheckReport::AnyFailed() const {
  return std::any_of(files.begin(), files.end(),
                     [](const ArticleCheck& file) { return file.failed; });
}

StatusOr<CheckReport> RunGoldenCheck(const Pipeline& pipeline, const CheckOptions& options) {
  StatusOr<FoundFiles> found = FindArticleFiles({options.dir});
  if (!found.ok()) return found.status();
  CheckReport report;
  for (const std::filesystem::path& path : found->files) {
    if (path.filename() == "CMakeLists.txt") continue;
    StatusOr<ArticleCheck> check = CheckFile(pipeline, path, options, report);
    if (!check.ok()) return check.status();
    report.articles += check->articles;
    report.articles_differing += check->articles_differing;
    report.golden_files_written += check->golden_written ? 1 : 0;
    report.files.push_back(std::move(check).value());
  }
  return report;
}

std::string FormatCheckReport(const CheckReport& report, const CheckOptions& options) {
  std::string out;
  for (const ArticleCheck& file : report.files) {
    for (const std::string& line : file.lines) out += line + "\n";
  }
  if (!out.empty()) out += "\n";
  out += TableHeader();
  for (FactKind kind : kFactKinds) {
    if (!KindSelected(options, kind)) continue;
    const size_t k = static_cast<size_t>(kind);
    out += FormatRow(FactKindPlural(kind), report.strict[k], report.lenient[k]);
  }
  out += "check: " + std::to_string(report.articles) + " articles, " +
         std::to_string(report.articles_differing) + " differ";
  if (options.update) {
    out += "; " + std::to_string(report.golden_files_written) + " golden file" +
           (report.golden_files_written == 1 ? "" : "s") + " written";
  }
  return out + "\n";
}

}  // namespace newsfacts
