-- 0002_search_and_views: full-text search over sentences, the friendly views (facts,
-- conflicts, agreements, entity_articles), indexes for the joins they make, and a count of
-- re-extracted articles per run. Amount bounds stay exact decimal TEXT; the views compare
-- them as REAL, which is exact enough to decide whether two intervals overlap.

ALTER TABLE runs ADD COLUMN articles_reextracted INTEGER NOT NULL DEFAULT 0;

-- Re-extraction looks up the articles of runs made with other rules; merge and readers
-- group articles by outlet.
CREATE INDEX articles_by_run ON articles(run_id);
CREATE INDEX articles_by_source ON articles(source);
CREATE INDEX entities_by_parent ON entities(parent_key);
-- entity_articles groups mentions by entity and article: one covering index serves it and
-- every lookup the old single-column index served.
DROP INDEX mentions_by_entity;
CREATE INDEX mentions_by_entity ON mentions(entity_id, article_id);
-- conflicts and agreements pair claims on the same (subject, predicate, object).
CREATE INDEX claims_by_triple ON claims(subject_id, predicate, object_id);

-- Full-text index over sentences.text, external content keyed by sentences.id, kept in
-- sync by triggers. Query: SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'x'.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_after_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_after_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_after_update AFTER UPDATE OF id, text ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
-- Databases migrated from version 1 already hold sentences.
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');

-- The amounts a claim states: its primary amount (the one it points to or, when that is a
-- conversion such as "(£5bn)", the amount it converts) and every conversion of that amount.
CREATE VIEW claim_amounts AS
WITH primary_amounts AS (
  SELECT c.id AS claim_id, coalesce(am.restates_id, am.id) AS amount_id
  FROM claims c JOIN amounts am ON am.id = c.amount_id
)
SELECT p.claim_id, am.id AS amount_id, 1 AS is_primary, am.text, am.value, am.low, am.high,
       am.currency, am.qualifier, am.vague
FROM primary_amounts p JOIN amounts am ON am.id = p.amount_id
UNION ALL
SELECT p.claim_id, am.id, 0, am.text, am.value, am.low, am.high, am.currency, am.qualifier,
       am.vague
FROM primary_amounts p JOIN amounts am ON am.restates_id = p.amount_id;

-- One row per claim with readable names, its primary amount and its evidence.
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
       c.run_id
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN sentences se ON se.id = c.sentence_id
LEFT JOIN entities s ON s.id = c.subject_id
LEFT JOIN entities o ON o.id = c.object_id
LEFT JOIN claim_amounts ca ON ca.claim_id = c.id AND ca.is_primary;

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
  WHERE c.subject_id IS NOT NULL AND c.status NOT IN ('negated', 'question', 'conditional')
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

-- Which entities each article mentions, and how often.
CREATE VIEW entity_articles AS
SELECT e.name AS entity, e.type, e.key AS entity_key, a.title, a.source, a.published, a.path,
       count(*) AS mentions, m.entity_id, m.article_id
FROM mentions m
JOIN entities e ON e.id = m.entity_id
JOIN articles a ON a.id = m.article_id
GROUP BY m.entity_id, m.article_id;
