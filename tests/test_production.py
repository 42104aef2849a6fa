"""The production configuration, run the way a server runs it: in subprocesses.

``manage.py check --deploy`` is clean with production variables and fails with the
development key or with debug on; gunicorn with config/gunicorn.conf.py serves pages, and
whitenoise the collected static files, with DEBUG off.
"""
import gzip
import http.client
import os
import signal
import socket
import subprocess
import sys
import time

from contextlib import contextmanager

import pytest
from django.core.management.utils import get_random_secret_key

from config.settings import INSECURE_SECRET_KEY
from tests.conftest import ROOT

SERVER_START_SECONDS = 60
# Variables of the surrounding run (a PostgreSQL DATABASE_URL, a debug flag...) are not
# the production site's: each test states its own.
OWN_PREFIXES = ("DJANGO_", "DATABASE_", "HAYSTACK_", "ARCHIVE_", "GUNICORN_")


def production_env(data_dir, **overrides):
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(OWN_PREFIXES)}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_PRODUCTION="1",
               DJANGO_SECRET_KEY=get_random_secret_key(), ARCHIVE_DATA_DIR=str(data_dir))
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def manage(env, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def check_deploy(env):
    return manage(env, "check", "--deploy", "--fail-level", "WARNING")


def test_check_deploy_passes_with_production_variables(tmp_path):
    result = check_deploy(production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", [None, "", INSECURE_SECRET_KEY])
def test_production_refuses_the_development_key(tmp_path, key):
    result = check_deploy(production_env(tmp_path, DJANGO_SECRET_KEY=key))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DJANGO_SECRET_KEY" in result.stderr


def test_check_deploy_fails_with_debug_on(tmp_path):
    result = check_deploy(production_env(tmp_path, DJANGO_DEBUG="1"))
    assert result.returncode != 0
    assert "security.W018" in result.stderr


def test_plain_http_site_turns_the_https_settings_off(tmp_path):
    """DJANGO_HTTPS=0 (a LAN site) runs, and check --deploy names what that gives up."""
    result = check_deploy(production_env(tmp_path, DJANGO_HTTPS="0"))
    assert result.returncode != 0
    for warning in ("W004", "W008", "W012", "W016"):
        assert f"security.{warning}" in result.stderr


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, server, log):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn exited:\n{log.read_text()}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not listen within {SERVER_START_SECONDS} s:\n{log.read_text()}")


def get(port, path, timeout=30, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


@pytest.fixture
def gunicorn(tmp_path):
    """The production server on a free port, as `make serve` runs it; killed afterwards."""
    port = free_port()
    env = production_env(tmp_path / "data", GUNICORN_BIND=f"127.0.0.1:{port}",
                         GUNICORN_WORKERS="1", GUNICORN_THREADS="2")
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "-v0"]):
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    with serving(env, port, tmp_path / "gunicorn.log"):
        yield port


@contextmanager
def serving(env, port, log):
    """gunicorn with ``env`` until the block ends. Without its control socket, which is one
    per user and may be a real server's."""
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py",
             "--no-control-socket", "config.wsgi"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_port(port, server, log)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_gunicorn_serves_pages_and_whitenoise_static_files(gunicorn):
    # Plain HTTP is sent to HTTPS; a TLS proxy on 127.0.0.1 says it was HTTPS.
    response, _ = get(gunicorn, "/")
    assert response.status == 301
    assert response.getheader("Location") == f"https://127.0.0.1:{gunicorn}/"
    behind_proxy = {"X-Forwarded-Proto": "https"}

    response, body = get(gunicorn, "/", **behind_proxy)
    assert response.status == 200
    assert "政报档案" in body.decode()
    assert "max-age=31536000" in response.getheader("Strict-Transport-Security")

    response, body = get(gunicorn, "/static/css/site.css", **behind_proxy,
                         **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/css")
    # Gzipped at collectstatic and served with a cache lifetime: whitenoise, not Django.
    assert response.getheader("Content-Encoding") == "gzip"
    assert "max-age" in response.getheader("Cache-Control")
    assert gzip.decompress(body) == (ROOT / "static" / "css" / "site.css").read_bytes()


SHOW_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "SECRET_KEY": settings.SECRET_KEY, "DEBUG": settings.DEBUG,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "DB": [db["ENGINE"], db["NAME"], db["USER"], db["HOST"], str(db["PORT"])],
    "INDEX": settings.HAYSTACK_CONNECTIONS["default"]["PATH"],
    "MEDIA_ROOT": str(settings.MEDIA_ROOT), "STATIC_ROOT": str(settings.STATIC_ROOT),
    "HTTPS": [settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE,
              settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS],
}))
"""


def production_settings(env):
    import json

    result = subprocess.run([sys.executable, "-c", SHOW_SETTINGS], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_secrets_and_site_settings_come_from_the_environment(tmp_path):
    key = get_random_secret_key()
    found = production_settings(production_env(
        tmp_path / "data", DJANGO_SECRET_KEY=key,
        DJANGO_ALLOWED_HOSTS="archive.example.org, www.archive.example.org",
        DATABASE_URL="postgres://zhengbao:secret@db.example.org:5433/zhengbao"))
    assert found["SECRET_KEY"] == key and key != INSECURE_SECRET_KEY
    assert found["DEBUG"] is False  # off unless DJANGO_DEBUG says otherwise
    assert found["ALLOWED_HOSTS"] == ["archive.example.org", "www.archive.example.org"]
    assert found["DB"] == ["django.db.backends.postgresql", "zhengbao", "zhengbao",
                           "db.example.org", "5433"]
    data = (tmp_path / "data").resolve()
    assert found["INDEX"] == str(data / "whoosh")
    assert found["MEDIA_ROOT"] == str(data / "uploads")
    assert found["STATIC_ROOT"] == str(data / "static")
    assert found["HTTPS"] == [True, True, True, 365 * 24 * 3600]

    moved = production_settings(production_env(tmp_path / "data",
                                                HAYSTACK_PATH=str(tmp_path / "index")))
    assert moved["INDEX"] == str(tmp_path / "index")
    assert moved["DB"][0] == "config.sqlite"  # no DATABASE_URL: SQLite in the data folder
    assert moved["DB"][1] == str(data / "archive.sqlite3")


def test_a_host_not_in_allowed_hosts_is_refused(gunicorn):
    response, _ = get(gunicorn, "/", Host="evil.example.org", **{"X-Forwarded-Proto": "https"})
    assert response.status == 400
    response, _ = get(gunicorn, "/", Host="localhost", **{"X-Forwarded-Proto": "https"})
    assert response.status == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])
def test_the_load_script_refuses_any_host_but_loopback(host):
    result = subprocess.run([sys.executable, "bench/load.py", "--host", host], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "only serves on loopback" in result.stderr, result.stderr


def test_the_load_script_runs_against_gunicorn_with_0_errors():
    """A short run of bench/load.py (the bundled reports, loopback): `0 errors` is the bar,
    which the script prints but does not enforce. Its result file is removed again."""
    import re

    results = ROOT / "bench" / "results"
    before = set(results.glob("*-load.txt"))
    env = {name: value for name, value in os.environ.items() if not name.startswith(OWN_PREFIXES)}
    try:
        result = subprocess.run(
            [sys.executable, "bench/load.py", "--requests", "120", "--clients", "4",
             "--seconds", "20"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    finally:
        for path in set(results.glob("*-load.txt")) - before:
            path.unlink()
    assert result.returncode == 0, result.stderr[-3000:]
    summary = re.search(r"(\d+) requests in [\d.]+ s: [\d.]+ req/s, (\d+) errors "
                        r"\(after \d+ warm-up requests, (\d+) errors\)", result.stdout)
    assert summary, result.stdout
    assert int(summary[1]) >= 100 and summary[2] == summary[3] == "0", result.stdout
    assert re.search(r"^all\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+0$", result.stdout, re.M)


def test_static_files_are_served_before_collectstatic_outside_production(client, settings, tmp_path):
    """A site started by hand (migrate, runserver, no collectstatic) still has its styles."""
    settings.STATIC_ROOT = tmp_path / "nothing-collected"
    settings.STATIC_ROOT.mkdir()
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])
