-- What two databases must agree on to hold the same facts (merge, load and the Dask driver's
-- tests), by content only: no row ids or run ids. One query per statement, each ending in ";".
SELECT path, record_index, content_hash, title, source, url, published, text, byte_length,
  repaired_sequences FROM articles ORDER BY path, record_index;
SELECT a.path, a.record_index, s.sentence_index, s.paragraph, s.start_byte, s.end_byte,
  s.start_char, s.end_char, s.text FROM sentences s JOIN articles a ON a.id = s.article_id
  ORDER BY a.path, a.record_index, s.sentence_index;
SELECT key, name, type, coalesce(parent_key, '') FROM entities ORDER BY key;
SELECT e.key, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
  ORDER BY e.key, a.alias;
SELECT a.path, a.record_index, m.mention_index, e.key, m.type, m.text, m.start_byte,
  m.end_byte, m.rule FROM mentions m JOIN articles a ON a.id = m.article_id
  JOIN entities e ON e.id = m.entity_id ORDER BY a.path, a.record_index, m.mention_index;
SELECT a.path, a.record_index, m.amount_index, m.text, m.value, m.low, m.high, m.currency,
  m.qualifier, m.vague, r.text FROM amounts m JOIN articles a ON a.id = m.article_id
  LEFT JOIN amounts r ON r.id = m.restates_id
  ORDER BY a.path, a.record_index, m.amount_index;
SELECT a.path, a.record_index, c.claim_index, c.predicate, s.key, o.key, m.text, c.status,
  c.speaker, c.venue, c.start_byte, c.end_byte, c.rule, c.amount_role, c.stage, c.event_date,
  se.text FROM claims c JOIN articles a ON a.id = c.article_id
  JOIN sentences se ON se.id = c.sentence_id LEFT JOIN entities s ON s.id = c.subject_id
  LEFT JOIN entities o ON o.id = c.object_id LEFT JOIN amounts m ON m.id = c.amount_id
  ORDER BY a.path, a.record_index, c.claim_index;
-- A conflicting pair's order follows article ids, which differ between the two databases.
SELECT subject, predicate, object, min(amount_a, amount_b) AS low_text,
  max(amount_a, amount_b) AS high_text FROM conflicts
  ORDER BY subject, predicate, object, low_text, high_text;
SELECT subject, predicate, object, articles, sources, amounts FROM agreements
  ORDER BY subject, predicate, object;
