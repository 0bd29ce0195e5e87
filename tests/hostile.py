"""Hostile inputs shared by ``tests/test_complexity.py`` and ``benchmarks/adversarial.py``.

Each case makes a text of about ``n`` characters that scraped pages really contain and no
newsroom writes on purpose. quotebank must stay linear on every one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def straight_marks(n: int) -> str:
    """Nothing but straight double marks, one line."""
    return '"' * n


def curly_closers(n: int) -> str:
    """Closing marks with no opener, one line."""
    return "\u201d" * n


def nested_marks(n: int) -> str:
    """Double and single marks nested in turn, never closed."""
    return _repeat("\u201cHe said \u2018she said \u201cthey said \u2018", n)


def json_line(n: int) -> str:
    """A JSON blob pasted into an article: thousands of straight marks with colons."""
    return "{" + _repeat('"key": "value said", "n": 1, ', n - 2) + "}"


def huge_paragraph(n: int) -> str:
    """One paragraph of reported speech, no line break."""
    return _repeat('The minister said the talks would resume. "We will not stop," she said. ', n)


def short_paragraphs(n: int) -> str:
    """Thousands of one-line paragraphs, each a quote."""
    return _repeat('"Yes," he said.\n', n)


def marks_and_breaks(n: int) -> str:
    """An opening mark on every line, never closed: the multi-paragraph continuation rule."""
    return _repeat("\u201cAnd so it goes\n", n)


CASES: dict[str, Callable[[int], str]] = {
    "straight_marks": straight_marks,
    "curly_closers": curly_closers,
    "nested_marks": nested_marks,
    "json_line": json_line,
    "huge_paragraph": huge_paragraph,
    "short_paragraphs": short_paragraphs,
    "marks_and_breaks": marks_and_breaks,
}


def registry_file(folder: Path, entries: int) -> Path:
    """A valid speaker registry of ``entries`` invented people, written under ``folder``."""
    lines = ['[meta]\nname = "large registry"\nversion = "1.0.0"\n']
    for k in range(entries):
        lines.append(
            f'[[speaker]]\nname = "Person{k} Surname{k}"\nkind = "person"\ngender = "unknown"\n'
            f'aliases = ["Surname{k}"]\n'
        )
    path = folder / f"registry_{entries}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
