"""The production server (gunicorn) on loopback against a data folder of its own.

Shared by bench/load.py and tests/test_concurrency.py: both need a migrated data
folder, the site's own commands run against it, and a server that is always stopped.
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = ("127.0.0.1", "localhost", "::1")
# Settings that could point the site at real data; a scratch site runs without them.
OUTSIDE_SETTINGS = ("DATABASE_URL", "HAYSTACK_ENGINE", "HAYSTACK_URL", "HAYSTACK_PATH",
                    "HAYSTACK_INDEX_NAME", "GUNICORN_CMD_ARGS")


def site_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of the site's processes: everything in ``data_dir``, production mode."""
    env = {key: value for key, value in os.environ.items() if key not in OUTSIDE_SETTINGS}
    env.update(ARCHIVE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="config.settings",
               DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,[::1]",
               DJANGO_SECRET_KEY=secrets.token_urlsafe(40), PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def manage(env: dict, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``manage.py <args>`` for that site; a failure raises with the command's output."""
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True,
                            capture_output=True, timeout=timeout)
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} exited with {result.returncode}:\n"
                           f"{result.stdout}{result.stderr}")
    return result


def prepare(env: dict) -> None:
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")


def free_port(host: str) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def base_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextmanager
def gunicorn(env: dict, log: Path, host: str = "127.0.0.1", workers: int = 2, threads: int = 4,
             start_timeout: float = 30):
    """Serve the site with gunicorn; yields its base URL and stops it on the way out.

    Only loopback addresses are accepted. The server runs in its own process group so
    that its workers go with it even if the master has to be killed.
    """
    if host not in LOOPBACK:
        raise ValueError(f"{host}: only loopback addresses ({', '.join(LOOPBACK)}) are allowed")
    port = free_port(host)
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", bind,
               "--workers", str(workers), "--threads", str(threads), "--graceful-timeout", "5",
               "--no-control-socket"]  # its default path in $HOME is shared by every gunicorn
    with open(log, "ab") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = base_url(host, port)
        _wait_until_serving(server, url, log, start_timeout)
        yield url
    finally:
        _stop(server)


def _wait_until_serving(server: subprocess.Popen, url: str, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url + "/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"gunicorn did not answer on {url} within {timeout:.0f} s:\n{tail(log)}")
        time.sleep(0.2)


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(server.pid, signal.SIGKILL)  # the group we started: master and workers
    except ProcessLookupError:
        pass
    server.wait(timeout=10)


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""
