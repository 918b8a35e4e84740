// Canonical entity name and type by majority of the stored mentions: one UPDATE over the
// entities a writer listed in temp.entities_to_decide, reading the vote tallies.
#include "db/entity_votes.h"

#include <initializer_list>
#include <string_view>

namespace newsfacts {
namespace {

constexpr std::string_view kCreate =
    "CREATE TEMP TABLE IF NOT EXISTS entities_to_decide (id INTEGER PRIMARY KEY)";

// A mention found by the gazetteer counts before any other: its type and name were curated.
// The votes are the tallies of migration 0010, kept by triggers on mentions and entity_names.
// Only the rows whose decision differs from what they hold are written.
constexpr std::string_view kDecide =
    "UPDATE main.entities SET type = d.type, name = d.name FROM (SELECT e.id, "
    "coalesce((SELECT v.type FROM main.entity_type_votes v "
    "WHERE v.entity_id = e.id AND v.mentions > 0 "
    "ORDER BY v.gazetteer DESC, v.mentions DESC, v.type LIMIT 1), e.type) AS type, "
    "coalesce((SELECT v.name FROM main.entity_name_votes v "
    "WHERE v.entity_id = e.id AND v.mentions > 0 "
    "ORDER BY v.gazetteer DESC, v.mentions DESC, v.name LIMIT 1), e.name) AS name "
    "FROM main.entities e WHERE e.id IN (SELECT id FROM temp.entities_to_decide)) AS d "
    "WHERE entities.id = d.id AND (entities.type IS NOT d.type OR entities.name IS NOT d.name); "
    "DELETE FROM temp.entities_to_decide";

// As the triggers of 0010 counted them: a vote per mention for its type, and per entity_names
// row for its name, one per mention of the entity in the article (a row with none still
// creates its tally, at zero).
constexpr std::string_view kTallyTypeVotes =
    "INSERT INTO main.entity_type_votes (entity_id, type, mentions, gazetteer) "
    "SELECT entity_id, type, count(*), sum(substr(rule, 1, 10) = 'gazetteer:') "
    "FROM main.mentions WHERE article_id >= ?1 GROUP BY entity_id, type "
    "ON CONFLICT (entity_id, type) DO UPDATE "
    "SET mentions = mentions + excluded.mentions, gazetteer = gazetteer + excluded.gazetteer";
constexpr std::string_view kTallyNameVotes =
    "INSERT INTO main.entity_name_votes (entity_id, name, mentions, gazetteer) "
    "SELECT n.entity_id, n.name, count(m.id), "
    "coalesce(sum(substr(m.rule, 1, 10) = 'gazetteer:'), 0) "
    "FROM main.entity_names n LEFT JOIN main.mentions m "
    "ON m.entity_id = n.entity_id AND m.article_id = n.article_id "
    "WHERE n.article_id >= ?1 GROUP BY n.entity_id, n.name "
    "ON CONFLICT (entity_id, name) DO UPDATE "
    "SET mentions = mentions + excluded.mentions, gazetteer = gazetteer + excluded.gazetteer";

}  // namespace

Status PrepareEntityVotes(sqlite::Connection& connection) { return connection.Exec(kCreate); }

Status DecideEntities(sqlite::Connection& connection) { return connection.Exec(kDecide); }

Status TallyVotesOfArticlesFrom(sqlite::Connection& connection, int64_t first_article_id) {
  for (std::string_view sql : {kTallyTypeVotes, kTallyNameVotes}) {
    StatusOr<sqlite::Statement> tally = connection.Prepare(sql);
    if (!tally.ok()) return tally.status();
    tally->BindInt64(1, first_article_id);
    NEWSFACTS_RETURN_IF_ERROR(tally->Run());
  }
  return Status::Ok();
}

}  // namespace newsfacts
