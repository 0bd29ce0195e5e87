"""Reading documents and writing quotes: JSONL, CSV and a table for people.

Reading never loses a document silently: :func:`read_document` returns either
the text or a :class:`DocumentError` naming the file and the reason (missing,
unreadable, binary, not UTF-8). Writers go through :func:`atomic_writer`, so
an interrupted run never leaves a half-written output file behind.

Examples:
    >>> import quotebank
    >>> from quotebank.io import quote_rows
    >>> quotes = quotebank.extract('"We are ready," the minister said.', doc_id="d1")
    >>> quote_rows(quotes)[0]["speaker"]
    'minister'
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from quotebank.model import Quote

__all__ = [
    "DocumentError",
    "atomic_writer",
    "collect_paths",
    "done_documents",
    "format_table",
    "neutralise_formula",
    "printable",
    "quote_rows",
    "read_document",
    "write_csv",
    "write_jsonl",
]

_BINARY_SAMPLE = 8192


@attrs.frozen(kw_only=True)
class DocumentError:
    """A document that could not be processed, and why.

    Attributes:
        file: the path as given.
        reason: a human-readable reason.
    """

    file: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """Return the JSON object written to the errors file."""
        return {"file": self.file, "reason": self.reason}


def collect_paths(paths: Iterable[str | Path], *, pattern: str = "*.txt") -> list[Path]:
    """Expand folders into the files matching ``pattern`` below them, keeping order.

    Files named directly are kept whatever their name (so that an unreadable
    one is reported, not skipped).
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob(pattern) if p.is_file()))
        else:
            out.append(path)
    return out


def read_document(path: Path | str) -> str | DocumentError:
    """Read a UTF-8 text file (a leading BOM is dropped).

    Returns:
        The text, or a :class:`DocumentError` for a missing, unreadable,
        binary or non-UTF-8 file.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return DocumentError(file=name, reason="file not found")
    except IsADirectoryError:
        return DocumentError(file=name, reason="is a directory")
    except OSError as error:
        return DocumentError(file=name, reason=f"cannot read: {error.strerror or error}")
    if b"\x00" in data[:_BINARY_SAMPLE]:
        return DocumentError(file=name, reason="binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return DocumentError(file=name, reason=f"not UTF-8 text: invalid byte at offset {error.start}")


@contextlib.contextmanager
def atomic_writer(path: Path | str | None, *, keep: Path | str | None = None) -> Iterator[IO[str]]:
    """Open a text file for writing that appears only when the block succeeds.

    Writes go to a temporary file in the same folder, renamed over ``path``
    at the end; on an exception the temporary file is removed and ``path`` is
    untouched. ``None`` writes to standard output.

    Args:
        path: the destination, or ``None`` for standard output.
        keep: a file whose content is copied in first (``--resume``).
    """
    if path is None:
        import sys

        yield sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if keep is not None and Path(keep).exists():
                with open(keep, encoding="utf-8") as old:
                    for line in old:
                        handle.write(line)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def done_documents(path: Path | str) -> set[str]:
    """The ``doc`` values already present in a JSONL output (for ``--resume``)."""
    done: set[str] = set()
    target = Path(path)
    if not target.exists():
        return done
    with open(target, encoding="utf-8") as handle:
        for line in handle:
            with contextlib.suppress(ValueError, TypeError, KeyError):
                done.add(json.loads(line)["doc"])
    return done


def write_jsonl(quotes: Iterable[Quote], handle: IO[str]) -> int:
    """Write one JSON object per quote (:meth:`Quote.to_dict`); return how many."""
    n = 0
    for quote in quotes:
        handle.write(json.dumps(quote.to_dict(), ensure_ascii=False))
        handle.write("\n")
        n += 1
    return n


_CSV_FIELDS = ["doc", "kind", "speaker", "speaker_key", "speaker_kind", "mention", "cue", "start", "end", "content"]


def quote_rows(quotes: Iterable[Quote], targets: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Flatten quotes into rows (one per quote) for CSV and tables."""
    rows = []
    for q in quotes:
        row: dict[str, Any] = {
            "doc": q.doc_id or "",
            "kind": q.kind.value,
            "speaker": (q.speaker.name if q.speaker else None) or "",
            "speaker_key": (q.speaker.key if q.speaker else None) or "",
            "speaker_kind": q.speaker.kind.value if q.speaker else "",
            "mention": q.speaker.mention.text if q.speaker and q.speaker.mention else "",
            "cue": q.cue.text if q.cue else "",
            "start": q.start,
            "end": q.end,
            "content": " … ".join(p.text for p in q.content),
        }
        for target in targets if targets is not None else list(q.stance):
            stance = q.stance.get(target)
            row[target] = stance.label.value if stance else ""
            row[f"{target}_score"] = stance.score if stance else ""
        rows.append(row)
    return rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+1``, ``@SUM``)
    gets a leading ``'``, as OWASP recommends for CSV injection; numbers and other cells are
    returned as they are.

    Examples:
        >>> neutralise_formula("=SUM(A1:A9)"), neutralise_formula("-0.5"), neutralise_formula(-0.5)
        ("'=SUM(A1:A9)", "'-0.5", -0.5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(
    quotes: Iterable[Quote],
    handle: IO[str],
    targets: Sequence[str],
    *,
    header: bool = True,
    formula_guard: bool = True,
) -> int:
    """Write quotes as CSV rows with a stance label and score column per target.

    Args:
        quotes: the quotes.
        handle: an open text file.
        targets: the target ids whose label and score columns to write.
        header: write the header row first.
        formula_guard: prefix text cells that open like a spreadsheet formula with ``'``
            (see :func:`neutralise_formula`); turn off for exact text in a non-spreadsheet
            consumer (JSONL is always exact).
    """
    fields = [*_CSV_FIELDS]
    for target in targets:
        fields += [target, f"{target}_score"]
    writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
    if header:
        writer.writeheader()
    rows = quote_rows(quotes, targets)
    if formula_guard:
        rows = [{k: neutralise_formula(v) for k, v in row.items()} for row in rows]
    writer.writerows(rows)
    return len(rows)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""``text`` with control characters other than newline and tab shown as ``\xNN``, so a
    document cannot clear the screen, retitle the window or ring the bell of the terminal that
    prints it.

    Examples:
        >>> print(printable("ok\x1b[2J\x07 done"))
        ok\x1b[2J\x07 done
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _cut(text: str, width: int) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(quotes: Sequence[Quote], targets: Sequence[str], *, width: int = 60) -> str:
    """Render quotes as a fixed-width text table for people.

    Columns: document, kind, speaker (canonical name), cue, content, and the
    stance label of each target (``+`` FAVOR, ``-`` AGAINST, ``·`` NONE).
    """
    short = {"FAVOR": "+ favor", "AGAINST": "- against", "NONE": "·"}
    head = ["doc", "kind", "speaker", "cue", "content", *targets]
    body = []
    for row in quote_rows(quotes, targets):
        body.append(
            [
                _cut(str(row["doc"]), 12),
                row["kind"],
                _cut(str(row["speaker"]) or "?", 26),
                _cut(str(row["cue"]), 14),
                _cut(str(row["content"]), width),
                *[short.get(str(row[t]), str(row[t])) for t in targets],
            ]
        )
    widths = (
        [max(len(str(c)) for c in col) for col in zip(head, *body, strict=False)] if body else [len(h) for h in head]
    )
    out = io.StringIO()
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=False))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for cells in body:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip() + "\n")
    return out.getvalue()
