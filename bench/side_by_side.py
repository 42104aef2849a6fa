"""Our engine and Tantivy (bench/peer.py) on the same index content, queries and page work.

Engines alternate query by query (ours first on even passes, Tantivy first on odd ones),
so that a burst of load from elsewhere on the machine falls on both. Three passes over
the 50 queries; the first warms caches and is not counted. Before timing, each query's
matching documents are compared (``queries with the same hits``), so that the times are
those of two engines doing the same work.

- engine: parse (our parser for both), match and rank the top 10;
- page: what the search page needs: the count, year/region/kind facets over every hit,
  and 20 hits with snippets (ours: search.services.search, which reads the hits from the
  database and cuts snippets; Tantivy: bench.peer.Peer.page, from its document store).
"""
from __future__ import annotations

import time
from pathlib import Path

PASSES = 3


def measure(path: Path, queries: list[dict], section_chars: int, input_bytes: int,
            ours: dict, log) -> dict:
    """Figures of both engines and their ratios (ours / Tantivy; for speeds Tantivy / ours,
    so that above 1 always means ours is behind)."""
    from whoosh.query import And

    from bench import peer
    from bench.run import percentiles
    from search import bulk
    from search.indexing import backend
    from search.params import SearchParams
    from search.querying import parse_user_query
    from search.services import filters, search

    seconds, documents = peer.build(path)
    log(f"tantivy build: {documents} documents in {seconds:.1f}s")
    out = {"tantivy index chars/s": section_chars / seconds}
    out["index speed tantivy/ours"] = out["tantivy index chars/s"] / ours["index chars/s"]
    out["tantivy index/input size"] = peer.index_bytes(path) / input_bytes
    out["index size ours/tantivy"] = ours["index/input size"] / out["tantivy index/input size"]

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

    samples = {key: [] for key in ("engine", "tantivy engine", "page", "tantivy page")}
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
    for what in ("engine", "page"):
        ours_cut, peer_cut = percentiles(samples[what]), percentiles(samples[f"tantivy {what}"])
        for key in ("p50", "p95"):
            out[f"{what} {key} ms"] = ours_cut[key]
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
