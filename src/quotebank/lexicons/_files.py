"""The plumbing every lexicon loader shares: a parsed TOML file that points at its faulty line."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quotebank.errors import LexiconError

__all__ = ["LexiconFile", "check_schema", "norm", "tables", "unknown_keys"]


_META_KEYS = frozenset({"name", "version", "description"})


class LexiconFile:
    """A parsed TOML file that can point at the line of a fault."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LexiconError("lexicon file not found", path=path) from None
        except (OSError, UnicodeDecodeError) as error:
            raise LexiconError(f"cannot read lexicon file: {error}", path=path) from None
        try:
            self.data = tomllib.loads(self.raw)
        except tomllib.TOMLDecodeError as error:
            match = re.search(r"line (\d+)", str(error))
            raise LexiconError(
                f"invalid TOML: {error}", path=path, line=int(match.group(1)) if match else None
            ) from None
        self.lines = self.raw.splitlines()
        meta = self.data.get("meta")
        if not isinstance(meta, dict) or not isinstance(meta.get("version"), str):
            raise LexiconError('a lexicon file needs a [meta] table with a version = "..." string', path=path, line=1)
        for key, value in meta.items():
            if key not in _META_KEYS or not isinstance(value, str):
                raise LexiconError(
                    f"[meta] {key}: allowed are {', '.join(sorted(_META_KEYS))}, each a string",
                    path=path,
                    line=self.line_of("[meta]"),
                )
        self.version: str = meta["version"]
        self.name: str = str(meta.get("name", path.stem))

    def line_of(self, *needles: str, after: int = 0) -> int | None:
        """The first line (1-based) at or after ``after`` containing every needle."""
        for number, line in enumerate(self.lines[after:], start=after + 1):
            if all(needle in line for needle in needles):
                return number
        return None

    def table_line(self, header: str, index: int) -> int | None:
        """The line of the ``index``-th ``[[header]]`` table (the file's array-of-tables lines
        are listed once, so a registry of 20,000 entries loads in linear time)."""
        found = self._tables.get(header, [])
        return found[index] if index < len(found) else None

    @functools.cached_property
    def _tables(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            stripped = line.strip()
            if stripped.startswith("[[") and stripped.endswith("]]"):
                out.setdefault(stripped[2:-2], []).append(number)
        return out

    def fail(self, message: str, line: int | None = None) -> LexiconError:
        return LexiconError(message, path=self.path, line=line)

    def table(self, key: str, *, required: bool = True) -> dict[str, Any]:
        value = self.data.get(key)
        if value is None and not required:
            return {}
        if not isinstance(value, dict):
            raise self.fail(f"expected a [{key}] table", self.line_of(f"[{key}]"))
        return value

    def words(self, key: str, field: str = "words", *, required: bool = True) -> tuple[str, ...]:
        table = self.table(key, required=required)
        if not table and not required:
            return ()
        value = table.get(field, [] if not required else None)
        return self.strings(
            value, f"{key}.{field}", self.line_of(f"{field}", after=(self.line_of(f"[{key}]") or 1) - 1)
        )

    def strings(self, value: Any, where: str, line: int | None) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{where} must be a list of non-empty strings", line)
        return tuple(v.strip() for v in value)

    def number(self, value: Any, where: str, line: int | None, *, low: float, high: float) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise self.fail(f"{where} must be a number from {low} to {high}, got {value!r}", line)
        return float(value)


def tables(file: LexiconFile, header: str) -> list[tuple[int | None, dict[str, Any]]]:
    value = file.data.get(header, [])
    if not isinstance(value, list):
        raise file.fail(f"{header} must be written as [[{header}]] tables", file.line_of(header))
    out = []
    for index, item in enumerate(value):
        line = file.table_line(header, index)
        if not isinstance(item, dict):
            raise file.fail(f"[[{header}]] entry must be a table", line)
        out.append((line, item))
    return out


def unknown_keys(file: LexiconFile, item: Mapping[str, Any], allowed: set[str], line: int | None) -> None:
    extra = sorted(set(item) - allowed)
    if extra:
        raise file.fail(f"unknown field(s) {', '.join(extra)}; allowed: {', '.join(sorted(allowed))}", line)


def check_schema(file: LexiconFile, schema: Mapping[str, frozenset[str] | None]) -> None:
    """Check every table's keys against ``schema`` (table name -> its allowed keys; ``None``
    for a table whose keys are entries, such as ``word = factor``, checked by the loader).

    The root may hold only ``meta`` and the schema's tables; each table present must be a
    table holding only its allowed keys. A misspelt key is an error naming the file and line.
    """
    unknown_keys(file, file.data, {"meta", *schema}, 1)
    for name, allowed in schema.items():
        if name not in file.data or allowed is None:
            continue
        line = file.line_of(f"[{name}]")
        value = file.data[name]
        if not isinstance(value, dict):
            raise file.fail(f"{name} must be a [{name}] table", line)
        unknown_keys(file, value, set(allowed), line)


def norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())
