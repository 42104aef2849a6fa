"""Result snippets: the best passages of a section, with the query's terms in <mark>.

Matching runs on the normalised copy of the text (search.analysis.normalize: same
length, so offsets map 1:1 onto the original) and follows the character field's rules:
a term matches as its character tokens with any punctuation or whitespace between them
("文旅融合" marks "文旅\\n\\n融合") except a sentence end (人民 does not mark 人。民, as no
phrase runs across one), and a letter/digit run only as a whole ("7%" does not mark
inside "17%" or "1.7%"). The output shows the original characters, HTML-escaped.

Work is bounded: only the first MAX_MATCHES matches of a text are considered, and each
costs two binary searches and a look at the matches inside its window (at most one per
character of it), so a snippet costs O(matches · log matches) whatever the text repeats.
"""
import html
import re
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

from search.analysis import ALNUM, SENTENCE_ENDS, UNITS, char_analyzer, normalize

ELLIPSIS = "…"
MAX_MATCHES = 1000  # enough for the best passages; a text of one phrase repeated has millions
CLAUSE_ENDS = "。！？；\n"

_CHARS = char_analyzer()
# What the character analyzer drops between two tokens: punctuation, spaces, "_";
# but not a sentence end, which no phrase runs across (search.analysis.word_pieces).
_GAP = rf"(?:[^\w{re.escape(UNITS)}{re.escape(''.join(sorted(SENTENCE_ENDS)))}]|_)*"


def highlight(text: str, terms: list[str], *, length: int = 120, max_passages: int = 2) -> str:
    """An HTML snippet of up to max_passages passages of about `length` characters."""
    length = max(1, length)
    pattern = _pattern(tuple(terms))
    found = pattern.finditer(normalize(text)) if pattern else ()
    matches = [(m.start(), m.end(), m.lastgroup) for m in islice(found, MAX_MATCHES)]
    if not matches:
        return _render(text, [(0, min(length, len(text)))], [])
    windows = _best_windows(text, matches, length, max_passages)
    return _render(text, windows, matches)


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where ``terms`` occur in ``text`` (offsets into it), by the rules snippets are marked by."""
    pattern = _pattern(tuple(terms))
    return [match.span() for match in pattern.finditer(normalize(text))] if pattern else []


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    """One alternative per term, longest first, named t0, t1… to tell the terms apart."""
    alternatives = []
    for term in terms:
        tokens = [token.text for token in _CHARS(term)]
        if tokens:
            alternatives.append(tokens)
    alternatives.sort(key=lambda tokens: -sum(map(len, tokens)))
    parts = []
    for index, tokens in enumerate(alternatives):
        body = _GAP.join(map(re.escape, tokens))
        if re.match(ALNUM, tokens[0]):  # a letter/digit run matches only whole
            decimal_part = rf"(?<!{ALNUM}\.)" if tokens[0][0].isdigit() else ""
            body = rf"(?<!{ALNUM}){decimal_part}{body}"
        if re.match(ALNUM, tokens[-1][-1]):
            body += rf"(?!{ALNUM})(?!\.\d)"
        parts.append(f"(?P<t{index}>{body})")
    return re.compile("|".join(parts)) if parts else None


def _best_windows(text: str, matches: list, length: int, count: int) -> list[tuple[int, int]]:
    """Non-overlapping windows, most distinct terms first, then most matches, in text order.

    Each candidate opens shortly before one match (at a clause end when there is one) and
    is stretched to the end of the last match it contains.
    """
    starts = [start for start, _, _ in matches]
    lead = length // 5
    candidates = []
    for start, _, _ in matches:
        opening = max(0, start - lead)
        clause = max(text.rfind(mark, opening, start) for mark in CLAUSE_ENDS)
        opening = clause + 1 if clause >= 0 else opening
        closing = min(len(text), opening + length)
        inside = matches[bisect_left(starts, opening):bisect_left(starts, closing)]
        closing = max(closing, inside[-1][1])
        score = (len({name for _, _, name in inside}), len(inside))
        candidates.append((score, opening, closing))
    chosen = []
    for _, opening, closing in sorted(candidates, key=lambda c: (-c[0][0], -c[0][1], c[1])):
        if all(closing <= a or opening >= b for a, b in chosen):
            chosen.append((opening, closing))
            if len(chosen) == count:
                break
    return sorted(chosen)


def _render(text: str, windows: list, matches: list) -> str:
    out = []
    done = 0
    starts = [start for start, _, _ in matches]
    for opening, closing in windows:
        if opening > done:
            out.append(ELLIPSIS)
        at = opening
        for start, end, _ in matches[bisect_left(starts, opening):bisect_left(starts, closing)]:
            if end <= closing:
                out += [html.escape(text[at:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
                at = end
        out.append(html.escape(text[at:closing]))
        done = closing
    if done < len(text):
        out.append(ELLIPSIS)
    return "".join(out)
