"""The typed, immutable result objects of quotebank.

Every object here is an ``attrs`` frozen, slotted, keyword-only class whose
fields are checked by validators when it is built, so a ``Quote`` that exists
is a ``Quote`` that is consistent. All of them round-trip losslessly through
plain JSON-compatible dictionaries with ``to_dict()`` / ``from_dict()``.

Examples:
    >>> from quotebank import TextSpan
    >>> span = TextSpan(start=4, end=9, text="quote")
    >>> span.to_dict()
    {'start': 4, 'end': 9, 'text': 'quote'}
    >>> TextSpan(start=3, end=1, text="")
    Traceback (most recent call last):
    ...
    ValueError: TextSpan needs 0 <= start <= end, got start=3, end=1
"""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

__all__ = [
    "Evidence",
    "Quote",
    "QuoteKind",
    "Resolution",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "StanceLabel",
    "StanceLayer",
    "TextSpan",
    "speaker_key",
]


class QuoteKind(enum.StrEnum):
    """How the content of a quote is reported.

    Attributes:
        DIRECT: the content stands inside quotation marks.
        INDIRECT: reported speech with no quotation marks.
        MIXED: reported speech that contains a quoted fragment.
    """

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class SpeakerKind(enum.StrEnum):
    """What sort of source a speaker is.

    Attributes:
        PERSON: a single named or described person.
        ORGANIZATION: a government, ministry, army, company, party or office.
        GROUP: a set of people (relatives of hostages, residents, officials).
        UNKNOWN: the kind could not be told.
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    UNKNOWN = "unknown"


class Resolution(enum.StrEnum):
    """How a speaker's canonical name was found.

    Attributes:
        NAMED: the mention is the name itself (or a longer form of it).
        ALIAS: the mention matched an alias in the speaker registry.
        TITLE: the mention is a title or role ("the Israeli leader").
        SURNAME: a surname or honorific form traced back to a full name.
        PRONOUN: a pronoun traced back to an earlier speaker.
        CONTEXT: no mention next to the quote; the speaker comes from context.
        UNRESOLVED: the mention could not be tied to a canonical name.
    """

    NAMED = "named"
    ALIAS = "alias"
    TITLE = "title"
    SURNAME = "surname"
    PRONOUN = "pronoun"
    CONTEXT = "context"
    UNRESOLVED = "unresolved"


class StanceLabel(enum.StrEnum):
    """The SemEval-2016 Task 6 stance labels.

    Attributes:
        FAVOR: the quote supports the target.
        AGAINST: the quote opposes the target.
        NONE: the quote does not address the target or takes no side.
    """

    FAVOR = "FAVOR"
    AGAINST = "AGAINST"
    NONE = "NONE"


class StanceLayer(enum.StrEnum):
    """The layer of the stance scorer that produced a piece of evidence.

    Attributes:
        FRAME: the target frame itself ("we will enter Rafah": an announced event).
        PREDICATE: a predicate of ``predicates.tsv`` governing or evaluating a
            target mention (support, prevent, a consequence, an evaluation).
        VALENCE: the general valence lexicon (VADER), for a word no predicate
            entry names, attached to a target mention in the parse.
        COMPOSITION: a composition rule that decides on its own (a conditional
            threat, civilian protection as a condition, blame for obstruction).
        PATTERN: an implied-stance pattern of the target file ("fight until victory").
    """

    FRAME = "frame"
    PREDICATE = "predicate"
    VALENCE = "valence"
    COMPOSITION = "composition"
    PATTERN = "pattern"


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


def _span_tuple(value: Iterable[TextSpan]) -> tuple[TextSpan, ...]:
    return tuple(value)


def _check_span(instance: TextSpan, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 0 <= instance.start <= instance.end:
        raise ValueError(f"TextSpan needs 0 <= start <= end, got start={instance.start}, end={instance.end}")
    if len(instance.text) != instance.end - instance.start:
        raise ValueError(
            f"TextSpan text has {len(instance.text)} characters but the span "
            f"[{instance.start}, {instance.end}) covers {instance.end - instance.start}"
        )


@attrs.frozen(kw_only=True, order=True)
class TextSpan:
    """A stretch of the source text, by character offsets.

    ``text`` is always ``source[start:end]``: offsets count Python ``str``
    characters (code points) of the text that was passed in, never bytes.

    Attributes:
        start: offset of the first character.
        end: offset one past the last character.
        text: the characters themselves.

    Examples:
        >>> source = "He said no."
        >>> span = TextSpan.from_text(source, 3, 7)
        >>> span.text, len(span)
        ('said', 4)
    """

    start: int = attrs.field(validator=attrs.validators.instance_of(int))
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_span])
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    @classmethod
    def from_text(cls, source: str, start: int, end: int) -> TextSpan:
        """Build the span ``source[start:end]``.

        Args:
            source: the whole text the offsets index into.
            start: offset of the first character.
            end: offset one past the last character.

        Returns:
            The span, with its text copied from ``source``.

        Raises:
            ValueError: if the offsets are out of order or out of bounds.
        """
        if end > len(source):
            raise ValueError(f"TextSpan end {end} is past the end of a text of {len(source)}")
        return cls(start=start, end=end, text=source[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dictionary."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextSpan:
        """Rebuild a span from :meth:`to_dict` output."""
        return cls(start=data["start"], end=data["end"], text=data["text"])


def _unit_interval(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and 0.0 <= value <= 1.0):
        raise ValueError(f"{attribute.name} must be a finite number in [0, 1], got {value!r}")


def speaker_key(name: str | None) -> str | None:
    """The key of an unregistered speaker: the canonical name case-folded, with one plain
    space between words and no leading "the".

    Examples:
        >>> speaker_key("The  Trump campaign")
        'trump campaign'
    """
    if name is None:
        return None
    words = name.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words) or None


def _words(name: str) -> tuple[str, ...]:
    """A name's words for matching: case-folded, punctuation at word ends dropped."""
    words = [w.strip(".,;:'\"()") for w in name.casefold().split()]
    words = [w for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(words)


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether ``part`` occurs in ``words`` as a run of whole words."""
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


@attrs.frozen(kw_only=True)
class Speaker:
    """The source of a quote, resolved to a canonical name where possible.

    Attributes:
        name: the canonical name ("Benjamin Netanyahu", "hostage families"),
            or ``None`` when no name could be resolved.
        mention: the words next to the quote that name the source ("he",
            "the Israeli leader"), or ``None`` when it comes from context.
        kind: person, organization, group or unknown.
        resolution: how ``name`` was reached from ``mention``.
        confidence: how sure the resolver is, in [0, 1].
        aliases: other names the same speaker is known by (for
            "Netanyahu's office": "Benjamin Netanyahu").
        key: one identifier per speaker across documents, for counting who said
            what: the registry's ``id`` when the speaker is registered with one,
            else :func:`speaker_key` of the name ("donald j. trump").

    Examples:
        >>> Speaker(name="Hamas", kind=SpeakerKind.ORGANIZATION).resolution
        <Resolution.NAMED: 'named'>
        >>> Speaker(name="Donald  J. Trump").key
        'donald j. trump'
    """

    name: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str)))
    mention: TextSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TextSpan))
    )
    kind: SpeakerKind = attrs.field(
        default=SpeakerKind.UNKNOWN,
        converter=SpeakerKind,
        validator=attrs.validators.instance_of(SpeakerKind),
    )
    resolution: Resolution = attrs.field(
        default=Resolution.NAMED,
        converter=Resolution,
        validator=attrs.validators.instance_of(Resolution),
    )
    confidence: float = attrs.field(default=1.0, validator=_unit_interval)
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_str_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str)),
    )
    key: str | None = attrs.field(
        default=attrs.Factory(lambda self: speaker_key(self.name), takes_self=True),
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
    )

    def matches(self, name: str) -> bool:
        """Whether ``name`` names this speaker: its words, case-folded and without a
        leading "the", appear whole and in order in the canonical name, the key or an
        alias (what ``quotebank extract --speaker NAME`` filters by).

        Examples:
            >>> bibi = Speaker(name="Benjamin Netanyahu", aliases=("Bibi",))
            >>> bibi.matches("netanyahu"), bibi.matches("Bibi"), bibi.matches("Yahu")
            (True, True, False)
            >>> Speaker(name="the Trump campaign").matches("The Trump campaign")
            True
        """
        wanted = _words(name)
        if not wanted:
            return False
        names = (self.name, self.key, *self.aliases)
        return any(_contains(_words(known), wanted) for known in names if known)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dictionary (the CLI's ``speaker`` object)."""
        return {
            "name": self.name,
            "key": self.key,
            "mention": None if self.mention is None else self.mention.text,
            "span": None if self.mention is None else [self.mention.start, self.mention.end],
            "kind": self.kind.value,
            "resolution": self.resolution.value,
            "confidence": self.confidence,
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """Rebuild a speaker from :meth:`to_dict` output."""
        span = data.get("span")
        mention = None
        if span is not None:
            mention = TextSpan(start=span[0], end=span[1], text=data["mention"])
        return cls(
            name=data.get("name"),
            mention=mention,
            kind=SpeakerKind(data.get("kind", "unknown")),
            resolution=Resolution(data.get("resolution", "named")),
            confidence=data.get("confidence", 1.0),
            aliases=tuple(data.get("aliases", ())),
            key=data.get("key", speaker_key(data.get("name"))),
        )


@attrs.frozen(kw_only=True)
class Evidence:
    """One reason a stance score moved, with the layer and rule that produced it.

    Attributes:
        layer: the scorer layer that produced the signal.
        rule: the rule or predicate class that fired ("oppose", "prevent",
            "announce", "conditional_threat", "pattern", ...).
        cue: the words and the chain that fired it, readable by a person
            ("reject -> deal").
        weight: its signed contribution (negative is AGAINST).
        span: where in the text it fired, if it has a place.
        composition: the composition rules that changed it on the way, in
            order ("negation", "question", "conditional", "contrast:after",
            "hedge:might", ...).

    Examples:
        >>> Evidence(layer=StanceLayer.PREDICATE, rule="oppose", cue="reject -> deal", weight=-1.2).to_dict()["layer"]
        'predicate'
    """

    layer: StanceLayer = attrs.field(converter=StanceLayer, validator=attrs.validators.instance_of(StanceLayer))
    rule: str = attrs.field(validator=attrs.validators.instance_of(str))
    cue: str = attrs.field(validator=attrs.validators.instance_of(str))
    weight: float = attrs.field(validator=attrs.validators.instance_of((int, float)))
    span: TextSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TextSpan))
    )
    composition: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str))
    )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dictionary."""
        return {
            "layer": self.layer.value,
            "rule": self.rule,
            "cue": self.cue,
            "weight": self.weight,
            "span": None if self.span is None else [self.span.start, self.span.end],
            "text": None if self.span is None else self.span.text,
            "composition": list(self.composition),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        """Rebuild evidence from :meth:`to_dict` output."""
        span = data.get("span")
        return cls(
            layer=StanceLayer(data["layer"]),
            rule=data["rule"],
            cue=data["cue"],
            weight=data["weight"],
            span=None if span is None else TextSpan(start=span[0], end=span[1], text=data["text"]),
            composition=tuple(data.get("composition", ())),
        )


def _score_range(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and -1.0 <= value <= 1.0):
        raise ValueError(f"Stance score must be a finite number in [-1, 1], got {value!r}")


@attrs.frozen(kw_only=True)
class Stance:
    """The stance of one quote toward one target, with the reasons for it.

    Attributes:
        target: the target's identifier ("rafah_offensive", "ceasefire").
        label: FAVOR, AGAINST or NONE.
        score: the signed strength in [-1, 1]; positive is FAVOR.
        evidence: the cues and rules that fired, in text order.

    Examples:
        >>> Stance(target="ceasefire", label=StanceLabel.NONE, score=0.0).evidence
        ()
    """

    target: str = attrs.field(validator=attrs.validators.instance_of(str))
    label: StanceLabel = attrs.field(converter=StanceLabel, validator=attrs.validators.instance_of(StanceLabel))
    score: float = attrs.field(default=0.0, validator=_score_range)
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        converter=_evidence_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Evidence)),
    )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dictionary (one value of the CLI's ``stance`` object)."""
        return {
            "label": self.label.value,
            "score": self.score,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, target: str, data: Mapping[str, Any]) -> Stance:
        """Rebuild a stance from :meth:`to_dict` output and its target."""
        return cls(
            target=target,
            label=StanceLabel(data["label"]),
            score=data.get("score", 0.0),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", ())),
        )


class FrozenMap(Mapping[str, "Stance"]):
    """A read-only, hashable mapping from stance target to :class:`Stance`.

    Keys keep the order they were given in.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Stance] | None = None) -> None:
        self._items: dict[str, Stance] = dict(items or {})

    def __getitem__(self, key: str) -> Stance:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._items,))


def _to_frozen_map(value: Mapping[str, Stance] | None) -> FrozenMap:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def _check_stance_map(instance: Any, attribute: attrs.Attribute[Any], value: FrozenMap) -> None:
    for key, stance in value.items():
        if not isinstance(stance, Stance):
            raise TypeError(f"stance[{key!r}] must be a Stance, got {type(stance).__name__}")
        if stance.target != key:
            raise ValueError(f"stance[{key!r}] holds a Stance for target {stance.target!r}")


def _check_content(instance: Any, attribute: attrs.Attribute[Any], value: tuple[TextSpan, ...]) -> None:
    if not value:
        raise ValueError("a Quote needs at least one content span")
    for piece in value:
        if not isinstance(piece, TextSpan):
            raise TypeError(f"Quote content must hold TextSpan objects, got {type(piece).__name__}")
    for before, after in itertools.pairwise(value):
        if after.start < before.end:
            raise ValueError("Quote content spans must be in text order and must not overlap")


@attrs.frozen(kw_only=True)
class Quote:
    """One attribution event: who said what, how, and with which stance.

    Attributes:
        kind: direct, indirect or mixed.
        content: the pieces of what was said, in text order; a split direct
            quote (“A,” he said, “B.”) has two pieces.
        speaker: the source, or ``None`` when none could be found.
        cue: the reporting word or phrase ("said", "according to").
        stance: stance per target, keyed by target identifier.
        doc_id: the identifier of the document the quote comes from.
        rule: the name of the extraction rule that found the quote (see the rules page of
            the documentation, :data:`quotebank.extract.rules.REGISTRY`); ``None`` for a
            quote built by hand or read from output that did not record it.

    Examples:
        >>> import quotebank
        >>> quote = quotebank.extract('"We will win," she said.')[0]
        >>> quote.kind.value, quote.text, quote.cue.text, quote.rule
        ('direct', 'We will win,', 'said', 'inverted')
        >>> quotebank.Quote.from_dict(quote.to_dict()) == quote
        True
    """

    kind: QuoteKind = attrs.field(converter=QuoteKind, validator=attrs.validators.instance_of(QuoteKind))
    content: tuple[TextSpan, ...] = attrs.field(converter=_span_tuple, validator=_check_content)
    speaker: Speaker | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Speaker))
    )
    cue: TextSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TextSpan))
    )
    stance: FrozenMap = attrs.field(factory=FrozenMap, converter=_to_frozen_map, validator=_check_stance_map)
    doc_id: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    rule: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [attrs.validators.instance_of(str), attrs.validators.matches_re(r"[a-z][a-z0-9_]*")]
        ),
    )

    @property
    def start(self) -> int:
        """Offset of the first content character."""
        return self.content[0].start

    @property
    def end(self) -> int:
        """Offset one past the last content character."""
        return self.content[-1].end

    @property
    def text(self) -> str:
        """The content pieces joined by a single space."""
        return " ".join(piece.text for piece in self.content)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-compatible dictionary that the CLI writes as one JSONL line.

        Keys: ``doc``, ``kind``, ``rule``, ``content`` (list of str), ``spans``
        (``[[start, end], ...]``), ``speaker``, ``cue`` and ``stance``.
        """
        return {
            "doc": self.doc_id,
            "kind": self.kind.value,
            "rule": self.rule,
            "content": [piece.text for piece in self.content],
            "spans": [[piece.start, piece.end] for piece in self.content],
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else {"text": self.cue.text, "span": [self.cue.start, self.cue.end]},
            "stance": {target: stance.to_dict() for target, stance in self.stance.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Rebuild a quote from :meth:`to_dict` output (lossless)."""
        content = tuple(
            TextSpan(start=span[0], end=span[1], text=text)
            for text, span in zip(data["content"], data["spans"], strict=True)
        )
        cue_data = data.get("cue")
        cue = None
        if cue_data is not None:
            cue = TextSpan(start=cue_data["span"][0], end=cue_data["span"][1], text=cue_data["text"])
        speaker_data = data.get("speaker")
        return cls(
            kind=QuoteKind(data["kind"]),
            content=content,
            speaker=None if speaker_data is None else Speaker.from_dict(speaker_data),
            cue=cue,
            stance={t: Stance.from_dict(t, s) for t, s in (data.get("stance") or {}).items()},
            doc_id=data.get("doc"),
            rule=data.get("rule"),
        )
