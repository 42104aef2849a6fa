"""bench/same_hits.py: what counts as our engine finding the same before and after a change."""
import json

from bench.same_hits import diff


def found(scores, hits, count=None, facets=None):
    return {"params": {"q": "教育"}, "scores": scores, "count": len(scores) if count is None else count,
            "facets": facets or {"year": [[2024, len(scores)]]}, "hits": hits}


def compare(tmp_path, before, after):
    paths = []
    for name, dumped in (("before", before), ("after", after)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps([dumped]), encoding="utf-8")
        paths.append(path)
    return diff(*paths)


def test_hits_that_tie_on_score_may_change_places(tmp_path, capsys):
    scores = {"20": 2.0, "22": 1.5, "40": 1.5, "42": 1.0, "44": 1.0, "46": 1.0}
    hits = [[1, 10, 2.0, "a"], [1, 11, 1.5, "b"], [2, 20, 1.5, "c"], [2, 21, 1.0, "d"]]
    # the tie at 1.5 in another order; at 1.0, the page's last score, another document of it
    assert compare(tmp_path, found(scores, hits),
                   found({**scores, "40": 1.5 + 1e-13},
                         [hits[0], hits[2], hits[1], [2, 23, 1.0, "f"]])) == 0
    assert "1/1 queries" in capsys.readouterr().out


def test_other_documents_scores_order_or_facets_differ(tmp_path, capsys):
    scores = {"20": 2.0, "22": 1.5, "24": 1.0}
    hits = [[1, 10, 2.0, "a"], [1, 11, 1.5, "b"], [1, 12, 1.0, "c"]]
    before = found(scores, hits)
    for after in (found({**scores, "26": 1.0}, hits),
                  found({**scores, "22": 1.6}, hits),
                  found(scores, [hits[1], hits[0], hits[2]]),
                  found(scores, [hits[0], [1, 11, 1.5, "b, marked otherwise"], hits[2]]),
                  found(scores, [hits[0], [1, 13, 1.5, "b"], hits[2]]),
                  found(scores, hits, facets={"year": [[2023, 3]]})):
        assert compare(tmp_path, before, after) == 1
    assert capsys.readouterr().out.count("0/1 queries") == 6
