-- 0009_comparable_claims_in_one_pass: the same rows as 0008, read faster (issue 17: the report
-- of 100,000 articles). 0008 found each claim's amounts with two correlated subqueries on
-- claim_amounts per claim, each sorting in its own temporary b-tree, and conflict_groups read
-- claim_amounts again for every two groups; at 130,000 claims with amounts that took seconds.
-- Now comparable_claims joins claims to amounts once and sorts all the literals in one pass,
-- conflict_groups reads the amounts of its groups once, and stated_facts (new) counts the
-- articles and outlets stating each fact, so a caller that already knows which facts conflict
-- can tell agreements without running conflict_groups a second time.

DROP VIEW agreements;
DROP VIEW conflicts;
DROP VIEW conflict_groups;
DROP VIEW comparable_claims;

-- As in 0008 (columns, rows and amount literals alike); a claim's amounts are its primary
-- amount (the one it points to, or the amount that one converts) and every conversion of it,
-- as in claim_amounts.
CREATE VIEW comparable_claims AS
WITH candidates AS (
  SELECT c.id AS claim_id, c.article_id, c.subject_id, c.predicate, c.object_id, c.event_date,
         c.status, c.stage, c.amount_role, c.amount_id
  FROM claims c
  WHERE c.subject_id IS NOT NULL
    AND (c.object_id IS NOT NULL OR c.object_text IS NULL)
    AND c.amount_id IS NOT NULL
    AND coalesce(c.amount_role, 'unspecified') <> 'part'
    AND c.status NOT IN ('negated', 'question', 'conditional')
),
literals AS (
  SELECT k.claim_id, x.vague,
         quote(x.currency) || ',' || quote(x.low) || ',' || quote(x.high) AS literal
  FROM candidates k
  JOIN amounts p ON p.id = k.amount_id
  JOIN amounts x ON x.id = coalesce(p.restates_id, p.id)
                 OR x.restates_id = coalesce(p.restates_id, p.id)
  -- group_concat below joins each claim's literals in this order
  ORDER BY k.claim_id, literal
),
amount_sets AS (
  SELECT claim_id, group_concat(literal, ';') AS amounts, max(vague) AS vague
  FROM literals GROUP BY claim_id
),
comparable AS (
  SELECT k.claim_id, k.article_id, k.subject_id, k.predicate, k.object_id,
         CASE WHEN k.predicate IN ('acquired', 'sold', 'merged_with')
                   AND coalesce(k.amount_role, 'unspecified') IN ('total', 'unspecified')
              THEN 'deal value'
              WHEN k.predicate = 'invested_in' AND coalesce(k.amount_role, 'unspecified') = 'unspecified'
              THEN CASE WHEN k.event_date IS NULL AND k.status <> 'planned'
                             AND coalesce(k.stage, '') NOT IN ('agreed', 'in_talks', 'rumoured')
                        THEN 'total' ELSE 'tranche' END
              ELSE coalesce(k.amount_role, 'unspecified') END AS role_class,
         k.event_date,
         coalesce(k.event_date, nullif(substr(ar.published, 1, 10), '')) AS as_of,
         s.amounts
  FROM candidates k
  JOIN amount_sets s ON s.claim_id = k.claim_id AND NOT s.vague
  JOIN articles ar ON ar.id = k.article_id
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

-- As in 0008; the amounts of each group's first claim are read once (group_amounts).
CREATE VIEW conflict_groups AS
WITH members AS MATERIALIZED (SELECT * FROM comparable_claims),
groups AS (
  SELECT amount_group, subject_id, predicate, object_id, role_class, compared_date,
         count(*) AS claims, min(article_id) AS first_article, max(article_id) AS last_article
  FROM members
  GROUP BY amount_group
),
group_amounts AS MATERIALIZED (
  SELECT g.amount_group, x.currency, x.low, x.high
  FROM groups g
  JOIN claims c ON c.id = g.amount_group
  JOIN amounts p ON p.id = c.amount_id
  JOIN amounts x ON x.id = coalesce(p.restates_id, p.id)
                 OR x.restates_id = coalesce(p.restates_id, p.id)
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
  AND EXISTS (SELECT 1 FROM group_amounts x JOIN group_amounts y ON y.currency = x.currency
              WHERE x.amount_group = a.amount_group AND y.amount_group = b.amount_group)
  AND NOT EXISTS (
    SELECT 1 FROM group_amounts x JOIN group_amounts y ON y.currency = x.currency
    WHERE x.amount_group = a.amount_group AND y.amount_group = b.amount_group
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

-- Each (subject, predicate, object) that articles state (claims with a named subject, an entity
-- or no object, not negated, asked or conditional): how many distinct articles and distinct
-- named outlets state it.
CREATE VIEW stated_facts AS
SELECT c.subject_id, c.predicate, c.object_id,
       count(DISTINCT c.article_id) AS articles,
       count(DISTINCT nullif(a.source, '')) AS sources
FROM claims c
JOIN articles a ON a.id = c.article_id
WHERE c.subject_id IS NOT NULL AND (c.object_id IS NOT NULL OR c.object_text IS NULL)
  AND c.status NOT IN ('negated', 'question', 'conditional')
GROUP BY c.subject_id, c.predicate, c.object_id;

-- As in 0008, its counts from stated_facts.
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
  SELECT subject_id, predicate, object_id, articles, sources FROM stated_facts WHERE articles >= 2
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
