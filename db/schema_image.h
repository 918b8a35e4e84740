// The schema image: SQL that gives a new database the latest schema in one go. Replaying every
// migration cost each new database 40 ms, most of it in two ALTER TABLE statements of migration
// 0014 that re-read the whole schema (issue 16). The image is written at build time
// (db/schema_image_tool/) from a database every migration was replayed into, so it cannot
// drift from them, and a test compares a database made from it with a replayed one.
#pragma once

#include <string>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

// The SQL that remakes the schema of the database of `migrated`: each object's statement as
// SQLite keeps it, in the order they were made (the tables a full-text index keeps for itself
// come with it), the settings of each FTS5 index, and PRAGMA user_version. Errors:
// FailedPrecondition when a table holds rows or a virtual table is not FTS5, which the image
// would not carry; those of reading the schema.
StatusOr<std::string> WriteSchemaImage(sqlite::Connection& migrated);

}  // namespace newsfacts
