"""Stance lexicons: modifiers, shared evaluative cues and one file per stance target."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import attrs

from quotebank.lexicons._files import LexiconFile, norm, tables, unknown_keys
from quotebank.model import StanceLabel

__all__ = [
    "EvaluativeLexicon",
    "Modifiers",
    "Pattern",
    "StanceTarget",
    "load_evaluative",
    "load_modifiers",
    "load_target",
]


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


def _factor_table(file: LexiconFile, key: str, low: float, high: float) -> dict[str, float]:
    return {
        norm(word): file.number(value, f"{key}.{word}", file.line_of(f"{word} ="), low=low, high=high)
        for word, value in file.table(key).items()
    }


def load_modifiers(path: Path) -> Modifiers:
    file = LexiconFile(path)
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


def _cue_table(file: LexiconFile, key: str, *, required: bool = True) -> dict[str, float]:
    return {
        norm(phrase): file.number(value, f"{key}.{phrase!r}", file.line_of(f'"{phrase}"'), low=-5, high=5)
        for phrase, value in file.table(key, required=required).items()
    }


def load_evaluative(path: Path) -> EvaluativeLexicon:
    file = LexiconFile(path)
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
    file = LexiconFile(Path(path))
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
    return StanceTarget(
        id=target_id,
        label=str(target.get("label", target_id)),
        description=str(target.get("description", "")),
        terms=tuple(norm(t) for t in terms),
        weak_terms=frozenset(norm(t) for t in weak),
        contrastive=tuple(
            norm(t) for t in file.strings(contrastive, "contrastive.phrases", file.line_of("[contrastive]"))
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
