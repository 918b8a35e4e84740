// ClaimColumns and ClaimFromRow: the `facts` view's columns of a ComparedClaim.
#include "db/compared_claim_rows.h"

namespace newsfacts {
namespace {

constexpr std::string_view kFactColumns =
    "c.subject_id, c.predicate, coalesce(c.object_id, 0), f.subject, coalesce(f.object, ''), "
    "f.claim_id, f.article_id, coalesce(f.amount, ''), coalesce(f.value, ''), "
    "coalesce(f.currency, ''), f.status, coalesce(f.speaker, ''), coalesce(f.venue, ''), "
    "coalesce(f.title, ''), coalesce(f.source, ''), coalesce(f.published, ''), f.path, "
    "f.evidence, ";
constexpr std::string_view kStoryColumns =
    "f.amount_role AS story_role, f.stage AS story_stage, f.event_date, f.event_date_text, "
    "coalesce(f.event_date, nullif(substr(f.published, 1, 10), '')) AS step_date";
constexpr std::string_view kNoStoryColumns =
    "NULL AS story_role, NULL AS story_stage, NULL AS event_date, NULL AS event_date_text, "
    "nullif(substr(f.published, 1, 10), '') AS step_date";

std::string Text(const sqlite::Statement& statement, int column) {
  return std::string(statement.ColumnText(column));
}

}  // namespace

std::string ClaimColumns(int64_t schema_version) {
  std::string columns(kFactColumns);
  columns += schema_version >= kStoryVersion ? kStoryColumns : kNoStoryColumns;
  return columns;
}

ComparedClaim ClaimFromRow(const sqlite::Statement& row) {
  ComparedClaim claim;
  claim.claim_id = row.ColumnInt64(5);
  claim.article_id = row.ColumnInt64(6);
  claim.amount = Text(row, 7);
  claim.value = Text(row, 8);
  claim.currency = Text(row, 9);
  claim.status = Text(row, 10);
  claim.speaker = Text(row, 11);
  claim.venue = Text(row, 12);
  claim.title = Text(row, 13);
  claim.source = Text(row, 14);
  claim.published = Text(row, 15);
  claim.path = Text(row, 16);
  claim.evidence = Text(row, 17);
  claim.amount_role = Text(row, 18);
  claim.stage = Text(row, 19);
  claim.event_date = Text(row, 20);
  claim.event_date_text = Text(row, 21);
  return claim;
}

}  // namespace newsfacts
