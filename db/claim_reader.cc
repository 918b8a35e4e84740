// ClaimReader: prepared statements, each reading the claims of one fact, article or id in
// story order with the columns of the `facts` view; the step-date page sorts and cuts in SQL.
#include "db/claim_reader.h"

#include <algorithm>
#include <string_view>

#include "db/compared_claim_rows.h"
#include "db/sqlite.h"

namespace newsfacts {
namespace {

// The claims with their article, sentence, entities and primary amount (the amount a claim
// points to, or the one that amount converts), joined directly: the `facts` view would build
// all of claim_amounts for each statement. Every statement takes the --since date (or NULL)
// as ?9. %COLUMNS% is kColumns, %KEPT% kKeptClaims, %ORDER% kStoryOrder.
constexpr std::string_view kJoins =
    "JOIN articles a ON a.id = c.article_id JOIN sentences se ON se.id = c.sentence_id "
    "LEFT JOIN entities s ON s.id = c.subject_id LEFT JOIN entities o ON o.id = c.object_id "
    "LEFT JOIN amounts p ON p.id = c.amount_id "
    "LEFT JOIN amounts pa ON pa.id = coalesce(p.restates_id, p.id) ";
constexpr std::string_view kSince = "(?9 IS NULL OR a.published >= ?9)";
// ?1 subject id, ?2 predicate, ?3 object id (0: none).
constexpr std::string_view kOfFact =
    "c.subject_id = ?1 AND c.predicate = ?2 AND c.object_id IS nullif(?3, 0)";

// The columns of ClaimColumns (db/compared_claim_rows.h) over kJoins; %STORY% the story
// columns (NULLs before kStoryVersion) and the step day (the event date, else the published
// day, '' when neither is known).
constexpr std::string_view kColumns =
    "c.subject_id, c.predicate, coalesce(c.object_id, 0), coalesce(s.name, c.subject_text), "
    "coalesce(o.name, c.object_text, ''), c.id AS claim_id, c.article_id, coalesce(pa.text, ''), "
    "coalesce(pa.value, ''), coalesce(pa.currency, ''), c.status, coalesce(c.speaker, ''), "
    "coalesce(c.venue, ''), coalesce(a.title, ''), coalesce(a.source, ''), "
    "coalesce(a.published, ''), a.path, se.text, %STORY%";
constexpr std::string_view kStoryColumns =
    "c.amount_role AS story_role, c.stage AS story_stage, c.event_date AS event_date, "
    "c.event_date_text, coalesce(c.event_date, nullif(substr(a.published, 1, 10), '')) AS "
    "step_date, CASE WHEN coalesce(c.event_date, '') = '' "
    "THEN substr(coalesce(a.published, ''), 1, 10) ELSE c.event_date END AS step_day";
constexpr std::string_view kNoStoryColumns =
    "NULL AS story_role, NULL AS story_stage, NULL AS event_date, NULL AS event_date_text, "
    "nullif(substr(a.published, 1, 10), '') AS step_date, "
    "substr(coalesce(a.published, ''), 1, 10) AS step_day";

// `sql` with %COLUMNS%, %JOINS%, %SINCE%, %OF_FACT%, %KEPT% and %ORDER% filled in.
std::string Fill(std::string sql, const std::string& columns) {
  const std::pair<std::string_view, std::string_view> parts[] = {
      {"%COLUMNS%", columns}, {"%JOINS%", kJoins},     {"%SINCE%", kSince},
      {"%OF_FACT%", kOfFact}, {"%KEPT%", kKeptClaims}, {"%ORDER%", kStoryOrder}};
  for (const auto& [name, value] : parts) {
    for (size_t at = sql.find(name); at != std::string::npos;
         at = sql.find(name, at + value.size())) {
      sql.replace(at, name.size(), value);
    }
  }
  return sql;
}

// ?4 the number of claims, -1 for all.
constexpr std::string_view kStoryClaims =
    "SELECT %COLUMNS% FROM claims c %JOINS% WHERE %OF_FACT% AND %KEPT% AND %SINCE% "
    "ORDER BY %ORDER% LIMIT ?4";
// ?1 the claim id.
constexpr std::string_view kClaim =
    "SELECT %COLUMNS% FROM claims c %JOINS% WHERE c.id = ?1 AND %SINCE%";
constexpr std::string_view kSources =
    "SELECT DISTINCT a.source FROM claims c %JOINS% WHERE %OF_FACT% AND %KEPT% AND %SINCE% "
    "AND coalesce(a.source, '') <> '' ORDER BY 1";
constexpr std::string_view kAmounts =
    "SELECT DISTINCT pa.text FROM claims c %JOINS% WHERE %OF_FACT% AND %KEPT% AND %SINCE% "
    "AND coalesce(pa.text, '') <> '' ORDER BY 1";
// ?1 the article id.
constexpr std::string_view kArticleClaims =
    "SELECT %COLUMNS% FROM claims c %JOINS% WHERE c.article_id = ?1 AND %KEPT% AND %SINCE% "
    "ORDER BY %ORDER%";

// The facts ClaimsByStepDate sorts, by their position in the caller's list.
constexpr std::string_view kCreateStepFacts =
    "CREATE TEMP TABLE IF NOT EXISTS step_facts (position INTEGER PRIMARY KEY, "
    "subject_id INTEGER, predicate TEXT, object_id INTEGER)";
constexpr std::string_view kClearStepFacts = "DELETE FROM temp.step_facts";
constexpr std::string_view kAddStepFact =
    "INSERT INTO temp.step_facts (position, subject_id, predicate, object_id) "
    "VALUES (?1, ?2, ?3, ?4)";
// ?1 the number of claims. The page's own sort: step day (undated last), then the facts'
// order, then story order. CROSS JOIN keeps the few facts as the outer loop.
constexpr std::string_view kByStepDate =
    "SELECT %COLUMNS%, t.position, count(*) OVER () FROM temp.step_facts t "
    "CROSS JOIN claims c ON c.subject_id = t.subject_id AND c.predicate = t.predicate "
    "AND c.object_id IS nullif(t.object_id, 0) %JOINS% "
    "WHERE %KEPT% AND %SINCE% ORDER BY step_day = '', step_day, t.position, %ORDER% LIMIT ?1";

}  // namespace

struct ClaimReader::Impl {
  std::unique_ptr<sqlite::Connection> connection;
  std::string since;
  sqlite::Statement story_claims;
  sqlite::Statement claim;
  sqlite::Statement sources;
  sqlite::Statement amounts;
  sqlite::Statement article_claims;
  sqlite::Statement add_step_fact;
  sqlite::Statement by_step_date;

  // Binds the fact's ids to ?1-?3 and the since date to ?9.
  void BindFact(sqlite::Statement& statement, const ComparedFact& fact) {
    statement.BindInt64(1, fact.subject_id);
    statement.BindText(2, fact.predicate);
    statement.BindInt64(3, fact.object_id);
    statement.BindTextOrNull(9, since);
  }

  // Every row of `statement`, read by `on_row`; the statement is reset for its next use.
  template <typename Row>
  Status ReadAll(sqlite::Statement& statement, Row on_row) {
    while (true) {
      StatusOr<bool> row = statement.Step();
      if (!row.ok()) {
        statement.Reset();
        return row.status();
      }
      if (!*row) break;
      on_row(statement);
    }
    statement.Reset();
    return Status::Ok();
  }

  // The first column of every row of `statement`, as text.
  StatusOr<std::vector<std::string>> Texts(sqlite::Statement& statement) {
    std::vector<std::string> texts;
    NEWSFACTS_RETURN_IF_ERROR(ReadAll(
        statement, [&](const sqlite::Statement& row) { texts.emplace_back(row.ColumnText(0)); }));
    return texts;
  }
};

ClaimReader::ClaimReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ClaimReader::~ClaimReader() = default;

StatusOr<std::unique_ptr<ClaimReader>> ClaimReader::Open(const std::string& db_path,
                                                         const std::string& since) {
  StatusOr<std::unique_ptr<sqlite::Connection>> connection = OpenForComparison(db_path);
  if (!connection.ok()) return connection.status();
  auto impl = std::make_unique<Impl>();
  impl->connection = std::move(*connection);
  impl->since = since;
  sqlite::Connection& db = *impl->connection;
  StatusOr<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  NEWSFACTS_RETURN_IF_ERROR(db.Exec(kCreateStepFacts));
  std::string columns(kColumns);
  columns.replace(columns.find("%STORY%"), 7,
                  *version >= kStoryVersion ? kStoryColumns : kNoStoryColumns);
  const std::pair<sqlite::Statement*, std::string> statements[] = {
      {&impl->story_claims, Fill(std::string(kStoryClaims), columns)},
      {&impl->claim, Fill(std::string(kClaim), columns)},
      {&impl->sources, Fill(std::string(kSources), columns)},
      {&impl->amounts, Fill(std::string(kAmounts), columns)},
      {&impl->article_claims, Fill(std::string(kArticleClaims), columns)},
      {&impl->add_step_fact, std::string(kAddStepFact)},
      {&impl->by_step_date, Fill(std::string(kByStepDate), columns)},
  };
  for (const auto& [statement, sql] : statements) {
    StatusOr<sqlite::Statement> prepared = db.Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    *statement = std::move(*prepared);
  }
  return std::unique_ptr<ClaimReader>(new ClaimReader(std::move(impl)));
}

StatusOr<std::vector<ComparedClaim>> ClaimReader::StoryClaims(const ComparedFact& fact,
                                                              int64_t limit) {
  std::vector<ComparedClaim> claims;
  impl_->BindFact(impl_->story_claims, fact);
  impl_->story_claims.BindInt64(4, limit);
  NEWSFACTS_RETURN_IF_ERROR(impl_->ReadAll(impl_->story_claims, [&](const sqlite::Statement& row) {
    claims.push_back(ClaimFromRow(row));
  }));
  return claims;
}

StatusOr<std::vector<int64_t>> ClaimReader::StoryArticles(const ComparedFact& fact) {
  StatusOr<std::vector<ComparedClaim>> claims = StoryClaims(fact, -1);
  if (!claims.ok()) return claims.status();
  std::vector<int64_t> articles;
  for (const ComparedClaim& claim : *claims) {
    if (std::find(articles.begin(), articles.end(), claim.article_id) == articles.end()) {
      articles.push_back(claim.article_id);
    }
  }
  return articles;
}

StatusOr<std::optional<ComparedClaim>> ClaimReader::Claim(int64_t claim_id) {
  std::optional<ComparedClaim> claim;
  impl_->claim.BindInt64(1, claim_id);
  impl_->claim.BindTextOrNull(9, impl_->since);
  NEWSFACTS_RETURN_IF_ERROR(impl_->ReadAll(
      impl_->claim, [&](const sqlite::Statement& row) { claim = ClaimFromRow(row); }));
  return claim;
}

StatusOr<std::pair<std::vector<std::string>, std::vector<std::string>>>
ClaimReader::SourcesAndAmounts(const ComparedFact& fact) {
  impl_->BindFact(impl_->sources, fact);
  StatusOr<std::vector<std::string>> sources = impl_->Texts(impl_->sources);
  if (!sources.ok()) return sources.status();
  impl_->BindFact(impl_->amounts, fact);
  StatusOr<std::vector<std::string>> amounts = impl_->Texts(impl_->amounts);
  if (!amounts.ok()) return amounts.status();
  return std::make_pair(std::move(*sources), std::move(*amounts));
}

StatusOr<std::vector<FactClaim>> ClaimReader::ArticleClaims(int64_t article_id) {
  std::vector<FactClaim> claims;
  impl_->article_claims.BindInt64(1, article_id);
  impl_->article_claims.BindTextOrNull(9, impl_->since);
  NEWSFACTS_RETURN_IF_ERROR(
      impl_->ReadAll(impl_->article_claims, [&](const sqlite::Statement& row) {
        claims.push_back({row.ColumnInt64(kSubjectIdColumn),
                          std::string(row.ColumnText(kPredicateColumn)),
                          row.ColumnInt64(kObjectIdColumn), ClaimFromRow(row)});
      }));
  return claims;
}

StatusOr<ClaimPage> ClaimReader::ClaimsByStepDate(const std::vector<const ComparedFact*>& facts,
                                                  int64_t limit) {
  sqlite::Connection& db = *impl_->connection;
  NEWSFACTS_RETURN_IF_ERROR(db.Exec(kClearStepFacts));
  sqlite::Statement& add = impl_->add_step_fact;
  for (size_t i = 0; i < facts.size(); ++i) {
    add.BindInt64(1, static_cast<int64_t>(i));
    add.BindInt64(2, facts[i]->subject_id);
    add.BindText(3, facts[i]->predicate);
    add.BindInt64(4, facts[i]->object_id);
    NEWSFACTS_RETURN_IF_ERROR(add.Run());
  }
  ClaimPage page;
  sqlite::Statement& select = impl_->by_step_date;
  // The total comes with the rows: one is read even when none is asked for.
  select.BindInt64(1, limit == 0 ? 1 : limit);
  select.BindTextOrNull(9, impl_->since);
  // After the claim's columns: its step day, its fact's position, the count of all rows.
  const int position = select.ColumnCount() - 2;
  NEWSFACTS_RETURN_IF_ERROR(impl_->ReadAll(select, [&](const sqlite::Statement& row) {
    page.claims.emplace_back(static_cast<size_t>(row.ColumnInt64(position)), ClaimFromRow(row));
    page.total = row.ColumnInt64(position + 1);
  }));
  if (limit == 0) page.claims.clear();
  return page;
}

}  // namespace newsfacts
