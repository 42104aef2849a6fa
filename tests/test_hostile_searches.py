"""Searches that once held gunicorn's threads for minutes, against a real production server.

A report of one short phrase repeated (within the text cap) has a match every two
characters: its snippets were quadratic in the matches of a section (5 minutes for a
search), and eight such searches made the home page and static files time out. Here
several run at once on one worker of two threads, and the home page is asked meanwhile:
everything must be answered well within the client's timeout.
"""
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.documents import SMALL_REPORT
from tests.test_production import free_port, get, manage, production_env, serving

CLIENT_TIMEOUT = 60  # seconds; on the code before the fix one such search took minutes
BEHIND_PROXY = {"X-Forwarded-Proto": "https"}
REPETITIONS = 140_000  # "鞋，" 140,000 times: 280,000 characters, under the 300,000 cap


@pytest.fixture
def server_with_a_repetitive_report(tmp_path):
    port = free_port()
    env = production_env(tmp_path / "data", GUNICORN_BIND=f"127.0.0.1:{port}",
                         GUNICORN_WORKERS="1", GUNICORN_THREADS="2")
    report = tmp_path / "repetitive.txt"
    report.write_text("\n\n".join([*SMALL_REPORT, "鞋，" * REPETITIONS]), encoding="utf-8")
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "-v0"],
                    ["import_reports", str(report)]):
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    with serving(env, port, tmp_path / "gunicorn.log"):
        yield port


def test_repetitive_searches_do_not_hold_the_server(server_with_a_repetitive_report):
    port = server_with_a_repetitive_report

    def fetch(path):
        response, body = get(port, path, timeout=CLIENT_TIMEOUT, **BEHIND_PROXY)
        return path, response.status, body.decode()

    searches = ["/api/search/?q=%E9%9E%8B", "/search/?q=%E9%9E%8B"] * 3  # 鞋
    with ThreadPoolExecutor(len(searches) + 1) as pool:
        pending = [pool.submit(fetch, path) for path in searches]
        home = pool.submit(fetch, "/").result()  # while the searches run
        answers = [future.result() for future in pending]
    for path, status, body in answers:
        assert status == 200, (path, status, body[:300])
        assert "<mark>鞋</mark>" in body
    assert home[1] == 200
