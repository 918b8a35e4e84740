-- 0011_comparisons_kept_at_write: comparable_claims, conflict_groups and stated_facts give the
-- rows of 0009, now kept in tables at write time instead of computed by every reader (issue 17:
-- they cost a report of 100,000 articles about 6 CPU s). Every row of them belongs to one fact
-- (subject, predicate, object) and depends only on that fact's claims, their amounts and their
-- articles. Triggers list each fact whose claims, amounts or articles change in facts_to_compare;
-- writers (FactStore when a run finishes or it opens a file, merge after each input) then
-- recompute the rows of the listed facts (db/stored_comparisons.h) and empty the list. A fact still listed (a write by plain SQL) is
-- computed when read, so the views are right whether or not a writer has caught up.

-- The facts whose stored rows are out of date; object_id 0 stands for "no object".
CREATE TABLE facts_to_compare (
  subject_id INTEGER NOT NULL,
  predicate  TEXT NOT NULL,
  object_id  INTEGER NOT NULL,
  PRIMARY KEY (subject_id, predicate, object_id)
) WITHOUT ROWID;

CREATE TRIGGER claims_compare_insert AFTER INSERT ON claims
WHEN NEW.subject_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  VALUES (NEW.subject_id, NEW.predicate, coalesce(NEW.object_id, 0));
END;

CREATE TRIGGER claims_compare_delete AFTER DELETE ON claims
WHEN OLD.subject_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  VALUES (OLD.subject_id, OLD.predicate, coalesce(OLD.object_id, 0));
END;

CREATE TRIGGER claims_compare_update AFTER UPDATE ON claims BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT OLD.subject_id, OLD.predicate, coalesce(OLD.object_id, 0) WHERE OLD.subject_id IS NOT NULL
  UNION ALL
  SELECT NEW.subject_id, NEW.predicate, coalesce(NEW.object_id, 0) WHERE NEW.subject_id IS NOT NULL;
END;

-- A claim's amounts are amounts of its own article (a conversion restates an amount of the same
-- sentence), so a changed amount lists the facts of its article's claims.
CREATE TRIGGER amounts_compare_insert AFTER INSERT ON amounts BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id = NEW.article_id AND subject_id IS NOT NULL;
END;

CREATE TRIGGER amounts_compare_update AFTER UPDATE ON amounts BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id IN (OLD.article_id, NEW.article_id) AND subject_id IS NOT NULL;
END;

CREATE TRIGGER amounts_compare_delete AFTER DELETE ON amounts BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id = OLD.article_id AND subject_id IS NOT NULL;
END;

-- The published date and the outlet are compared and counted.
CREATE TRIGGER articles_compare_update AFTER UPDATE OF published, source ON articles BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id = NEW.id AND subject_id IS NOT NULL;
END;

-- The stored rows of the facts not listed in facts_to_compare.
CREATE TABLE stored_comparable_claims (
  claim_id      INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL,
  subject_id    INTEGER NOT NULL,
  predicate     TEXT NOT NULL,
  object_id     INTEGER,
  role_class    TEXT NOT NULL,
  compared_date TEXT,
  amounts       TEXT NOT NULL,
  amount_group  INTEGER NOT NULL
);
CREATE INDEX stored_comparable_claims_by_fact
  ON stored_comparable_claims (subject_id, predicate, object_id);
CREATE INDEX stored_comparable_claims_by_group ON stored_comparable_claims (amount_group);

CREATE TABLE stored_conflict_groups (
  group_a    INTEGER NOT NULL,
  group_b    INTEGER NOT NULL,
  subject_id INTEGER NOT NULL,
  predicate  TEXT NOT NULL,
  object_id  INTEGER,
  claims_a   INTEGER NOT NULL,
  claims_b   INTEGER NOT NULL,
  PRIMARY KEY (group_a, group_b)
) WITHOUT ROWID;
CREATE INDEX stored_conflict_groups_by_fact
  ON stored_conflict_groups (subject_id, predicate, object_id);

CREATE TABLE stored_fact_counts (
  subject_id      INTEGER NOT NULL,
  predicate       TEXT NOT NULL,
  object_id       INTEGER,
  claims          INTEGER NOT NULL,
  articles        INTEGER NOT NULL,
  sources         INTEGER NOT NULL,
  stated_articles INTEGER NOT NULL,
  stated_sources  INTEGER NOT NULL
);
CREATE INDEX stored_fact_counts_by_fact ON stored_fact_counts (subject_id, predicate, object_id);

-- 0009's comparable_claims, over the claims of the listed facts only.
CREATE VIEW pending_comparable_claims AS
WITH candidates AS (
  SELECT c.id AS claim_id, c.article_id, c.subject_id, c.predicate, c.object_id, c.event_date,
         c.status, c.stage, c.amount_role, c.amount_id
  -- CROSS JOIN keeps this order: the few listed facts first, then their claims by index
  FROM facts_to_compare f
  CROSS JOIN claims c ON c.subject_id = f.subject_id AND c.predicate = f.predicate
                     AND c.object_id IS nullif(f.object_id, 0)
  WHERE (c.object_id IS NOT NULL OR c.object_text IS NULL)
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

-- 0009's conflict_groups, over pending_comparable_claims.
CREATE VIEW pending_conflict_groups AS
WITH members AS MATERIALIZED (SELECT * FROM pending_comparable_claims),
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

-- Per listed fact (claims with a named subject, an entity or no object): its claims, distinct
-- articles and distinct named outlets, and the same counts over the claims that state it (not
-- negated, asked or conditional) as 0009's stated_facts counts them.
CREATE VIEW pending_fact_counts AS
SELECT c.subject_id, c.predicate, c.object_id,
       count(*) AS claims,
       count(DISTINCT c.article_id) AS articles,
       count(DISTINCT nullif(a.source, '')) AS sources,
       count(DISTINCT CASE WHEN c.status NOT IN ('negated', 'question', 'conditional')
                           THEN c.article_id END) AS stated_articles,
       count(DISTINCT CASE WHEN c.status NOT IN ('negated', 'question', 'conditional')
                           THEN nullif(a.source, '') END) AS stated_sources
FROM facts_to_compare f
CROSS JOIN claims c ON c.subject_id = f.subject_id AND c.predicate = f.predicate
                   AND c.object_id IS nullif(f.object_id, 0)
JOIN articles a ON a.id = c.article_id
WHERE c.object_id IS NOT NULL OR c.object_text IS NULL
GROUP BY c.subject_id, c.predicate, c.object_id;

-- The public views: the stored rows of the facts not listed, and the listed facts computed.
DROP VIEW agreements;
DROP VIEW conflicts;
DROP VIEW conflict_groups;
DROP VIEW comparable_claims;
DROP VIEW stated_facts;

CREATE VIEW comparable_claims AS
SELECT s.claim_id, s.article_id, s.subject_id, s.predicate, s.object_id, s.role_class,
       s.compared_date, s.amounts, s.amount_group
FROM stored_comparable_claims s
WHERE NOT EXISTS (SELECT 1 FROM facts_to_compare f
                  WHERE f.subject_id = s.subject_id AND f.predicate = s.predicate
                    AND f.object_id = coalesce(s.object_id, 0))
UNION ALL
SELECT * FROM pending_comparable_claims;

CREATE VIEW conflict_groups AS
SELECT s.group_a, s.group_b, s.subject_id, s.predicate, s.object_id, s.claims_a, s.claims_b
FROM stored_conflict_groups s
WHERE NOT EXISTS (SELECT 1 FROM facts_to_compare f
                  WHERE f.subject_id = s.subject_id AND f.predicate = s.predicate
                    AND f.object_id = coalesce(s.object_id, 0))
UNION ALL
SELECT * FROM pending_conflict_groups;

-- Every fact with its counts (new): what `report` lists, without reading each claim.
CREATE VIEW fact_counts AS
SELECT s.subject_id, s.predicate, s.object_id, s.claims, s.articles, s.sources,
       s.stated_articles, s.stated_sources
FROM stored_fact_counts s
WHERE NOT EXISTS (SELECT 1 FROM facts_to_compare f
                  WHERE f.subject_id = s.subject_id AND f.predicate = s.predicate
                    AND f.object_id = coalesce(s.object_id, 0))
UNION ALL
SELECT * FROM pending_fact_counts;

-- As in 0009: each fact articles state, with how many articles and named outlets state it.
CREATE VIEW stated_facts AS
SELECT subject_id, predicate, object_id, stated_articles AS articles, stated_sources AS sources
FROM fact_counts
WHERE stated_articles > 0;

-- As in 0009 (the views it reads are now kept at write time).
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

-- As in 0009.
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

-- Every stored fact is listed; the writer that applied this migration computes them.
INSERT INTO facts_to_compare (subject_id, predicate, object_id)
SELECT DISTINCT subject_id, predicate, coalesce(object_id, 0) FROM claims
WHERE subject_id IS NOT NULL;
