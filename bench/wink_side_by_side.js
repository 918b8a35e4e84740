// wink-nlp over a .jsonl file of article records, the yardstick of issue 16: one thread, each
// record's title and text (as newsfacts joins them) read into a document, its tokens and
// entities counted. Prints one line, "BYTES SECONDS TOKENS ENTITIES": the text's UTF-8 bytes
// and the seconds the documents took, the model's loading and the file's parsing left out.
// Usage: node bench/wink_side_by_side.js RECORDS.jsonl (wink-nlp and its model on NODE_PATH).
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model);
const texts = [];
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    continue;  // newsfacts skips such a line too, with a message
  }
  if (record === null || typeof record !== 'object') continue;
  const body = String(record.text ?? record.body ?? record.content ?? '').trim();
  const title = String(record.title ?? record.headline ?? '').trim();
  if (body === '') continue;
  texts.push(title === '' ? body : `${title}\n\n${body}`);
}
let bytes = 0;
for (const text of texts) bytes += Buffer.byteLength(text);
let tokens = 0;
let entities = 0;
const start = process.hrtime.bigint();
for (const text of texts) {
  const doc = nlp.readDoc(text);
  tokens += doc.tokens().length();
  entities += doc.entities().length();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${bytes} ${seconds.toFixed(3)} ${tokens} ${entities}`);
