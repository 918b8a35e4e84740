-- 0016_search_deletes_read_the_text_only_when_needed: deleting an article takes its sentences
-- out of the full-text index as before, but reads the article's text through a subquery,
-- and so only when a sentence has no stored text of its own. Named as old.text, SQLite loaded
-- the whole text for the trigger whether or not a sentence needed it: 60 MB at the peak of a
-- 60 MB article's re-extraction, whose sentences all keep their text (issue 16). The subquery
-- runs for each sentence that needs it, as reading the `sentences` view does: a text longer
-- than a page (16 KB) is copied once per sentence (deleting a 16 KB article of 153 sentences
-- took 12% more instructions), while most news articles fit a page (deleting 200 bbc-tech
-- articles took 1.6% more).

DROP TRIGGER articles_fts_before_delete;
CREATE TRIGGER articles_fts_before_delete BEFORE DELETE ON articles BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
  SELECT 'delete', s.id,
         coalesce(s.stored_text,
                  CAST(substr((SELECT CAST(a.text AS BLOB) FROM articles a WHERE a.id = old.id),
                              s.start_byte + 1, s.end_byte - s.start_byte) AS TEXT))
  FROM sentence_spans s WHERE s.article_id = old.id ORDER BY s.id;
END;
