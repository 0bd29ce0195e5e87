"""Predicate semantics: what a word does to the stance target it governs (``predicates.tsv``).

The file is target-independent: "reject" turns whatever it governs against,
"catastrophe" judges its subject bad, "save" is good for its patient. The
stance scorer (:mod:`quotebank.stance`) reads a target mention up the
dependency parse and composes the entries it meets.

Examples:
    >>> from quotebank.lexicons import load_lexicons
    >>> entry = load_lexicons().predicates.entries["call off"]
    >>> entry.cls.value, entry.sign, sorted(r.value for r in entry.roles)
    ('prevent', -1, ['object', 'subject'])
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from pathlib import Path

import attrs

from quotebank.errors import LexiconError
from quotebank.model import StanceLabel

__all__ = ["PredicateClass", "PredicateEntry", "PredicateExample", "PredicateLexicon", "Role", "load_predicates"]


class PredicateClass(enum.StrEnum):
    """What a predicate does to the mention it governs or describes.

    Attributes:
        SUPPORT: the speaker or subject is for the complement ("support", "urge", "vow").
        OPPOSE: against it, agreeing with a bad outcome ("oppose", "warn", "accuse ... of").
        DENY: asserts the complement false, evaluations included ("deny", "reject").
        CAUSE: brings the complement about ("launch", "reach"; intransitive "begin").
        PREVENT: stops it ("halt", "call off"; intransitive "collapse").
        OBSTRUCT: prevents it; a third party obstructing is blamed ("block", "torpedo").
        CONTINUE: keeps it going ("continue", "press on").
        GOOD: judges its subject or the noun it modifies good ("a good basis").
        BAD: judges it bad ("a catastrophe", "ludicrous demands").
        HELP: its patient gains ("save lives", "give Hamas time").
        HARM: its patient suffers ("kill", "wreck", "cut Hamas off").
        TRANSPARENT: the mention is judged by the predicate's other complement
            ("X would mean more deaths", "they described X as fair").
        ADVERSARY: an armed party; what helps it counts against, what harms it for.
    """

    SUPPORT = "support"
    OPPOSE = "oppose"
    DENY = "deny"
    CAUSE = "cause"
    PREVENT = "prevent"
    OBSTRUCT = "obstruct"
    CONTINUE = "continue"
    GOOD = "good"
    BAD = "bad"
    HELP = "help"
    HARM = "harm"
    TRANSPARENT = "transparent"
    ADVERSARY = "adversary"


class Role(enum.StrEnum):
    """Which argument of a predicate the target mention is.

    Attributes:
        OBJECT: its complement: object, prepositional object, clause or passive subject.
        SUBJECT: its subject (of an intransitive use, for cause, prevent and continue).
        MODIFIER: the predicate modifies the mention ("ludicrous demands").
    """

    OBJECT = "object"
    SUBJECT = "subject"
    MODIFIER = "modifier"


_SIGN = {
    PredicateClass.SUPPORT: 1,
    PredicateClass.OPPOSE: -1,
    PredicateClass.DENY: -1,
    PredicateClass.CAUSE: 1,
    PredicateClass.PREVENT: -1,
    PredicateClass.OBSTRUCT: -1,
    PredicateClass.CONTINUE: 1,
    PredicateClass.GOOD: 1,
    PredicateClass.BAD: -1,
    PredicateClass.HELP: 1,
    PredicateClass.HARM: -1,
    PredicateClass.TRANSPARENT: 1,
    PredicateClass.ADVERSARY: -1,
}

_DEFAULT_ROLES = {
    PredicateClass.SUPPORT: frozenset({Role.OBJECT}),
    PredicateClass.OPPOSE: frozenset({Role.OBJECT}),
    PredicateClass.DENY: frozenset({Role.OBJECT}),
    PredicateClass.CAUSE: frozenset({Role.OBJECT, Role.SUBJECT}),
    PredicateClass.PREVENT: frozenset({Role.OBJECT, Role.SUBJECT}),
    PredicateClass.OBSTRUCT: frozenset({Role.OBJECT}),
    PredicateClass.CONTINUE: frozenset({Role.OBJECT, Role.SUBJECT}),
    PredicateClass.GOOD: frozenset({Role.SUBJECT, Role.MODIFIER}),
    PredicateClass.BAD: frozenset({Role.SUBJECT, Role.MODIFIER}),
    PredicateClass.HELP: frozenset({Role.OBJECT, Role.SUBJECT}),
    PredicateClass.HARM: frozenset({Role.OBJECT, Role.SUBJECT}),
    PredicateClass.TRANSPARENT: frozenset({Role.SUBJECT}),
    PredicateClass.ADVERSARY: frozenset(),
}

COLUMNS = ("phrase", "class", "weight", "roles", "example")
_VERSION = re.compile(r"^#\s*version:\s*(\S+)\s*$")
_EXAMPLE = re.compile(r"^([a-z][a-z0-9_]*)\s+(FAVOR|AGAINST|NONE)\s*\|\s*(\S.*)$")


@attrs.frozen(kw_only=True)
class PredicateExample:
    """A sentence an entry is tested on: scoring it must fire the entry and give ``label``.

    Attributes:
        target: the stance target id the label is for.
        label: the expected stance.
        text: the sentence.
    """

    target: str
    label: StanceLabel
    text: str


@attrs.frozen(kw_only=True)
class PredicateEntry:
    """One line of ``predicates.tsv``.

    Attributes:
        phrase: the lemma phrase ("call off", "tie * hand").
        cls: what it does.
        weight: the strength of its evidence.
        roles: the arguments a mention may be for the entry to apply.
        example: the sentence it is tested on, if any.
        line: the line of the file it came from.
    """

    phrase: str
    cls: PredicateClass
    weight: float
    roles: frozenset[Role]
    example: PredicateExample | None = None
    line: int = 0

    @property
    def sign(self) -> int:
        """+1 for the classes that promote what they govern, -1 for the others."""
        return _SIGN[self.cls]


@attrs.frozen(kw_only=True)
class PredicateLexicon:
    """Every predicate entry by phrase (lower-cased), from one or more files.

    Attributes:
        entries: the entries by phrase.
        version: the version of the shipped file (and any others, comma-separated).
    """

    entries: Mapping[str, PredicateEntry]
    version: str

    def of_class(self, *classes: PredicateClass) -> frozenset[str]:
        """The phrases whose class is one of ``classes``."""
        return frozenset(p for p, e in self.entries.items() if e.cls in classes)


def _fail(path: Path, line: int, message: str) -> LexiconError:
    return LexiconError(message, path=path, line=line)


def _roles(path: Path, number: int, value: str, cls: PredicateClass) -> frozenset[Role]:
    if value == "-":
        return _DEFAULT_ROLES[cls]
    roles = []
    for part in value.split(","):
        try:
            roles.append(Role(part.strip()))
        except ValueError:
            known = ", ".join(r.value for r in Role)
            raise _fail(path, number, f"unknown role {part.strip()!r}; known: {known}, or - for the default") from None
    return frozenset(roles)


def _example(path: Path, number: int, value: str) -> PredicateExample | None:
    if value == "-":
        return None
    match = _EXAMPLE.match(value)
    if match is None:
        raise _fail(
            path, number, 'example must be "-" or "TARGET LABEL | sentence", e.g. "ceasefire FAVOR | We back it."'
        )
    return PredicateExample(target=match.group(1), label=StanceLabel(match.group(2)), text=match.group(3).strip())


def _entry(path: Path, number: int, cells: list[str]) -> PredicateEntry:
    phrase, cls_name, weight_text, roles_text, example_text = (c.strip() for c in cells)
    if not phrase or phrase.startswith("*") or phrase.endswith("*"):
        raise _fail(path, number, "phrase must be a lemma phrase that neither starts nor ends with *")
    try:
        cls = PredicateClass(cls_name)
    except ValueError:
        known = ", ".join(c.value for c in PredicateClass)
        raise _fail(path, number, f"unknown class {cls_name!r}; known: {known}") from None
    try:
        weight = float(weight_text)
    except ValueError:
        raise _fail(path, number, f"weight must be a number, got {weight_text!r}") from None
    if not 0.1 <= weight <= 2.0:
        raise _fail(path, number, f"weight must be from 0.1 to 2, got {weight}")
    return PredicateEntry(
        phrase=" ".join(phrase.split()).lower(),
        cls=cls,
        weight=weight,
        roles=_roles(path, number, roles_text, cls),
        example=_example(path, number, example_text),
        line=number,
    )


def _read(path: Path) -> tuple[str, list[PredicateEntry]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError("lexicon file not found", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"cannot read lexicon file: {error}", path=path) from None
    version: str | None = None
    header = False
    out: list[PredicateEntry] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            match = _VERSION.match(line)
            if match and version is None:
                version = match.group(1)
            continue
        cells = line.split("\t")
        if not header:
            if tuple(c.strip() for c in cells) != COLUMNS:
                raise _fail(
                    path, number, f"the first line that is not a comment must be the header {'<TAB>'.join(COLUMNS)}"
                )
            header = True
            continue
        if len(cells) != len(COLUMNS):
            raise _fail(path, number, f"expected {len(COLUMNS)} tab-separated columns, got {len(cells)}")
        out.append(_entry(path, number, cells))
    if version is None:
        raise _fail(path, 1, 'a predicate file needs a "# version: X.Y.Z" comment line')
    return version, out


def load_predicates(*paths: Path) -> PredicateLexicon:
    """Load and validate predicate files; later files override earlier entries with the same phrase.

    Args:
        paths: TSV files laid out like ``data/lexicons/predicates.tsv``.

    Returns:
        The merged lexicon.

    Raises:
        LexiconError: naming the file and line of the first fault (a phrase
            listed twice in one file is a fault).
    """
    entries: dict[str, PredicateEntry] = {}
    versions = []
    for path in paths:
        version, items = _read(path)
        versions.append(version)
        here: dict[str, int] = {}
        for entry in items:
            key = entry.phrase.lower()
            if key in here:
                raise _fail(path, entry.line, f"phrase {entry.phrase!r} is listed twice (first on line {here[key]})")
            here[key] = entry.line
            entries[key] = entry
    return PredicateLexicon(entries=entries, version=",".join(versions))
