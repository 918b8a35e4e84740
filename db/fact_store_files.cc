// FactStore's record of the article files ingest has read (source_files, migration 0012), by
// which a re-ingest skips an unchanged file, and the two questions about runs that decide
// whether it needs the rules compiled at all.
#include <utility>
#include <vector>

#include "db/escaped_text.h"
#include "db/fact_store_impl.h"

namespace newsfacts {
namespace {

// Every recorded file of a run of tool version ?1 with the articles stored at its path (in
// any order: ArticlesDigest sorts them); a file whose articles are all gone has NULLs.
constexpr std::string_view kSelectSourceFiles =
    "SELECT coalesce(f.path_bytes, f.path), f.size, f.mtime_ns, f.ctime_ns, f.inode, "
    "f.articles, f.articles_digest, a.record_index, a.content_hash "
    "FROM source_files f JOIN runs r ON r.id = f.run_id "
    "LEFT JOIN articles a INDEXED BY articles_by_path_and_hash ON a.path = f.path "
    "WHERE r.tool_version = ?1 "
    "ORDER BY f.path";
constexpr std::string_view kUpsertSourceFile =
    "INSERT INTO source_files (path, path_bytes, size, mtime_ns, ctime_ns, inode, articles, "
    "articles_digest, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
    "ON CONFLICT (path) DO UPDATE SET path_bytes = excluded.path_bytes, size = excluded.size, "
    "mtime_ns = excluded.mtime_ns, ctime_ns = excluded.ctime_ns, inode = excluded.inode, "
    "articles = excluded.articles, articles_digest = excluded.articles_digest, "
    "run_id = excluded.run_id";
constexpr std::string_view kSelectFinishedRun =
    "SELECT 1 FROM runs WHERE tool_version = ?1 AND rules_fingerprint = ?2 "
    "AND finished_at IS NOT NULL LIMIT 1";
// Through articles_by_run: one lookup per run, not a pass over the articles.
constexpr std::string_view kSelectAnyStale =
    "SELECT 1 FROM runs r WHERE (?3 OR r.tool_version <> ?1 OR r.rules_fingerprint <> ?2) "
    "AND EXISTS (SELECT 1 FROM articles a WHERE a.run_id = r.id) LIMIT 1";

}  // namespace

Status FactStore::Impl::PrepareSourceFiles() {
  const std::pair<sqlite::Statement*, std::string_view> statements[] = {
      {&select_source_files, kSelectSourceFiles},
      {&upsert_source_file, kUpsertSourceFile},
      {&select_finished_run, kSelectFinishedRun},
      {&select_any_stale, kSelectAnyStale},
  };
  for (const auto& [statement, sql] : statements) {
    StatusOr<sqlite::Statement> prepared = connection->Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    *statement = std::move(*prepared);
  }
  return Status::Ok();
}

StatusOr<std::unordered_map<std::string, SourceFile>> FactStore::LoadSourceFiles(
    std::string_view tool_version) {
  std::unordered_map<std::string, SourceFile> files;
  sqlite::Statement& select = impl_->select_source_files;
  select.BindText(1, tool_version);
  SourceFile file;
  std::vector<std::pair<int, std::string>> stored;
  // Keeps `file` when the articles stored at its path are those it was recorded with.
  const auto keep_if_unchanged = [&] {
    if (!file.path.empty() && static_cast<int64_t>(stored.size()) == file.articles &&
        ArticlesDigest(stored) == file.articles_digest) {
      std::string path = file.path;
      files.emplace(std::move(path), std::move(file));
    }
    file = SourceFile();
    stored.clear();
  };
  while (true) {
    StatusOr<bool> row = select.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (select.ColumnText(0) != file.path) {
      keep_if_unchanged();
      file.path = select.ColumnText(0);
      file.stamp = {select.ColumnInt64(1), select.ColumnInt64(2), select.ColumnInt64(3),
                    select.ColumnInt64(4)};
      file.articles = select.ColumnInt64(5);
      file.articles_digest = select.ColumnText(6);
    }
    if (select.TypeOf(8) != sqlite::ColumnType::kNull) {
      stored.emplace_back(static_cast<int>(select.ColumnInt64(7)), select.ColumnText(8));
    }
  }
  keep_if_unchanged();
  select.Reset();
  return files;
}

Status FactStore::RecordSourceFile(const SourceFile& file, int64_t run_id) {
  sqlite::Statement& upsert = impl_->upsert_source_file;
  const std::string path = StoredPath(file.path);
  upsert.BindText(1, path);
  if (path != file.path) {
    upsert.BindBlob(2, file.path);
  } else {
    upsert.BindNull(2);
  }
  upsert.BindInt64(3, file.stamp.size);
  upsert.BindInt64(4, file.stamp.mtime_ns);
  upsert.BindInt64(5, file.stamp.ctime_ns);
  upsert.BindInt64(6, file.stamp.inode);
  upsert.BindInt64(7, file.articles);
  upsert.BindText(8, file.articles_digest);
  upsert.BindInt64(9, run_id);
  return upsert.Run();
}

StatusOr<bool> FactStore::HasFinishedRun(const RunInfo& run) {
  sqlite::Statement& select = impl_->select_finished_run;
  select.BindText(1, run.tool_version);
  select.BindText(2, run.rules_fingerprint);
  StatusOr<bool> row = select.Step();
  select.Reset();
  return row;
}

StatusOr<bool> FactStore::HasArticlesToReextract(const RunInfo& current, bool all) {
  sqlite::Statement& select = impl_->select_any_stale;
  select.BindText(1, current.tool_version);
  select.BindText(2, current.rules_fingerprint);
  select.BindInt64(3, all ? 1 : 0);
  StatusOr<bool> row = select.Step();
  select.Reset();
  return row;
}

}  // namespace newsfacts
