"""Words that tie a mention to a speaker: pronouns, honorifics, head nouns (``references.toml``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from quotebank.lexicons._files import LexiconFile, check_schema, norm
from quotebank.lexicons.given_names import GivenNames
from quotebank.lexicons.registry import GENDERS, NUMBERS

__all__ = ["BoilerplateWords", "References", "load_references"]


@attrs.frozen(kw_only=True)
class BoilerplateWords:
    """``[boilerplate]``: how lines that are not part of the article open, as word tuples.

    Attributes:
        links: pointers to other stories ("read more", "related", "see also").
        credits: bylines and picture credits ("reporting by", "photo", "copyright").
        notices: advertising and sign-up lines ("advertisement", "story continues below").
    """

    links: frozenset[tuple[str, ...]] = frozenset()
    credits: frozenset[tuple[str, ...]] = frozenset()
    notices: frozenset[tuple[str, ...]] = frozenset()


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
        particles: lower-case words inside a person's name ("al", "bin", "von der").
        suffixes: words that end a person's name ("Jr.", "III").
        ranks: title words before a name that are not part of it ("Rear", "Adm.", "Col.").
        documents: nouns for what a source issued ("statement", "complaint"); the speaker is
            the issuer.
        issuing_verbs: verbs whose subject issued their object ("signed an open letter").
        boilerplate: how lines that are not part of the article open (see
            :class:`BoilerplateWords`).
        document_families: each document noun -> the nouns for the same kind of document
            ("clip" -> ad, clip, spot, video ...); a noun in no family is its own.
        role_changers: words that make a different role of the title after them ("vice"
            president, "former" minister): the title alone does not name their holder.
        speech_verbs: one-word reporting verbs (from ``reporting.toml``): "Says" in a title-case
            headline ("Obama Says Museum ...") is never part of a name.
        given_names: first names (from ``given_names.toml``), to tell a name from the common
            noun capitalised before it at a sentence start ("Winger Jonas Kallio").
        findings: nouns for polls, studies and surveys, which are sources in their own right
            ("the Reuters/Ipsos poll"), not speaking for an issuer.
        collectives: singular anaphor nouns that can point at a group of people as well as at
            an organisation ("the group" for hostage families).
        epithets: person nouns a writer uses, with a modifier, for someone the text named ("the
            New York businessman"), each with the gender it implies (male, female or any).
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
    particles: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    collectives: frozenset[str] = frozenset()
    findings: frozenset[str] = frozenset()
    role_changers: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    given_names: GivenNames | None = None
    epithets: Mapping[str, str] = attrs.field(factory=dict)
    issuing_verbs: frozenset[str] = frozenset()
    document_families: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    boilerplate: BoilerplateWords = BoilerplateWords()


def _families(file: LexiconFile) -> dict[str, frozenset[str]]:
    """``[documents] families``: lists of nouns for one kind of document."""
    value = file.table("documents", required=False).get("families", [])
    line = file.line_of("families")
    if not isinstance(value, list):
        raise file.fail("documents.families must be a list of lists of nouns", line)
    out: dict[str, set[str]] = {}
    for group in value:
        words = {w.lower() for w in file.strings(group, "documents.families", line)}
        for word in words:
            out.setdefault(word, set()).update(words)
    return {w: frozenset(f) for w, f in out.items()}


def _boilerplate(file: LexiconFile) -> BoilerplateWords:
    """``[boilerplate]``: three lists of opening phrases, lower-cased into word tuples."""

    def phrases(field: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(p.lower().split()) for p in file.words("boilerplate", field, required=False))

    return BoilerplateWords(links=phrases("links"), credits=phrases("credits"), notices=phrases("notices"))


def _epithets(file: LexiconFile) -> dict[str, str]:
    """``[epithets]``: noun -> gender, from one word list per gender."""
    out: dict[str, str] = {}
    for gender in ("male", "female", "any"):
        for word in file.words("epithets", gender, required=False):
            out[word.lower()] = gender
    return out


_WORDS = frozenset({"words"})
_SCHEMA: dict[str, frozenset[str] | None] = {
    "pronouns": None,
    "honorifics": None,
    **dict.fromkeys(
        (
            "person_titles",
            "org_heads",
            "group_heads",
            "anaphors",
            "collectives",
            "role_changers",
            "strip",
            "non_sources",
            "labels",
            "findings",
        ),
        _WORDS,
    ),
    "names": frozenset({"particles", "ranks", "suffixes"}),
    "documents": frozenset({"words", "families", "issuing_verbs"}),
    "epithets": frozenset({"male", "female", "any"}),
    "boilerplate": frozenset({"links", "credits", "notices"}),
}
"""Every table of ``references.toml`` and the keys it may hold."""


def _pronouns(file: LexiconFile) -> dict[str, tuple[str, str]]:
    """``[pronouns]``: each word maps to "GENDER NUMBER"."""
    pronouns: dict[str, tuple[str, str]] = {}
    for word, value in file.table("pronouns").items():
        parts = value.split() if isinstance(value, str) else []
        if len(parts) != 2 or parts[0] not in GENDERS or parts[1] not in NUMBERS:
            raise file.fail(
                f'pronoun {word!r} must map to "GENDER NUMBER" (e.g. "male singular"), got {value!r}',
                file.line_of(f"{word} ="),
            )
        pronouns[word.lower()] = (parts[0], parts[1])
    return pronouns


def _honorifics(file: LexiconFile) -> dict[str, str]:
    """``[honorifics]``: each word maps to a gender."""
    honorifics: dict[str, str] = {}
    for word, value in file.table("honorifics").items():
        if not isinstance(value, str) or value not in GENDERS:
            raise file.fail(f"honorific {word!r} must map to a gender {sorted(GENDERS)}", file.line_of(word))
        honorifics[norm(word)] = value
    return honorifics


def _lower(file: LexiconFile, *keys: str, required: bool = False) -> frozenset[str]:
    """A word list of the file, lower-cased."""
    return frozenset(w.lower() for w in file.words(*keys, required=required))


def load_references(path: Path) -> References:
    file = LexiconFile(path)
    check_schema(file, _SCHEMA)
    return References(
        pronouns=_pronouns(file),
        honorifics=_honorifics(file),
        person_titles=_lower(file, "person_titles", required=True),
        org_heads=_lower(file, "org_heads", required=True),
        group_heads=_lower(file, "group_heads", required=True),
        anaphors=frozenset(norm(w) for w in file.words("anaphors")),
        strip=_lower(file, "strip", required=True),
        non_sources=_lower(file, "non_sources"),
        labels=_lower(file, "labels"),
        particles=_lower(file, "names", "particles"),
        suffixes=_lower(file, "names", "suffixes"),
        ranks=_lower(file, "names", "ranks"),
        documents=_lower(file, "documents"),
        collectives=_lower(file, "collectives"),
        findings=_lower(file, "findings"),
        role_changers=_lower(file, "role_changers"),
        epithets=_epithets(file),
        document_families=_families(file),
        boilerplate=_boilerplate(file),
        issuing_verbs=_lower(file, "documents", "issuing_verbs"),
    )
