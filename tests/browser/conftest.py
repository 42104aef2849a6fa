"""End-to-end tests in a real Chromium, driven by Playwright against pytest-django's live server.

The browser is Debian's chromium (``/usr/bin/chromium``, installed by ``.ci/install-browser``),
never one downloaded by ``playwright install``. One browser serves all these tests; every
test gets a fresh context (cookies, storage) and page, and leaves a full-page screenshot named
after it in ``tests/screenshots/``.

Without a Chromium the tests are skipped with the reason, except under CI (``CI`` set),
where a missing browser is a failure.
"""
import io
import os
import re
import shutil

import pytest

from tests.conftest import ROOT

SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
# Headless, and quiet on a closed network: no sync, updates, field trials or QUIC probes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: end-to-end test in Chromium via Playwright (skipped without a "
                   "Chromium unless CI is set)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.browser_test_failed = True
    return report


def find_chromium() -> str | None:
    """``$CHROMIUM`` if set, else Debian's chromium, else one on the PATH."""
    for candidate in filter(None, (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES)):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all the browser tests (this package), closed after them."""
    executable = find_chromium()
    if executable is None:
        _unavailable("no Chromium found (run .ci/install-browser, or set CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API leaves its asyncio loop marked as running on this thread,
        # and Django then refuses ORM calls here (SynchronousOnlyOperation). The tests' own
        # set-up (creating the test database, importing reports, a user) is plain
        # synchronous code, so allow it while the browser is open.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, live_server, transactional_db, request):
    """A page in a fresh browser context, pointed at the live server; only the live server
    is reachable from it. Leaves tests/screenshots/<test name>.png, pass or fail."""
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.route(re.compile(r"^(?!" + re.escape(live_server.url) + r"/)[a-z-]+://.*"),
                  lambda route: route.abort())
    page = context.new_page()
    page_errors = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    server_errors = []
    page.on("response", lambda response: response.status >= 500
            and server_errors.append(f"{response.status} {response.url}"))
    try:
        yield page
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            if page.url != "about:blank":  # a test skipped before it opened anything
                page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        finally:
            context.close()
    if not getattr(request.node, "browser_test_failed", False):  # else said already
        assert not page_errors, f"JavaScript errors: {page_errors}"
        assert not server_errors, f"server errors: {server_errors}"


def import_bundled_reports():
    """Import and index fixtures/reports; call it inside a test that uses ``page``."""
    from django.core.management import call_command

    from tests.conftest import FIXTURE_REPORTS

    call_command("import_reports", str(FIXTURE_REPORTS), stdout=io.StringIO())


def awaits_page(path: str, what: str):
    """Skip while no URL pattern answers ``path`` (a page another change is building)."""
    from django.urls import Resolver404, resolve

    try:
        resolve(path)
    except Resolver404:
        pytest.skip(f"awaits {what}: no URL pattern for {path} yet")
