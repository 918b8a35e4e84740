-- 0006_path_bytes: a file name that is not valid UTF-8 was stored as-is in articles.path,
-- which then is not valid TEXT (Python's sqlite3 fails on it; issue 15, item 11). path now
-- holds such a name with each ill-formed byte written as \xHH, and path_bytes its bytes.
ALTER TABLE articles ADD COLUMN path_bytes BLOB;  -- NULL when path is the name itself
