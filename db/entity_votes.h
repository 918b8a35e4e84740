// Deciding an entity's canonical name and type from every stored article, so that they do
// not depend on which article was written last (issue 15, item 7). Used by FactStore and
// merge on their open write transaction.
#pragma once

#include <cstdint>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

// Creates (if needed) the connection's temp table `entities_to_decide (id)`, where writers
// list the entities whose mentions they changed. Errors: as Connection::Exec.
Status PrepareEntityVotes(sqlite::Connection& connection);

// Sets name and type of every entity listed in temp.entities_to_decide, then empties it:
//   type: the type of most of its mentions in the database, counting those found by the
//         gazetteer (rule "gazetteer:...") first; ties go to the type first in byte order;
//   name: the name the articles mentioning it give it (entity_names), weighted by their
//         mentions of it, gazetteer mentions first; ties go to the name first in byte order.
// So the result depends only on what is stored, not on the order it was written in. An
// entity no article mentions any more keeps its name and type. Errors: as Connection::Exec.
Status DecideEntities(sqlite::Connection& connection);

// Adds the votes of the mentions and entity_names rows of the articles with ids from
// `first_article_id` on to entity_type_votes and entity_name_votes (a writer copying rows
// with SQL; FactStore adds its own, db/vote_tallies.h). Errors: as Connection::Exec.
Status TallyVotesOfArticlesFrom(sqlite::Connection& connection, int64_t first_article_id);

}  // namespace newsfacts
