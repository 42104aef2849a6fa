"""Our engine and Tantivy (bench/peer.py) on the same index content, queries and page work.

Part of every bench/run.py size; on its own, over a scratch folder that
``bench/run.py --keep`` left behind: ``python bench/side_by_side.py /tmp/zhengbao-bench-1000-…``
(add ``--rebuild`` to rebuild our index first, for the index size and build speed after a
change of the index format; without it the build figures are left out, and the Tantivy
index in the folder is reused if it holds as many documents as ours; ``--ours-only``
leaves Tantivy out, for a folder larger than bench/run.py's --peer-max). It prints one
table with the time from an upload to its search (the report it uploads stays in the
folder) and the search server's memory, and writes it to
bench/results/<UTC date-time>-<N>-side-by-side.txt.

Engines alternate query by query (ours first on even passes, Tantivy first on odd ones),
so that a burst of load from elsewhere on the machine falls on both. Three passes over
the 50 queries; the first warms caches and is not counted. Before timing, each query's
matching documents are compared (``queries with the same hits``), so that the times are
those of two engines doing the same work.

- engine: parse (our parser for both), match and rank the top 10;
- page: what the search page needs: the count, year/region/kind facets over every hit,
  and 20 hits with snippets (ours: search.services.search, which reads the hits from the
  database and cuts snippets; Tantivy: bench.peer.Peer.page, from its document store).

Ours keeps the decoded posting lists of the terms searched most (search.posting_cache),
which the timed passes find filled; "engine cold" and "page cold" time ours once more
with that cache emptied before each query, against the same Tantivy figures.
"""
from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSES = 3


def measure(path: Path, queries: list[dict], section_chars: int, input_bytes: int,
            ours: dict, log) -> dict:
    """Figures of both engines and their ratios (ours / Tantivy; for speeds Tantivy / ours,
    so that above 1 always means ours is behind)."""
    from bench import peer

    seconds, documents = peer.build(path)
    log(f"tantivy build: {documents} documents in {seconds:.1f}s")
    out = {"tantivy index chars/s": section_chars / seconds}
    out["index speed tantivy/ours"] = out["tantivy index chars/s"] / ours["index chars/s"]
    out["tantivy index/input size"] = peer.index_bytes(path) / input_bytes
    out["index size ours/tantivy"] = ours["index/input size"] / out["tantivy index/input size"]
    out.update(compare(path, queries, log))
    return out


def compare(path: Path, queries: list[dict], log) -> dict:
    """The same hits, then engine and page times of both engines, over a built Tantivy index."""
    from whoosh.query import And

    from bench import peer
    from bench.run import percentiles
    from search import bulk, posting_cache
    from search.indexing import backend
    from search.params import SearchParams
    from search.querying import parse_user_query
    from search.services import filters, search

    out = {}
    tantivy = peer.Peer(path)
    searcher = backend().searcher()

    def parsed_query(params):
        parsed = parse_user_query(params["q"])
        search_params = SearchParams.from_query(params)
        match = And([parsed.query, *filters(search_params)]) if search_params.is_filtered \
            else parsed.query
        return parsed, match.normalize()

    differing = []
    for params in queries:
        _, query = parsed_query(params)
        if our_keys(searcher, query) != tantivy.keys(query):
            differing.append(params)
    out["queries with the same hits"] = f"{len(queries) - len(differing)}/{len(queries)}"
    for params in differing:
        log(f"different documents for {params}")

    def our_engine(params):
        _, query = parsed_query(params)
        return bulk.search(searcher, query).ranked().docnums[:10].tolist()

    def peer_engine(params):
        _, query = parsed_query(params)
        return tantivy.top(query)

    def our_page(params):
        return search(SearchParams.from_query(params))

    def peer_page(params):
        parsed, query = parsed_query(params)
        return tantivy.page(query, peer.highlight_words(parsed.terms),
                            newest=params.get("sort") == "newest")

    samples = {key: [] for key in ("engine", "tantivy engine", "page", "tantivy page",
                                   "engine cold", "page cold")}
    for number in range(PASSES):
        for params in queries:
            pairs = [("engine", our_engine), ("tantivy engine", peer_engine),
                     ("page", our_page), ("tantivy page", peer_page)]
            if number % 2:
                pairs = pairs[1::-1] + pairs[:1:-1]
            for key, run in pairs:
                start = time.perf_counter()
                run(params)
                if number:
                    samples[key].append(time.perf_counter() - start)
    out["posting cache MB"] = posting_cache.cache.bytes / 1e6
    # Ours again with no posting list kept from before (search.posting_cache emptied
    # before each query, untimed): every list read from the index, as for a new word.
    for number in range(1, PASSES):
        for params in queries:
            for key, run in (("engine cold", our_engine), ("page cold", our_page)):
                posting_cache.cache.clear()
                start = time.perf_counter()
                run(params)
                samples[key].append(time.perf_counter() - start)
    for what in ("engine", "page", "engine cold", "page cold"):
        ours_cut = percentiles(samples[what])
        peer_cut = percentiles(samples[f"tantivy {what.removesuffix(' cold')}"])
        for key in ("p50", "p95"):
            out[f"{what} {key} ms"] = ours_cut[key]
            if what == what.removesuffix(" cold"):
                out[f"tantivy {what} {key} ms"] = peer_cut[key]
            out[f"{what} {key} ours/tantivy"] = ours_cut[key] / peer_cut[key]
    log("side by side measured")
    return out


def our_keys(searcher, query) -> set[int]:
    """Every document our engine matches, by bench.peer.document_key."""
    from bench.peer import document_key
    from search import bulk

    return {document_key(fields["django_ct"], fields["django_id"])
            for fields in map(searcher.stored_fields, bulk.search(searcher, query).docnums.tolist())}


# -- on its own, over a kept scratch folder ----------------------------------------------

def rerun(scratch: Path, rebuild: bool, peer: bool = True) -> dict:
    """The side-by-side figures over ``scratch`` (a folder bench/run.py --keep left); ours
    alone (the view's times) where not ``peer``."""
    from bench.run import QUERIES, folder_bytes, search_times, setup_django

    setup_django(scratch / "data")
    from django.db.models import Sum
    from django.db.models.functions import Length

    from archive.models import Report, Section
    from search.indexing import backend

    def log(message):
        print(f"[side by side] {message}", file=sys.stderr, flush=True)

    out: dict = {"N": Report.objects.count()}
    input_bytes = sum(p.stat().st_size for p in (scratch / "corpus").iterdir())
    section_chars = Section.objects.aggregate(chars=Sum(Length("text")))["chars"]
    if rebuild:
        from search.rebuild import rebuild as rebuild_index
        start = time.perf_counter()
        documents = rebuild_index()
        out["index chars/s"] = section_chars / (time.perf_counter() - start)
        log(f"rebuild: {documents} documents")
    out["index MB"] = folder_bytes(Path(backend().path)) / 1e6
    out["index/input size"] = out["index MB"] / (input_bytes / 1e6)
    from django.test import Client
    client = Client()
    if not peer:  # the view's times, as bench/run.py takes them
        out.update(search_times(client))
    elif rebuild:
        out.update(measure(scratch / "tantivy", QUERIES, section_chars, input_bytes, out, log))
    else:
        from bench import peer
        tantivy_path = scratch / "tantivy"
        if not tantivy_path.exists() or (peer.Peer(tantivy_path).searcher.num_docs
                                         != backend().searcher().doc_count()):
            peer.build(tantivy_path)  # none yet, or built before reports were added
        out["tantivy index/input size"] = peer.index_bytes(tantivy_path) / input_bytes
        out["index size ours/tantivy"] = out["index/input size"] / out["tantivy index/input size"]
        out.update(compare(tantivy_path, QUERIES, log))
    import random

    from bench.corpus import real_paragraphs
    from bench.run import upload_to_searchable
    for params in QUERIES:  # a searcher open and warm, as a server's is before an upload
        client.get("/api/search/", params)
    out.update(upload_to_searchable(client, random.Random(out["N"]), real_paragraphs()))
    server = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--serve-memory",
                             str(scratch / "data")], stdout=subprocess.PIPE, text=True, check=True,
                            cwd=ROOT)
    peak, private = server.stdout.strip().splitlines()[-1].split()
    out["search server RSS MB"] = float(peak)
    out["  of which private MB"] = float(private)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="our engine beside Tantivy over a kept bench folder")
    parser.add_argument("scratch", type=Path, help="a folder that bench/run.py --keep left")
    parser.add_argument("--rebuild", action="store_true",
                        help="rebuild our index and Tantivy's first (index size and build speed)")
    parser.add_argument("--ours-only", action="store_true",
                        help="no Tantivy: our view's times, upload and memory (beyond --peer-max)")
    args = parser.parse_args()
    from bench.run import RESULTS, table

    row = rerun(args.scratch.resolve(), args.rebuild, peer=not args.ours_only)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    report = (f"政报档案 side by side {stamp} over {args.scratch} ({os.cpu_count()} CPUs"
              f"{', rebuilt' if args.rebuild else ''})\n{table([row])}\n")
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{stamp}-{row['N']}-side-by-side.txt").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
