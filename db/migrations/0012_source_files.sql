-- 0012_source_files: the article files ingest has read, each with its stamp (size, times and
-- inode, as git and make test a file) and a digest of the articles it held, so re-ingesting an
-- unchanged corpus skips each unchanged file without reading it (issue 16: 37 MB/s before).
-- Ingest skips a file only while its stamp is the same, the run that read it had the same
-- tool version, and the articles stored at its path still have the recorded digest
-- (db/article_identity.h); otherwise it reads the file as before and records it again. A file
-- read with a warning or an error, one of whose articles could not be stored, or one modified
-- less than two seconds before it was read (a later change could keep its stamp), has no row.
CREATE TABLE source_files (
  path            TEXT PRIMARY KEY,  -- as articles.path
  path_bytes      BLOB,              -- as articles.path_bytes: NULL when path is the name itself
  size            INTEGER NOT NULL,  -- bytes
  mtime_ns        INTEGER NOT NULL,  -- modification time, ns since 1970 (UTC)
  ctime_ns        INTEGER NOT NULL,  -- inode change time, ns since 1970 (UTC)
  inode           INTEGER NOT NULL,
  articles        INTEGER NOT NULL,  -- articles read from the file
  articles_digest TEXT NOT NULL,     -- XXH3-128 hex of their record indexes and content hashes
  run_id          INTEGER NOT NULL REFERENCES runs(id)
) WITHOUT ROWID;

-- The articles at a path with their content hashes, read from the index alone: checking the
-- recorded digests of 6,817 files by looking up each article's table row took 60 ms.
CREATE INDEX articles_by_path_and_hash ON articles(path, record_index, content_hash);
