// The SQL that reads ComparedClaim rows from the `facts` view in story order, and the row
// parser, shared by CompareFacts (db/compare.cc) and ClaimReader (db/claim_reader.cc). Not a
// public header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "db/compare.h"
#include "db/sqlite.h"

namespace newsfacts {

// Opens `db_path` read-only after checking that it holds the comparison views. Errors: as
// CompareFacts.
StatusOr<std::unique_ptr<sqlite::Connection>> OpenForComparison(const std::string& db_path);

// The first schema version whose claims say when and which part (issue 14).
constexpr int64_t kStoryVersion = 5;

// The claims CompareFacts groups by fact: a named subject, and a named object or none.
constexpr std::string_view kKeptClaims =
    "c.subject_id IS NOT NULL AND (c.object_id IS NOT NULL OR c.object_text IS NULL)";

// Claims in story order: by event date (else published day; unknown last), then stage, then
// role, then claim id. Sorts the columns of ClaimColumns (or of a query naming its columns
// alike: step_date, story_stage, story_role, claim_id).
constexpr std::string_view kStoryOrder =
    "step_date IS NULL, step_date, "
    "CASE story_stage WHEN 'rumoured' THEN 1 WHEN 'in_talks' THEN 2 WHEN 'agreed' THEN 3 "
    "WHEN 'completed' THEN 4 WHEN 'abandoned' THEN 5 WHEN 'blocked' THEN 6 ELSE 0 END, "
    "CASE story_role WHEN 'tranche' THEN 1 WHEN 'part' THEN 2 WHEN 'total' THEN 3 ELSE 0 END, "
    "claim_id";

// The columns ClaimFromRow reads, over `facts f JOIN claims c ON c.id = f.claim_id`: the
// fact's subject id, predicate and object id (0: none) and names, then the claim; the story
// columns are NULL before kStoryVersion.
std::string ClaimColumns(int64_t schema_version);

// The claim of a row selected with ClaimColumns.
ComparedClaim ClaimFromRow(const sqlite::Statement& row);

// Each column of a fact selected with ClaimColumns: 0 subject id, 1 predicate, 2 object id,
// 3 subject name, 4 object name.
constexpr int kSubjectIdColumn = 0;
constexpr int kPredicateColumn = 1;
constexpr int kObjectIdColumn = 2;
constexpr int kSubjectColumn = 3;
constexpr int kObjectColumn = 4;

}  // namespace newsfacts
