"""The article text of a saved web page, found with trafilatura.

News arrives as HTML far more often than as clean text. Running quote extraction over
markup gives speakers like ``< p > < b > UN secretary - general</b``; so a page is first
reduced to its article — the headline and the body's paragraphs, with navigation,
footers, share buttons and comments dropped — by `trafilatura
<https://trafilatura.readthedocs.io>`_ (Apache-2.0), a well-kept main-text extractor.
Quote offsets then refer to the text :func:`page_text` returns, which is exactly what
``quotebank extract --text-dir DIR`` writes beside the output, so every offset can be checked.

The text is laid out the way quotebank reads news: the headline, then one paragraph
per line, paragraphs separated by a blank line.

Examples:
    >>> html = (
    ...     "<html><head><title>Talks | News</title></head><body><nav>Home · World</nav>"
    ...     "<article><h1>Talks resume in Cairo</h1>"
    ...     "<p>The <b>UN secretary-general</b> said &ldquo;we need a truce now&rdquo; on Tuesday.</p>"
    ...     "</article><footer>Subscribe</footer></body></html>"
    ... )
    >>> print(page_text(html))
    Talks resume in Cairo
    <BLANKLINE>
    The UN secretary-general said “we need a truce now” on Tuesday.
    >>> looks_like_markup("The <b>UN</b> chief said so."), looks_like_markup("Profits rose 5% (to <$2m).")
    (True, False)
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from quotebank.errors import PageError

__all__ = ["HTML_SUFFIXES", "is_page", "looks_like_html", "looks_like_markup", "page_text"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
"""File suffixes read as web pages (case-insensitive)."""

_TAGS = (
    "a|abbr|article|aside|b|blockquote|body|br|caption|cite|div|em|figcaption|figure|footer|h[1-6]|head|"
    "header|hr|html|i|iframe|img|li|link|main|meta|nav|noscript|ol|p|picture|q|script|section|small|source|"
    "span|strong|style|sub|sup|table|tbody|td|th|thead|time|title|tr|u|ul"
)
_MARKUP = re.compile(rf"</?(?:{_TAGS})(?:\s[^<>]*)?/?>|&(?:[a-z]{{2,8}}|#\d{{2,5}}|#x[0-9a-f]{{2,4}});", re.I)
_DOCUMENT = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.I | re.S)


def is_page(path: Path | str) -> bool:
    """Whether a file is read as a web page, by its suffix (``.html``, ``.htm``, ``.xhtml``).

    Examples:
        >>> is_page("saved/article.HTML"), is_page("article.txt")
        (True, False)
    """
    return Path(path).suffix.lower() in HTML_SUFFIXES


def looks_like_html(text: str) -> bool:
    """Whether a text is a whole HTML document (opens with ``<!DOCTYPE html>`` or ``<html>``);
    how text read from standard input is recognised as a page.

    Examples:
        >>> looks_like_html("<!DOCTYPE html><html><body>…"), looks_like_html("<b>Not</b> a page")
        (True, False)
    """
    return _DOCUMENT.match(text[:4096]) is not None


def looks_like_markup(text: str) -> bool:
    """Whether a plain text holds HTML tags or character entities (``<p>``, ``</b>``,
    ``&ldquo;``): quotebank warns, since extraction over markup gives garbled speakers."""
    return _MARKUP.search(text) is not None


@functools.cache
def _config() -> Any:
    """trafilatura's settings, but no fallback to whole-page text for a short article: the
    fallback breaks paragraphs at inline tags (``The`` / ``UN chief`` / ``said``)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
    return config


def page_text(html: str, *, url: str | None = None) -> str:
    """The article text of a web page: its headline and paragraphs, one paragraph per line,
    separated by blank lines; boilerplate (navigation, footers, comments) is dropped.

    Args:
        html: the page's HTML.
        url: where the page came from, if known (trafilatura uses it for some sites).

    Raises:
        PageError: the page holds no article text trafilatura can find.
    """
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        deduplicate=False,
        config=_config(),
    )
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not body:
        raise PageError("no article text found in the page (trafilatura found no main text)")
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    title = " ".join((getattr(found, "title", None) or "").split())
    if title and paragraphs[0] != title and not title.startswith(paragraphs[0]):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)
