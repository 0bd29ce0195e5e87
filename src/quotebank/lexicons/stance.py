"""Stance lexicons: the composition modifiers (``modifiers.toml``) and one file per stance target.

A target file says what counts as the target (its *frames*): term sets of a
kind (the event itself, a negotiated object, a process, the opposite) and an
anchoring (anywhere, only in a document on topic, only near the place), the
words that move a term to another domain ("trade deal"), and its implied-stance
patterns. What words *do* to a target is not in the target file: that is the
target-independent ``predicates.tsv``.

Examples:
    >>> from quotebank.lexicons import load_lexicons
    >>> rafah = load_lexicons().targets["rafah_offensive"]
    >>> [t.kind.value for t in rafah.terms][:2], rafah.anchors.words
    (['event', 'event'], ('Rafah',))
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from quotebank.lexicons._files import LexiconFile, norm, tables, unknown_keys
from quotebank.lexicons.predicates import PredicateClass, PredicateEntry, Role
from quotebank.model import StanceLabel

__all__ = [
    "Anchoring",
    "Anchors",
    "Modifiers",
    "Pattern",
    "StanceTarget",
    "TermKind",
    "TermSet",
    "Topic",
    "load_modifiers",
    "load_target",
]


# --------------------------------------------------------------------------- modifiers


@attrs.frozen(kw_only=True)
class Modifiers:
    """Words the composition rules read.

    Attributes:
        negators: words that flip what they govern (not, never, without ...).
        negative_subjects: subjects that negate their clause (nobody, none ...).
        negation_raising: verbs through which a negation reaches an evaluation below them.
        hedges: word -> weakening factor.
        boosters: word -> strengthening factor.
        contrast: "but"-type words: the clause after the word outweighs the one before.
        contrast_before: factor for the clause before a contrast word.
        contrast_after: factor for the clause after it.
        concessive: "although"-type words: the clause they introduce is weakened.
        concessive_factor: factor for that clause.
        conditional: words that open a condition ("if", "unless").
        inverting: the conditional words whose condition is negative ("unless").
        volitive: auxiliaries that commit the speaker to an event (will, must, should ...).
        obligation: verbs that with "to" commit like a modal ("has to", "going to").
        enabling: words that make an outcome possible (can, could, able).
        temporal: subordinators whose clause takes the main clause's mood (before, until).
        background: prepositions that make a phrase background, not topic (since, during).
        questions: question words; a question inside a quote is read as rhetorical.
        asking: verbs that introduce an indirect question ("asked why ...").
        causes: nouns whose relative clause is what the copula's subject brings about
            ("X is the reason the deal has not been finalised").
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
    negative_subjects: frozenset[str] = frozenset()
    negation_raising: frozenset[str] = frozenset()
    inverting: frozenset[str] = frozenset()
    volitive: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()
    enabling: frozenset[str] = frozenset()
    temporal: frozenset[str] = frozenset()
    background: frozenset[str] = frozenset()
    questions: frozenset[str] = frozenset()
    asking: frozenset[str] = frozenset()
    causes: frozenset[str] = frozenset()


_MODIFIER_TABLES = {
    "meta",
    "negators",
    "hedges",
    "boosters",
    "contrast",
    "concessive",
    "conditional",
    "mood",
    "background",
    "questions",
    "causes",
}


def _factor_table(file: LexiconFile, key: str, low: float, high: float) -> dict[str, float]:
    return {
        norm(word): file.number(value, f"{key}.{word}", file.line_of(f"{word} ="), low=low, high=high)
        for word, value in file.table(key).items()
    }


def _lower(file: LexiconFile, key: str, field: str = "words", *, required: bool = True) -> frozenset[str]:
    return frozenset(w.lower() for w in file.words(key, field, required=required))


def load_modifiers(path: Path) -> Modifiers:
    """Load and validate ``modifiers.toml``.

    Raises:
        LexiconError: naming the file and line of the first fault.
    """
    file = LexiconFile(path)
    unknown_keys(file, file.data, _MODIFIER_TABLES, 1)
    contrast = file.table("contrast")
    unknown_keys(file, contrast, {"words", "before", "after"}, file.line_of("[contrast]"))
    concessive = file.table("concessive")
    unknown_keys(file, concessive, {"words", "factor"}, file.line_of("[concessive]"))
    conditional = file.table("conditional")
    unknown_keys(file, conditional, {"words", "inverting"}, file.line_of("[conditional]"))
    unknown_keys(file, file.table("negators"), {"words", "subjects", "raising"}, file.line_of("[negators]"))
    unknown_keys(
        file,
        file.table("mood", required=False),
        {"volitive", "obligation", "enabling", "temporal"},
        file.line_of("[mood]"),
    )
    unknown_keys(file, file.table("questions", required=False), {"words", "asking"}, file.line_of("[questions]"))
    unknown_keys(file, file.table("causes", required=False), {"nouns"}, file.line_of("[causes]"))
    unknown_keys(file, file.table("background", required=False), {"words"}, file.line_of("[background]"))
    return Modifiers(
        negators=_lower(file, "negators"),
        negative_subjects=_lower(file, "negators", "subjects", required=False),
        negation_raising=_lower(file, "negators", "raising", required=False),
        hedges=_factor_table(file, "hedges", 0.0, 1.0),
        boosters=_factor_table(file, "boosters", 1.0, 5.0),
        contrast=_lower(file, "contrast"),
        contrast_before=file.number(contrast.get("before"), "contrast.before", file.line_of("before"), low=0, high=5),
        contrast_after=file.number(contrast.get("after"), "contrast.after", file.line_of("after"), low=0, high=5),
        concessive=_lower(file, "concessive"),
        concessive_factor=file.number(
            concessive.get("factor"), "concessive.factor", file.line_of("factor"), low=0, high=5
        ),
        conditional=_lower(file, "conditional"),
        inverting=_lower(file, "conditional", "inverting", required=False),
        volitive=_lower(file, "mood", "volitive", required=False),
        obligation=_lower(file, "mood", "obligation", required=False),
        enabling=_lower(file, "mood", "enabling", required=False),
        temporal=_lower(file, "mood", "temporal", required=False),
        background=_lower(file, "background", required=False),
        questions=_lower(file, "questions", required=False),
        asking=_lower(file, "questions", "asking", required=False),
        causes=_lower(file, "causes", "nouns", required=False),
    )


# --------------------------------------------------------------------------- targets


class TermKind(enum.StrEnum):
    """What a target term names, which decides the predicates that can bear on it.

    Attributes:
        EVENT: the target happening ("ceasefire", "assault", "go into"): every
            predicate, and an announced or demanded event is stance on its own.
        OBJECT: a negotiated object ("deal", "proposal", "terms"): support,
            rejection, bringing about, preventing, evaluations.
        PROCESS: a process toward it ("talks", "negotiations"): support,
            rejection, obstruction and evaluations, not "resume" or "begin".
        OPPOSITE: the opposite of the target ("war", "fighting"): its polarity
            flips, and only stopping, continuing, supporting and opposing count.
    """

    EVENT = "event"
    OBJECT = "object"
    PROCESS = "process"
    OPPOSITE = "opposite"


class Anchoring(enum.StrEnum):
    """Where a term must stand to address the target.

    Attributes:
        SELF: anywhere ("ceasefire" is always about a ceasefire).
        TOPIC: only in a document on the target's topic ("deal"; see :class:`Topic`).
        PLACE: only with the target's place named near it ("offensive" with "Rafah").
    """

    SELF = "self"
    TOPIC = "topic"
    PLACE = "place"


@attrs.frozen(kw_only=True)
class TermSet:
    """One ``[[terms]]`` table of a target file.

    Attributes:
        kind: what the phrases name.
        anchoring: where they must stand.
        weight: the factor on their evidence.
        phrases: lemma phrases (a plural form such as "demands" matches only the plural).
        argument: the place must be an argument of the phrase ("enter Rafah",
            not "aid entered Gaza through Rafah"); for verbs.
        subjects: when not empty, the phrase counts only with one of these
            subjects (or an armed party): "we will not stop", "the army paused".
        intransitive: the phrase counts only without an object ("we will stop",
            not "we will stop the convoy").
        pos: "noun" or "verb" to count the phrase only as that part of speech
            ("the push into Rafah", not "push people toward the sea"); empty for either.
    """

    kind: TermKind
    anchoring: Anchoring
    weight: float
    phrases: tuple[str, ...]
    argument: bool = False
    subjects: tuple[str, ...] = ()
    intransitive: bool = False
    pos: str = ""


@attrs.frozen(kw_only=True)
class Anchors:
    """The place a target is tied to.

    Attributes:
        words: names of the place ("Rafah").
        phrases: descriptions that name it ("southernmost city").
        deictic: words that point back at it when it was named in this or the
            previous paragraph ("the city", "there").
        definite: a definite term ("the operation") also points back at it.
        containers: nouns a place mention may stand inside and still be the
            argument of a predicate ("at the gates of Rafah").
    """

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    deictic: tuple[str, ...] = ()
    definite: bool = False
    containers: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Topic:
    """What a document must mention for topic-anchored terms to count.

    Attributes:
        words: topic words (matched as whole words, any case).
        min_words: texts shorter than this are taken to be on topic (too short to tell).
    """

    words: tuple[str, ...]
    min_words: int = 150


@attrs.frozen(kw_only=True)
class Pattern:
    """An implied-stance pattern: a lemma sequence that carries stance on its own.

    Attributes:
        lemmas: the lemmas in order; ``"*"`` skips up to eight words.
        label: FAVOR or AGAINST.
        weight: the strength of the evidence.
        anchored: whether it counts only where the target is anchored (its
            place near, or its topic in the document).
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
        terms: the term sets.
        anchors: the place the target is tied to, if any.
        topic: the topic a document must be on for topic-anchored terms, if any.
        exclude: words that, modifying a term or among its arguments, move it to
            another domain ("trade deal", "war on drugs").
        exclude_agents: subjects that make a verb term something else ("aid
            trucks entered Rafah").
        exclude_phrases: fixed expressions in which a term is something else
            ("in advance", "under these conditions").
        protection: civilian-protection words: demanded as a condition (until,
            unless, without, then, in a question) they count against the target.
        predicates: target-specific predicate entries (the file's ``[cues]``),
            overriding ``predicates.tsv``.
        patterns: implied-stance patterns.
        version: the file's version.
        path: the file it was loaded from.
    """

    id: str
    label: str
    description: str
    terms: tuple[TermSet, ...]
    anchors: Anchors | None
    topic: Topic | None
    exclude: frozenset[str]
    exclude_agents: frozenset[str]
    exclude_phrases: tuple[str, ...]
    protection: tuple[str, ...]
    predicates: Mapping[str, PredicateEntry]
    patterns: tuple[Pattern, ...]
    version: str
    path: Path


_TARGET_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TARGET_TABLES = {
    "meta",
    "target",
    "terms",
    "anchors",
    "topic",
    "exclude",
    "protection",
    "contrastive",
    "cues",
    "pattern",
}


def _term_sets(file: LexiconFile, has_anchors: bool) -> tuple[TermSet, ...]:
    value = file.data.get("terms")
    if isinstance(value, dict):  # the first file format: one [terms] table, with weak terms
        return _legacy_terms(file, value, has_anchors)
    out = []
    for line, item in tables(file, "terms"):
        unknown_keys(
            file, item, {"kind", "anchoring", "weight", "phrases", "argument", "subjects", "intransitive", "pos"}, line
        )
        try:
            kind = TermKind(str(item.get("kind")))
        except ValueError:
            raise file.fail(f"[[terms]] kind must be one of {', '.join(k.value for k in TermKind)}", line) from None
        try:
            anchoring = Anchoring(item.get("anchoring", "place" if has_anchors else "self"))
        except ValueError:
            raise file.fail(
                f"[[terms]] anchoring must be one of {', '.join(a.value for a in Anchoring)}", line
            ) from None
        if anchoring is Anchoring.PLACE and not has_anchors:
            raise file.fail('[[terms]] anchoring = "place" needs an [anchors] table', line)
        pos = item.get("pos", "")
        if pos not in ("", "noun", "verb"):
            raise file.fail('[[terms]] pos must be "noun" or "verb"', line)
        argument, intransitive = item.get("argument", False), item.get("intransitive", False)
        if not isinstance(argument, bool) or not isinstance(intransitive, bool):
            raise file.fail("[[terms]] argument and intransitive must be true or false", line)
        out.append(
            TermSet(
                kind=kind,
                anchoring=anchoring,
                weight=file.number(item.get("weight", 1.0), "[[terms]] weight", line, low=0.1, high=2),
                phrases=tuple(norm(p) for p in file.strings(item.get("phrases"), "[[terms]] phrases", line)),
                argument=argument,
                subjects=tuple(w.lower() for w in file.strings(item.get("subjects", []), "[[terms]] subjects", line)),
                intransitive=intransitive,
                pos=pos,
            )
        )
    if not out:
        raise file.fail("a target needs at least one [[terms]] table", file.line_of("[target]"))
    return tuple(out)


def _legacy_terms(file: LexiconFile, table: dict[str, Any], has_anchors: bool) -> tuple[TermSet, ...]:
    """``[terms] phrases/weak`` and ``[contrastive] phrases`` of the first file format, as term sets."""
    line = file.line_of("[terms]")
    unknown_keys(file, table, {"phrases", "weak", "weight"}, line)
    phrases = file.strings(table.get("phrases"), "terms.phrases", file.line_of("phrases"))
    weak = {norm(w) for w in file.strings(table.get("weak", []), "terms.weak", file.line_of("weak"))}
    anchoring = Anchoring.PLACE if has_anchors else Anchoring.SELF
    weight = file.number(table.get("weight", 1.0), "terms.weight", file.line_of("weight"), low=0.1, high=2)
    strong = tuple(norm(p) for p in phrases if norm(p) not in weak)
    out = [TermSet(kind=TermKind.EVENT, anchoring=anchoring, weight=weight, phrases=strong)] if strong else []
    if weak:
        out.append(TermSet(kind=TermKind.OBJECT, anchoring=anchoring, weight=weight / 2, phrases=tuple(sorted(weak))))
    contrastive = file.table("contrastive", required=False)
    if contrastive:
        opposite = file.strings(contrastive.get("phrases", []), "contrastive.phrases", file.line_of("[contrastive]"))
        if opposite:
            out.append(
                TermSet(kind=TermKind.OPPOSITE, anchoring=anchoring, weight=weight, phrases=tuple(map(norm, opposite)))
            )
    return tuple(out)


def _anchors(file: LexiconFile) -> Anchors | None:
    table = file.table("anchors", required=False)
    if not table:
        return None
    line = file.line_of("[anchors]")
    unknown_keys(file, table, {"words", "phrases", "deictic", "definite", "containers"}, line)
    definite = table.get("definite", False)
    if not isinstance(definite, bool):
        raise file.fail("anchors.definite must be true or false", file.line_of("definite"))

    def words(key: str) -> tuple[str, ...]:
        return file.strings(table.get(key, []), f"anchors.{key}", file.line_of(key, after=(line or 1) - 1))

    anchors = Anchors(
        words=words("words"),
        phrases=tuple(norm(p) for p in words("phrases")),
        deictic=tuple(w.lower() for w in words("deictic")),
        definite=definite,
        containers=tuple(w.lower() for w in words("containers")),
    )
    if not anchors.words:
        raise file.fail("[anchors] needs words = [...] naming the place", line)
    return anchors


def _topic(file: LexiconFile) -> Topic | None:
    table = file.table("topic", required=False)
    if not table:
        return None
    line = file.line_of("[topic]")
    unknown_keys(file, table, {"words", "min_words"}, line)
    min_words = table.get("min_words", 150)
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 0:
        raise file.fail("topic.min_words must be a whole number >= 0", file.line_of("min_words"))
    return Topic(
        words=file.strings(table.get("words"), "topic.words", file.line_of("words", after=(line or 1) - 1)),
        min_words=min_words,
    )


def _cues(file: LexiconFile) -> dict[str, PredicateEntry]:
    """``[cues]``: target-specific predicates, ``"phrase" = weight`` (positive: support, negative: oppose)."""
    out = {}
    for phrase, value in file.table("cues", required=False).items():
        line = file.line_of(f'"{phrase}"') or file.line_of(f"{phrase} =")
        weight = file.number(value, f"cues.{phrase!r}", line, low=-2, high=2)
        if weight == 0:
            raise file.fail(f"cues.{phrase!r} must not be 0", line)
        cls = PredicateClass.SUPPORT if weight > 0 else PredicateClass.OPPOSE
        out[norm(phrase)] = PredicateEntry(
            phrase=norm(phrase), cls=cls, weight=abs(weight), roles=frozenset({Role.OBJECT}), line=line or 0
        )
    return out


def _patterns(file: LexiconFile) -> tuple[Pattern, ...]:
    patterns = []
    for line, item in tables(file, "pattern"):
        unknown_keys(file, item, {"lemmas", "label", "weight", "anchored"}, line)
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
    return tuple(patterns)


def load_target(path: Path | str) -> StanceTarget:
    """Load and validate one stance target file.

    Args:
        path: a TOML file laid out like ``data/lexicons/stance/ceasefire.toml``
            (the first layout, with one ``[terms]`` table and ``[contrastive]``,
            is read too).

    Returns:
        The target.

    Raises:
        LexiconError: naming the file and line of the first fault.
    """
    file = LexiconFile(Path(path))
    unknown_keys(file, file.data, _TARGET_TABLES, 1)
    target = file.table("target")
    unknown_keys(file, target, {"id", "label", "description"}, file.line_of("[target]"))
    target_id = target.get("id")
    if not isinstance(target_id, str) or not _TARGET_ID.match(target_id):
        raise file.fail("[target] id must be a lower-case identifier like rafah_offensive", file.line_of("id"))
    anchors = _anchors(file)
    exclude = file.table("exclude", required=False)
    unknown_keys(file, exclude, {"words", "agents", "phrases"}, file.line_of("[exclude]"))
    protection = file.table("protection", required=False)
    unknown_keys(file, protection, {"words"}, file.line_of("[protection]"))
    return StanceTarget(
        id=target_id,
        label=str(target.get("label", target_id)),
        description=str(target.get("description", "")),
        terms=_term_sets(file, anchors is not None),
        anchors=anchors,
        topic=_topic(file),
        exclude=frozenset(w.lower() for w in file.words("exclude", required=False)),
        exclude_agents=frozenset(w.lower() for w in file.words("exclude", "agents", required=False)),
        exclude_phrases=tuple(norm(w) for w in file.words("exclude", "phrases", required=False)),
        protection=tuple(norm(w) for w in file.words("protection", required=False)),
        predicates=_cues(file),
        patterns=_patterns(file),
        version=file.version,
        path=file.path,
    )
