-- 0007_claim_time_role_stage: when and which part (issue 14). Claims gain amount_role
-- (total, tranche, part, per_unit, valuation, unspecified; NULL without an amount), stage
-- (rumoured, in_talks, agreed, completed, abandoned, blocked, unspecified; deal predicates
-- only) and event_date ("2019", "2025-06", "2025-06-03") with the words and the date rule that
-- gave it; quotes gain their venue. facts shows the new columns; conflicts compares like with
-- like; timeline tells each (subject, predicate, object) in event-date order. Columns are only
-- added, so queries written for version 4 keep working.

ALTER TABLE claims ADD COLUMN amount_role TEXT;
ALTER TABLE claims ADD COLUMN stage TEXT;
ALTER TABLE claims ADD COLUMN event_date TEXT;
ALTER TABLE claims ADD COLUMN event_date_text TEXT;
ALTER TABLE claims ADD COLUMN event_date_rule TEXT;
ALTER TABLE quotes ADD COLUMN venue TEXT;

DROP VIEW agreements;
DROP VIEW conflicts;
DROP VIEW facts;

CREATE VIEW facts AS
SELECT c.id AS claim_id,
       coalesce(s.name, c.subject_text) AS subject,
       c.predicate,
       coalesce(o.name, c.object_text) AS object,
       ca.text AS amount,
       ca.value,
       ca.low,
       ca.high,
       ca.currency,
       ca.qualifier,
       c.role,
       c.status,
       c.speaker,
       c.venue,
       a.title,
       a.source,
       a.published,
       se.text AS evidence,
       a.path,
       s.key AS subject_key,
       o.key AS object_key,
       c.article_id,
       c.sentence_id,
       c.rule,
       c.run_id,
       c.amount_role,
       c.stage,
       c.event_date,
       c.event_date_text
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN sentences se ON se.id = c.sentence_id
LEFT JOIN entities s ON s.id = c.subject_id
LEFT JOIN entities o ON o.id = c.object_id
LEFT JOIN claim_amounts ca ON ca.claim_id = c.id AND ca.is_primary;

-- Pairs of claims from different articles on the same canonical (subject, predicate, object)
-- whose amounts can both be true only if they agree, and do not: they share a currency
-- (directly or through a stated conversion) and no same-currency pair of their [low, high]
-- intervals overlaps (a NULL bound is unbounded). Like is compared with like, by role class:
--   deal value  acquired, sold, merged_with with role total or unspecified: one deal, one
--               price, whatever the dates;
--   total       a running total, and an invested_in amount with no role, no event date and
--               no sign of new money ("Microsoft's $13 billion investment", not "will invest
--               up to $4 billion"): compared when their as-of dates (the
--               event date, else the published day) are unknown, equal, one contains the
--               other ("2025", "2025-03-04"), or lie at most 92 days apart: a total of 2023
--               and a larger one of 2024 are two moments of one story;
--   tranche     a tranche, and an invested_in amount with no role but an event date ("in
--               2022") or announced as new money (status planned, stage agreed, in_talks or
--               rumoured); like per_unit and valuation, compared only when the event dates are
--               equal, contain one another or either is unknown;
--   part        never compared ("including a $4 billion commitment").
-- Vague amounts ("billions"), described objects and negated, question and conditional claims
-- are never in conflict.
CREATE VIEW conflicts AS
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

-- As in 0004, over the new conflicts.
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
WHERE NOT EXISTS (SELECT 1 FROM conflicts cf
                  WHERE cf.subject_key = s.key AND cf.predicate = t.predicate
                    AND cf.object_key IS o.key);

-- The story of each (subject, predicate, object) with a named subject: every claim with its
-- `step_date` (the event date, else the article's published day), stage, amount and role,
-- in story order: by step_date (unknown last), then stage (rumoured, in_talks, agreed,
-- completed, abandoned, blocked), then role (tranche before total), then claim id.
CREATE VIEW timeline AS
SELECT f.subject, f.predicate, f.object,
       coalesce(f.event_date, nullif(substr(f.published, 1, 10), '')) AS step_date,
       CASE WHEN f.event_date IS NOT NULL THEN 'event'
            WHEN nullif(f.published, '') IS NOT NULL THEN 'published' END AS date_from,
       f.event_date, f.event_date_text, f.stage, f.amount, f.value, f.currency, f.amount_role,
       f.status, f.speaker, f.venue, f.source, f.published, f.title, f.evidence, f.path,
       f.subject_key, f.object_key, f.claim_id, f.article_id
FROM facts f
JOIN claims c ON c.id = f.claim_id
WHERE c.subject_id IS NOT NULL
ORDER BY f.subject_key, f.predicate, f.object_key,
         coalesce(f.event_date, nullif(substr(f.published, 1, 10), '')) IS NULL,
         coalesce(f.event_date, nullif(substr(f.published, 1, 10), '')),
         CASE f.stage WHEN 'rumoured' THEN 1 WHEN 'in_talks' THEN 2 WHEN 'agreed' THEN 3
                      WHEN 'completed' THEN 4 WHEN 'abandoned' THEN 5 WHEN 'blocked' THEN 6
                      ELSE 0 END,
         CASE f.amount_role WHEN 'tranche' THEN 1 WHEN 'part' THEN 2 WHEN 'total' THEN 3
                            ELSE 0 END,
         f.claim_id;
