"""Reporting cues: the verbs, nouns and phrases that introduce speech (``reporting.toml``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from quotebank.lexicons._files import LexiconFile, norm, tables, unknown_keys

__all__ = ["FRAMES", "NOUN_FRAMES", "PHRASE_KINDS", "ReportingLexicon", "ReportingVerb", "load_reporting"]

FRAMES = frozenset({"clause", "direct", "to", "object_to", "of", "for", "object", "small_clause"})
NOUN_FRAMES = frozenset({"clause", "to"})
PHRASE_KINDS = frozenset({"source_pp"})


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


def _cues(file: LexiconFile, table: str, known: frozenset[str], *, one_word: bool) -> dict[str, ReportingVerb]:
    """The ``[[verb]]`` or ``[[noun]]`` entries of a reporting file, validated with file and line."""
    cues: dict[str, ReportingVerb] = {}
    allowed = {"lemma", "frames", "strength"} | ({"subjects"} if table == "verb" else set())
    for line, item in tables(file, table):
        unknown_keys(file, item, allowed, line)
        lemma = item.get("lemma")
        if not isinstance(lemma, str) or not lemma.strip() or (one_word and len(lemma.split()) != 1):
            raise file.fail(f'[[{table}]] needs a {"one-word " if one_word else ""}lemma = "..."', line)
        subjects = file.strings(item.get("subjects", []), f"{table} {lemma!r} subjects", line)
        frames = file.strings(item.get("frames"), f"{table} {lemma!r} frames", line)
        bad = sorted(set(frames) - known)
        if bad:
            raise file.fail(f"{table} {lemma!r} has unknown frame(s) {bad}; known: {sorted(known)}", line)
        strength = file.number(item.get("strength", 1.0), f"{table} {lemma!r} strength", line, low=0, high=1)
        key = norm(lemma)
        if key in cues:
            raise file.fail(f"{table} {lemma!r} is listed twice", line)
        cues[key] = ReportingVerb(
            lemma=key, frames=frozenset(frames), strength=strength, subjects=frozenset(norm(w) for w in subjects)
        )
    return cues


def load_reporting(path: Path) -> ReportingLexicon:
    file = LexiconFile(path)
    unknown_keys(file, file.data, {"meta", "verb", "noun", "phrase"}, 1)
    verbs = _cues(file, "verb", FRAMES, one_word=False)
    nouns = _cues(file, "noun", NOUN_FRAMES, one_word=True)
    phrases = []
    for line, item in tables(file, "phrase"):
        unknown_keys(file, item, {"text", "kind"}, line)
        text, kind = item.get("text"), item.get("kind")
        if not isinstance(text, str) or not text.strip():
            raise file.fail('[[phrase]] needs a text = "..."', line)
        if kind not in PHRASE_KINDS:
            raise file.fail(f"phrase {text!r} kind must be one of {sorted(PHRASE_KINDS)}", line)
        phrases.append(norm(text))
    if not verbs:
        raise file.fail("a reporting lexicon needs at least one [[verb]]")
    return ReportingLexicon(verbs=verbs, source_phrases=tuple(phrases), version=file.version, nouns=nouns)
