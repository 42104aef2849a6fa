"""bench/run.py measures a small archive from end to end (make bench runs it at 1,000 reports
and more, outside the tests: a page it times that no longer answers stops it half-way)."""
import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def test_one_size_is_measured_through_every_page(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--one", "5",
                          "--naive-max", "0", "--peer-max", "0"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300,
                         env={**os.environ, "TMPDIR": str(tmp_path)})
    assert run.returncode == 0, run.stderr[-2000:]
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert figures["reports stored"] == 5
    for page in ("search view", "report page", "year page", "indicator page"):
        assert figures[f"{page} p95 ms"] > 0, page
    assert not list(tmp_path.glob("zhengbao-bench-*"))   # its scratch folder (in TMPDIR) removed
