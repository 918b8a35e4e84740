-- 0005_entity_names: each article's own name for every entity it mentions. entities.name and
-- entities.type used to be those of whichever article was written last, which depends on
-- worker timing (issue 15, item 7); they are now decided from all stored articles
-- (db/entity_votes.h). Existing articles vote for the name their entities have now.

CREATE TABLE entity_names (
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,                     -- the entity's display name in that article
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_names_by_article ON entity_names(article_id);

INSERT INTO entity_names (entity_id, article_id, name)
SELECT DISTINCT m.entity_id, m.article_id, e.name
FROM mentions m JOIN entities e ON e.id = m.entity_id;
