"""The bundle of every lexicon an extractor uses, and where the shipped files live."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import attrs

from quotebank.errors import LexiconError
from quotebank.lexicons.given_names import GivenNames, load_given_names
from quotebank.lexicons.predicates import PredicateLexicon, load_predicates
from quotebank.lexicons.references import References, load_references
from quotebank.lexicons.registry import SpeakerRegistry, load_speakers
from quotebank.lexicons.reporting import ReportingLexicon, load_reporting
from quotebank.lexicons.stance import Modifiers, StanceTarget, load_modifiers, load_target
from quotebank.lexicons.valence import ValenceLexicon, load_valence

__all__ = ["LexiconSources", "Lexicons", "default_lexicon_dir", "load_lexicons"]


def default_lexicon_dir() -> Path:
    """Return the folder holding the shipped lexicon files.

    Looks inside the installed package first (wheel installs), then in the
    source tree's ``data/lexicons`` (editable installs and checkouts).

    Raises:
        LexiconError: if neither place holds the files.
    """
    here = Path(__file__).resolve().parent.parent  # the quotebank package
    for candidate in (here / "_lexicons", here.parent.parent / "data" / "lexicons"):
        if (candidate / "reporting.toml").is_file():
            return candidate
    raise LexiconError(
        "the shipped lexicon files were not found (looked in quotebank/_lexicons and data/lexicons); "
        "reinstall quotebank"
    )


def _path_tuple(value: Iterable[Path | str]) -> tuple[Path, ...]:
    return tuple(Path(v) for v in value)


@attrs.frozen(kw_only=True)
class LexiconSources:
    """The files a :class:`Lexicons` was loaded from, so that it can be saved with a pipeline
    (``nlp.to_disk``) and loaded again anywhere.

    Attributes:
        directory: the folder laid out like ``data/lexicons`` (the shipped one by default).
        reporting: a reporting-cue file used instead of the directory's, if any.
        speakers: the user's speaker registry files, in load order.
        targets: the user's stance target files, in load order.
        predicates: the user's predicate files, in load order.
        replace_speakers: only ``speakers`` were read, not the directory's registry.
        replace_targets: only ``targets`` were read, not the directory's targets.

    Examples:
        >>> load_lexicons().sources.speakers
        ()
    """

    directory: Path = attrs.field(converter=Path)
    reporting: Path | None = attrs.field(default=None, converter=attrs.converters.optional(Path))
    speakers: tuple[Path, ...] = attrs.field(default=(), converter=_path_tuple)
    targets: tuple[Path, ...] = attrs.field(default=(), converter=_path_tuple)
    predicates: tuple[Path, ...] = attrs.field(default=(), converter=_path_tuple)
    replace_speakers: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    replace_targets: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def load(self) -> Lexicons:
        """Load the lexicons these files describe (:func:`load_lexicons`)."""
        return load_lexicons(
            directory=self.directory,
            reporting=self.reporting,
            speakers=self.speakers,
            targets=self.targets,
            predicates=self.predicates,
            replace_speakers=self.replace_speakers,
            replace_targets=self.replace_targets,
        )


@attrs.frozen(kw_only=True)
class Lexicons:
    """Every lexicon the extractor uses, loaded and validated.

    Build it with :func:`load_lexicons`.

    Attributes:
        reporting: reporting verbs and phrases.
        speakers: the speaker registry.
        references: pronouns, honorifics and head nouns.
        modifiers: the words the stance composition rules read (negators,
            hedges, contrast, conditionals, mood, questions).
        predicates: the target-independent predicate semantics.
        valence: the general valence list (the stance scorer's fallback layer).
        targets: stance targets by id, in load order.
        given_names: first names that tell a gender (pronoun agreement).
        sources: the files they were loaded from (``None`` for lexicons built in code);
            a pipeline saves them with ``nlp.to_disk``.
    """

    reporting: ReportingLexicon
    speakers: SpeakerRegistry
    references: References
    modifiers: Modifiers
    predicates: PredicateLexicon
    valence: ValenceLexicon
    targets: Mapping[str, StanceTarget]
    given_names: GivenNames
    sources: LexiconSources | None = None

    def describe(self) -> dict[str, str]:
        """Versions of every file, for provenance in outputs and reports."""
        info = {
            "reporting": self.reporting.version,
            "speakers": ",".join(self.speakers.versions),
            "predicates": self.predicates.version,
            "valence": f"{self.valence.version} ({self.valence.source})",
            "given_names": f"{self.given_names.version} ({self.given_names.source})",
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
    predicates: Path | str | Iterable[Path | str] | None = None,
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
        predicates: predicate files (``predicates.tsv`` layout) added after the
            shipped one; their entries override shipped entries with the same phrase.
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
        _paths(predicates),
        replace_speakers,
        replace_targets,
        Path(directory) if directory else None,
    )


@lru_cache(maxsize=16)
def _load_cached(
    reporting: Path | None,
    speakers: tuple[Path, ...],
    targets: tuple[Path, ...],
    predicates: tuple[Path, ...],
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
    cues = load_reporting(reporting or base / "reporting.toml")
    given = load_given_names(base / "given_names.toml")
    references = attrs.evolve(
        load_references(base / "references.toml"),
        speech_verbs=frozenset(v for v in cues.verbs if " " not in v),
        given_names=given,
    )
    return Lexicons(
        reporting=cues,
        speakers=load_speakers(speaker_paths),
        references=references,
        modifiers=load_modifiers(base / "modifiers.toml"),
        predicates=load_predicates(base / "predicates.tsv", *predicates),
        valence=load_valence(base / "valence.toml"),
        targets=loaded,
        given_names=given,
        sources=LexiconSources(
            directory=base,
            reporting=reporting,
            speakers=speakers,
            targets=targets,
            predicates=predicates,
            replace_speakers=replace_speakers,
            replace_targets=replace_targets,
        ),
    )
