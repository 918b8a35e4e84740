// Canonical entity name and type by majority of the stored mentions: one UPDATE over the
// entities a writer listed in temp.entities_to_decide, reading the vote tallies.
#include "db/entity_votes.h"

#include <string_view>

namespace newsfacts {
namespace {

constexpr std::string_view kCreate =
    "CREATE TEMP TABLE IF NOT EXISTS entities_to_decide (id INTEGER PRIMARY KEY)";

// A mention found by the gazetteer counts before any other: its type and name were curated.
// The votes are the tallies of migration 0010, kept by triggers on mentions and entity_names.
constexpr std::string_view kDecide =
    "UPDATE main.entities SET "
    "type = coalesce((SELECT v.type FROM main.entity_type_votes v "
    "WHERE v.entity_id = entities.id AND v.mentions > 0 "
    "ORDER BY v.gazetteer DESC, v.mentions DESC, v.type LIMIT 1), type), "
    "name = coalesce((SELECT v.name FROM main.entity_name_votes v "
    "WHERE v.entity_id = entities.id AND v.mentions > 0 "
    "ORDER BY v.gazetteer DESC, v.mentions DESC, v.name LIMIT 1), name) "
    "WHERE id IN (SELECT id FROM temp.entities_to_decide); "
    "DELETE FROM temp.entities_to_decide";

}  // namespace

Status PrepareEntityVotes(sqlite::Connection& connection) { return connection.Exec(kCreate); }

Status DecideEntities(sqlite::Connection& connection) { return connection.Exec(kDecide); }

}  // namespace newsfacts
