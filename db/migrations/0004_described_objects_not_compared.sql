-- 0004_described_objects_not_compared: a claim's object can be a thing described but not
-- named ("its Clayton steel plate mill"): object_id is NULL and object_text holds the words.
-- Two such claims are not about the same object just because neither has an entity, so
-- conflicts and agreements now compare only claims whose object is an entity or that have no
-- object at all (raised, valued_at). The views are otherwise as in 0002.

DROP VIEW agreements;
DROP VIEW conflicts;

-- Pairs of claims from different articles on the same canonical (subject, predicate, object)
-- whose amounts cannot both be true: they share a currency (directly or through a stated
-- conversion) and no same-currency pair of their [low, high] intervals overlaps (a NULL
-- bound is unbounded). Vague amounts ("billions") and negated, question and conditional
-- claims are never in conflict.
CREATE VIEW conflicts AS
WITH comparable AS (
  SELECT c.id, c.article_id, c.subject_id, c.predicate, c.object_id
  FROM claims c
  WHERE c.subject_id IS NOT NULL
    AND (c.object_id IS NOT NULL OR c.object_text IS NULL)
    AND c.amount_id IS NOT NULL
    AND c.status NOT IN ('negated', 'question', 'conditional')
    AND NOT EXISTS (SELECT 1 FROM claim_amounts x WHERE x.claim_id = c.id AND x.vague)
),
pairs AS (
  SELECT a.id AS claim_a, b.id AS claim_b
  FROM comparable a
  JOIN comparable b
    ON b.subject_id = a.subject_id AND b.predicate = a.predicate
   AND b.object_id IS a.object_id AND b.article_id <> a.article_id AND b.id > a.id
  WHERE EXISTS (SELECT 1 FROM claim_amounts x JOIN claim_amounts y ON y.currency = x.currency
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
       p.claim_a, p.claim_b
FROM pairs p
JOIN facts fa ON fa.claim_id = p.claim_a
JOIN facts fb ON fb.claim_id = p.claim_b;

-- (subject, predicate, object) stated by two or more articles with no conflict among them,
-- with how many articles and distinct outlets state it and the amounts they give.
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
