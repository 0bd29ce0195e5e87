"""The speaker registry: canonical speakers with their aliases and titles (``speakers.toml``)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quotebank.lexicons._files import LexiconFile, norm, tables, unknown_keys
from quotebank.model import SpeakerKind

__all__ = ["GENDERS", "NUMBERS", "Office", "SpeakerEntry", "SpeakerRegistry", "load_speakers"]

GENDERS = frozenset({"male", "female", "neuter", "any", "unknown"})
NUMBERS = frozenset({"singular", "plural"})


@attrs.frozen(kw_only=True)
class Office:
    """Titles a speaker held over a span of dates ("Israeli defence minister", 2022-12-29 to
    2024-11-05). Either end may be open.

    Examples:
        >>> import datetime
        >>> role = Office(titles=("US president",), start=datetime.date(2021, 1, 20), end=datetime.date(2025, 1, 20))
        >>> role.holds(datetime.date(2024, 5, 1)), role.holds(datetime.date(2025, 3, 1))
        (True, False)
    """

    titles: tuple[str, ...]
    start: datetime.date | None = None
    end: datetime.date | None = None

    def holds(self, day: datetime.date) -> bool:
        """Whether the titles were this speaker's on ``day`` (start inclusive, end exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@attrs.frozen(kw_only=True)
class SpeakerEntry:
    """One canonical speaker of the registry.

    Attributes:
        name: the canonical name.
        kind: person, organization or group.
        gender: male, female or unknown (persons).
        plural: whether "they" can refer to it.
        aliases: other spellings of the name.
        titles: roles that name it without the name, at any date.
        also: other canonical names accepted for it.
        id: a stable identifier (a Wikidata id such as "Q43723", or any string), used as the
            speaker's key across documents.
        roles: titles held over a span of dates (see :class:`Office`).
    """

    name: str
    kind: SpeakerKind
    gender: str = "unknown"
    plural: bool = False
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    id: str | None = None
    roles: tuple[Office, ...] = ()

    def titles_on(self, day: datetime.date | None) -> tuple[str, ...]:
        """The titles that name this speaker on ``day`` (every title when no day is given)."""
        dated = [t for r in self.roles if day is None or r.holds(day) for t in r.titles]
        return (*self.titles, *dated)


@attrs.frozen(kw_only=True)
class SpeakerRegistry:
    """The known speakers, in file order (later files override earlier ones).

    Attributes:
        entries: the speakers, by canonical name (lower-cased).
        versions: the version of every file that went into it.
    """

    entries: Mapping[str, SpeakerEntry]
    versions: tuple[str, ...] = ()

    def __iter__(self) -> Any:
        return iter(self.entries.values())

    def get(self, name: str) -> SpeakerEntry | None:
        """Look a canonical name up, case-insensitively."""
        return self.entries.get(norm(name))


def _identifier(file: LexiconFile, value: Any, name: str, line: int | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value):
        raise file.fail(f'speaker {name!r} id must be one word (a Wikidata id such as "Q43723")', line)
    return value


def _roles(file: LexiconFile, value: Any, name: str, line: int | None) -> tuple[Office, ...]:
    """``[[speaker.roles]]`` tables: titles, and ``from`` / ``until`` as TOML dates."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise file.fail(f"speaker {name!r} roles must be [[speaker.roles]] tables", line)
    out = []
    for item in value:
        unknown_keys(file, item, {"titles", "from", "until"}, line)
        bounds = []
        for key in ("from", "until"):
            day = item.get(key)
            if day is not None and (not isinstance(day, datetime.date) or isinstance(day, datetime.datetime)):
                raise file.fail(f"speaker {name!r} role {key} must be a date (YYYY-MM-DD, unquoted)", line)
            bounds.append(day)
        if bounds[0] is not None and bounds[1] is not None and bounds[1] <= bounds[0]:
            raise file.fail(f"speaker {name!r} role ends before it starts", line)
        titles = file.strings(item.get("titles"), f"speaker {name!r} role titles", line)
        out.append(Office(titles=titles, start=bounds[0], end=bounds[1]))
    return tuple(out)


def load_speakers(paths: Sequence[Path]) -> SpeakerRegistry:
    entries: dict[str, SpeakerEntry] = {}
    versions = []
    for path in paths:
        file = LexiconFile(path)
        unknown_keys(file, file.data, {"meta", "speaker"}, 1)
        versions.append(file.version)
        allowed = {"name", "kind", "gender", "number", "aliases", "titles", "also", "id", "roles"}
        for line, item in tables(file, "speaker"):
            unknown_keys(file, item, allowed, line)
            name = item.get("name")
            if not isinstance(name, str) or not name.strip():
                raise file.fail('[[speaker]] needs a name = "..."', line)
            try:
                kind = SpeakerKind(item.get("kind", "person"))
            except ValueError:
                raise file.fail(
                    f"speaker {name!r} kind must be person, organization or group, got {item.get('kind')!r}", line
                ) from None
            gender = item.get("gender", "unknown")
            if gender not in GENDERS:
                raise file.fail(f"speaker {name!r} gender must be one of {sorted(GENDERS)}", line)
            number = item.get("number", "plural" if kind is SpeakerKind.GROUP else "singular")
            if number not in NUMBERS:
                raise file.fail(f"speaker {name!r} number must be singular or plural", line)
            entries[norm(name)] = SpeakerEntry(
                name=name.strip(),
                kind=kind,
                gender=gender,
                plural=number == "plural",
                aliases=file.strings(item.get("aliases", []), f"speaker {name!r} aliases", line),
                titles=file.strings(item.get("titles", []), f"speaker {name!r} titles", line),
                also=file.strings(item.get("also", []), f"speaker {name!r} also", line),
                id=_identifier(file, item.get("id"), name, line),
                roles=_roles(file, item.get("roles", []), name, line),
            )
    return SpeakerRegistry(entries=entries, versions=tuple(versions))
