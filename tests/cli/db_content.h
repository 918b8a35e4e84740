// What two databases must agree on to hold the same facts, compared by content through
// `newsfacts query`, never by row ids or run ids (merge, load and the Dask driver's tests).
#pragma once

#include <string>

#include "tests/cli/cli_test_util.h"

namespace newsfacts::testing {

// One query per layer: articles, sentences, entities, mentions, amounts, claims.
inline const char* const kContentQueries[] = {
    "SELECT path, record_index, content_hash, title, source, published, text FROM articles "
    "ORDER BY path, record_index",
    "SELECT a.path, a.record_index, s.sentence_index, s.start_byte, s.end_byte, s.text FROM sentences s "
    "JOIN articles a ON a.id = s.article_id ORDER BY a.path, a.record_index, s.sentence_index",
    "SELECT key, name, type, parent_key FROM entities ORDER BY key",
    "SELECT a.path, a.record_index, m.mention_index, e.key, m.text, m.start_byte, m.rule FROM mentions m "
    "JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id "
    "ORDER BY a.path, a.record_index, m.mention_index",
    "SELECT a.path, a.record_index, m.amount_index, m.text, m.value, m.low, m.high, m.currency, m.qualifier "
    "FROM amounts m JOIN articles a ON a.id = m.article_id ORDER BY a.path, a.record_index, m.amount_index",
    "SELECT a.path, a.record_index, c.claim_index, c.predicate, s.key, o.key, m.text, c.status, c.speaker, "
    "c.venue, c.start_byte, c.rule FROM claims c JOIN articles a ON a.id = c.article_id "
    "LEFT JOIN entities s ON s.id = c.subject_id LEFT JOIN entities o ON o.id = c.object_id "
    "LEFT JOIN amounts m ON m.id = c.amount_id ORDER BY a.path, a.record_index, c.claim_index",
};

// The rows of `sql` on database `db` (relative to `dir`) as CSV.
inline std::string QueryCsv(const TempDir& dir, const std::string& db, const std::string& sql) {
  return RunNewsfacts("query \"" + sql + "\" --db " + db + " --format csv", dir.path()).output;
}

}  // namespace newsfacts::testing
