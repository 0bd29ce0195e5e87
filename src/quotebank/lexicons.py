"""Lexicon files: loading, validation, and the typed objects they become.

Everything a linguist edits lives in ``data/lexicons/`` as TOML with a
``[meta]`` header that carries a ``version``. Files are parsed with the
standard library's ``tomllib`` (nothing is evaluated, executed or unpickled)
and validated field by field; a broken file raises
:class:`~quotebank.errors.LexiconError` naming the file and the line.

The shipped files are found inside the installed wheel
(``quotebank/_lexicons``) or, from an editable install or a source checkout,
in the repository's ``data/lexicons``. Users can pass their own files to
:func:`load_lexicons` (and so to :class:`quotebank.Extractor`).

Examples:
    >>> from quotebank.lexicons import load_lexicons
    >>> lex = load_lexicons()
    >>> sorted(lex.reporting.verbs["say"].frames)
    ['clause', 'direct']
    >>> sorted(lex.targets)
    ['ceasefire', 'rafah_offensive']
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from quotebank.errors import LexiconError
from quotebank.model import SpeakerKind, StanceLabel

__all__ = [
    "EvaluativeLexicon",
    "Lexicons",
    "Modifiers",
    "Pattern",
    "References",
    "ReportingLexicon",
    "ReportingVerb",
    "SpeakerEntry",
    "SpeakerRegistry",
    "StanceTarget",
    "default_lexicon_dir",
    "load_lexicons",
]

FRAMES = frozenset({"clause", "direct", "to", "object_to", "of", "for", "object", "small_clause"})
NOUN_FRAMES = frozenset({"clause", "to"})
PHRASE_KINDS = frozenset({"source_pp"})
GENDERS = frozenset({"male", "female", "neuter", "any", "unknown"})
NUMBERS = frozenset({"singular", "plural"})


def default_lexicon_dir() -> Path:
    """Return the folder holding the shipped lexicon files.

    Looks inside the installed package first (wheel installs), then in the
    source tree's ``data/lexicons`` (editable installs and checkouts).

    Raises:
        LexiconError: if neither place holds the files.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_lexicons", here.parent.parent / "data" / "lexicons"):
        if (candidate / "reporting.toml").is_file():
            return candidate
    raise LexiconError(
        "the shipped lexicon files were not found (looked in quotebank/_lexicons and data/lexicons); "
        "reinstall quotebank"
    )


# --------------------------------------------------------------------------- file plumbing


class _File:
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
        self.version: str = meta["version"]
        self.name: str = str(meta.get("name", path.stem))

    def line_of(self, *needles: str, after: int = 0) -> int | None:
        """The first line (1-based) at or after ``after`` containing every needle."""
        for number, line in enumerate(self.lines[after:], start=after + 1):
            if all(needle in line for needle in needles):
                return number
        return None

    def table_line(self, header: str, index: int) -> int | None:
        """The line of the ``index``-th ``[[header]]`` table."""
        seen = -1
        for number, line in enumerate(self.lines, start=1):
            if line.strip() == f"[[{header}]]":
                seen += 1
                if seen == index:
                    return number
        return None

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


def _tables(file: _File, header: str) -> list[tuple[int | None, dict[str, Any]]]:
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


def _unknown_keys(file: _File, item: Mapping[str, Any], allowed: set[str], line: int | None) -> None:
    extra = sorted(set(item) - allowed)
    if extra:
        raise file.fail(f"unknown field(s) {', '.join(extra)}; allowed: {', '.join(sorted(allowed))}", line)


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


# --------------------------------------------------------------------------- reporting cues


@attrs.frozen(kw_only=True)
class ReportingVerb:
    """A reporting verb and the frames in which it introduces speech.

    Attributes:
        lemma: the verb's lemma, with a particle after a space ("rule out").
        frames: which constructions it reports in (see ``reporting.toml``).
        strength: how reliably it reports speech, from 0 to 1.
        subjects: when not empty, the verb's ``object`` and ``small_clause``
            frames report only with a subject whose head noun is one of these
            lemmas ("a poll shows a close race", not "the conflict shows no sign
            of ending"); its other frames take any subject.
    """

    lemma: str
    frames: frozenset[str]
    strength: float = 1.0
    subjects: frozenset[str] = frozenset()


@attrs.frozen(kw_only=True)
class ReportingLexicon:
    """All reporting cues: verbs by lemma, nouns by lemma, and multi-word source phrases.

    Attributes:
        verbs: reporting verbs by lemma.
        source_phrases: phrases like "according to" whose object is the source.
        version: the file's version.
        nouns: reporting nouns by lemma ("Trump's claim that ..."), with the
            frames ``clause`` and ``to``.
    """

    verbs: Mapping[str, ReportingVerb]
    source_phrases: tuple[str, ...]
    version: str
    nouns: Mapping[str, ReportingVerb] = attrs.field(factory=dict)


def _cues(file: _File, table: str, known: frozenset[str], *, one_word: bool) -> dict[str, ReportingVerb]:
    """The ``[[verb]]`` or ``[[noun]]`` entries of a reporting file, validated with file and line."""
    cues: dict[str, ReportingVerb] = {}
    allowed = {"lemma", "frames", "strength"} | ({"subjects"} if table == "verb" else set())
    for line, item in _tables(file, table):
        _unknown_keys(file, item, allowed, line)
        lemma = item.get("lemma")
        if not isinstance(lemma, str) or not lemma.strip() or (one_word and len(lemma.split()) != 1):
            raise file.fail(f'[[{table}]] needs a {"one-word " if one_word else ""}lemma = "..."', line)
        subjects = file.strings(item.get("subjects", []), f"{table} {lemma!r} subjects", line)
        frames = file.strings(item.get("frames"), f"{table} {lemma!r} frames", line)
        bad = sorted(set(frames) - known)
        if bad:
            raise file.fail(f"{table} {lemma!r} has unknown frame(s) {bad}; known: {sorted(known)}", line)
        strength = file.number(item.get("strength", 1.0), f"{table} {lemma!r} strength", line, low=0, high=1)
        key = _norm(lemma)
        if key in cues:
            raise file.fail(f"{table} {lemma!r} is listed twice", line)
        cues[key] = ReportingVerb(
            lemma=key, frames=frozenset(frames), strength=strength, subjects=frozenset(_norm(w) for w in subjects)
        )
    return cues


def _load_reporting(path: Path) -> ReportingLexicon:
    file = _File(path)
    verbs = _cues(file, "verb", FRAMES, one_word=False)
    nouns = _cues(file, "noun", NOUN_FRAMES, one_word=True)
    phrases = []
    for line, item in _tables(file, "phrase"):
        _unknown_keys(file, item, {"text", "kind"}, line)
        text, kind = item.get("text"), item.get("kind")
        if not isinstance(text, str) or not text.strip():
            raise file.fail('[[phrase]] needs a text = "..."', line)
        if kind not in PHRASE_KINDS:
            raise file.fail(f"phrase {text!r} kind must be one of {sorted(PHRASE_KINDS)}", line)
        phrases.append(_norm(text))
    if not verbs:
        raise file.fail("a reporting lexicon needs at least one [[verb]]")
    return ReportingLexicon(verbs=verbs, source_phrases=tuple(phrases), version=file.version, nouns=nouns)


# --------------------------------------------------------------------------- speakers


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
        return self.entries.get(_norm(name))


def _load_speakers(paths: Sequence[Path]) -> SpeakerRegistry:
    entries: dict[str, SpeakerEntry] = {}
    versions = []
    for path in paths:
        file = _File(path)
        versions.append(file.version)
        allowed = {"name", "kind", "gender", "number", "aliases", "titles", "also"}
        for line, item in _tables(file, "speaker"):
            _unknown_keys(file, item, allowed, line)
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
            entries[_norm(name)] = SpeakerEntry(
                name=name.strip(),
                kind=kind,
                gender=gender,
                plural=number == "plural",
                aliases=file.strings(item.get("aliases", []), f"speaker {name!r} aliases", line),
                titles=file.strings(item.get("titles", []), f"speaker {name!r} titles", line),
                also=file.strings(item.get("also", []), f"speaker {name!r} also", line),
            )
    return SpeakerRegistry(entries=entries, versions=tuple(versions))


@attrs.frozen(kw_only=True)
class References:
    """Words that tie a mention to a speaker: pronouns, honorifics, head nouns.

    Attributes:
        pronouns: pronoun -> (gender, number).
        honorifics: title words dropped from names -> implied gender.
        person_titles: role nouns that make a mention a person.
        org_heads: head nouns of organisations.
        group_heads: head nouns of groups of people.
        anaphors: nouns that after "the" point at the organisation in focus.
        strip: leading words dropped from group names.
        non_sources: nouns that cannot be a source ("photo", "map").
        labels: words that open a ``Label: text`` line without naming a
            speaker ("Update:", "Twitter:").
    """

    pronouns: Mapping[str, tuple[str, str]]
    honorifics: Mapping[str, str]
    person_titles: frozenset[str]
    org_heads: frozenset[str]
    group_heads: frozenset[str]
    anaphors: frozenset[str]
    strip: frozenset[str]
    non_sources: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()


def _load_references(path: Path) -> References:
    file = _File(path)
    pronouns: dict[str, tuple[str, str]] = {}
    for word, value in file.table("pronouns").items():
        parts = value.split() if isinstance(value, str) else []
        if len(parts) != 2 or parts[0] not in GENDERS or parts[1] not in NUMBERS:
            raise file.fail(
                f'pronoun {word!r} must map to "GENDER NUMBER" (e.g. "male singular"), got {value!r}',
                file.line_of(f"{word} ="),
            )
        pronouns[word.lower()] = (parts[0], parts[1])
    honorifics: dict[str, str] = {}
    for word, value in file.table("honorifics").items():
        if value not in GENDERS:
            raise file.fail(f"honorific {word!r} must map to a gender {sorted(GENDERS)}", file.line_of(word))
        honorifics[_norm(word)] = value
    return References(
        pronouns=pronouns,
        honorifics=honorifics,
        person_titles=frozenset(w.lower() for w in file.words("person_titles")),
        org_heads=frozenset(w.lower() for w in file.words("org_heads")),
        group_heads=frozenset(w.lower() for w in file.words("group_heads")),
        anaphors=frozenset(_norm(w) for w in file.words("anaphors")),
        strip=frozenset(w.lower() for w in file.words("strip")),
        non_sources=frozenset(w.lower() for w in file.words("non_sources", required=False)),
        labels=frozenset(w.lower() for w in file.words("labels", required=False)),
    )


# --------------------------------------------------------------------------- stance


@attrs.frozen(kw_only=True)
class Modifiers:
    """Words that change how an evaluative cue counts.

    Attributes:
        negators: lemmas that flip polarity.
        hedges: lemma -> weakening factor.
        boosters: lemma -> strengthening factor.
        contrast: "but"-type lemmas.
        contrast_before: factor for the clause before a contrast word.
        contrast_after: factor for the clause after it.
        concessive: "although"-type lemmas.
        concessive_factor: factor for the clause they introduce.
        conditional: lemmas that open a condition.
    """

    negators: frozenset[str]
    hedges: Mapping[str, float]
    boosters: Mapping[str, float]
    contrast: frozenset[str]
    contrast_before: float
    contrast_after: float
    concessive: frozenset[str]
    concessive_factor: float
    conditional: frozenset[str]


def _factor_table(file: _File, key: str, low: float, high: float) -> dict[str, float]:
    return {
        _norm(word): file.number(value, f"{key}.{word}", file.line_of(f"{word} ="), low=low, high=high)
        for word, value in file.table(key).items()
    }


def _load_modifiers(path: Path) -> Modifiers:
    file = _File(path)
    contrast = file.table("contrast")
    concessive = file.table("concessive")
    return Modifiers(
        negators=frozenset(w.lower() for w in file.words("negators")),
        hedges=_factor_table(file, "hedges", 0.0, 1.0),
        boosters=_factor_table(file, "boosters", 1.0, 5.0),
        contrast=frozenset(w.lower() for w in file.words("contrast")),
        contrast_before=file.number(contrast.get("before"), "contrast.before", file.line_of("before"), low=0, high=5),
        contrast_after=file.number(contrast.get("after"), "contrast.after", file.line_of("after"), low=0, high=5),
        concessive=frozenset(w.lower() for w in file.words("concessive")),
        concessive_factor=file.number(
            concessive.get("factor"), "concessive.factor", file.line_of("factor"), low=0, high=5
        ),
        conditional=frozenset(w.lower() for w in file.words("conditional")),
    )


@attrs.frozen(kw_only=True)
class EvaluativeLexicon:
    """Target-independent evaluative cues: lemma phrase -> signed weight.

    Attributes:
        cues: positive weights promote what they govern, negative oppose it.
        version: the file's version.
    """

    cues: Mapping[str, float]
    version: str


def _cue_table(file: _File, key: str, *, required: bool = True) -> dict[str, float]:
    return {
        _norm(phrase): file.number(value, f"{key}.{phrase!r}", file.line_of(f'"{phrase}"'), low=-5, high=5)
        for phrase, value in file.table(key, required=required).items()
    }


def _load_evaluative(path: Path) -> EvaluativeLexicon:
    file = _File(path)
    return EvaluativeLexicon(cues=_cue_table(file, "cues"), version=file.version)


@attrs.frozen(kw_only=True)
class Pattern:
    """An implied-stance pattern: a lemma sequence that carries stance on its own.

    Attributes:
        lemmas: the lemmas in order; ``"*"`` skips up to three words.
        label: FAVOR or AGAINST.
        weight: the strength of the evidence.
        anchored: whether the target's anchor must be near for it to count.
    """

    lemmas: tuple[str, ...]
    label: StanceLabel
    weight: float
    anchored: bool = False


@attrs.frozen(kw_only=True)
class StanceTarget:
    """One stance target, defined entirely by its lexicon file.

    Attributes:
        id: the key under which quotes carry this target's stance.
        label: a human-readable name.
        description: what the target is.
        terms: lemma phrases that address the target.
        weak_terms: terms whose evidence counts half.
        contrastive: lemma phrases for the opposite of the target.
        anchors: words one of which must be near for a term to count (may be empty).
        deictic: words that stand for an anchor named nearby ("the city").
        cues: target-specific evaluative cues (override the shared ones).
        patterns: implied-stance patterns.
        version: the file's version.
        path: the file it was loaded from.
    """

    id: str
    label: str
    description: str
    terms: tuple[str, ...]
    weak_terms: frozenset[str]
    contrastive: tuple[str, ...]
    anchors: tuple[str, ...]
    deictic: tuple[str, ...]
    cues: Mapping[str, float]
    patterns: tuple[Pattern, ...]
    version: str
    path: Path


_TARGET_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def load_target(path: Path | str) -> StanceTarget:
    """Load and validate one stance target file.

    Args:
        path: a TOML file laid out like ``data/lexicons/stance/ceasefire.toml``.

    Returns:
        The target.

    Raises:
        LexiconError: naming the file and line of the first fault.
    """
    file = _File(Path(path))
    target = file.table("target")
    target_id = target.get("id")
    if not isinstance(target_id, str) or not _TARGET_ID.match(target_id):
        raise file.fail("[target] id must be a lower-case identifier like rafah_offensive", file.line_of("id"))
    terms_table = file.table("terms")
    terms = file.strings(terms_table.get("phrases"), "terms.phrases", file.line_of("phrases"))
    weak = file.strings(terms_table.get("weak", []), "terms.weak", file.line_of("weak"))
    anchors_table = file.table("anchors", required=False)
    contrastive = file.table("contrastive", required=False).get("phrases", [])
    patterns = []
    for line, item in _tables(file, "pattern"):
        _unknown_keys(file, item, {"lemmas", "label", "weight", "anchored"}, line)
        lemmas = item.get("lemmas")
        if not isinstance(lemmas, str) or not lemmas.split() or lemmas.split()[0] == "*":
            raise file.fail('[[pattern]] needs lemmas = "word word ..." not starting with *', line)
        try:
            label = StanceLabel(str(item.get("label")))
        except ValueError:
            raise file.fail("[[pattern]] label must be FAVOR or AGAINST", line) from None
        if label is StanceLabel.NONE:
            raise file.fail("[[pattern]] label must be FAVOR or AGAINST, not NONE", line)
        anchored = item.get("anchored", False)
        if not isinstance(anchored, bool):
            raise file.fail("[[pattern]] anchored must be true or false", line)
        patterns.append(
            Pattern(
                lemmas=tuple(lemmas.lower().split()),
                label=label,
                weight=file.number(item.get("weight", 1.0), "pattern weight", line, low=0, high=5),
                anchored=anchored,
            )
        )
    return StanceTarget(
        id=target_id,
        label=str(target.get("label", target_id)),
        description=str(target.get("description", "")),
        terms=tuple(_norm(t) for t in terms),
        weak_terms=frozenset(_norm(t) for t in weak),
        contrastive=tuple(
            _norm(t) for t in file.strings(contrastive, "contrastive.phrases", file.line_of("[contrastive]"))
        )
        if contrastive
        else (),
        anchors=tuple(file.strings(anchors_table.get("words", []), "anchors.words", file.line_of("words")))
        if anchors_table
        else (),
        deictic=tuple(
            w.lower()
            for w in file.strings(anchors_table.get("deictic", []), "anchors.deictic", file.line_of("deictic"))
        )
        if anchors_table
        else (),
        cues=_cue_table(file, "cues", required=False),
        patterns=tuple(patterns),
        version=file.version,
        path=file.path,
    )


# --------------------------------------------------------------------------- the bundle


@attrs.frozen(kw_only=True)
class Lexicons:
    """Every lexicon the extractor uses, loaded and validated.

    Build it with :func:`load_lexicons`.

    Attributes:
        reporting: reporting verbs and phrases.
        speakers: the speaker registry.
        references: pronouns, honorifics and head nouns.
        modifiers: negators, hedges, boosters, contrast and conditionals.
        evaluative: shared evaluative cues.
        targets: stance targets by id, in load order.
    """

    reporting: ReportingLexicon
    speakers: SpeakerRegistry
    references: References
    modifiers: Modifiers
    evaluative: EvaluativeLexicon
    targets: Mapping[str, StanceTarget]

    def describe(self) -> dict[str, str]:
        """Versions of every file, for provenance in outputs and reports."""
        info = {
            "reporting": self.reporting.version,
            "speakers": ",".join(self.speakers.versions),
            "evaluative": self.evaluative.version,
        }
        info.update({f"stance/{t.id}": t.version for t in self.targets.values()})
        return info


def _paths(value: Path | str | Iterable[Path | str] | None) -> tuple[Path, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, Path)):
        return (Path(value),)
    return tuple(Path(v) for v in value)


def load_lexicons(
    *,
    reporting: Path | str | None = None,
    speakers: Path | str | Iterable[Path | str] | None = None,
    targets: Path | str | Iterable[Path | str] | None = None,
    replace_speakers: bool = False,
    replace_targets: bool = False,
    directory: Path | str | None = None,
) -> Lexicons:
    """Load and validate the lexicons, the shipped ones plus any of the user's.

    Args:
        reporting: a reporting-cue file to use instead of the shipped one.
        speakers: speaker registry files added after the shipped registry
            (their entries override shipped ones with the same name).
        targets: stance target files added to the shipped targets (a file
            with an existing id replaces that target).
        replace_speakers: use only ``speakers``, not the shipped registry.
        replace_targets: use only ``targets``, not the shipped targets.
        directory: a folder laid out like ``data/lexicons`` to load instead
            of the shipped one.

    Returns:
        The loaded lexicons.

    Raises:
        LexiconError: a file is missing or invalid; the message names it.
    """
    return _load_cached(
        Path(reporting) if reporting else None,
        _paths(speakers),
        _paths(targets),
        replace_speakers,
        replace_targets,
        Path(directory) if directory else None,
    )


@lru_cache(maxsize=16)
def _load_cached(
    reporting: Path | None,
    speakers: tuple[Path, ...],
    targets: tuple[Path, ...],
    replace_speakers: bool,
    replace_targets: bool,
    directory: Path | None,
) -> Lexicons:
    base = directory or default_lexicon_dir()
    speaker_paths = speakers if replace_speakers else (base / "speakers.toml", *speakers)
    shipped_targets = () if replace_targets else tuple(sorted((base / "stance").glob("*.toml")))
    loaded: dict[str, StanceTarget] = {}
    for path in (*shipped_targets, *targets):
        target = load_target(path)
        loaded[target.id] = target
    return Lexicons(
        reporting=_load_reporting(reporting or base / "reporting.toml"),
        speakers=_load_speakers(speaker_paths),
        references=_load_references(base / "references.toml"),
        modifiers=_load_modifiers(base / "modifiers.toml"),
        evaluative=_load_evaluative(base / "evaluative.toml"),
        targets=loaded,
    )
