"""How long `make run` takes until it answers, on a fresh data folder and then again.

    .venv/bin/python bench/make_run.py [--data-dir DIR] [--runs 2]

Each run starts `make run` (in its own process group, on a free port of 127.0.0.1, with
ARCHIVE_DATA_DIR pointing at the data folder), polls the home page until it answers 200,
prints the seconds that took, and stops the server. The first run on an empty folder
imports and indexes the whole of fixtures/ (minutes); the runs after it find everything
stored and only start (the target is ≤ 10 s). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 1800


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seconds_to_serving(data_dir: Path) -> float:
    port = free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir)}
    started = time.monotonic()
    server = subprocess.Popen(["make", "run", f"PORT={port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        while time.monotonic() - started < TIMEOUT_S:
            if server.poll() is not None:
                raise SystemExit(f"make run exited with {server.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise SystemExit(f"not serving after {TIMEOUT_S} s")
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make, runserver and its reloader child
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="default: a new folder under /tmp")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="make-run-"))
    print(f"data folder: {data_dir}")
    for run in range(1, args.runs + 1):
        print(f"run {run}: serving after {seconds_to_serving(data_dir):.1f} s", flush=True)


if __name__ == "__main__":
    main()
