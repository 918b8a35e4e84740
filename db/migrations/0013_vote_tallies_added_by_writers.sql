-- 0013_vote_tallies_added_by_writers: the writers add the votes of the mentions and
-- entity_names rows they insert to entity_type_votes and entity_name_votes themselves, once
-- per batch (FactStore, db/vote_tallies.h) or once per input (merge, TallyVotesOfArticlesFrom
-- in db/entity_votes.h), instead of two upserts per mention row by trigger: those were a
-- quarter of the store's time (issue 16). Deleting still takes votes away by the triggers of
-- 0010. A plain SQL insert into mentions or entity_names adds no votes.
DROP TRIGGER mentions_vote_insert;
DROP TRIGGER entity_names_vote_insert;
