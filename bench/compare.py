"""How fast /compare/ answers for two national reports: ``python bench/compare.py``.

Imports the bundled reports into a scratch data folder under /tmp (ARCHIVE_DATA_DIR is read when
Django's settings load, so it is set before), then requests the comparison of the State Council's
2023 and 2024 reports (and 2024/2025, 2022/2023) through Django's test client:

* cold: the cache emptied before each request, so the alignment, diffs and terms are computed;
* warm: the pair already in the cache (what every request after the first one of a process sees);

and, for reference, the region ranking and the trends page. Prints one table and writes it to
bench/results/<UTC date-time>-compare.txt. Timings are for reading, never for asserting.
"""
from __future__ import annotations

import datetime
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PAIRS = ((2023, 2024), (2024, 2025), (2022, 2023))
COLD_RUNS, WARM_RUNS = 10, 200


def percentiles(samples_ms: list[float]) -> str:
    cut = statistics.quantiles(sorted(samples_ms), n=100, method="inclusive")
    return f"{cut[49]:7.1f} {cut[94]:7.1f} {cut[98]:7.1f}"


def timed(client, url, runs, before=None) -> list[float]:
    samples = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    os.environ["ARCHIVE_DATA_DIR"] = str(scratch)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.core.cache import cache
        from django.core.management import call_command
        from django.test import Client

        from archive.models import Report

        call_command("migrate", verbosity=0)
        call_command("import_reports", str(ROOT / "fixtures" / "reports"), stdout=io.StringIO())
        client = Client()
        client.get("/trends/?q=预热")  # load jieba and the URL resolver outside the timings
        lines = [f"/compare/ for two State Council reports, {COLD_RUNS} cold and {WARM_RUNS} warm "
                 f"requests each (ms)", f"{'request':44} {'p50':>7} {'p95':>7} {'p99':>7}"]
        for old_year, new_year in PAIRS:
            old, new = (Report.objects.get(region="国务院", year=year, kind="work_report")
                        for year in (old_year, new_year))
            url = f"/compare/?a={old.pk}&b={new.pk}"
            cold = timed(client, url, COLD_RUNS, before=cache.clear)
            warm = timed(client, url, WARM_RUNS)
            lines.append(f"{f'{old_year}→{new_year} cold (computed)':44} {percentiles(cold)}")
            lines.append(f"{f'{old_year}→{new_year} warm (cached pair)':44} {percentiles(warm)}")
            api = timed(client, f"/api/compare/?a={old.pk}&b={new.pk}", WARM_RUNS)
            lines.append(f"{f'{old_year}→{new_year} /api/compare/ warm':44} {percentiles(api)}")
        for label, url in (("/indicators/地区生产总值/?year=2025", "/indicators/地区生产总值/?year=2025"),
                           ("/trends/?q=新质生产力,高质量发展", "/trends/?q=新质生产力,高质量发展")):
            lines.append(f"{label:44} {percentiles(timed(client, url, WARM_RUNS // 2))}")
        table = "\n".join(lines)
        print(table)
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        (RESULTS / f"{stamp}-compare.txt").write_text(table + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
