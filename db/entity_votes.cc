// Canonical entity name and type by majority of the stored mentions: one UPDATE over the
// entities a writer listed in temp.entities_to_decide.
#include "db/entity_votes.h"

#include <string_view>

namespace newsfacts {
namespace {

constexpr std::string_view kCreate =
    "CREATE TEMP TABLE IF NOT EXISTS entities_to_decide (id INTEGER PRIMARY KEY)";

// A mention found by the gazetteer counts before any other: its type and name were curated.
constexpr std::string_view kDecide =
    "UPDATE main.entities SET "
    "type = coalesce((SELECT m.type FROM main.mentions m WHERE m.entity_id = entities.id "
    "GROUP BY m.type ORDER BY sum(substr(m.rule, 1, 10) = 'gazetteer:') DESC, count(*) DESC, "
    "m.type LIMIT 1), type), "
    "name = coalesce((SELECT n.name FROM main.entity_names n JOIN main.mentions m "
    "ON m.entity_id = n.entity_id AND m.article_id = n.article_id "
    "WHERE n.entity_id = entities.id GROUP BY n.name "
    "ORDER BY sum(substr(m.rule, 1, 10) = 'gazetteer:') DESC, count(*) DESC, n.name LIMIT 1), "
    "name) "
    "WHERE id IN (SELECT id FROM temp.entities_to_decide); "
    "DELETE FROM temp.entities_to_decide";

}  // namespace

Status PrepareEntityVotes(sqlite::Connection& connection) { return connection.Exec(kCreate); }

Status DecideEntities(sqlite::Connection& connection) { return connection.Exec(kDecide); }

}  // namespace newsfacts
