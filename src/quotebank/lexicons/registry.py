"""The speaker registry: canonical speakers with their aliases and titles (``speakers.toml``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quotebank.lexicons._files import LexiconFile, norm, tables, unknown_keys
from quotebank.model import SpeakerKind

__all__ = ["GENDERS", "NUMBERS", "SpeakerEntry", "SpeakerRegistry", "load_speakers"]

GENDERS = frozenset({"male", "female", "neuter", "any", "unknown"})
NUMBERS = frozenset({"singular", "plural"})


@attrs.frozen(kw_only=True)
class SpeakerEntry:
    """One canonical speaker of the registry.

    Attributes:
        name: the canonical name.
        kind: person, organization or group.
        gender: male, female or unknown (persons).
        plural: whether "they" can refer to it.
        aliases: other spellings of the name.
        titles: roles that name it without the name.
        also: other canonical names accepted for it.
    """

    name: str
    kind: SpeakerKind
    gender: str = "unknown"
    plural: bool = False
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    also: tuple[str, ...] = ()


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


def load_speakers(paths: Sequence[Path]) -> SpeakerRegistry:
    entries: dict[str, SpeakerEntry] = {}
    versions = []
    for path in paths:
        file = LexiconFile(path)
        versions.append(file.version)
        allowed = {"name", "kind", "gender", "number", "aliases", "titles", "also"}
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
            )
    return SpeakerRegistry(entries=entries, versions=tuple(versions))
