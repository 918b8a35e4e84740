// The `conflicts` and `agreements` views of migration 0008, which pair groups of like claims
// rather than every two claims, give exactly the rows of their 0007 definitions (kept here
// only as the reference) on a database where the sample corpus is repeated and some copies
// state different amounts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

// The 0007 definitions of `conflicts` and `agreements` as temporary views old_conflicts and
// old_agreements: every two claims of a fact compared one by one.
constexpr std::string_view kOldViews = R"sql(
CREATE TEMP VIEW old_conflicts AS
WITH comparable AS (
  SELECT c.id, c.article_id, c.subject_id, c.predicate, c.object_id, c.event_date,
         coalesce(c.event_date, nullif(substr(ar.published, 1, 10), '')) AS as_of,
         CASE WHEN c.predicate IN ('acquired', 'sold', 'merged_with')
                   AND coalesce(c.amount_role, 'unspecified') IN ('total', 'unspecified')
              THEN 'deal value'
              WHEN c.predicate = 'invested_in' AND coalesce(c.amount_role, 'unspecified') = 'unspecified'
              THEN CASE WHEN c.event_date IS NULL AND c.status <> 'planned'
                             AND coalesce(c.stage, '') NOT IN ('agreed', 'in_talks', 'rumoured')
                        THEN 'total' ELSE 'tranche' END
              ELSE coalesce(c.amount_role, 'unspecified') END AS role_class
  FROM claims c
  JOIN articles ar ON ar.id = c.article_id
  WHERE c.subject_id IS NOT NULL
    AND (c.object_id IS NOT NULL OR c.object_text IS NULL)
    AND c.amount_id IS NOT NULL
    AND coalesce(c.amount_role, 'unspecified') <> 'part'
    AND c.status NOT IN ('negated', 'question', 'conditional')
    AND NOT EXISTS (SELECT 1 FROM claim_amounts x WHERE x.claim_id = c.id AND x.vague)
),
pairs AS (
  SELECT a.id AS claim_a, b.id AS claim_b
  FROM comparable a
  JOIN comparable b
    ON b.subject_id = a.subject_id AND b.predicate = a.predicate
   AND b.object_id IS a.object_id AND b.article_id <> a.article_id AND b.id > a.id
   AND b.role_class = a.role_class
  WHERE (a.role_class = 'deal value'
         OR (a.role_class = 'total'
             AND (a.as_of IS NULL OR b.as_of IS NULL
                  OR substr(a.as_of, 1, length(b.as_of)) = b.as_of
                  OR substr(b.as_of, 1, length(a.as_of)) = a.as_of
                  OR (length(a.as_of) = 10 AND length(b.as_of) = 10
                      AND abs(julianday(a.as_of) - julianday(b.as_of)) <= 92)))
         OR (a.role_class NOT IN ('deal value', 'total')
             AND (a.event_date IS NULL OR b.event_date IS NULL
                  OR substr(a.event_date, 1, length(b.event_date)) = b.event_date
                  OR substr(b.event_date, 1, length(a.event_date)) = a.event_date)))
    AND EXISTS (SELECT 1 FROM claim_amounts x JOIN claim_amounts y ON y.currency = x.currency
                WHERE x.claim_id = a.id AND y.claim_id = b.id)
    AND NOT EXISTS (
      SELECT 1 FROM claim_amounts x JOIN claim_amounts y ON y.currency = x.currency
      WHERE x.claim_id = a.id AND y.claim_id = b.id
        AND (x.low IS NULL OR y.high IS NULL OR CAST(x.low AS REAL) <= CAST(y.high AS REAL))
        AND (y.low IS NULL OR x.high IS NULL OR CAST(y.low AS REAL) <= CAST(x.high AS REAL)))
)
SELECT fa.subject, fa.predicate, fa.object,
       fa.amount AS amount_a, fa.value AS value_a, fa.currency AS currency_a,
       fb.amount AS amount_b, fb.value AS value_b, fb.currency AS currency_b,
       coalesce(nullif(fa.title, ''), fa.path) AS article_a,
       coalesce(nullif(fb.title, ''), fb.path) AS article_b,
       fa.source AS source_a, fb.source AS source_b,
       fa.published AS published_a, fb.published AS published_b,
       fa.evidence AS evidence_a, fb.evidence AS evidence_b,
       fa.subject_key, fa.object_key,
       p.claim_a, p.claim_b,
       fa.amount_role AS role_a, fb.amount_role AS role_b,
       fa.event_date AS event_date_a, fb.event_date AS event_date_b,
       fa.stage AS stage_a, fb.stage AS stage_b
FROM pairs p
JOIN facts fa ON fa.claim_id = p.claim_a
JOIN facts fb ON fb.claim_id = p.claim_b;

CREATE TEMP VIEW old_agreements AS
WITH stated AS (
  SELECT c.subject_id, c.predicate, c.object_id, c.article_id, nullif(a.source, '') AS source,
         ca.text AS amount
  FROM claims c
  JOIN articles a ON a.id = c.article_id
  LEFT JOIN claim_amounts ca ON ca.claim_id = c.id AND ca.is_primary
  WHERE c.subject_id IS NOT NULL AND (c.object_id IS NOT NULL OR c.object_text IS NULL)
    AND c.status NOT IN ('negated', 'question', 'conditional')
),
triples AS (
  SELECT subject_id, predicate, object_id,
         count(DISTINCT article_id) AS articles,
         count(DISTINCT source) AS sources
  FROM stated
  GROUP BY subject_id, predicate, object_id
  HAVING count(DISTINCT article_id) >= 2
)
SELECT s.name AS subject, t.predicate, o.name AS object, t.articles, t.sources,
       (SELECT group_concat(source, ', ')
        FROM (SELECT DISTINCT source FROM stated x
              WHERE x.subject_id = t.subject_id AND x.predicate = t.predicate
                AND x.object_id IS t.object_id AND x.source IS NOT NULL
              ORDER BY source)) AS source_names,
       (SELECT group_concat(amount, ' | ')
        FROM (SELECT DISTINCT amount FROM stated x
              WHERE x.subject_id = t.subject_id AND x.predicate = t.predicate
                AND x.object_id IS t.object_id AND x.amount IS NOT NULL
              ORDER BY amount)) AS amounts,
       s.key AS subject_key, o.key AS object_key
FROM triples t
JOIN entities s ON s.id = t.subject_id
LEFT JOIN entities o ON o.id = t.object_id
WHERE NOT EXISTS (SELECT 1 FROM old_conflicts cf
                  WHERE cf.subject_key = s.key AND cf.predicate = t.predicate
                    AND cf.object_key IS o.key);
)sql";

// Copies the sample corpus to `to`; with `shift` 1 to 7, the first digit of every dollar
// amount becomes 1 + (digit + shift) % 9 (never itself, never 0), so that the copy states
// other amounts than the original.
void CopySamples(const std::filesystem::path& to, int shift) {
  const std::filesystem::path from =
      std::filesystem::path(NEWSFACTS_SOURCE_DIR) / "corpus" / "samples";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file()) continue;
    const std::filesystem::path target = to / std::filesystem::relative(entry.path(), from);
    std::filesystem::create_directories(target.parent_path());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string text = bytes.str();
    for (size_t i = 1; i < text.size(); ++i) {
      const char digit = text[i];
      if (shift == 0 || text[i - 1] != '$' || digit < '0' || digit > '9') continue;
      text[i] = static_cast<char>('1' + (digit - '0' + shift) % 9);
    }
    std::ofstream(target, std::ios::binary) << text;
  }
}

// The rows of `sql` on `connection`, one line each, values separated by '|'.
std::vector<std::string> Lines(sqlite::Connection& connection, const std::string& sql) {
  std::vector<std::string> lines;
  auto statement = connection.Prepare(sql);
  EXPECT_TRUE(statement.ok()) << statement.status().ToString();
  if (!statement.ok()) return lines;
  while (true) {
    StatusOr<bool> row = statement->Step();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) break;
    std::string line;
    for (int c = 0; c < statement->ColumnCount(); ++c) {
      if (c > 0) line += '|';
      if (statement->TypeOf(c) == sqlite::ColumnType::kNull) {
        line += "NULL";
      } else {
        line += statement->ColumnText(c);
      }
    }
    lines.push_back(line);
  }
  return lines;
}

// Fails naming up to five rows that one of `actual` and `expected` has and the other has not.
void ExpectSameRows(const std::vector<std::string>& actual,
                    const std::vector<std::string>& expected, const std::string& view) {
  EXPECT_EQ(actual.size(), expected.size()) << view;
  int named = 0;
  for (size_t i = 0; i < std::max(actual.size(), expected.size()) && named < 5; ++i) {
    const std::string got = i < actual.size() ? actual[i] : "(none)";
    const std::string want = i < expected.size() ? expected[i] : "(none)";
    if (got == want) continue;
    ADD_FAILURE() << view << " row " << i << "\n  grouped:  " << got << "\n  pairwise: " << want;
    ++named;
  }
}

TEST(ConflictViewsEquivalenceTest, GroupedViewsGiveTheRowsOfThePairwiseDefinition) {
  TempDir dir;
  // Three plain copies, so one fact is stated alike by several articles, and two copies with
  // other amounts, so the copies disagree with each other and with the originals.
  for (int copy = 1; copy <= 3; ++copy)
    CopySamples(dir.path() / "corpus" / ("same" + std::to_string(copy)), 0);
  CopySamples(dir.path() / "corpus" / "shifted1", 1);
  CopySamples(dir.path() / "corpus" / "shifted3", 3);
  const std::string db = dir.File("facts.db");
  testing::CommandResult ingest = RunNewsfacts("ingest corpus --db " + db, dir.path());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;

  auto connection = sqlite::Connection::Open(db, sqlite::OpenMode::kReadOnly);
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE((*connection)->Exec(kOldViews).ok());

  const std::vector<std::string> old_conflicts =
      Lines(**connection, "SELECT * FROM old_conflicts ORDER BY claim_a, claim_b");
  const std::vector<std::string> new_conflicts =
      Lines(**connection, "SELECT * FROM conflicts ORDER BY claim_a, claim_b");
  // Pairs of copies of one conflict, and pairs across shifted and plain copies.
  EXPECT_GT(old_conflicts.size(), 100u);
  ExpectSameRows(new_conflicts, old_conflicts, "conflicts");

  const std::vector<std::string> old_agreements = Lines(
      **connection, "SELECT * FROM old_agreements ORDER BY subject_key, predicate, object_key");
  const std::vector<std::string> new_agreements =
      Lines(**connection, "SELECT * FROM agreements ORDER BY subject_key, predicate, object_key");
  EXPECT_GT(old_agreements.size(), 10u);
  ExpectSameRows(new_agreements, old_agreements, "agreements");
}

}  // namespace
}  // namespace newsfacts
