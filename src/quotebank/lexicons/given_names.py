"""Given names and the gender they tell, for pronoun agreement (``given_names.toml``).

``given_names.toml`` names the list (nomquamgender's, MIT, from the ``nomquamgender``
package, by default), how decisive a name must be, and local additions. The list is large
(about 720,000 names), so it is read the first time a gender is asked for, once per process,
and only its decisive names are kept.

Examples:
    >>> from quotebank.lexicons import load_lexicons
    >>> names = load_lexicons().given_names
    >>> names.gender("Eleni"), names.gender("Avi"), names.gender("Kim")
    ('female', 'male', None)
    >>> names.gender("Lucía")  # accents folded
    'female'
    >>> names.is_given("Jonas"), names.is_given("Striker")
    (True, False)
"""

from __future__ import annotations

import functools
import importlib.util
import json
import unicodedata
from collections.abc import Mapping
from pathlib import Path

import attrs

from quotebank.errors import LexiconError
from quotebank.lexicons._files import LexiconFile, unknown_keys

__all__ = ["GivenNames", "fold", "load_given_names"]


def fold(name: str) -> str:
    """A name as the list keys it: lower case, accents and other marks removed.

    Examples:
        >>> fold("Tomás")
        'tomas'
    """
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _tables(location: str, max_share: float, min_count: int) -> tuple[Mapping[str, str], frozenset[str]]:
    """The list's decisive names (name -> "female"/"male") and every name borne by at least
    ``min_count`` people, read once per process."""
    try:
        with open(location, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise LexiconError(f"cannot read the given-name list {location}: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{location}: expected a JSON object of name -> [sources, count, share, ...]")
    genders: dict[str, str] = {}
    common: set[str] = set()
    for name, row in data.items():
        if not isinstance(row, list) or len(row) < 3:
            continue
        count, share = row[1], row[2]
        if not isinstance(count, int | float) or not isinstance(share, int | float) or count < min_count:
            continue
        key = fold(name)
        common.add(key)
        if share >= 1 - max_share:
            genders[key] = "female"
        elif share <= max_share:
            genders[key] = "male"
    return genders, frozenset(common)


@attrs.frozen(kw_only=True)
class GivenNames:
    """First names that tell a gender.

    Attributes:
        location: the list file (read lazily, once per process).
        max_share: how far from 0 or 1 a name's female share may be and still decide.
        min_count: the fewest bearers a name needs.
        overrides: local names -> gender, ahead of the list.
        exclude: names the list must not decide.
        source: where the list came from, for provenance.
        version: the version of ``given_names.toml``.
    """

    location: str | None
    max_share: float
    min_count: int
    overrides: Mapping[str, str] = attrs.field(factory=dict)
    exclude: frozenset[str] = frozenset()
    source: str = ""
    version: str = ""

    def _key(self, word: str) -> str:
        """The word as the list keys it, or "" when it is empty or excluded."""
        key = fold(word.strip(".,"))
        return "" if key in self.exclude else key

    def _tables(self) -> tuple[Mapping[str, str], frozenset[str]]:
        if self.location is None:
            return {}, frozenset()
        return _tables(self.location, self.max_share, self.min_count)

    def is_given(self, word: str) -> bool:
        """Whether ``word`` is a first name at least ``min_count`` people bear ("Jonas": yes;
        "Winger", "Striker": no)."""
        key = self._key(word)
        return bool(key) and (key in self.overrides or key in self._tables()[1])

    def gender(self, first: str) -> str | None:
        """``"female"``, ``"male"`` or None (unknown, ambiguous, or excluded) for a first name."""
        key = self._key(first)
        if len(key) < 2:
            return None
        return self.overrides.get(key) or self._tables()[0].get(key)


def _location(file: LexiconFile, source: Mapping[str, object]) -> tuple[str, str]:
    path = source.get("path")
    if isinstance(path, str) and path.strip():
        where = (file.path.parent / path).resolve()
        if not where.is_file():
            raise file.fail(f"the given-name list {where} does not exist", file.line_of("path"))
        return str(where), str(where)
    package, resource = source.get("package"), source.get("resource")
    if not isinstance(package, str) or not isinstance(resource, str):
        raise file.fail("[source] needs package and resource, or path", file.line_of("[source]"))
    spec = importlib.util.find_spec(package)  # located, not imported: the package loads the list on import
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        candidate = Path(folder) / resource
        if candidate.is_file():
            return str(candidate), f"{package}/{resource}"
    raise file.fail(
        f"the given-name list {package}/{resource} is not installed; install {package}", file.line_of("package")
    )


def load_given_names(path: Path) -> GivenNames:
    """Load ``given_names.toml`` (the list it names is read on first use).

    Raises:
        LexiconError: the file is malformed, or the list it names is not installed.
    """
    file = LexiconFile(path)
    unknown_keys(file, file.data, {"meta", "source", "decisive", "female", "male", "exclude"}, 1)
    source = file.table("source")
    unknown_keys(
        file, source, {"package", "resource", "path", "citation", "licence", "license"}, file.line_of("[source]")
    )
    decisive = file.table("decisive")
    unknown_keys(file, decisive, {"max_share", "min_count"}, file.line_of("[decisive]"))
    max_share = file.number(
        decisive.get("max_share"), "decisive.max_share", file.line_of("max_share"), low=0, high=0.49
    )
    min_count = file.number(
        decisive.get("min_count", 1), "decisive.min_count", file.line_of("min_count"), low=1, high=10**9
    )
    overrides: dict[str, str] = {}
    for gender in ("female", "male"):
        unknown_keys(file, file.table(gender, required=False), {"words"}, file.line_of(f"[{gender}]"))
        for word in file.words(gender, required=False):
            overrides[fold(word)] = gender
    unknown_keys(file, file.table("exclude", required=False), {"words"}, file.line_of("[exclude]"))
    location, where = _location(file, source)
    return GivenNames(
        location=location,
        max_share=max_share,
        min_count=int(min_count),
        overrides=overrides,
        exclude=frozenset(fold(w) for w in file.words("exclude", required=False)),
        source=where,
        version=file.version,
    )
