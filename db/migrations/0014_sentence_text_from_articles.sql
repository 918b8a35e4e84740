-- 0014_sentence_text_from_articles: a sentence's text is read from its article (articles.text
-- between the sentence's UTF-8 byte offsets) instead of being stored a second time, which
-- made the sentence rows a quarter of the database and of the store's writing (issue 16).
-- The rows move to sentence_spans; `sentences` becomes a view with the same columns, so every
-- query, view and the full-text index (external content 'sentences') read the same text.
-- Sentences of articles over 64 KiB keep their text in sentence_spans.stored_text: SQLite
-- reads a whole value to take a substring of it, and reading each sentence of a 60 MB article
-- through 60 MB would never end. The writers decide which (db/sentence_text.h).
-- The full-text index keeps no per-sentence token counts (columnsize=0: one row fewer to write
-- per sentence; bm25() counts them from the text when asked), merges its segments 16 at a time
-- instead of 4 (a third less CPU to index a batch; a search reads a few more segments) and is
-- built again.
-- Full-text index: an article's sentences leave it before the article row goes (their words
-- are named from its text); the cascade's sentence deletes then find no article and do
-- nothing. Deleting or moving a sentence row, or changing an article's text, updates it too.

DROP TRIGGER sentences_fts_after_delete;
DROP TRIGGER sentences_fts_after_update;
-- Renaming rewrites the foreign keys of mentions, amounts, claims and quotes, and the facts
-- view, to name sentence_spans; facts is made again below to read the text from the view.
ALTER TABLE sentences RENAME TO sentence_spans;
ALTER TABLE sentence_spans ADD COLUMN stored_text TEXT;  -- NULL: read from articles.text
UPDATE sentence_spans SET stored_text = text
WHERE article_id IN (SELECT id FROM articles WHERE byte_length > 65536);

CREATE VIEW sentences AS
SELECT s.id, s.article_id, s.sentence_index, s.paragraph, s.start_byte, s.end_byte,
       s.start_char, s.end_char,
       coalesce(s.stored_text,
                CAST(substr(CAST(a.text AS BLOB), s.start_byte + 1, s.end_byte - s.start_byte)
                     AS TEXT)) AS text
FROM sentence_spans s
JOIN articles a ON a.id = s.article_id;

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

ALTER TABLE sentence_spans DROP COLUMN text;

DROP TABLE sentences_fts;
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content = 'sentences', content_rowid = 'id', columnsize = 0,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 16);
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_before_delete BEFORE DELETE ON articles BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
  SELECT 'delete', s.id,
         coalesce(s.stored_text,
                  CAST(substr(CAST(old.text AS BLOB), s.start_byte + 1,
                              s.end_byte - s.start_byte) AS TEXT))
  FROM sentence_spans s WHERE s.article_id = old.id ORDER BY s.id;
END;
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
CREATE TRIGGER sentences_fts_after_delete AFTER DELETE ON sentence_spans
WHEN EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
  SELECT 'delete', old.id,
         coalesce(old.stored_text,
                  CAST(substr(CAST(a.text AS BLOB), old.start_byte + 1,
                              old.end_byte - old.start_byte) AS TEXT))
  FROM articles a WHERE a.id = old.article_id;
END;
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

-- Plain SQL may still insert and delete through the view. An inserted text that is not the
-- article's text between the offsets is kept as stored_text. As before, whoever inserts
-- sentences by hand then runs INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild').
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
CREATE TRIGGER sentences_delete INSTEAD OF DELETE ON sentences BEGIN
  DELETE FROM sentence_spans WHERE id = old.id;
END;
