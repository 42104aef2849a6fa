"""Our engine before and after a change finds the same documents, scores and pages.

Over a scratch folder that ``bench/run.py --keep`` left, for the 50 bench queries
(bench.run.QUERIES), each run of this script writes what one version of the code finds:

    python bench/same_hits.py dump /tmp/zhengbao-bench-1000-… after.json
    git archive main | tar -x -C /tmp/main-src
    python bench/same_hits.py dump /tmp/zhengbao-bench-1000-… before.json --code /tmp/main-src --rebuild
    python bench/same_hits.py diff before.json after.json

``--code`` runs another checkout's archive/search/config (an older index format cannot be
read by the newer code, hence ``--rebuild``: the index is rebuilt by that code into a copy
of the data folder, which is removed afterwards; the kept folder is left as it was).

Per query: every matching document (by bench.peer.document_key) with its score, the
page's count and facets, and the 20 hits of the page (report, section). Documents are
compared by key, never by document number (a rebuild on several processes may number
them otherwise); scores to a relative 1e-9, and the hits of the page in order, except where they tie on
score (ranked then by document number); those tied on the page's last score may be other
documents of that score.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dump(data: Path, code: Path, out: Path) -> None:
    """In this process: the code of ``code`` over the data folder ``data``."""
    sys.path.insert(0, str(code))
    os.environ["ARCHIVE_DATA_DIR"] = str(data)
    for name in ("DATABASE_URL", "HAYSTACK_ENGINE", "HAYSTACK_URL", "HAYSTACK_PATH"):
        os.environ.pop(name, None)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    django.setup()
    import search
    assert Path(search.__file__).resolve().is_relative_to(code.resolve()), search.__file__
    from haystack.constants import DJANGO_CT, DJANGO_ID
    from whoosh.query import And

    from search import bulk
    from search.indexing import backend
    from search.params import SearchParams
    from search.querying import parse_user_query
    from search.services import filters, search as page_search

    sys.path.insert(1, str(ROOT))  # bench.run's queries, whichever code runs
    from bench.run import QUERIES

    searcher = backend().searcher()
    found = []
    for params in QUERIES:
        parsed = parse_user_query(params["q"])
        search_params = SearchParams.from_query(params)
        query = And([parsed.query, *filters(search_params)]) if search_params.is_filtered \
            else parsed.query
        matched = bulk.search(searcher, query.normalize())
        scores = {}
        for docnum, score in zip(matched.docnums.tolist(), matched.scores.tolist()):
            fields = searcher.stored_fields(docnum)
            key = int(fields[DJANGO_ID]) * 2 + (fields[DJANGO_CT] == "archive.report")
            scores[str(key)] = score
        page = page_search(search_params)
        found.append({"params": params, "scores": scores, "count": page.count,
                      "facets": {name: [list(item) for item in items]
                                 for name, items in page.facets.items()},
                      "hits": [[hit.report.pk, hit.section.pk if hit.section else None,
                                hit.score, hit.snippet] for hit in page.hits]})
    out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    print(f"{len(found)} queries, {sum(len(q['scores']) for q in found)} matches → {out}")


def run_dump(scratch: Path, out: Path, code: Path, rebuild: bool) -> None:
    data = scratch / "data"
    copy = None
    if rebuild:
        copy = Path(tempfile.mkdtemp(prefix="same-hits-", dir="/tmp")) / "data"
        shutil.copytree(data, copy)
        data = copy
    try:
        env = {**os.environ, "PYTHONPATH": str(code)}
        if rebuild:
            script = ("import os, sys; sys.path.insert(0, os.getcwd()); import django; "
                      "django.setup(); from search.rebuild import rebuild; print(rebuild(), 'documents')")
            env.update(ARCHIVE_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="config.settings",
                       DJANGO_ALLOWED_HOSTS="testserver")
            for name in ("DATABASE_URL", "HAYSTACK_ENGINE", "HAYSTACK_URL", "HAYSTACK_PATH"):
                env.pop(name, None)
            subprocess.run([sys.executable, "-c", script], cwd=code, env=env, check=True)
        subprocess.run([sys.executable, __file__, "child", str(data), str(code), str(out.resolve())],
                       cwd=code, env=env, check=True)
    finally:
        if copy is not None:
            shutil.rmtree(copy.parent, ignore_errors=True)


def diff(before: Path, after: Path) -> int:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    assert [q["params"] for q in a] == [q["params"] for q in b], "not the same queries"
    problems = 0
    for old, new in zip(a, b):
        what = []
        if old["scores"].keys() != new["scores"].keys():
            what.append(f"documents: {len(old['scores'])} before, {len(new['scores'])} after, "
                        f"{len(old['scores'].keys() ^ new['scores'].keys())} differ")
        else:
            off = [k for k, s in old["scores"].items()
                   if not math.isclose(s, new["scores"][k], rel_tol=1e-9, abs_tol=1e-12)]
            if off:
                what.append(f"{len(off)} scores differ")
        if old["count"] != new["count"]:
            what.append(f"count {old['count']} → {new['count']}")
        if old["facets"] != new["facets"]:
            what.append("facets differ")
        if not _same_page(old["hits"], new["hits"]):
            what.append("page hits differ")
        if what:
            problems += 1
            print(f"{old['params']}: " + "; ".join(what))
    print(f"{len(a) - problems}/{len(a)} queries with identical documents, scores, counts, "
          f"facets and page hits")
    return 1 if problems else 0


def _same_page(old: list, new: list) -> bool:
    """The same scores in the same order, and the same hits (snippets included) for each
    score, save the last score of the page: documents that tie on it are ranked by document
    number, which a rebuild on several processes assigns otherwise, so a different few of
    them may make the page's end (that they are all matches of that score, the documents
    and their scores above say)."""
    if len(old) != len(new) or not all(_tie(o[2], n[2]) for o, n in zip(old, new)):
        return False
    last = old[-1][2] if old else None
    group = lambda hits: sorted(((h[2], h[0], h[1] or 0, h[3]) for h in hits if not _tie(h[2], last)),
                                key=repr)
    return group(old) == group(new)


def _tie(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("dump", help="what one version of the code finds")
    one.add_argument("scratch", type=Path, help="a folder that bench/run.py --keep left")
    one.add_argument("out", type=Path)
    one.add_argument("--code", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    one.add_argument("--rebuild", action="store_true",
                     help="rebuild the index with that code, into a copy of the data folder")
    two = commands.add_parser("diff", help="compare two dumps")
    two.add_argument("before", type=Path)
    two.add_argument("after", type=Path)
    child = commands.add_parser("child")
    child.add_argument("data", type=Path)
    child.add_argument("code", type=Path)
    child.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        run_dump(args.scratch.resolve(), args.out, args.code.resolve(), args.rebuild)
    elif args.command == "child":
        dump(args.data, args.code, args.out)
    else:
        sys.exit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
