// SQLite's memory in use and its peaks, for the db tests that bound what the store holds. A
// test binary that includes this header runs SQLite with its memory statistics on.
#pragma once

#include <sqlite3.h>

#include <cstdint>

namespace newsfacts::testing {

// SQLite's memory statistics, which the store turns off before its first connection
// (db/sqlite.cc), kept on in the tests, which read them: SQLite is initialized with them on
// before any test runs, and refuses the store's setting after.
inline const bool kSqliteMemoryStatistics =
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1) == SQLITE_OK && sqlite3_initialize() == SQLITE_OK;

// The most SQLite's heap held beyond what it held before, while `run` ran; needs
// kSqliteMemoryStatistics.
template <typename Run>
int64_t SqliteMemoryPeakDuring(const Run& run) {
  sqlite3_int64 used = 0;
  sqlite3_int64 peak = 0;
  sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &peak, /*resetFlag=*/1);
  const sqlite3_int64 before = used;
  run();
  sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &peak, 0);
  return peak - before;
}

// What SQLite's heap holds now; needs kSqliteMemoryStatistics.
inline int64_t SqliteMemoryUsed() {
  sqlite3_int64 used = 0;
  sqlite3_int64 peak = 0;
  sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &peak, 0);
  return used;
}

}  // namespace newsfacts::testing
