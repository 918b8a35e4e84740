#!/usr/bin/python3
"""Ingest article folders on a Dask cluster: one `newsfacts ingest` per partition of the
files into a shard database, then `newsfacts merge` of the shards in a tree.

    python3 scale/dask_ingest.py DIR... --db OUT.db [--local N | --scheduler ADDRESS]
                                 [--bin PATH] [--partition-mb MB] [--shards DIR]

Runs on Debian's python3-distributed. A partition whose task fails (an exception, or its
worker process dying) is retried by Dask; one that still fails is reported with its files
and the exit code is 1, never silently dropped. Exit codes as newsfacts: 0 ok, 1 some
articles or partitions failed, 2 usage or fatal error.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

# The extensions `newsfacts ingest` reads (corpus/article_reader.h), so partitions hold
# exactly the files one ingest of the folders would read.
ARTICLE_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
MAX_FILES_PER_PARTITION = 2000  # keeps each ingest's command line short
MERGE_FANOUT = 8  # shard databases merged by one task
# Test hooks (scale/dask_ingest_test.py): the first attempt of partition 0 kills its worker
# process when KILL_HOOK_ENV names a marker file that does not exist yet; every attempt of
# the partition numbered FAIL_HOOK_ENV raises.
KILL_HOOK_ENV = "NEWSFACTS_DASK_TEST_KILL_MARKER"
FAIL_HOOK_ENV = "NEWSFACTS_DASK_TEST_FAIL_PARTITION"


def find_binary(given):
    """The newsfacts binary: --bin, else on PATH, else ./build/newsfacts."""
    candidate = given or shutil.which("newsfacts") or os.path.join("build", "newsfacts")
    if not (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
        sys.exit(f"dask_ingest: newsfacts binary not found at {candidate}; pass --bin PATH")
    return os.path.abspath(candidate)


def list_article_files(roots):
    """Article files under `roots`, sorted, as `newsfacts ingest` finds them: supported
    extensions, no hidden entries, no golden `*.facts.json`; a root file is taken as is."""
    files = []
    for root in roots:
        if os.path.isfile(root):
            files.append(root)
            continue
        if not os.path.isdir(root):
            sys.exit(f"dask_ingest: {root}: no such file or folder")
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            for name in names:
                if name.startswith(".") or name.endswith(".facts.json"):
                    continue
                if os.path.splitext(name)[1].lower() in ARTICLE_EXTENSIONS:
                    files.append(os.path.join(folder, name))
    return sorted(set(files))


def partition(files, partition_bytes):
    """Consecutive runs of `files` of about `partition_bytes` each (a JSONL shard bigger
    than that is a partition of its own)."""
    parts, current, size = [], [], 0
    for path in files:
        current.append(path)
        size += os.path.getsize(path)
        if size >= partition_bytes or len(current) >= MAX_FILES_PER_PARTITION:
            parts.append(current)
            current, size = [], 0
    if current:
        parts.append(current)
    return parts


def ingest_partition(binary, index, files, shard_db):
    """Runs `newsfacts ingest` over one partition into `shard_db` (made afresh, so a retry
    starts clean). Returns (index, failed articles, summary); raises on a fatal error so that
    Dask retries the partition."""
    marker = os.environ.get(KILL_HOOK_ENV)
    if marker and index == 0 and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)  # the worker process dies mid-task, as on a lost machine
    if os.environ.get(FAIL_HOOK_ENV) == str(index):
        raise RuntimeError(f"partition {index}: failing as {FAIL_HOOK_ENV} asks")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(shard_db + suffix):
            os.remove(shard_db + suffix)
    result = subprocess.run([binary, "ingest", *files, "--db", shard_db, "--jobs", "1"],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"partition {index}: newsfacts ingest exited {result.returncode}: "
                           f"{result.stderr.strip()}")
    failed = re.search(r"(\d+) failed\)", result.stdout)
    return index, int(failed.group(1)) if failed else 0, result.stderr.strip()


def merge(binary, out_db, inputs):
    """Merges `inputs` into `out_db` with `newsfacts merge` and returns `out_db`; raises when
    the merge fails, so Dask retries it."""
    result = subprocess.run([binary, "merge", out_db, *inputs], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"newsfacts merge {out_db} exited {result.returncode}: "
                           f"{result.stderr.strip()}")
    return out_db


def merge_tree(client, binary, shard_dbs, out_db, shard_dir, retries):
    """Merges `shard_dbs` into `out_db` in a tree of MERGE_FANOUT-way merges on the workers,
    so no task merges more than MERGE_FANOUT databases; the last merge writes `out_db`."""
    from distributed import progress, wait

    level, dbs = 0, list(shard_dbs)
    while len(dbs) > MERGE_FANOUT:
        futures = []
        for i in range(0, len(dbs), MERGE_FANOUT):
            target = os.path.join(shard_dir, f"merge-{level}-{i // MERGE_FANOUT:05d}.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(target + suffix):
                    os.remove(target + suffix)
            futures.append(client.submit(merge, binary, target, dbs[i:i + MERGE_FANOUT],
                                         retries=retries, pure=False))
        progress(futures)
        wait(futures)
        dbs = client.gather(futures)
        level += 1
    return merge(binary, out_db, dbs)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", nargs="+", metavar="DIR", help="article folders or files")
    parser.add_argument("--db", required=True, help="database to merge into")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N workers")
    where.add_argument("--scheduler", metavar="ADDRESS", help="use an existing Dask cluster")
    parser.add_argument("--bin", help="newsfacts binary (default: on PATH, else ./build/newsfacts)")
    parser.add_argument("--partition-mb", type=float, default=32.0,
                        help="article bytes per partition, in MB (default 32)")
    parser.add_argument("--shards", help="folder for the shard databases, shared by all "
                        "workers (default: OUT.db.shards next to the output)")
    parser.add_argument("--retries", type=int, default=2,
                        help="times Dask retries a failed partition or merge (default 2)")
    parser.add_argument("--keep-shards", action="store_true", help="keep the shard databases")
    args = parser.parse_args(argv)
    if args.local is None and args.scheduler is None:
        args.local = os.cpu_count() or 1
    if (args.local is not None and args.local < 1) or args.partition_mb <= 0:
        parser.error("--local and --partition-mb must be positive")
    return args


def main(argv):
    args = parse_args(argv)
    binary = find_binary(args.bin)
    files = list_article_files(args.roots)
    if not files:
        sys.exit("dask_ingest: no article files under " + " ".join(args.roots))
    parts = partition(files, int(args.partition_mb * 1e6))
    shard_dir = os.path.abspath(args.shards or args.db + ".shards")
    os.makedirs(shard_dir, exist_ok=True)

    from distributed import Client, LocalCluster, progress, wait

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        print(f"dask_ingest: {len(files)} files in {len(parts)} partitions on "
              f"{len(client.scheduler_info()['workers'])} workers", file=sys.stderr)
        shard_dbs = [os.path.join(shard_dir, f"part-{i:05d}.db") for i in range(len(parts))]
        futures = [client.submit(ingest_partition, binary, i, part, shard_dbs[i],
                                 retries=args.retries, pure=False)
                   for i, part in enumerate(parts)]
        progress(futures)
        wait(futures)
        failed_articles, done, lost = 0, [], []
        for i, future in enumerate(futures):
            if future.status == "finished":
                _, failed, messages = future.result()
                failed_articles += failed
                if messages:
                    print(messages, file=sys.stderr)
                done.append(shard_dbs[i])
            else:
                lost.append(i)
                print(f"dask_ingest: partition {i} failed after {args.retries} retries "
                      f"({future.exception()}); its {len(parts[i])} files are not in "
                      f"{args.db}: {' '.join(parts[i])}", file=sys.stderr)
        if done:
            merge_tree(client, binary, done, args.db, shard_dir, args.retries)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if not args.keep_shards and not lost:
        shutil.rmtree(shard_dir, ignore_errors=True)
    print(f"{args.db}: {len(files)} files in {len(parts)} partitions merged; "
          f"{failed_articles} articles failed, {len(lost)} partitions failed")
    return 1 if failed_articles or lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
