-- 0008_conflicts_by_amount_group: conflicts and agreements in time linear in the claims plus
-- the rows they give (issue 17). 0007 compared every two claims of a fact, so a fact repeated
-- by n articles cost n^2 amount comparisons. Now the claims of a fact that conflicts can
-- compare are first grouped by everything the rules of 0007 look at (role class, the date
-- that class compares, and every amount's currency and bounds); the rules run once per two
-- groups, and only the groups found in conflict are expanded into claim pairs. conflicts and
-- agreements keep their columns and rows; comparable_claims and conflict_groups are new.

DROP VIEW agreements;
DROP VIEW conflicts;

-- Each claim conflicts can compare (the filters of 0007: a named subject, an entity or no
-- object, a precise amount not in the role part, a stated status), with:
--   role_class     as in 0007: deal value, total, tranche, per_unit, valuation, unspecified;
--   compared_date  the date its class compares: none for a deal value, the as-of date (event
--                  date, else published day) for a total, the event date otherwise;
--   amounts        every amount of the claim (claim_amounts) as sorted SQL literals
--                  'currency,low,high;...', so two claims with equal text have equal amounts;
--   amount_group   the smallest claim id of the fact with the same role_class,
--                  compared_date and amounts: claims of one group are alike for the rules.
CREATE VIEW comparable_claims AS
WITH comparable AS (
  SELECT c.id AS claim_id, c.article_id, c.subject_id, c.predicate, c.object_id,
         CASE WHEN c.predicate IN ('acquired', 'sold', 'merged_with')
                   AND coalesce(c.amount_role, 'unspecified') IN ('total', 'unspecified')
              THEN 'deal value'
              WHEN c.predicate = 'invested_in' AND coalesce(c.amount_role, 'unspecified') = 'unspecified'
              THEN CASE WHEN c.event_date IS NULL AND c.status <> 'planned'
                             AND coalesce(c.stage, '') NOT IN ('agreed', 'in_talks', 'rumoured')
                        THEN 'total' ELSE 'tranche' END
              ELSE coalesce(c.amount_role, 'unspecified') END AS role_class,
         c.event_date,
         coalesce(c.event_date, nullif(substr(ar.published, 1, 10), '')) AS as_of,
         (SELECT group_concat(literal, ';')
          FROM (SELECT quote(x.currency) || ',' || quote(x.low) || ',' || quote(x.high) AS literal
                FROM claim_amounts x WHERE x.claim_id = c.id ORDER BY literal)) AS amounts
  FROM claims c
  JOIN articles ar ON ar.id = c.article_id
  WHERE c.subject_id IS NOT NULL
    AND (c.object_id IS NOT NULL OR c.object_text IS NULL)
    AND c.amount_id IS NOT NULL
    AND coalesce(c.amount_role, 'unspecified') <> 'part'
    AND c.status NOT IN ('negated', 'question', 'conditional')
    AND NOT EXISTS (SELECT 1 FROM claim_amounts x WHERE x.claim_id = c.id AND x.vague)
),
dated AS (
  SELECT claim_id, article_id, subject_id, predicate, object_id, role_class, amounts,
         CASE role_class WHEN 'deal value' THEN NULL WHEN 'total' THEN as_of
                         ELSE event_date END AS compared_date
  FROM comparable
)
SELECT claim_id, article_id, subject_id, predicate, object_id, role_class, compared_date,
       amounts,
       min(claim_id) OVER (PARTITION BY subject_id, predicate, object_id, role_class,
                                        compared_date, amounts) AS amount_group
FROM dated;

-- Two groups of comparable_claims of one fact (group_a <= group_b; equal when the claims of
-- one group meet the rules among themselves) whose claims conflict by the rules of 0007 and
-- that hold at least one pair of claims from different articles. claims_a and claims_b count
-- the claims of each group.
CREATE VIEW conflict_groups AS
WITH members AS MATERIALIZED (SELECT * FROM comparable_claims),
groups AS (
  SELECT amount_group, subject_id, predicate, object_id, role_class, compared_date,
         count(*) AS claims, min(article_id) AS first_article, max(article_id) AS last_article
  FROM members
  GROUP BY amount_group
)
SELECT a.amount_group AS group_a, b.amount_group AS group_b, a.subject_id, a.predicate,
       a.object_id, a.claims AS claims_a, b.claims AS claims_b
FROM groups a
JOIN groups b
  ON b.subject_id = a.subject_id AND b.predicate = a.predicate
 AND b.object_id IS a.object_id AND b.amount_group >= a.amount_group
 AND b.role_class = a.role_class
WHERE NOT (a.first_article = a.last_article AND b.first_article = b.last_article
           AND a.first_article = b.first_article)
  AND (a.compared_date IS NULL OR b.compared_date IS NULL
       OR substr(a.compared_date, 1, length(b.compared_date)) = b.compared_date
       OR substr(b.compared_date, 1, length(a.compared_date)) = a.compared_date
       OR (a.role_class = 'total' AND length(a.compared_date) = 10
           AND length(b.compared_date) = 10
           AND abs(julianday(a.compared_date) - julianday(b.compared_date)) <= 92))
  AND EXISTS (SELECT 1 FROM claim_amounts x JOIN claim_amounts y ON y.currency = x.currency
              WHERE x.claim_id = a.amount_group AND y.claim_id = b.amount_group)
  AND NOT EXISTS (
    SELECT 1 FROM claim_amounts x JOIN claim_amounts y ON y.currency = x.currency
    WHERE x.claim_id = a.amount_group AND y.claim_id = b.amount_group
      AND (x.low IS NULL OR y.high IS NULL OR CAST(x.low AS REAL) <= CAST(y.high AS REAL))
      AND (y.low IS NULL OR x.high IS NULL OR CAST(y.low AS REAL) <= CAST(x.high AS REAL)));

-- The rows and columns of 0007: every two claims from different articles, one in each of two
-- conflict_groups (or two of one group), claim_a the smaller id.
CREATE VIEW conflicts AS
WITH members AS MATERIALIZED (SELECT claim_id, article_id, amount_group FROM comparable_claims),
pairs AS (
  SELECT min(x.claim_id, y.claim_id) AS claim_a, max(x.claim_id, y.claim_id) AS claim_b
  FROM conflict_groups g
  JOIN members x ON x.amount_group = g.group_a
  JOIN members y ON y.amount_group = g.group_b
  WHERE x.article_id <> y.article_id AND (g.group_a <> g.group_b OR x.claim_id < y.claim_id)
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

-- As in 0007; a fact is in conflict when it has a conflict_groups row.
CREATE VIEW agreements AS
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
),
in_conflict AS MATERIALIZED (
  SELECT DISTINCT subject_id, predicate, object_id FROM conflict_groups
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
WHERE NOT EXISTS (SELECT 1 FROM in_conflict cf
                  WHERE cf.subject_id = t.subject_id AND cf.predicate = t.predicate
                    AND cf.object_id IS t.object_id);
