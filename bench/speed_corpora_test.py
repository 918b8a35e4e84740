#!/usr/bin/python3
"""Tests of bench/speed_corpora.py on a small data folder of our own text laid out as the shared
data is: the records it writes, their count and text, a set left out when missing, and that
`newsfacts extract --input jsonl` reads every record.

    /usr/bin/python3 bench/speed_corpora_test.py NEWSFACTS_BINARY
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "speed_corpora.py")
BINARY = None  # set from the command line

CONLL = """-DOCSTART- -X- O O

BRANTEL NNP I-NP B-ORG
GAINS NNP I-NP O

Stock NN I-NP O
in IN I-PP O
Brantel NNP I-NP B-ORG
climbed VBD I-VP O
sharply RB I-ADVP O

-DOCSTART- -X- O O

Korvex NNP I-NP B-ORG
bought VBD I-VP O
Tallmark NNP I-NP B-ORG
. . O O
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def records(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


class SpeedCorporaTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.data = os.path.join(self.dir, "data")
        self.out = os.path.join(self.dir, "out")
        write(os.path.join(self.data, "bbc-tech", "001.txt"),
              "Korvex buys Brantel\n\nKorvex said on Monday it would buy Brantel for $2bn.\n")
        write(os.path.join(self.data, "bbc-tech", "002.txt"),
              "Tallmark raises funds\n\nTallmark raised $40m from investors.\n")
        write(os.path.join(self.data, "agnews", "test.jsonl"),
              json.dumps({"row": 0, "title": "Quorvane Buys Pellam",
                          "description": "Quorvane agreed to buy Pellam for $9 million."}) + "\n" +
              json.dumps({"row": 1, "title": "Chipmakers report a stronger May",
                          "description": "Orders for chips grew in May."}) + "\n")
        write(os.path.join(self.data, "reuters-acq", "dev.jsonl"),
              json.dumps({"newid": 1, "text": "Winley Inc said it sold its unit for 12 mln dlrs."}) +
              "\n")
        write(os.path.join(self.data, "fire", "dev.simple.jsonl"),
              json.dumps({"orig_id": 1, "text": "We acquired Harwick Steel in 2012 ."}) + "\n")
        write(os.path.join(self.data, "conll2003", "dev.iob2.txt"), CONLL)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_script(self, *extra):
        return subprocess.run([sys.executable, SCRIPT, self.data, self.out, *extra],
                              capture_output=True, text=True, check=True)

    def test_writes_the_copies_and_every_set_once(self):
        self.run_script("--copies", "3")
        copies = records(os.path.join(self.out, "bbc-tech-copies.jsonl"))
        self.assertEqual(len(copies), 6)
        self.assertEqual(len({record["url"] for record in copies}), 6)
        self.assertEqual(copies[0]["title"], "Korvex buys Brantel")
        self.assertEqual(copies[0]["text"], "Korvex said on Monday it would buy Brantel for $2bn.")
        news = records(os.path.join(self.out, "shared-news.jsonl"))
        self.assertEqual(len(news), 2 + 2 + 1 + 1 + 2)
        self.assertEqual(news[2]["title"], "Quorvane Buys Pellam")
        self.assertEqual(news[2]["text"], "Quorvane agreed to buy Pellam for $9 million.")
        self.assertEqual(news[4]["text"], "Winley Inc said it sold its unit for 12 mln dlrs.")
        self.assertEqual(news[6]["text"], "BRANTEL GAINS\nStock in Brantel climbed sharply")
        self.assertEqual(news[7]["text"], "Korvex bought Tallmark .")

    def test_a_missing_set_is_left_out_with_a_message(self):
        shutil.rmtree(os.path.join(self.data, "fire"))
        result = self.run_script()
        self.assertIn("no fire/", result.stderr)
        self.assertEqual(len(records(os.path.join(self.out, "shared-news.jsonl"))), 7)
        self.assertEqual(len(records(os.path.join(self.out, "bbc-tech-copies.jsonl"))), 2 * 17)

    def test_newsfacts_reads_every_record(self):
        self.run_script("--copies", "2")
        for name, count in (("shared-news.jsonl", 8), ("bbc-tech-copies.jsonl", 4)):
            result = subprocess.run(
                [BINARY, "extract", "--input", "jsonl", os.path.join(self.out, name)],
                capture_output=True, text=True, check=True)
            facts = [json.loads(line) for line in result.stdout.splitlines()]
            self.assertEqual(len(facts), count, name)
            self.assertTrue(any(fact["claims"] for fact in facts), name)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main()
