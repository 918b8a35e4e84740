-- 0001_initial: articles and their sentences, entities with aliases, and the fact tables
-- (mentions, amounts, claims, quotes). Offsets are UTF-8 bytes (*_byte) and code points
-- (*_char) into articles.text. Deleting an article deletes its facts.
-- Every foreign key that deleting an article cascades through has an index: without one,
-- each deleted sentence or amount would scan the whole child table.

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
);

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
  run_id             INTEGER NOT NULL REFERENCES runs(id),
  UNIQUE (path, record_index)
);
CREATE INDEX articles_by_content_hash ON articles(content_hash);
CREATE INDEX articles_by_published ON articles(published);

CREATE TABLE sentences (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL,
  paragraph      INTEGER NOT NULL,
  start_byte     INTEGER NOT NULL,
  end_byte       INTEGER NOT NULL,
  start_char     INTEGER NOT NULL,
  end_char       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  UNIQUE (article_id, sentence_index)
);

CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,               -- canonical key shared across articles
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('ORG', 'PERSON', 'PRODUCT', 'LOCATION')),
  parent_key TEXT                                -- key of the parent entity, e.g. AWS -> amazon
);
CREATE INDEX entities_by_name ON entities(name);

CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_by_alias ON aliases(alias);

CREATE TABLE mentions (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id   INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
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
CREATE INDEX mentions_by_article ON mentions(article_id);
CREATE INDEX mentions_by_entity ON mentions(entity_id);
CREATE INDEX mentions_by_sentence ON mentions(sentence_id);

CREATE TABLE amounts (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id       INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
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
CREATE INDEX amounts_by_article ON amounts(article_id);
CREATE INDEX amounts_by_sentence ON amounts(sentence_id);
CREATE INDEX amounts_by_restates ON amounts(restates_id);

CREATE TABLE claims (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id  INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
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
);
CREATE INDEX claims_by_article ON claims(article_id);
CREATE INDEX claims_by_subject ON claims(subject_id, predicate);
CREATE INDEX claims_by_object ON claims(object_id, predicate);
CREATE INDEX claims_by_predicate ON claims(predicate);
CREATE INDEX claims_by_sentence ON claims(sentence_id);
CREATE INDEX claims_by_amount ON claims(amount_id);

CREATE TABLE quotes (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id       INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  quote_index       INTEGER NOT NULL,
  text              TEXT NOT NULL,
  speaker           TEXT,
  speaker_entity_id INTEGER REFERENCES entities(id),
  start_byte        INTEGER NOT NULL,
  end_byte          INTEGER NOT NULL,
  start_char        INTEGER NOT NULL,
  end_char          INTEGER NOT NULL,
  run_id            INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX quotes_by_article ON quotes(article_id);
CREATE INDEX quotes_by_sentence ON quotes(sentence_id);
