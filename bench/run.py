"""The benchmark driver: ``python bench/run.py --sizes 100 1000``.

Each size runs in its own child process with its own scratch data folder under /tmp,
because ARCHIVE_DATA_DIR is read once when Django's settings load (and so that peak
memory is per size). A child builds the corpus (bench/corpus.py), imports it, rebuilds
the index, builds the naive index beside it (bench/naive.py; up to --naive-max reports)
and measures; a grandchild that only serves searches and pages measures the memory of
a search server. Each child prints its numbers as JSON, and the parent prints one table
with a column per size and writes it to bench/results/<UTC date-time>-<sizes>.txt.

Timings are for reading, never for asserting: this is a script, not a test.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

# 50 fixed queries: words, several words, phrases, single characters, OR/-, and filters.
QUERIES = [{"q": q} for q in [
    "新质生产力", "高质量发展", "营商环境", "乡村振兴", "数字经济", "就业", "教育", "医疗卫生", "生态环境",
    "科技创新", "养老", "住房", "民营经济", "对外开放", "财政", "粮食安全", "碳达峰", "文旅融合",
    "基本公共服务 均等化", "制造业 数字化 转型", "城乡 融合发展", "扩大内需 消费", "安全生产 监管",
    "教育 医疗 养老", "改革开放 市场主体 活力", '"高质量发展"', '"全面深化改革"', '"国内生产总值增长"',
    '"优化营商环境"', '"人民群众"', "鞋", "粮", "税", "水", "港", "5G", "7%", "新质生产力 OR 数字经济",
    "改革 -试点", "新質生產力"]] + [
    {"q": "高质量发展", "year": "2020"}, {"q": "就业", "year": "2015"},
    {"q": "乡村振兴", "region": "晋江市"}, {"q": "营商环境", "region": "江苏省"},
    {"q": "科技创新", "year_from": "2010", "year_to": "2020"}, {"q": "教育", "year_from": "2000"},
    {"q": '"对外开放"', "region": "福州市", "sort": "newest"}, {"q": "港", "year": "2024"},
    {"q": "扩大内需 消费", "year_to": "2005"}, {"q": "生态", "region": "浙江省", "year_from": "2015"},
]
assert len(QUERIES) == 50
SAMPLE_CHARS = 35_000_000  # about 1,000 reports
UNIQUE_WORD = "鸑鷟琅嬛基准词"  # in no real report: only a freshly uploaded one has it


def percentiles(samples_s: list[float]) -> dict:
    ms = sorted(s * 1000 for s in samples_s)
    cut = statistics.quantiles(ms, n=100, method="inclusive")
    return {"p50": cut[49], "p95": cut[94], "p99": cut[98]}


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _first_chars(texts, limit: int) -> list[str]:
    """The leading texts that together hold about ``limit`` characters."""
    taken, total = [], 0
    for text in texts:
        if total >= limit:
            break
        taken.append(text)
        total += len(text)
    return taken


def _status_mb(*names: str) -> tuple[float, ...]:
    """This process's memory figures (VmRSS, VmHWM, RssAnon…) from /proc/self/status, in MB."""
    status = Path("/proc/self/status").read_text()
    return tuple(int(status.split(f"{name}:")[1].split()[0]) / 1024 for name in names)


def _memory() -> str:
    """This process's resident memory now and at its peak, for the progress lines."""
    rss, peak = _status_mb("VmRSS", "VmHWM")
    return f"RSS {rss:,.0f} MB, peak {peak:,.0f} MB"


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


# -- one size, in a child process ----------------------------------------------------

def measure(n: int, seed: int, keep: bool, naive_max: int, peer_max: int) -> dict:
    scratch = Path(tempfile.mkdtemp(prefix=f"zhengbao-bench-{n}-"))
    setup_django(scratch / "data")
    try:
        return _measure(n, seed, scratch, naive_max, peer_max)
    finally:
        if not keep:
            shutil.rmtree(scratch, ignore_errors=True)


def setup_django(data: Path) -> None:
    """Django over the data folder ``data`` (database and index), never the real data."""
    os.environ["ARCHIVE_DATA_DIR"] = str(data)
    for name in ("DATABASE_URL", "HAYSTACK_ENGINE", "HAYSTACK_URL", "HAYSTACK_PATH"):
        os.environ.pop(name, None)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django
    django.setup()


def _measure(n: int, seed: int, scratch: Path, naive_max: int, peer_max: int) -> dict:
    import random

    import jieba
    import rjieba
    from django.core.management import call_command
    from django.db.models import Sum
    from django.db.models.functions import Length
    from django.test import Client

    from archive.importing import import_report
    from archive.models import Report, Section
    from archive.signals import report_stored
    from bench import corpus, side_by_side
    from bench.naive import naive_index_seconds
    from search import indexing
    from search.analysis import char_analyzer, word_analyzer
    from search.rebuild import rebuild

    def log(message):
        print(f"[N={n}] {message} ({_memory()})", file=sys.stderr, flush=True)

    out: dict = {"N": n}
    call_command("migrate", verbosity=0)
    elapsed, paths = timed(corpus.build, n, scratch / "corpus", seed)
    input_bytes = sum(p.stat().st_size for p in paths)
    input_chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    log(f"corpus: {n} reports, {input_chars:,} chars in {elapsed:.1f}s")

    # Import without the index receiver: parse + database only; the index is built below.
    report_stored.disconnect(dispatch_uid="search-index-report")
    start = time.perf_counter()
    for path in paths:
        import_report(path.read_bytes(), path.name)
    elapsed = time.perf_counter() - start
    report_stored.connect(indexing.on_report_stored, dispatch_uid="search-index-report")
    out["import reports/s"] = n / elapsed
    out["import chars/s"] = input_chars / elapsed
    out["reports stored"] = Report.objects.count()
    log(f"import: {elapsed:.1f}s")

    section_chars = Section.objects.aggregate(chars=Sum(Length("text")))["chars"]
    indexing.backend().setup()
    elapsed, documents = timed(rebuild)
    out["index chars/s"] = section_chars / elapsed
    out["index docs/s"] = documents / elapsed
    out["index worker peak RSS MB"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    log(f"rebuild: {documents} documents in {elapsed:.1f}s")
    if n <= naive_max:
        naive_path = scratch / "naive-whoosh"
        naive_seconds = naive_index_seconds(naive_path)
        out["naive index chars/s"] = section_chars / naive_seconds
        out["index/naive speed"] = out["index chars/s"] / out["naive index chars/s"]
        out["naive index/input size"] = folder_bytes(naive_path) / input_bytes
        shutil.rmtree(naive_path)
        log(f"naive update_index: {naive_seconds:.1f}s")
    # Segmentation alone over the same text (its first SAMPLE_CHARS: jieba alone would take
    # half an hour at 20,000 reports): the Python package (its dictionary loaded first) and
    # jieba-rs, which the index uses.
    sample = _first_chars(Section.objects.values_list("text", flat=True).iterator(), SAMPLE_CHARS)
    sample_chars = sum(map(len, sample))
    jieba.lcut("预热")
    elapsed, _ = timed(lambda: sum(len(jieba.lcut(text)) for text in sample))
    out["jieba chars/s"] = sample_chars / elapsed
    segmenter = rjieba.Jieba()
    elapsed, _ = timed(lambda: sum(len(segmenter.cut(text)) for text in sample))
    out["jieba-rs chars/s"] = sample_chars / elapsed
    out["index/jieba speed"] = out["index chars/s"] / out["jieba chars/s"]
    # Where index time goes: the two analyzers alone (normalise + tokenise) over the same text.
    for name, analyzer in (("word", word_analyzer()), ("char", char_analyzer())):
        start = time.perf_counter()
        for text in sample:
            for _ in analyzer(text, positions=True, mode="index"):
                pass
        out[f"{name} analyzer chars/s"] = sample_chars / (time.perf_counter() - start)
    del sample
    index_path = Path(indexing.backend().path)
    out["input MB"] = input_bytes / 1e6
    out["index MB"] = folder_bytes(index_path) / 1e6
    out["index/input size"] = out["index MB"] / out["input MB"]

    client = Client()
    out.update(search_times(client, indexing.backend().searcher()))
    log("search measured")
    if n <= peer_max:
        out.update(side_by_side.measure(scratch / "tantivy", QUERIES, section_chars, input_bytes, out, log))

    rng = random.Random(seed)
    ids = sorted(Report.objects.values_list("pk", flat=True))
    years = sorted(set(Report.objects.values_list("year", flat=True)))
    regions = sorted(set(Report.objects.values_list("region", flat=True)))
    for name, urls in (("report page", [f"/reports/{pk}/" for pk in rng.sample(ids, min(20, len(ids)))]),
                       ("year page", [f"/years/{y}/" for y in rng.sample(years, min(20, len(years)))]),
                       ("indicator page", [f"/indicators/地区生产总值/?region={region}"
                                           for region in rng.sample(regions, min(20, len(regions)))])):
        client.get(urls[0])
        samples = []
        for url in urls:
            elapsed, response = timed(client.get, url)
            assert response.status_code == 200, url
            samples.append(elapsed)
        cut = percentiles(samples)
        out[f"{name} p50 ms"], out[f"{name} p95 ms"] = cut["p50"], cut["p95"]
    log("pages measured")

    paragraphs = corpus.real_paragraphs()
    out.update(upload_to_searchable(client, rng, paragraphs))

    # The live path for a few more reports: parse + database + one index commit each.
    live = [corpus.make_report("滨海新区", year, paragraphs, rng) for year in range(2030, 2040)]
    start = time.perf_counter()
    for number, text in enumerate(live):
        import_report(text.encode(), f"live-{number}.txt")
    out["live import reports/s"] = len(live) / (time.perf_counter() - start)

    out["peak RSS MB (bench)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    server = subprocess.run([sys.executable, __file__, "--serve-memory", str(scratch / "data")],
                            stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT)
    peak, private = server.stdout.strip().splitlines()[-1].split()
    out["search server RSS MB"] = float(peak)
    out["  of which private MB"] = float(private)
    return out


def search_times(client, searcher=None) -> dict:
    """The search view's percentiles over the 50 queries (three passes; the first warms
    caches and is not counted) and, given a searcher, bare Whoosh's on the same queries,
    timed alternately with the view."""
    from search.params import SearchParams
    from search.querying import parse_user_query
    from search.services import filters
    from whoosh.query import And

    view, bare = [], []
    for repeat in range(3):
        for params in QUERIES:
            t_view, response = timed(client.get, "/api/search/", params)
            assert response.status_code == 200, (params, response.status_code)
            if searcher is not None:
                parsed = parse_user_query(params["q"])
                query = And([parsed.query, *filters(SearchParams.from_query(params))])
                t_bare, _ = timed(lambda: [hit["report_id"] for hit in searcher.search(query, limit=20)])
            if repeat:
                view.append(t_view)
                if searcher is not None:
                    bare.append(t_bare)
    out = {}
    for name, samples in (("search view", view), ("search bare", bare)):
        for key, value in (percentiles(samples).items() if samples else ()):
            out[f"{name} {key} ms"] = value
    if bare:
        out["view/bare p50"] = out["search view p50 ms"] / out["search bare p50 ms"]
    return out


def upload_to_searchable(client, rng, paragraphs) -> dict:
    """One new 30,000-character report through the live path (import indexes it in its own
    commit), then the search that finds it: the first for a word no other report holds."""
    from archive.importing import import_report
    from archive.models import Report
    from bench import corpus

    year = 2026 + Report.objects.filter(region="桃源县").count()  # a new report on each run
    word = f"{UNIQUE_WORD}{year}"
    text = corpus.make_report("桃源县", year, paragraphs, rng, target_chars=30_000,
                              extra=f"{word}。本县将建设示范区。")
    start = time.perf_counter()
    import_report(text.encode(), f"upload-taoyuan-{year}.txt")
    imported = time.perf_counter() - start
    response = client.get("/api/search/", {"q": f'"{word}"'})
    total = time.perf_counter() - start
    assert response.json()["count"] == 1, "the uploaded report is not searchable"
    return {"upload→searchable ms": total * 1000, "  of which import ms": imported * 1000}


def serve_memory(data: Path) -> tuple[float, float]:
    """Peak memory (MB) of a fresh process that answers the 50 queries and some pages, and
    its private part at the end (the rest is the index's files, mapped and shared)."""
    setup_django(data)
    from django.test import Client

    from archive.models import Report
    client = Client()
    for params in QUERIES:
        client.get("/search/", params)
        client.get("/api/search/", params)
    for pk, year in Report.objects.values_list("pk", "year")[:50]:
        client.get(f"/reports/{pk}/")
        client.get(f"/years/{year}/")
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    return _status_mb("VmHWM", "RssAnon")


# -- the parent: one child per size, one table -----------------------------------------

def table(rows: list[dict]) -> str:
    """One column per size, then the growth of each figure from one size to the next."""
    keys = list(rows[0])
    width = max(map(len, keys))
    steps = list(zip(rows, rows[1:]))
    lines = [f"{'metric':<{width}}" + "".join(f"{'N=' + str(r['N']):>14}" for r in rows)
             + "".join(f"{'×' + str(b['N']) + '/' + str(a['N']):>14}" for a, b in steps)]
    for key in keys[1:]:
        values = [row.get(key, "—") for row in rows]
        growth = [b / a if _number(a) and _number(b) and a else "" for a, b in zip(values, values[1:])]
        lines.append(f"{key:<{width}}" + "".join(map(_cell, values + growth)))
    return "\n".join(lines)


def _number(value) -> bool:
    return isinstance(value, (int, float))


def _cell(value) -> str:
    if _number(value) and abs(value) >= 100:
        return f"{value:>14,.0f}"
    return f"{value:>14.2f}" if isinstance(value, float) else f"{value!s:>14}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100])
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    parser.add_argument("--naive-max", type=int, default=100,
                        help="build the naive index for sizes up to this many reports (at 1,000 "
                             "it alone takes about half an hour: its cost grows faster than N)")
    parser.add_argument("--peer-max", type=int, default=sys.maxsize,
                        help="build and time Tantivy beside ours for sizes up to this many reports")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's size
    parser.add_argument("--serve-memory", type=Path, help=argparse.SUPPRESS)  # the grandchild
    args = parser.parse_args()
    if args.serve_memory:
        print(*serve_memory(args.serve_memory))
        return
    if args.one:
        print(json.dumps(measure(args.one, args.seed, args.keep, args.naive_max, args.peer_max)))
        return
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    rows = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed),
                   "--naive-max", str(args.naive_max), "--peer-max", str(args.peer_max)]
        child = subprocess.run(command + (["--keep"] if args.keep else []),
                               stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT)
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
    report = f"政报档案 bench {stamp} (seed {args.seed}, {os.cpu_count()} CPUs)\n{table(rows)}\n"
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{stamp}-{'-'.join(map(str, args.sizes))}.txt").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
