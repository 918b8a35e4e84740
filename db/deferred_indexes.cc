// The indexes an empty database's first load defers, dropped before it and built after it.
#include "db/deferred_indexes.h"

#include <string>

namespace newsfacts {
namespace {

// Mentions, aliases, entity names and quotes are only ever looked up by these indexes when
// articles are deleted or replaced, and entities by name or parent only by readers; the
// indexes of claims and amounts stay, since the comparison triggers and the facts compared at
// each commit read them.
constexpr DeferredIndex kDeferredIndexes[] = {
    {"entities_by_name", "entities(name)"},
    {"entities_by_parent", "entities(parent_key)"},
    {"aliases_by_alias", "aliases(alias)"},
    {"mentions_by_article", "mentions(article_id)"},
    {"mentions_by_sentence", "mentions(sentence_id)"},
    {"mentions_by_entity", "mentions(entity_id, article_id)"},
    {"entity_names_by_entity", "entity_names(entity_id)"},
    {"quotes_by_article", "quotes(article_id)"},
    {"quotes_by_sentence", "quotes(sentence_id)"},
};

// How many of the deferred indexes the database has.
StatusOr<int64_t> CountPresent(sqlite::Connection& db) {
  std::string sql = "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN (";
  for (const DeferredIndex& index : kDeferredIndexes) {
    if (sql.back() != '(') sql.append(", ");
    sql.append("'").append(index.name).append("'");
  }
  sql.append(")");
  return db.QueryInt(sql);
}

}  // namespace

std::span<const DeferredIndex> DeferredIndexes() { return kDeferredIndexes; }

StatusOr<bool> DeferIndexesOfEmptyDatabase(sqlite::Connection& db) {
  StatusOr<int64_t> any_article = db.QueryInt("SELECT EXISTS (SELECT 1 FROM articles)");
  if (!any_article.ok()) return any_article.status();
  if (*any_article != 0) return false;
  for (const DeferredIndex& index : kDeferredIndexes) {
    NEWSFACTS_RETURN_IF_ERROR(db.Exec(std::string("DROP INDEX IF EXISTS ").append(index.name)));
  }
  return true;
}

Status BuildMissingDeferredIndexes(sqlite::Connection& db) {
  StatusOr<int64_t> present = CountPresent(db);
  if (!present.ok()) return present.status();
  if (*present == static_cast<int64_t>(std::size(kDeferredIndexes))) return Status::Ok();
  for (const DeferredIndex& index : kDeferredIndexes) {
    std::string create("CREATE INDEX IF NOT EXISTS ");
    create.append(index.name).append(" ON ").append(index.on);
    NEWSFACTS_RETURN_IF_ERROR(db.Exec(create));
  }
  return Status::Ok();
}

}  // namespace newsfacts
