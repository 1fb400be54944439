"""HTML fragments (feed entry content, JSONL ``html`` snippets) to plain paragraphs.

A fragment has no page around it, so there is no boilerplate for trafilatura to
find, and on short fragments it may return nothing; the fragment's own block
structure is all we need.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure",
           "figcaption", "section", "article", "header", "footer", "tr", "ul", "ol", "table"}
_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed"}


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, one block element per paragraph, paragraphs split by a blank line."""
    if not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _plain(fragment)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):  # comments, processing instructions
            el.drop_tree() if el.getparent() is not None else None
            continue
        tag = el.tag.lower()
        if tag in _DROP and el.getparent() is not None:
            el.drop_tree()
        elif tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCKS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return _plain(root.text_content())


def _plain(text: str) -> str:
    paragraphs = []
    for para in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"\s+", " ", ln).strip() for ln in para.split("\n")]
        joined = "\n".join(ln for ln in lines if ln)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
