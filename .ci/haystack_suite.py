"""django-haystack's own Whoosh test suite, run on stock Whoosh and on our engine (make test-haystack).

The suite (test_haystack/whoosh_tests) ships in the source distribution of the installed
haystack version, which pip downloads once into .cache/ (git-ignored). Each test class runs
in a process of its own, once with haystack's WhooshEngine and once with
search.backend.ChineseWhooshEngine put in its place (the suite's settings name WhooshEngine,
and its test cases look for that name): a class whose setUp fails on RAM storage would
otherwise leak its state into the classes after it.

Prints the counts for both engines and every test that passes on stock Whoosh but not on
ours; exits 1 when such a test is not one of KNOWN_DIFFERENCES (README, "Searching").
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest
from collections import Counter
from importlib.metadata import version
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CACHE = PROJECT / ".cache" / "haystack-suite"
SUITE = "test_haystack/whoosh_tests"
OURS = "search.backend.ChineseWhooshEngine"

# Tests that pass on stock Whoosh and not on ours, on purpose (README lists them too).
KNOWN_DIFFERENCES: dict[str, str] = {}


def source_tree(haystack_version: str) -> Path:
    """The unpacked sdist of django-haystack ``haystack_version``, downloaded once."""
    tree = CACHE / f"django_haystack-{haystack_version}"
    if (tree / SUITE).is_dir():
        return tree
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--no-binary", ":all:", f"django-haystack=={haystack_version}",
                    "--dest", str(CACHE)], check=True)
    archive = next(CACHE.glob(f"django[-_]haystack-{haystack_version}.tar.gz"))
    with tarfile.open(archive) as sdist:
        sdist.extractall(CACHE, filter="data")
    return tree


def test_classes(tree: Path) -> list[str]:
    """Dotted names of the suite's classes that define tests, in file order."""
    found = []
    for path in sorted((tree / SUITE).glob("test_*.py")):
        module = ".".join(path.relative_to(tree).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(item, ast.FunctionDef) and item.name.startswith("test")
                    for item in node.body):
                found.append(f"{module}.{node.name}")
    return found


def run_class(tree: Path, label: str, engine: str) -> dict[str, str]:
    """{test id: outcome} of one test class, run in a new process in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="haystack-suite-") as scratch:
        env = {**os.environ, "TMPDIR": scratch, "PYTHONPATH": str(PROJECT),
               "DJANGO_SETTINGS_MODULE": "test_haystack.settings", "PYTHONWARNINGS": "ignore"}
        done = subprocess.run([sys.executable, __file__, "--child", str(tree), label, engine],
                              cwd=scratch,
                              env=env, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        sys.stderr.write(done.stdout + done.stderr)
        return {label: "crashed"}
    return json.loads(lines[-1])


def child(tree: str, label: str, engine: str) -> None:
    """In the child process: set the engine up, run one class, print its outcomes as JSON.

    The suite's settings drop the Elasticsearch connection where its client is missing;
    the Solr one is dropped the same way (test_haystack lists every connection at times).
    """
    import importlib.util

    import django
    from django.test.utils import get_runner

    sys.path.append(tree)  # after site-packages: the installed haystack, not the sdist's copy
    if importlib.util.find_spec("pysolr") is None:
        from test_haystack import settings as suite_settings
        suite_settings.HAYSTACK_CONNECTIONS.pop("solr", None)

    if engine == "ours":
        import haystack.backends.whoosh_backend as stock
        from search.backend import ChineseWhooshEngine
        stock.WhooshEngine = ChineseWhooshEngine
    django.setup()
    from django.conf import settings

    runner = get_runner(settings)(verbosity=0, interactive=False)
    runner.setup_test_environment()
    suite = runner.build_suite([label])
    databases = runner.setup_databases()
    # every test, "not run" until it is (a failed setUpClass runs none of its class)
    outcomes = {test.id(): "not run" for test in _tests(suite)}
    passed = []

    class Recording(unittest.TextTestResult):  # unittest keeps no list of successes
        def addSuccess(self, test):
            super().addSuccess(test)
            passed.append(test)

    try:
        result = unittest.TextTestRunner(stream=sys.stderr, resultclass=Recording).run(suite)
    finally:
        runner.teardown_databases(databases)
        runner.teardown_test_environment()
    for outcome, tests in [("passed", passed), ("failed", result.failures), ("error", result.errors),
                           ("skipped", result.skipped), ("expected failure", result.expectedFailures),
                           ("unexpected success", result.unexpectedSuccesses)]:
        for test in tests:
            test = test[0] if isinstance(test, tuple) else test
            outcomes[test.id()] = outcome
    print(json.dumps(outcomes))


def _tests(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from _tests(item)
        else:
            yield item


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=3, metavar=("TREE", "LABEL", "ENGINE"), help=argparse.SUPPRESS)
    parser.add_argument("--only", help="run the classes whose name contains this")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    haystack_version = version("django-haystack")
    tree = source_tree(haystack_version)
    labels = [label for label in test_classes(tree) if not args.only or args.only in label]
    results = {"stock": {}, "ours": {}}
    for label in labels:
        for engine in results:
            results[engine].update(run_class(tree, label, engine))
        short = label.rsplit(".", 1)[1]
        print(f"{short:45} stock {_summary(results['stock'], label)} | "
              f"ours {_summary(results['ours'], label)}", flush=True)
    print(f"\ndjango-haystack {haystack_version}, {SUITE}:")
    for engine, outcomes in results.items():
        counts = Counter(outcomes.values())
        name = "stock WhooshEngine" if engine == "stock" else OURS
        print(f"  {name:40} {counts['passed']} of {len(outcomes)} passed"
              + "".join(f", {n} {what}" for what, n in sorted(counts.items()) if what != "passed"))
    lost = sorted(test for test, outcome in results["stock"].items()
                  if outcome == "passed" and results["ours"].get(test) != "passed")
    unexplained = [test for test in lost if test not in KNOWN_DIFFERENCES]
    for test in lost:
        reason = KNOWN_DIFFERENCES.get(test, "NOT EXPLAINED")
        print(f"  passes on stock only: {test} ({results['ours'].get(test)}): {reason}")
    return 1 if unexplained else 0


def _summary(outcomes: dict, label: str) -> str:
    counts = Counter(outcome for test, outcome in outcomes.items() if test.startswith(label + ".")
                     or test == label)
    return " ".join(f"{n} {what}" for what, n in sorted(counts.items()))


if __name__ == "__main__":
    sys.exit(main())
