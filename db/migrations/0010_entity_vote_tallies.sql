-- 0010_entity_vote_tallies: the votes that decide an entity's name and type (db/entity_votes.h)
-- kept as running tallies, updated by triggers as mentions and entity_names rows are inserted
-- and deleted (merge and replaced articles included). Deciding an entity read every mention of
-- it, so each batch commit grew with the database: 11.8 s of a 48 s ingest of 20,050 articles,
-- the last commit 1.2 s (issue 16). Now it reads a few tally rows per entity. Rows of mentions
-- and entity_names are only ever inserted and deleted, never updated; a tally may fall to zero
-- and stays, counting nothing.

-- The mentions of an entity with each type, and how many of them the gazetteer found.
CREATE TABLE entity_type_votes (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  type      TEXT NOT NULL,
  mentions  INTEGER NOT NULL,
  gazetteer INTEGER NOT NULL,
  PRIMARY KEY (entity_id, type)
) WITHOUT ROWID;

-- For each name articles give an entity (entity_names), the mentions of the entity in those
-- articles, and how many of them the gazetteer found.
CREATE TABLE entity_name_votes (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  name      TEXT NOT NULL,
  mentions  INTEGER NOT NULL,
  gazetteer INTEGER NOT NULL,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;

INSERT INTO entity_type_votes (entity_id, type, mentions, gazetteer)
SELECT entity_id, type, count(*), sum(substr(rule, 1, 10) = 'gazetteer:')
FROM mentions GROUP BY entity_id, type;

INSERT INTO entity_name_votes (entity_id, name, mentions, gazetteer)
SELECT n.entity_id, n.name, count(*), sum(substr(m.rule, 1, 10) = 'gazetteer:')
FROM entity_names n JOIN mentions m ON m.entity_id = n.entity_id AND m.article_id = n.article_id
GROUP BY n.entity_id, n.name;

-- A mention votes for its type, and for the name its article gives the entity, if written yet.
CREATE TRIGGER mentions_vote_insert AFTER INSERT ON mentions BEGIN
  INSERT INTO entity_type_votes (entity_id, type, mentions, gazetteer)
  VALUES (NEW.entity_id, NEW.type, 1, substr(NEW.rule, 1, 10) = 'gazetteer:')
  ON CONFLICT (entity_id, type) DO UPDATE
  SET mentions = mentions + 1, gazetteer = gazetteer + excluded.gazetteer;
  INSERT INTO entity_name_votes (entity_id, name, mentions, gazetteer)
  SELECT NEW.entity_id, n.name, 1, substr(NEW.rule, 1, 10) = 'gazetteer:'
  FROM entity_names n WHERE n.entity_id = NEW.entity_id AND n.article_id = NEW.article_id
  ON CONFLICT (entity_id, name) DO UPDATE
  SET mentions = mentions + 1, gazetteer = gazetteer + excluded.gazetteer;
END;

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

-- An article's name for an entity takes the votes of its mentions of it written so far.
CREATE TRIGGER entity_names_vote_insert AFTER INSERT ON entity_names BEGIN
  INSERT INTO entity_name_votes (entity_id, name, mentions, gazetteer)
  SELECT NEW.entity_id, NEW.name, count(*), coalesce(sum(substr(m.rule, 1, 10) = 'gazetteer:'), 0)
  FROM mentions m WHERE m.entity_id = NEW.entity_id AND m.article_id = NEW.article_id
  ON CONFLICT (entity_id, name) DO UPDATE
  SET mentions = mentions + excluded.mentions, gazetteer = gazetteer + excluded.gazetteer;
END;

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
