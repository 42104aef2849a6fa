"""haystack's ``highlight()`` on our analysis: the query's words marked in a result's text.

haystack's Whoosh backend finds the words to mark with English stemming, which cuts no
Chinese. Here the query is cut by the field's own analyzer, and the text is read as it
was indexed, with the dictionary words inside long words, so 收入 is marked inside
居民收入 as a search for 收入 finds it there.
"""
from haystack.backends.whoosh_backend import WhooshHtmlFormatter
from whoosh.highlight import ContextFragmenter, highlight

from search.analysis import subword_term

_PLACES = ((True, False), (False, True), (False, False))  # begins, ends, inside a longer word


def highlighted(text: str, query_string: str, field) -> str:
    """``text`` (a fragment or a few, as haystack's Whoosh backend gives) with <em> around
    the words of ``query_string``; "" where none occurs."""
    words = set(field.process_text(query_string, mode="query"))
    terms = words | {subword_term(word, *place) for word in words for place in _PLACES}
    return highlight(text, terms, field.analyzer, ContextFragmenter(), WhooshHtmlFormatter("em"),
                     mode="index")
