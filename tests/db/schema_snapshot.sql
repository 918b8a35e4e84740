-- Schema after every migration (tests/db/schema_test.cc). Regenerate deliberately with
-- NEWSFACTS_UPDATE_SCHEMA_SNAPSHOT=1 db_tests --gtest_filter=SchemaTest.*
-- user_version 16

-- index aliases_by_alias
CREATE INDEX aliases_by_alias ON aliases(alias);

-- index amounts_by_article
CREATE INDEX amounts_by_article ON amounts(article_id);

-- index amounts_by_restates
CREATE INDEX amounts_by_restates ON amounts(restates_id);

-- index amounts_by_sentence
CREATE INDEX amounts_by_sentence ON amounts(sentence_id);

-- index articles_by_content_hash
CREATE INDEX articles_by_content_hash ON articles(content_hash);

-- index articles_by_path_and_hash
CREATE INDEX articles_by_path_and_hash ON articles(path, record_index, content_hash);

-- index articles_by_published
CREATE INDEX articles_by_published ON articles(published);

-- index articles_by_run
CREATE INDEX articles_by_run ON articles(run_id);

-- index articles_by_source
CREATE INDEX articles_by_source ON articles(source);

-- index claims_by_amount
CREATE INDEX claims_by_amount ON claims(amount_id);

-- index claims_by_article
CREATE INDEX claims_by_article ON claims(article_id);

-- index claims_by_object
CREATE INDEX claims_by_object ON claims(object_id, predicate);

-- index claims_by_predicate
CREATE INDEX claims_by_predicate ON claims(predicate);

-- index claims_by_sentence
CREATE INDEX claims_by_sentence ON claims(sentence_id);

-- index claims_by_subject
CREATE INDEX claims_by_subject ON claims(subject_id, predicate);

-- index claims_by_triple
CREATE INDEX claims_by_triple ON claims(subject_id, predicate, object_id);

-- index entities_by_name
CREATE INDEX entities_by_name ON entities(name);

-- index entities_by_parent
CREATE INDEX entities_by_parent ON entities(parent_key);

-- index entity_names_by_entity
CREATE INDEX entity_names_by_entity ON entity_names(entity_id);

-- index mentions_by_article
CREATE INDEX mentions_by_article ON mentions(article_id);

-- index mentions_by_entity
CREATE INDEX mentions_by_entity ON mentions(entity_id, article_id);

-- index mentions_by_sentence
CREATE INDEX mentions_by_sentence ON mentions(sentence_id);

-- index quotes_by_article
CREATE INDEX quotes_by_article ON quotes(article_id);

-- index quotes_by_sentence
CREATE INDEX quotes_by_sentence ON quotes(sentence_id);

-- index stored_comparable_claims_by_fact
CREATE INDEX stored_comparable_claims_by_fact
  ON stored_comparable_claims (subject_id, predicate, object_id);

-- index stored_comparable_claims_by_group
CREATE INDEX stored_comparable_claims_by_group ON stored_comparable_claims (amount_group);

-- index stored_conflict_groups_by_fact
CREATE INDEX stored_conflict_groups_by_fact
  ON stored_conflict_groups (subject_id, predicate, object_id);

-- index stored_fact_counts_by_fact
CREATE INDEX stored_fact_counts_by_fact ON stored_fact_counts (subject_id, predicate, object_id);

-- table aliases
CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;

-- table amounts
CREATE TABLE amounts (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id       INTEGER NOT NULL REFERENCES "sentence_spans"(id) ON DELETE CASCADE,
  amount_index      INTEGER NOT NULL,
  text              TEXT NOT NULL,
  value             TEXT,                        -- exact decimal in major units; NULL for ranges/vague
  low               TEXT,                        -- inclusive lower bound; NULL = unbounded
  high              TEXT,                        -- upper bound; NULL = unbounded
  currency          TEXT,                        -- ISO 4217; NULL when unknown
  currency_evidence TEXT NOT NULL,
  qualifier         TEXT NOT NULL,
  vague             INTEGER NOT NULL DEFAULT 0,
  restates_id       INTEGER REFERENCES amounts(id) ON DELETE CASCADE,
  start_byte        INTEGER NOT NULL,
  end_byte          INTEGER NOT NULL,
  start_char        INTEGER NOT NULL,
  end_char          INTEGER NOT NULL,
  rule              TEXT NOT NULL,
  run_id            INTEGER NOT NULL REFERENCES runs(id)
);

-- table articles
CREATE TABLE articles (
  id                 INTEGER PRIMARY KEY,
  path               TEXT NOT NULL,
  record_index       INTEGER NOT NULL DEFAULT -1, -- record number in .json/.jsonl, else -1
  content_hash       TEXT NOT NULL,               -- XXH3-128 hex of the normalized text and metadata
  title              TEXT,
  source             TEXT,
  url                TEXT,
  published          TEXT,
  text               TEXT NOT NULL,
  byte_length        INTEGER NOT NULL,
  repaired_sequences INTEGER NOT NULL DEFAULT 0,  -- invalid UTF-8 sequences replaced by U+FFFD
  run_id             INTEGER NOT NULL REFERENCES runs(id), path_bytes BLOB,
  UNIQUE (path, record_index)
);

-- table claims
CREATE TABLE claims (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id  INTEGER NOT NULL REFERENCES "sentence_spans"(id) ON DELETE CASCADE,
  claim_index  INTEGER NOT NULL,
  predicate    TEXT NOT NULL,
  subject_id   INTEGER REFERENCES entities(id),
  object_id    INTEGER REFERENCES entities(id),
  subject_text TEXT,
  object_text  TEXT,
  amount_id    INTEGER REFERENCES amounts(id) ON DELETE CASCADE,
  role         TEXT,
  status       TEXT NOT NULL CHECK (status IN ('asserted', 'reported', 'hedged', 'negated',
                                                'question', 'planned', 'conditional')),
  speaker      TEXT,
  venue        TEXT,
  start_byte   INTEGER NOT NULL,
  end_byte     INTEGER NOT NULL,
  start_char   INTEGER NOT NULL,
  end_char     INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  run_id       INTEGER NOT NULL REFERENCES runs(id)
, amount_role TEXT, stage TEXT, event_date TEXT, event_date_text TEXT, event_date_rule TEXT);

-- table entities
CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,               -- canonical key shared across articles
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('ORG', 'PERSON', 'PRODUCT', 'LOCATION')),
  parent_key TEXT                                -- key of the parent entity, e.g. AWS -> amazon
);

-- table entity_name_votes
CREATE TABLE entity_name_votes (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  name      TEXT NOT NULL,
  mentions  INTEGER NOT NULL,
  gazetteer INTEGER NOT NULL,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;

-- table entity_names
CREATE TABLE entity_names (
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,                     -- the entity's display name in that article
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;

-- table entity_type_votes
CREATE TABLE entity_type_votes (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  type      TEXT NOT NULL,
  mentions  INTEGER NOT NULL,
  gazetteer INTEGER NOT NULL,
  PRIMARY KEY (entity_id, type)
) WITHOUT ROWID;

-- table facts_to_compare
CREATE TABLE facts_to_compare (
  subject_id INTEGER NOT NULL,
  predicate  TEXT NOT NULL,
  object_id  INTEGER NOT NULL,
  PRIMARY KEY (subject_id, predicate, object_id)
) WITHOUT ROWID;

-- table mentions
CREATE TABLE mentions (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id   INTEGER NOT NULL REFERENCES "sentence_spans"(id) ON DELETE CASCADE,
  mention_index INTEGER NOT NULL,
  entity_id     INTEGER NOT NULL REFERENCES entities(id),
  type          TEXT NOT NULL,
  text          TEXT NOT NULL,
  start_byte    INTEGER NOT NULL,
  end_byte      INTEGER NOT NULL,
  start_char    INTEGER NOT NULL,
  end_char      INTEGER NOT NULL,
  rule          TEXT NOT NULL,
  run_id        INTEGER NOT NULL REFERENCES runs(id)
);

-- table quotes
CREATE TABLE quotes (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id       INTEGER NOT NULL REFERENCES "sentence_spans"(id) ON DELETE CASCADE,
  quote_index       INTEGER NOT NULL,
  text              TEXT NOT NULL,
  speaker           TEXT,
  speaker_entity_id INTEGER REFERENCES entities(id),
  start_byte        INTEGER NOT NULL,
  end_byte          INTEGER NOT NULL,
  start_char        INTEGER NOT NULL,
  end_char          INTEGER NOT NULL,
  run_id            INTEGER NOT NULL REFERENCES runs(id)
, venue TEXT);

-- table runs
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  tool_version       TEXT NOT NULL,
  rules_fingerprint  TEXT NOT NULL,
  started_at         TEXT NOT NULL,              -- UTC, ISO 8601
  finished_at        TEXT,                       -- NULL while running or after a crash
  articles_added     INTEGER NOT NULL DEFAULT 0,
  articles_replaced  INTEGER NOT NULL DEFAULT 0,
  articles_unchanged INTEGER NOT NULL DEFAULT 0,
  articles_failed    INTEGER NOT NULL DEFAULT 0
, articles_reextracted INTEGER NOT NULL DEFAULT 0);

-- table sentence_spans
CREATE TABLE "sentence_spans" (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL,
  paragraph      INTEGER NOT NULL,
  start_byte     INTEGER NOT NULL,
  end_byte       INTEGER NOT NULL,
  start_char     INTEGER NOT NULL,
  end_char       INTEGER NOT NULL,
  stored_text TEXT,
  UNIQUE (article_id, sentence_index)
);

-- table sentences_fts
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content = 'sentences', content_rowid = 'id', columnsize = 0,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- table sentences_fts_config
CREATE TABLE 'sentences_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table sentences_fts_data
CREATE TABLE 'sentences_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table sentences_fts_idx
CREATE TABLE 'sentences_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table source_files
CREATE TABLE source_files (
  path            TEXT PRIMARY KEY,  -- as articles.path
  path_bytes      BLOB,              -- as articles.path_bytes: NULL when path is the name itself
  size            INTEGER NOT NULL,  -- bytes
  mtime_ns        INTEGER NOT NULL,  -- modification time, ns since 1970 (UTC)
  ctime_ns        INTEGER NOT NULL,  -- inode change time, ns since 1970 (UTC)
  inode           INTEGER NOT NULL,
  articles        INTEGER NOT NULL,  -- articles read from the file
  articles_digest TEXT NOT NULL,     -- XXH3-128 hex of their record indexes and content hashes
  run_id          INTEGER NOT NULL REFERENCES runs(id)
) WITHOUT ROWID;

-- table stored_comparable_claims
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

-- table stored_conflict_groups
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

-- table stored_fact_counts
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

-- trigger amounts_compare_delete
CREATE TRIGGER amounts_compare_delete AFTER DELETE ON amounts BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id = OLD.article_id AND subject_id IS NOT NULL;
END;

-- trigger amounts_compare_insert
CREATE TRIGGER amounts_compare_insert AFTER INSERT ON amounts BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id = NEW.article_id AND subject_id IS NOT NULL;
END;

-- trigger amounts_compare_update
CREATE TRIGGER amounts_compare_update AFTER UPDATE ON amounts BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id IN (OLD.article_id, NEW.article_id) AND subject_id IS NOT NULL;
END;

-- trigger articles_compare_update
CREATE TRIGGER articles_compare_update AFTER UPDATE OF published, source ON articles BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT subject_id, predicate, coalesce(object_id, 0) FROM claims
  WHERE article_id = NEW.id AND subject_id IS NOT NULL;
END;

-- trigger articles_fts_after_update
CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF text ON articles BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
  SELECT 'delete', s.id,
         coalesce(s.stored_text,
                  CAST(substr(CAST(old.text AS BLOB), s.start_byte + 1,
                              s.end_byte - s.start_byte) AS TEXT))
  FROM sentence_spans s WHERE s.article_id = old.id ORDER BY s.id;
  INSERT INTO sentences_fts (rowid, text)
  SELECT id, text FROM sentences WHERE article_id = new.id ORDER BY id;
END;

-- trigger articles_fts_before_delete
CREATE TRIGGER articles_fts_before_delete BEFORE DELETE ON articles BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
  SELECT 'delete', s.id,
         coalesce(s.stored_text,
                  CAST(substr((SELECT CAST(a.text AS BLOB) FROM articles a WHERE a.id = old.id),
                              s.start_byte + 1, s.end_byte - s.start_byte) AS TEXT))
  FROM sentence_spans s WHERE s.article_id = old.id ORDER BY s.id;
END;

-- trigger claims_compare_delete
CREATE TRIGGER claims_compare_delete AFTER DELETE ON claims
WHEN OLD.subject_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  VALUES (OLD.subject_id, OLD.predicate, coalesce(OLD.object_id, 0));
END;

-- trigger claims_compare_insert
CREATE TRIGGER claims_compare_insert AFTER INSERT ON claims
WHEN NEW.subject_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  VALUES (NEW.subject_id, NEW.predicate, coalesce(NEW.object_id, 0));
END;

-- trigger claims_compare_update
CREATE TRIGGER claims_compare_update AFTER UPDATE ON claims BEGIN
  INSERT OR IGNORE INTO facts_to_compare (subject_id, predicate, object_id)
  SELECT OLD.subject_id, OLD.predicate, coalesce(OLD.object_id, 0) WHERE OLD.subject_id IS NOT NULL
  UNION ALL
  SELECT NEW.subject_id, NEW.predicate, coalesce(NEW.object_id, 0) WHERE NEW.subject_id IS NOT NULL;
END;

-- trigger entity_names_vote_delete
CREATE TRIGGER entity_names_vote_delete AFTER DELETE ON entity_names BEGIN
  UPDATE entity_name_votes
  SET mentions = mentions - (SELECT count(*) FROM mentions m
                             WHERE m.entity_id = OLD.entity_id AND m.article_id = OLD.article_id),
      gazetteer = gazetteer - (SELECT coalesce(sum(substr(m.rule, 1, 10) = 'gazetteer:'), 0)
                               FROM mentions m
                               WHERE m.entity_id = OLD.entity_id
                                 AND m.article_id = OLD.article_id)
  WHERE entity_id = OLD.entity_id AND name = OLD.name;
END;

-- trigger mentions_vote_delete
CREATE TRIGGER mentions_vote_delete AFTER DELETE ON mentions BEGIN
  UPDATE entity_type_votes
  SET mentions = mentions - 1, gazetteer = gazetteer - (substr(OLD.rule, 1, 10) = 'gazetteer:')
  WHERE entity_id = OLD.entity_id AND type = OLD.type;
  UPDATE entity_name_votes
  SET mentions = mentions - 1, gazetteer = gazetteer - (substr(OLD.rule, 1, 10) = 'gazetteer:')
  WHERE entity_id = OLD.entity_id AND name = (SELECT n.name FROM entity_names n
                                              WHERE n.entity_id = OLD.entity_id
                                                AND n.article_id = OLD.article_id);
END;

-- trigger sentences_delete
CREATE TRIGGER sentences_delete INSTEAD OF DELETE ON sentences BEGIN
  DELETE FROM sentence_spans WHERE id = old.id;
END;

-- trigger sentences_fts_after_delete
CREATE TRIGGER sentences_fts_after_delete AFTER DELETE ON sentence_spans
WHEN EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
  SELECT 'delete', old.id,
         coalesce(old.stored_text,
                  CAST(substr(CAST(a.text AS BLOB), old.start_byte + 1,
                              old.end_byte - old.start_byte) AS TEXT))
  FROM articles a WHERE a.id = old.article_id;
END;

-- trigger sentences_fts_after_update
CREATE TRIGGER sentences_fts_after_update
AFTER UPDATE OF id, article_id, start_byte, end_byte, stored_text ON sentence_spans BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
  SELECT 'delete', old.id,
         coalesce(old.stored_text,
                  CAST(substr(CAST(a.text AS BLOB), old.start_byte + 1,
                              old.end_byte - old.start_byte) AS TEXT))
  FROM articles a WHERE a.id = old.article_id;
  INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id = new.id;
END;

-- trigger sentences_insert
CREATE TRIGGER sentences_insert INSTEAD OF INSERT ON sentences BEGIN
  INSERT INTO sentence_spans (id, article_id, sentence_index, paragraph, start_byte, end_byte,
                              start_char, end_char, stored_text)
  SELECT new.id, new.article_id, new.sentence_index, new.paragraph, new.start_byte,
         new.end_byte, new.start_char, new.end_char,
         CASE WHEN new.text IS (SELECT CAST(substr(CAST(a.text AS BLOB), new.start_byte + 1,
                                                   new.end_byte - new.start_byte) AS TEXT)
                                FROM articles a WHERE a.id = new.article_id)
              THEN NULL ELSE new.text END;
END;

-- view agreements
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

-- view claim_amounts
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

-- view comparable_claims
CREATE VIEW comparable_claims AS
SELECT s.claim_id, s.article_id, s.subject_id, s.predicate, s.object_id, s.role_class,
       s.compared_date, s.amounts, s.amount_group
FROM stored_comparable_claims s
WHERE NOT EXISTS (SELECT 1 FROM facts_to_compare f
                  WHERE f.subject_id = s.subject_id AND f.predicate = s.predicate
                    AND f.object_id = coalesce(s.object_id, 0))
UNION ALL
SELECT * FROM pending_comparable_claims;

-- view conflict_groups
CREATE VIEW conflict_groups AS
SELECT s.group_a, s.group_b, s.subject_id, s.predicate, s.object_id, s.claims_a, s.claims_b
FROM stored_conflict_groups s
WHERE NOT EXISTS (SELECT 1 FROM facts_to_compare f
                  WHERE f.subject_id = s.subject_id AND f.predicate = s.predicate
                    AND f.object_id = coalesce(s.object_id, 0))
UNION ALL
SELECT * FROM pending_conflict_groups;

-- view conflicts
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

-- view entity_articles
CREATE VIEW entity_articles AS
SELECT e.name AS entity, e.type, e.key AS entity_key, a.title, a.source, a.published, a.path,
       count(*) AS mentions, m.entity_id, m.article_id
FROM mentions m
JOIN entities e ON e.id = m.entity_id
JOIN articles a ON a.id = m.article_id
GROUP BY m.entity_id, m.article_id;

-- view fact_counts
CREATE VIEW fact_counts AS
SELECT s.subject_id, s.predicate, s.object_id, s.claims, s.articles, s.sources,
       s.stated_articles, s.stated_sources
FROM stored_fact_counts s
WHERE NOT EXISTS (SELECT 1 FROM facts_to_compare f
                  WHERE f.subject_id = s.subject_id AND f.predicate = s.predicate
                    AND f.object_id = coalesce(s.object_id, 0))
UNION ALL
SELECT * FROM pending_fact_counts;

-- view facts
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

-- view pending_comparable_claims
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

-- view pending_conflict_groups
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

-- view pending_fact_counts
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

-- view sentences
CREATE VIEW sentences AS
SELECT s.id, s.article_id, s.sentence_index, s.paragraph, s.start_byte, s.end_byte,
       s.start_char, s.end_char,
       coalesce(s.stored_text,
                CAST(substr(CAST(a.text AS BLOB), s.start_byte + 1, s.end_byte - s.start_byte)
                     AS TEXT)) AS text
FROM sentence_spans s
JOIN articles a ON a.id = s.article_id;

-- view stated_facts
CREATE VIEW stated_facts AS
SELECT subject_id, predicate, object_id, stated_articles AS articles, stated_sources AS sources
FROM fact_counts
WHERE stated_articles > 0;

-- view timeline
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

