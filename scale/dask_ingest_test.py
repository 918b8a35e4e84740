#!/usr/bin/python3
"""Tests of scale/dask_ingest.py on a LocalCluster of 2 workers: the sample corpus split into 8
shard folders gives the database one `newsfacts ingest` of them gives, also when the worker
running a partition is killed and Dask runs the partition again; a partition that keeps
failing is named with its files and the others are merged.

    /usr/bin/python3 scale/dask_ingest_test.py NEWSFACTS_BINARY
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRIVER = os.path.join(SOURCE_DIR, "scale", "dask_ingest.py")
BINARY = None  # set from the command line

# What two databases must agree on, by content only: the queries the C++ tests compare with.
CONTENT_QUERIES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                                    "tests", "content_queries.sql")


def content_queries():
    with open(CONTENT_QUERIES_FILE, encoding="utf-8") as sql:
        text = "".join(line for line in sql if not line.startswith("--"))
    return [query.strip() for query in text.split(";\n") if query.strip()]


def content(db):
    with sqlite3.connect(db) as connection:
        return [connection.execute(query).fetchall() for query in content_queries()]


class DaskIngestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        """The sample articles dealt round-robin into shards/shard-0 .. shard-7, and one
        ingest of all eight as the expected database."""
        cls.work = tempfile.mkdtemp(prefix="dask_ingest_test.")
        samples = os.path.join(SOURCE_DIR, "corpus", "samples")
        files = sorted(os.path.join(folder, name) for folder, _, names in os.walk(samples)
                       for name in names if not name.endswith(".facts.json"))
        cls.total_bytes = 0
        for i, path in enumerate(files):
            target = os.path.join(cls.work, "shards", f"shard-{i % 8}",
                                  os.path.relpath(path, samples))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(path, target)
            cls.total_bytes += os.path.getsize(path)
        cls.shards = [os.path.join("shards", f"shard-{i}") for i in range(8)]
        subprocess.run([BINARY, "ingest", *cls.shards, "--db", "one.db"], cwd=cls.work,
                       check=True, capture_output=True)
        cls.expected = content(os.path.join(cls.work, "one.db"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def run_driver(self, db, env=None):
        # About four partitions, so the 2 workers share them and a merge combines several.
        partition_mb = self.total_bytes / 4 / 1e6
        return subprocess.run(
            [sys.executable, DRIVER, *self.shards, "--db", db, "--local", "2", "--bin", BINARY,
             "--partition-mb", str(partition_mb)],
            cwd=self.work, capture_output=True, text=True, env=env, timeout=300)

    def test_local_cluster_equals_one_ingest(self):
        result = self.run_driver("dask.db")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("0 articles failed, 0 partitions failed", result.stdout)
        self.assertIn("100% Completed", result.stdout)  # Dask's progress bar
        self.assertGreater(len(self.expected[0]), 30)
        self.assertEqual(content(os.path.join(self.work, "dask.db")), self.expected)
        self.assertFalse(os.path.exists(os.path.join(self.work, "dask.db.shards")))

    def test_partition_whose_worker_dies_is_run_again(self):
        marker = os.path.join(self.work, "killed-once")
        env = dict(os.environ, NEWSFACTS_DASK_TEST_KILL_MARKER=marker)
        result = self.run_driver("killed.db", env)
        self.assertTrue(os.path.exists(marker), "the hook did not kill a worker")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(content(os.path.join(self.work, "killed.db")), self.expected)

    def test_partition_that_keeps_failing_is_reported_and_the_rest_merged(self):
        env = dict(os.environ, NEWSFACTS_DASK_TEST_FAIL_PARTITION="1")
        result = self.run_driver("partial.db", env)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("partition 1 failed after 2 retries", result.stderr)
        self.assertIn("1 partitions failed", result.stdout)
        self.assertTrue(os.path.isdir(os.path.join(self.work, "partial.db.shards")))
        with sqlite3.connect(os.path.join(self.work, "partial.db")) as connection:
            paths = {row[0] for row in connection.execute("SELECT path FROM articles")}
        expected_paths = {row[0] for row in self.expected[0]}
        missing = expected_paths - paths
        self.assertTrue(missing, "the failing partition's articles were stored")
        self.assertTrue(paths < expected_paths)
        for path in missing:  # each missing article's file is named in the report
            self.assertIn(path, result.stderr)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main()
