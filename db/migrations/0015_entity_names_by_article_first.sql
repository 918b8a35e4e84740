-- 0015_entity_names_by_article_first: entity_names is keyed by (article_id, entity_id) instead
-- of (entity_id, article_id). A writer inserts an article's rows after those of every earlier
-- article, so they now go at the end of the table's b-tree instead of beside each entity's
-- earlier rows all over it (a random insert per row: ingest of 105 MB spent 7% of its
-- statement time there, issue 16). Every lookup our code makes gives the article, alone
-- (deleting an article, tallying the votes of new articles) or with the entity; an index by
-- entity serves readers that ask for the names of one entity. The rows stay as they are.

CREATE TEMP TABLE entity_names_kept AS SELECT entity_id, article_id, name FROM entity_names;
-- Takes its index and its delete trigger (0010) with it; both are made again below.
DROP TABLE entity_names;

CREATE TABLE entity_names (
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,                     -- the entity's display name in that article
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_names_by_entity ON entity_names(entity_id);

INSERT INTO entity_names (entity_id, article_id, name)
SELECT entity_id, article_id, name FROM temp.entity_names_kept;
DROP TABLE temp.entity_names_kept;

-- As in 0010: deleting an article's name for an entity takes away the votes of its mentions.
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
