// CompareFacts reads the `facts`, `conflicts` and `agreements` views and groups the claims by
// (subject, predicate, object).
#include "db/compare.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "db/compared_claim_rows.h"
#include "db/read_only_database.h"
#include "db/sqlite.h"

namespace newsfacts {
namespace {

// The first schema version with the comparison views.
constexpr int64_t kViewsVersion = 2;

// Entities the --entity filter names: key, name or alias, ASCII case ignored.
constexpr std::string_view kSelectEntities =
    "SELECT id FROM entities WHERE key = ?1 OR name = ?1 COLLATE NOCASE "
    "UNION SELECT entity_id FROM aliases WHERE alias = ?1 COLLATE NOCASE";

// ?1 predicate or NULL; ?2 1 when filtering by entity (temp table compare_entities); ?3 the
// --since date or NULL. %COLUMNS% is replaced by ClaimColumns.
constexpr std::string_view kSelectClaims =
    "SELECT %COLUMNS% FROM facts f JOIN claims c ON c.id = f.claim_id "
    "WHERE %KEPT% AND (?1 IS NULL OR c.predicate = ?1) AND (?3 IS NULL OR f.published >= ?3) "
    "AND (?2 = 0 OR c.subject_id IN (SELECT id FROM temp.compare_entities) "
    "OR c.object_id IN (SELECT id FROM temp.compare_entities)) ORDER BY %ORDER%";

// The first schema version with fact_counts (kept at write time).
constexpr int64_t kFactCountsVersion = 11;

// Each fact's kept claims counted, with the parameters of kSelectClaims: from fact_counts when
// there is no --since (?3 NULL), else counted from the claims of the articles kept. %COUNTS%
// is replaced by one of the two.
constexpr std::string_view kSelectFactCounts =
    "SELECT k.subject_id, k.predicate, k.object_id, s.name, coalesce(o.name, ''), k.claims, "
    "k.articles, k.sources FROM (%COUNTS%) k JOIN entities s ON s.id = k.subject_id "
    "LEFT JOIN entities o ON o.id = nullif(k.object_id, 0) "
    "WHERE (?2 = 0 OR k.subject_id IN (SELECT id FROM temp.compare_entities) "
    "OR k.object_id IN (SELECT id FROM temp.compare_entities))";
constexpr std::string_view kStoredCounts =
    "SELECT subject_id, predicate, coalesce(object_id, 0) AS object_id, claims, articles, "
    "sources FROM fact_counts WHERE (?1 IS NULL OR predicate = ?1) AND ?3 IS NULL";
constexpr std::string_view kCountedClaims =
    "SELECT c.subject_id, c.predicate, coalesce(c.object_id, 0) AS object_id, count(*) AS claims, "
    "count(DISTINCT c.article_id) AS articles, count(DISTINCT nullif(a.source, '')) AS sources "
    "FROM claims c JOIN articles a ON a.id = c.article_id "
    "WHERE %KEPT% AND (?1 IS NULL OR c.predicate = ?1) AND (?3 IS NULL OR a.published >= ?3) "
    "GROUP BY c.subject_id, c.predicate, c.object_id";

// `sql` with each %NAME% of `replacements` replaced.
std::string Fill(
    std::string_view sql,
    std::initializer_list<std::pair<std::string_view, std::string_view>> replacements) {
  std::string filled(sql);
  for (const auto& [name, value] : replacements) {
    for (size_t at = filled.find(name); at != std::string::npos;
         at = filled.find(name, at + value.size())) {
      filled.replace(at, name.size(), value);
    }
  }
  return filled;
}

constexpr std::string_view kSelectConflicts =
    "SELECT claim_a, claim_b FROM conflicts WHERE (?1 IS NULL OR predicate = ?1) "
    "ORDER BY claim_a, claim_b";

// The first schema version that groups like claims (comparable_claims, conflict_groups).
constexpr int64_t kGroupedConflictsVersion = 8;

// The comparable claims of the groups in temp.compare_groups (those conflict_groups pairs for
// the facts kept), of the ?1 predicate (NULL: all) in articles published on or after ?2
// (NULL: all), each with its group; the pair queries below read them.
constexpr std::string_view kCreateMembers =
    "CREATE TEMP TABLE compare_groups (id INTEGER PRIMARY KEY);"
    "CREATE TEMP TABLE compare_members (claim_id INTEGER PRIMARY KEY, article_id INTEGER, "
    "amount_group INTEGER);"
    "CREATE INDEX temp.compare_members_by_group ON compare_members (amount_group, claim_id);"
    "CREATE INDEX temp.compare_members_by_article ON compare_members (amount_group, article_id)";
constexpr std::string_view kAddGroup = "INSERT OR IGNORE INTO temp.compare_groups (id) VALUES (?1)";
constexpr std::string_view kFillMembers =
    "INSERT INTO temp.compare_members SELECT m.claim_id, m.article_id, m.amount_group "
    "FROM comparable_claims m WHERE m.amount_group IN (SELECT id FROM temp.compare_groups) "
    "AND (?1 IS NULL OR m.predicate = ?1) "
    "AND (?2 IS NULL OR m.article_id IN (SELECT id FROM articles WHERE published >= ?2))";

// The groups in conflict, fact by fact.
constexpr std::string_view kSelectConflictGroups =
    "SELECT subject_id, predicate, coalesce(object_id, 0), group_a, group_b FROM conflict_groups "
    "WHERE (?1 IS NULL OR predicate = ?1) ORDER BY subject_id, predicate, object_id, group_a, "
    "group_b";

// The claim pairs of groups ?1 and ?2 from different articles, ordered pairs when ?1 = ?2:
// counted as |?1| * |?2| less the pairs within one article (halved by the caller when the
// groups are one), and listed, ?3 at most (-1: all).
constexpr std::string_view kCountGroupPairs =
    "SELECT (SELECT count(*) FROM temp.compare_members WHERE amount_group = ?1) * "
    "(SELECT count(*) FROM temp.compare_members WHERE amount_group = ?2) - "
    "(SELECT count(*) FROM temp.compare_members x JOIN temp.compare_members y "
    "ON y.amount_group = ?2 AND y.article_id = x.article_id WHERE x.amount_group = ?1)";
constexpr std::string_view kSelectGroupPairs =
    "SELECT min(x.claim_id, y.claim_id), max(x.claim_id, y.claim_id) "
    "FROM temp.compare_members x JOIN temp.compare_members y ON y.amount_group = ?2 "
    "WHERE x.amount_group = ?1 AND x.article_id <> y.article_id "
    "AND (?1 <> ?2 OR x.claim_id < y.claim_id) ORDER BY x.claim_id, y.claim_id LIMIT ?3";

constexpr std::string_view kSelectAgreements =
    "SELECT s.id, a.predicate, coalesce(o.id, 0) FROM agreements a "
    "JOIN entities s ON s.key = a.subject_key LEFT JOIN entities o ON o.key = a.object_key "
    "WHERE (?1 IS NULL OR a.predicate = ?1)";

// The first schema version with stated_facts, the facts `agreements` counts.
constexpr int64_t kStatedFactsVersion = 9;

// The facts two or more articles state: the rows of `agreements` before it leaves out the
// facts with conflict_groups. The facts in conflict are known by then from the claims kept, so
// with --since a fact whose conflicting claims are all older agrees through the claims left.
constexpr std::string_view kSelectStatedFacts =
    "SELECT subject_id, predicate, coalesce(object_id, 0) FROM stated_facts "
    "WHERE articles >= 2 AND (?1 IS NULL OR predicate = ?1)";

// Entity ids and the predicate of one fact; 0 stands for "no object".
using FactKey = std::tuple<int64_t, std::string, int64_t>;

std::string Text(const sqlite::Statement& statement, int column) {
  return std::string(statement.ColumnText(column));
}

// Fills temp.compare_entities with the entities `name` names. Errors: NotFound when none.
Status SelectEntities(sqlite::Connection& connection, const std::string& name) {
  StatusOr<sqlite::Statement> select = connection.Prepare(kSelectEntities);
  if (!select.ok()) return select.status();
  StatusOr<sqlite::Statement> insert =
      connection.Prepare("INSERT OR IGNORE INTO temp.compare_entities (id) VALUES (?1)");
  if (!insert.ok()) return insert.status();
  select->BindText(1, name);
  int found = 0;
  while (true) {
    StatusOr<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    insert->BindInt64(1, select->ColumnInt64(0));
    NEWSFACTS_RETURN_IF_ERROR(insert->Run());
    ++found;
  }
  if (found == 0) {
    return Status::NotFound(connection.path() + ": no entity named \"" + name +
                            "\"; list them with `newsfacts query \"SELECT key, name FROM "
                            "entities ORDER BY name\"`");
  }
  return Status::Ok();
}

// Calls `on_row` for every row of `sql`, whose ?1 is the predicate filter (NULL: none).
template <typename Row>
Status ReadAll(sqlite::Connection& connection, std::string_view sql, const std::string& predicate,
               Row on_row) {
  StatusOr<sqlite::Statement> statement = connection.Prepare(sql);
  if (!statement.ok()) return statement.status();
  statement->BindTextOrNull(1, predicate);
  while (true) {
    StatusOr<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    on_row(*statement);
  }
}

// Binds the filters of kSelectClaims and kSelectFactCounts.
void BindFilters(sqlite::Statement& statement, const CompareOptions& options) {
  statement.BindTextOrNull(1, options.predicate);
  statement.BindInt64(2, options.entity.empty() ? 0 : 1);
  statement.BindTextOrNull(3, options.since);
}

// Groups the claims the filters keep by fact into `by_key`, and notes each claim's fact in
// `key_of_claim` for ReadConflictPairs (schema versions before 8 only: a map of every claim).
Status ReadClaims(sqlite::Connection& connection, const CompareOptions& options, int64_t version,
                  std::map<FactKey, ComparedFact>& by_key,
                  std::map<int64_t, FactKey>& key_of_claim) {
  const std::string columns = ClaimColumns(version);
  StatusOr<sqlite::Statement> claims = connection.Prepare(Fill(
      kSelectClaims, {{"%COLUMNS%", columns}, {"%KEPT%", kKeptClaims}, {"%ORDER%", kStoryOrder}}));
  if (!claims.ok()) return claims.status();
  BindFilters(*claims, options);
  while (true) {
    StatusOr<bool> row = claims->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    FactKey key{claims->ColumnInt64(kSubjectIdColumn), Text(*claims, kPredicateColumn),
                claims->ColumnInt64(kObjectIdColumn)};
    ComparedFact& fact = by_key[key];
    if (fact.claims.empty()) {
      fact.subject = Text(*claims, kSubjectColumn);
      fact.predicate = std::get<1>(key);
      fact.object = Text(*claims, kObjectColumn);
      fact.subject_id = std::get<0>(key);
      fact.object_id = std::get<2>(key);
    }
    const ComparedClaim& claim = fact.claims.emplace_back(ClaimFromRow(*claims));
    if (version < kGroupedConflictsVersion) key_of_claim[claim.claim_id] = key;
  }
}

// Fills `by_key` with the facts the filters keep and their counts, reading no claim (schema
// version 8 on: their conflicting pairs need no map of claims).
Status ReadFactCounts(sqlite::Connection& connection, const CompareOptions& options,
                      int64_t version, std::map<FactKey, ComparedFact>& by_key) {
  const std::string counted = Fill(kCountedClaims, {{"%KEPT%", kKeptClaims}});
  const bool stored = version >= kFactCountsVersion && options.since.empty();
  StatusOr<sqlite::Statement> counts =
      connection.Prepare(Fill(kSelectFactCounts, {{"%COUNTS%", stored ? kStoredCounts : counted}}));
  if (!counts.ok()) return counts.status();
  BindFilters(*counts, options);
  while (true) {
    StatusOr<bool> row = counts->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    FactKey key{counts->ColumnInt64(0), Text(*counts, 1), counts->ColumnInt64(2)};
    ComparedFact& fact = by_key[key];
    fact.subject_id = std::get<0>(key);
    fact.predicate = std::get<1>(key);
    fact.object_id = std::get<2>(key);
    fact.subject = Text(*counts, 3);
    fact.object = Text(*counts, 4);
    fact.claim_count = static_cast<int>(counts->ColumnInt64(5));
    fact.articles = static_cast<int>(counts->ColumnInt64(6));
    fact.sources = static_cast<int>(counts->ColumnInt64(7));
  }
}

// Fills each fact's conflicts from `conflicts` (schema versions before 8: every pair read).
Status ReadConflictPairs(sqlite::Connection& connection, const CompareOptions& options,
                         std::map<FactKey, ComparedFact>& by_key,
                         const std::map<int64_t, FactKey>& key_of_claim) {
  return ReadAll(connection, kSelectConflicts, options.predicate,
                 [&](const sqlite::Statement& row) {
                   const auto a = key_of_claim.find(row.ColumnInt64(0));
                   // Both claims must be kept: --since may leave out one side of a pair.
                   if (a == key_of_claim.end() || key_of_claim.count(row.ColumnInt64(1)) == 0)
                     return;
                   ComparedFact& fact = by_key[a->second];
                   fact.conflicts.emplace_back(row.ColumnInt64(0), row.ColumnInt64(1));
                   ++fact.conflict_pairs;
                   fact.verdict = Verdict::kConflict;
                 });
}

// Fills each fact's conflicts from conflict_groups (schema version 8): every group pair's
// claim pairs are counted in SQL, and at most options.pairs_per_fact of them are read per
// fact, shared evenly among its group pairs so that each pair of amounts is shown.
Status ReadGroupedConflictPairs(sqlite::Connection& connection, const CompareOptions& options,
                                std::map<FactKey, ComparedFact>& by_key) {
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec(kCreateMembers));
  std::map<FactKey, std::vector<std::pair<int64_t, int64_t>>> groups_of_fact;
  NEWSFACTS_RETURN_IF_ERROR(ReadAll(
      connection, kSelectConflictGroups, options.predicate, [&](const sqlite::Statement& row) {
        FactKey key{row.ColumnInt64(0), Text(row, 1), row.ColumnInt64(2)};
        if (by_key.count(key) == 0) return;  // a fact the entity filter leaves out
        groups_of_fact[key].emplace_back(row.ColumnInt64(3), row.ColumnInt64(4));
      }));

  // Only the claims of the groups in conflict are paired: the others are not copied.
  StatusOr<sqlite::Statement> add_group = connection.Prepare(kAddGroup);
  if (!add_group.ok()) return add_group.status();
  for (const auto& [key, groups] : groups_of_fact) {
    for (const auto& [group_a, group_b] : groups) {
      for (int64_t group : {group_a, group_b}) {
        add_group->BindInt64(1, group);
        NEWSFACTS_RETURN_IF_ERROR(add_group->Run());
      }
    }
  }
  StatusOr<sqlite::Statement> fill = connection.Prepare(kFillMembers);
  if (!fill.ok()) return fill.status();
  fill->BindTextOrNull(1, options.predicate);
  fill->BindTextOrNull(2, options.since);
  NEWSFACTS_RETURN_IF_ERROR(fill->Run());

  StatusOr<sqlite::Statement> count = connection.Prepare(kCountGroupPairs);
  if (!count.ok()) return count.status();
  StatusOr<sqlite::Statement> pairs = connection.Prepare(kSelectGroupPairs);
  if (!pairs.ok()) return pairs.status();
  for (const auto& [key, groups] : groups_of_fact) {
    ComparedFact& fact = by_key[key];
    for (size_t i = 0; i < groups.size(); ++i) {
      const auto& [group_a, group_b] = groups[i];
      count->Reset();
      count->BindInt64(1, group_a);
      count->BindInt64(2, group_b);
      StatusOr<bool> counted = count->Step();
      if (!counted.ok()) return counted.status();
      fact.conflict_pairs += count->ColumnInt64(0) / (group_a == group_b ? 2 : 1);

      const int64_t room =
          options.pairs_per_fact > 0
              ? options.pairs_per_fact - static_cast<int64_t>(fact.conflicts.size())
              : -1;
      if (room == 0) continue;
      pairs->Reset();
      pairs->BindInt64(1, group_a);
      pairs->BindInt64(2, group_b);
      // An even share of the room left among the group pairs left, rounded up.
      const int64_t groups_left = static_cast<int64_t>(groups.size() - i);
      pairs->BindInt64(3, room < 0 ? -1 : (room + groups_left - 1) / groups_left);
      while (true) {
        StatusOr<bool> row = pairs->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        fact.conflicts.emplace_back(pairs->ColumnInt64(0), pairs->ColumnInt64(1));
      }
    }
    std::sort(fact.conflicts.begin(), fact.conflicts.end());
    if (fact.conflict_pairs > 0) fact.verdict = Verdict::kConflict;
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<sqlite::Connection>> OpenForComparison(const std::string& db_path) {
  StatusOr<std::unique_ptr<sqlite::Connection>> connection = OpenReadOnlyDatabase(db_path);
  if (!connection.ok()) return connection.status();
  StatusOr<int64_t> version = (*connection)->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version == 0) {
    return Status::FailedPrecondition(db_path + ": not a newsfacts database (no schema version)");
  }
  if (*version < kViewsVersion) {
    return Status::FailedPrecondition(
        db_path + ": schema version " + std::to_string(*version) +
        " has no comparison views; run `newsfacts ingest` on it once to upgrade it");
  }
  return connection;
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kConflict:
      return "conflict";
    case Verdict::kAgree:
      return "agree";
    case Verdict::kUnconfirmed:
      return "unconfirmed";
  }
  return "unconfirmed";
}

StatusOr<Comparison> CompareFacts(const std::string& db_path, const CompareOptions& options) {
  StatusOr<std::unique_ptr<sqlite::Connection>> opened = OpenForComparison(db_path);
  if (!opened.ok()) return opened.status();
  sqlite::Connection& connection = **opened;
  // The claims query names this table with or without an entity filter.
  NEWSFACTS_RETURN_IF_ERROR(
      connection.Exec("CREATE TEMP TABLE compare_entities (id INTEGER PRIMARY KEY)"));
  if (!options.entity.empty()) {
    NEWSFACTS_RETURN_IF_ERROR(SelectEntities(connection, options.entity));
  }

  StatusOr<int64_t> version = connection.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  std::map<FactKey, ComparedFact> by_key;
  std::map<int64_t, FactKey> key_of_claim;
  const bool counts_only = !options.read_claims && *version >= kGroupedConflictsVersion;
  NEWSFACTS_RETURN_IF_ERROR(counts_only
                                ? ReadFactCounts(connection, options, *version, by_key)
                                : ReadClaims(connection, options, *version, by_key, key_of_claim));
  NEWSFACTS_RETURN_IF_ERROR(*version >= kGroupedConflictsVersion
                                ? ReadGroupedConflictPairs(connection, options, by_key)
                                : ReadConflictPairs(connection, options, by_key, key_of_claim));
  // From schema version 9 the agreements are stated_facts less the facts in conflict, so
  // conflict_groups, the costly part of `agreements`, is not run a second time.
  const bool stated_facts = *version >= kStatedFactsVersion;
  NEWSFACTS_RETURN_IF_ERROR(
      ReadAll(connection, stated_facts ? kSelectStatedFacts : kSelectAgreements, options.predicate,
              [&](const sqlite::Statement& row) {
                const FactKey key{row.ColumnInt64(0), Text(row, 1), row.ColumnInt64(2)};
                const auto fact = by_key.find(key);
                if (fact == by_key.end() || fact->second.verdict == Verdict::kConflict) return;
                fact->second.verdict = Verdict::kAgree;
              }));

  Comparison comparison;
  for (auto& [key, fact] : by_key) {
    if (!counts_only) {
      std::set<int64_t> articles;
      std::set<std::string> sources;
      for (const ComparedClaim& claim : fact.claims) {
        articles.insert(claim.article_id);
        if (!claim.source.empty()) sources.insert(claim.source);
      }
      fact.articles = static_cast<int>(articles.size());
      fact.sources = static_cast<int>(sources.size());
      fact.claim_count = static_cast<int>(fact.claims.size());
      // Older schemas need the claims to pair conflicts; the caller asked for none.
      if (!options.read_claims) fact.claims = {};
    }
    // The `agreements` view counts every article; with --since one may be all that is left.
    if (fact.verdict == Verdict::kAgree && fact.articles < 2) fact.verdict = Verdict::kUnconfirmed;
    if (fact.articles < options.min_articles) {
      ++comparison.hidden;
      continue;
    }
    comparison.facts.push_back(std::move(fact));
  }
  std::stable_sort(
      comparison.facts.begin(), comparison.facts.end(),
      [](const ComparedFact& a, const ComparedFact& b) { return a.articles > b.articles; });
  return comparison;
}

}  // namespace newsfacts
