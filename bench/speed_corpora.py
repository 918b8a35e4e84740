#!/usr/bin/python3
"""Writes the two inputs of issue 16's speed targets as .jsonl files of article records, so that
every measurement of them reads the same bytes:

    /usr/bin/python3 bench/speed_corpora.py ../shared/data OUT [--copies 17]

OUT/bbc-tech-copies.jsonl  bbc-tech's articles (headline on line 1) repeated --copies times
                           (17 make about 20 MB), each copy under URLs of its own
OUT/shared-news.jsonl      every news set of the data folder read once: bbc-tech, agnews (title
                           and description), reuters-acq and fire (text), and the CoNLL-2003
                           documents with each sentence's tokens joined by spaces

A set the folder lacks is left out with a message. Then, for example:

    ./build/newsfacts extract --input jsonl --jobs 1 OUT/shared-news.jsonl > /dev/null
    bench/throughput.sh OUT/bbc-tech-copies.jsonl
"""

import argparse
import glob
import json
import os
import sys


def bbc_articles(data):
    """(title, text, name) of each bbc-tech file: the headline is its first line."""
    for path in sorted(glob.glob(os.path.join(data, "bbc-tech", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as article:
            headline, _, body = article.read().partition("\n")
        yield headline.strip(), body.strip(), "bbc-tech/" + os.path.basename(path)


def jsonl_records(data, pattern):
    for path in sorted(glob.glob(os.path.join(data, pattern))):
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield json.loads(line), "%s:%d" % (os.path.relpath(path, data), number)


def conll_documents(data):
    """(title, text, name) of each CoNLL-2003 document: its sentences, one per line."""
    for path in sorted(glob.glob(os.path.join(data, "conll2003", "*.txt"))):
        sentences, tokens, number = [], [], 0

        def document():
            return "", "\n".join(sentences), "conll2003/%d" % number

        with open(path, encoding="utf-8") as lines:
            for line in lines:
                fields = line.split()
                if fields and fields[0] != "-DOCSTART-":
                    tokens.append(fields[0])
                    continue
                if tokens:
                    sentences.append(" ".join(tokens))
                    tokens = []
                if fields and sentences:  # a -DOCSTART- line ends the document before it
                    yield document()
                    sentences, number = [], number + 1
        if tokens:
            sentences.append(" ".join(tokens))
        if sentences:
            yield document()


def shared_news(data):
    yield from bbc_articles(data)
    for record, name in jsonl_records(data, "agnews/*.jsonl"):
        yield record.get("title", ""), record.get("description", ""), name
    for folder in ("reuters-acq", "fire"):
        for record, name in jsonl_records(data, folder + "/*.jsonl"):
            yield "", record.get("text", ""), name
    yield from conll_documents(data)


def write(path, articles):
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for title, text, url in articles:
            record = {"title": title, "text": text, "url": "speed-corpora:" + url}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print("%s: %d articles, %.2f MB" % (path, count, os.path.getsize(path) / 1e6))
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="the shared data folder (bbc-tech/, agnews/, ...)")
    parser.add_argument("out", help="folder to write the .jsonl files to")
    parser.add_argument("--copies", type=int, default=17, help="copies of bbc-tech (17)")
    args = parser.parse_args()
    for folder in ("bbc-tech", "agnews", "reuters-acq", "fire", "conll2003"):
        if not os.path.isdir(os.path.join(args.data, folder)):
            print("speed_corpora.py: no %s/ in %s, left out" % (folder, args.data), file=sys.stderr)
    os.makedirs(args.out, exist_ok=True)
    bbc = list(bbc_articles(args.data))
    copies = ((title, text, "%d/%s" % (copy, name))
              for copy in range(args.copies) for title, text, name in bbc)
    written = write(os.path.join(args.out, "bbc-tech-copies.jsonl"), copies)
    written += write(os.path.join(args.out, "shared-news.jsonl"), shared_news(args.data))
    return 0 if written > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
