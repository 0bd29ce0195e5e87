"""Reading documents and writing quotes: JSONL, CSV and a table for people.

Reading never loses a document silently: :func:`collect_documents` returns every
file a folder holds that matches the pattern (readable or not) with a unique
document id, and :func:`read_source` / :func:`read_document` return either the
text or a :class:`~quotebank.errors.DocumentError` naming the file and the reason (missing,
unreadable, binary, not UTF-8, a broken link, a pipe or a device found in a
folder). Whole-file writers go through :func:`atomic_writer`, so an interrupted
run never leaves a half-written file behind; batch output that must survive an
interruption is written through :class:`quotebank.checkpoint.Checkpoint`.

Examples:
    >>> import quotebank
    >>> from quotebank.io import quote_rows
    >>> quotes = quotebank.extract('"We are ready," the minister said.', doc_id="d1")
    >>> quote_rows(quotes)[0]["speaker"]
    'minister'
"""

from __future__ import annotations

import collections
import contextlib
import csv
import fnmatch
import io
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from quotebank.errors import DocumentError, InputError, PageError
from quotebank.model import Quote
from quotebank.webpages import is_page, looks_like_html, looks_like_markup, page_text

__all__ = [
    "COLUMNS",
    "DOCUMENT_PATTERNS",
    "STDIN",
    "Source",
    "atomic_writer",
    "collect_documents",
    "collect_paths",
    "columns",
    "format_table",
    "markup_warning",
    "neutralise_formula",
    "printable",
    "quote_rows",
    "read_document",
    "read_quotes",
    "read_source",
    "write_csv",
    "write_jsonl",
]

_BINARY_SAMPLE = 8192

DOCUMENT_PATTERNS = ("*.txt", "*.html", "*.htm")
"""What a folder is searched for: text files and saved web pages (read with
:func:`quotebank.webpages.page_text`)."""

STDIN = "-"
"""The path that names standard input (its document id is ``stdin``)."""


@attrs.frozen(kw_only=True)
class Source:
    """A document to read, found in the paths a user gave.

    Attributes:
        path: the file.
        doc_id: its document id, unique in the collection: the file's stem, or, when
            two files share a stem, its path as given without the extension
            (``a/report`` and ``b/report``), with the extension if that still collides.
        problem: why the entry cannot be read, when expanding a folder already showed it
            (a folder that cannot be listed); a broken link, pipe or device found in a
            folder is named by :func:`read_source`.
        named: the user named the file itself (not found in a folder); a named pipe or
            device is read, as ``quotebank extract <(zcat news.gz)`` expects.
        stdin: the document is standard input (the path ``-``).
    """

    path: Path
    doc_id: str
    problem: str | None = None
    named: bool = False
    stdin: bool = False

    @property
    def page(self) -> bool:
        """Whether the source is read as a web page (by its suffix; standard input when it
        opens like an HTML document)."""
        return is_page(self.path) and not self.stdin


def _special(mode: int) -> str | None:
    """Why an entry found in a folder is not a document, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "not a regular file (a pipe)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device)"
    return "not a regular file"


def _entry_problem(path: Path) -> str | None:
    try:
        return _special(path.stat().st_mode)
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "file not found"
    except OSError as error:
        return f"cannot read: {error.strerror or error}"


def _walk(folder: Path, patterns: Sequence[str]) -> list[tuple[Path, str | None]]:
    """Every entry below ``folder`` matching one of ``patterns``, and every folder below it that
    cannot be listed (with that problem; an entry's own problem is found when it is read).

    Symbolic links to folders are followed once (a loop is not searched twice).
    """
    found: list[tuple[Path, str | None]] = []
    seen: set[tuple[int, int]] = set()

    def unlisted(error: OSError) -> None:
        found.append((Path(error.filename or folder), f"cannot list folder: {error.strerror or error}"))

    for root, dirs, files in os.walk(folder, onerror=unlisted, followlinks=True):
        info = os.stat(root)
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs.sort()
        found.extend(
            (Path(root) / name, None) for name in sorted(files) if any(fnmatch.fnmatch(name, p) for p in patterns)
        )
    return sorted(found, key=lambda item: item[0])


def _unique_ids(entries: Sequence[tuple[Path, Path | None]]) -> list[str]:
    """Stems where unique; where stems collide, the path below the folder given, then the
    path as given, without the extension, then with it (each step only for ids still shared)."""

    def below(path: Path, base: Path | None) -> str:
        return (path.relative_to(base) if base is not None else path).with_suffix("").as_posix()

    steps = (
        below,
        lambda path, base: path.with_suffix("").as_posix(),
        lambda path, base: path.as_posix(),
    )
    ids = [path.stem for path, _ in entries]
    for step in steps:
        counts = collections.Counter(ids)
        ids = [step(p, b) if counts[i] > 1 else i for (p, b), i in zip(entries, ids, strict=True)]
    return ids


def collect_documents(paths: Iterable[str | Path], *, pattern: str | Sequence[str] = DOCUMENT_PATTERNS) -> list[Source]:
    """The documents named by ``paths``, folders expanded, with unique ids; nothing is dropped.

    Folders are searched (recursively) for files matching ``pattern`` (by default text
    files and saved web pages, :data:`DOCUMENT_PATTERNS`); ``-`` is standard input. Every match is
    returned, including those that cannot be read (:func:`read_source` says why), and so
    is a folder that cannot be listed (its :attr:`Source.problem` says so). Files named directly are kept whatever their
    name, so that a missing or unreadable one is reported, not skipped. A file reached twice
    (named twice, or through a symbolic link) is returned once.

    Examples:
        >>> import tempfile, pathlib
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("a/report.txt", "b/report.txt", "c/note.txt"):
        ...     (root / name).parent.mkdir(exist_ok=True)
        ...     _ = (root / name).write_text("Text.")
        >>> [s.doc_id for s in collect_documents([root])]
        ['a/report', 'b/report', 'note']
    """
    patterns = (pattern,) if isinstance(pattern, str) else tuple(pattern)
    entries: list[tuple[Path, str | None, Path | None]] = []
    stdin: list[Source] = []
    for raw in paths:
        if str(raw) == STDIN:
            if not stdin:
                stdin.append(Source(path=Path(STDIN), doc_id="stdin", named=True, stdin=True))
            continue
        path = Path(raw)
        if path.is_dir():
            entries.extend((p, problem, path) for p, problem in _walk(path, patterns))
        else:
            entries.append((path, None, None))
    kept: list[tuple[Path, str | None, Path | None]] = []
    reached: set[str] = set()
    for path, problem, base in entries:
        real = os.path.realpath(path)
        if problem is None and real in reached:
            continue
        reached.add(real)
        kept.append((path, problem, base))
    ids = _unique_ids([(p, base) for p, _, base in kept])
    return stdin + [
        Source(path=p, doc_id=doc_id, problem=problem, named=base is None)
        for (p, problem, base), doc_id in zip(kept, ids, strict=True)
    ]


def collect_paths(paths: Iterable[str | Path], *, pattern: str | Sequence[str] = DOCUMENT_PATTERNS) -> list[Path]:
    """The files of :func:`collect_documents`, as paths (readable or not)."""
    return [source.path for source in collect_documents(paths, pattern=pattern)]


def read_source(source: Source) -> str | DocumentError:
    """Read a collected document: its known problem, or its text.

    A text file is read by :func:`read_document`; a web page (``.html``, ``.htm``, or
    standard input that opens like an HTML document) is reduced to its article text by
    :func:`quotebank.webpages.page_text`, and quote offsets refer to that text. A pipe or
    device found in a folder is never opened (reading it could block for ever); one the
    user named is read.
    """
    if source.problem is not None:
        return DocumentError(file=str(source.path), reason=source.problem)
    if source.stdin:
        import sys

        text = _decode("-", sys.stdin.buffer.read())
        return _page(source, text) if isinstance(text, str) and looks_like_html(text) else text
    if not source.named:
        problem = _entry_problem(source.path)
        if problem is not None:
            return DocumentError(file=str(source.path), reason=problem)
    text = read_document(source.path)
    return _page(source, text) if source.page and isinstance(text, str) else text


def _page(source: Source, html: str) -> str | DocumentError:
    try:
        return page_text(html)
    except PageError as error:
        return DocumentError(file=str(source.path), reason=str(error))


def markup_warning(source: Source, text: str) -> str | None:
    """The warning for a plain-text document that holds HTML tags or entities (``None`` for
    clean text and for web pages, whose markup :func:`read_source` already removed).

    Examples:
        >>> print(markup_warning(Source(path=Path("a.txt"), doc_id="a"), "<p>The <b>chief</b> said so.</p>"))
        a.txt holds HTML tags or entities: speakers and offsets will include markup (save it as .html ...)
        >>> print(markup_warning(Source(path=Path("a.txt"), doc_id="a"), "The chief said so."))
        None
    """
    if source.page or (source.stdin and looks_like_html(text)) or not looks_like_markup(text):
        return None
    return (
        f"{source.path} holds HTML tags or entities: speakers and offsets will include markup "
        "(save it as .html to read the article text)"
    )


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
    return _decode(name, data)


def _decode(name: str, data: bytes) -> str | DocumentError:
    """UTF-8 text (a leading BOM dropped), or why the bytes are not text."""
    if b"\x00" in data[:_BINARY_SAMPLE]:
        return DocumentError(file=name, reason="binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return DocumentError(file=name, reason=f"not UTF-8 text: invalid byte at offset {error.start}")


def _mode_for(target: Path) -> int:
    """The permissions the replaced file keeps, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def atomic_writer(path: Path | str | None) -> Iterator[IO[str]]:
    """Open a text file for writing that appears only when the block succeeds.

    Writes go to a temporary file in the same folder, renamed over ``path``
    at the end; on an exception the temporary file is removed and ``path`` is
    untouched. ``None`` writes to standard output.

    Args:
        path: the destination, or ``None`` for standard output.
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
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def read_quotes(path: Path | str) -> list[Quote]:
    """The quotes of a JSONL file written by ``quotebank extract`` (or :func:`write_jsonl`).

    Raises:
        InputError: a line is not a quote row (the message names the file and line).

    Examples:
        >>> import tempfile, pathlib, quotebank
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "q.jsonl"
        >>> with out.open("w", encoding="utf-8") as handle:
        ...     _ = write_jsonl(quotebank.extract('"No," she said.', doc_id="a"), handle)
        >>> [q.text for q in read_quotes(out)]
        ['No,']
    """
    quotes = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                quotes.append(Quote.from_dict(json.loads(line)))
            except (ValueError, KeyError, TypeError, IndexError) as error:
                raise InputError(f"{path}:{number}: not a quote row: {error}") from None
    return quotes


def write_jsonl(quotes: Iterable[Quote], handle: IO[str]) -> int:
    """Write one JSON object per quote (:meth:`Quote.to_dict`); return how many."""
    n = 0
    for quote in quotes:
        handle.write(json.dumps(quote.to_dict(), ensure_ascii=False))
        handle.write("\n")
        n += 1
    return n


COLUMNS = (
    "doc",
    "start",
    "end",
    "kind",
    "text",
    "speaker",
    "speaker_key",
    "speaker_kind",
    "resolution",
    "confidence",
    "mention",
    "cue",
    "rule",
)
"""The flat columns of a quote, shared by CSV, Parquet and :func:`quotebank.to_frame`; after
them come two per stance target: ``<target>`` (the label) and ``<target>_score``."""


def columns(targets: Sequence[str]) -> list[str]:
    """Every column for quotes scored on ``targets``: :data:`COLUMNS`, then a label and a
    score column per target.

    Examples:
        >>> columns(["ceasefire"])[-3:]
        ['rule', 'ceasefire', 'ceasefire_score']
    """
    return [*COLUMNS, *(name for t in targets for name in (t, f"{t}_score"))]


def quote_rows(quotes: Iterable[Quote], targets: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Flatten quotes into rows, one per quote, with the keys of :func:`columns`.

    ``text`` is :attr:`Quote.text` (the content pieces joined by a space); ``start`` and
    ``end`` bound the whole quote. Values a quote does not have (no speaker, no cue, a
    target it was not scored on) are ``None``. ``targets`` defaults to each quote's own.
    """
    rows = []
    for q in quotes:
        speaker = q.speaker
        row: dict[str, Any] = {
            "doc": q.doc_id,
            "start": q.start,
            "end": q.end,
            "kind": q.kind.value,
            "text": q.text,
            "speaker": speaker.name if speaker else None,
            "speaker_key": speaker.key if speaker else None,
            "speaker_kind": speaker.kind.value if speaker else None,
            "resolution": speaker.resolution.value if speaker else None,
            "confidence": speaker.confidence if speaker else None,
            "mention": speaker.mention.text if speaker and speaker.mention else None,
            "cue": q.cue.text if q.cue else None,
            "rule": q.rule,
        }
        for target in targets if targets is not None else list(q.stance):
            stance = q.stance.get(target)
            row[target] = stance.label.value if stance else None
            row[f"{target}_score"] = stance.score if stance else None
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
    """Write quotes as CSV rows: the columns of :func:`columns` (a missing value is empty).

    Args:
        quotes: the quotes.
        handle: an open text file.
        targets: the target ids whose label and score columns to write.
        header: write the header row first.
        formula_guard: prefix text cells that open like a spreadsheet formula with ``'``
            (see :func:`neutralise_formula`); turn off for exact text in a non-spreadsheet
            consumer (JSONL is always exact).
    """
    writer = csv.DictWriter(handle, fieldnames=columns(targets), extrasaction="ignore")
    if header:
        writer.writeheader()
    rows = [{k: "" if v is None else v for k, v in row.items()} for row in quote_rows(quotes, targets)]
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


def _who(row: dict[str, Any]) -> str:
    """How the speaker was found, for the table: ``alias 0.95``-style resolution and confidence."""
    if row["resolution"] is None:
        return "-"
    return f"{row['resolution']} {row['confidence']:.2f}"


def format_table(quotes: Sequence[Quote], targets: Sequence[str], *, width: int = 60) -> str:
    """Render quotes as a fixed-width text table for people.

    Columns: document, kind, the rule that found the quote, speaker (canonical name), how
    the speaker was resolved and how sure that is, cue, content (pieces joined by ``…``),
    and the stance label of each target (``+`` FAVOR, ``-`` AGAINST, ``·`` NONE).
    """
    short = {"FAVOR": "+ favor", "AGAINST": "- against", "NONE": "·", "None": "·"}
    head = ["doc", "kind", "rule", "speaker", "resolved", "cue", "content", *targets]
    body = []
    for q, row in zip(quotes, quote_rows(quotes, targets), strict=True):
        body.append(
            [
                _cut(str(row["doc"] or ""), 12),
                row["kind"],
                _cut(str(row["rule"] or ""), 18),
                _cut(str(row["speaker"] or "?"), 26),
                _who(row),
                _cut(str(row["cue"] or ""), 14),
                _cut(" … ".join(p.text for p in q.content), width),
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
