"""Scoring stance on a behavioural suite (CheckList-style capability tests).

A suite is a JSONL file of short texts, one quote each, labelled under
``annotation/GUIDELINES.md`` and grouped by *capability* (negation,
conditional threats, blame, ...). Each line has ``id``, ``capability``,
``text``, ``content`` (a string, or a list of strings for a split quote) and
``stance`` (a label per target id); ``speaker`` and ``why`` are optional.

Two readings of every item:

* **end to end** (:attr:`SuiteMode.END_TO_END`): the text is extracted as a
  user would; the item's labels are compared with those of the quote whose
  content matches the item's (the overlap rule of ``SCORING.md``), or with
  NONE when no quote matches;
* **gold bounds** (:attr:`SuiteMode.GOLD_BOUNDS`): the item's own content is
  scored, so that stance is measured apart from extraction.

Examples:
    >>> item = SuiteItem(id="x-1", capability="negation", text='"We will never accept a truce," she said.',
    ...                  content=("We will never accept a truce,",),
    ...                  stance={"ceasefire": "AGAINST"})
    >>> report = score_suite([SuiteOutcome(item=item, predicted={"ceasefire": "AGAINST"}, found=True)],
    ...                      mode=SuiteMode.GOLD_BOUNDS)
    >>> report.stance["ceasefire"].f_avg, report.capabilities["negation"].accuracy
    (0.5, 1.0)
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from quotebank.errors import QuotebankError
from quotebank.evaluation import GoldQuote, StanceReport, locate, same_speaker, stance_report
from quotebank.model import StanceLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from quotebank.model import Quote, Stance

__all__ = [
    "CapabilityScore",
    "OffTopicReport",
    "SpeakerItem",
    "SpeakerOutcome",
    "SpeakerQuote",
    "SpeakerReport",
    "SuiteError",
    "SuiteItem",
    "SuiteMode",
    "SuiteOutcome",
    "SuiteReport",
    "is_speaker_suite",
    "load_speaker_suite",
    "load_suite",
    "matching_quote",
    "off_topic",
    "run_speaker_suite",
    "run_suite",
    "score_speaker_suite",
    "score_suite",
]

_LABELS = frozenset(label.value for label in StanceLabel)


class SuiteError(QuotebankError, ValueError):
    """A suite file is malformed; the message names the file and line."""


class SuiteMode(enum.Enum):
    """How an item's quote is found before its stance is compared."""

    END_TO_END = "end_to_end"
    GOLD_BOUNDS = "gold_bounds"


def _content(value: Any) -> tuple[str, ...]:
    pieces = (value,) if isinstance(value, str) else tuple(value)
    if not pieces or not all(isinstance(p, str) and p for p in pieces):
        raise ValueError("content must be a non-empty string or list of non-empty strings")
    return pieces


def _stance(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise ValueError("stance must be an object of target id to label")
    for target, label in value.items():
        if label not in _LABELS:
            raise ValueError(f"stance label {label!r} for {target!r} is not one of {sorted(_LABELS)}")
    return dict(value)


@attrs.frozen(kw_only=True)
class SuiteItem:
    """One suite line: a short text with one quote and its gold labels."""

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    capability: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    content: tuple[str, ...] = attrs.field(converter=_content)
    stance: Mapping[str, str] = attrs.field(converter=_stance)
    speaker: str | None = None

    def spans(self) -> tuple[tuple[int, int], ...]:
        """Character ranges of the content's pieces in :attr:`text` (empty when not found)."""
        gold = GoldQuote(doc=self.id, kind="direct", content=self.content, speaker=None, aliases=(), stance={})
        return locate(self.text, [gold])[0]


@attrs.frozen(kw_only=True)
class SuiteOutcome:
    """What quotebank returned for one item."""

    item: SuiteItem
    predicted: Mapping[str, str]
    found: bool

    @property
    def correct(self) -> bool:
        """Whether every target's label equals the gold label."""
        return all(self.predicted.get(t, "NONE") == gold for t, gold in self.item.stance.items())


@attrs.frozen(kw_only=True)
class CapabilityScore:
    """Accuracy (all targets right) over one capability's items."""

    capability: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        """Share of the capability's items right on every target."""
        return round(self.correct / self.total, 4) if self.total else 0.0


class _Scored(Protocol):
    """An outcome of either suite: right or not, for an item of some capability."""

    @property
    def correct(self) -> bool: ...

    @property
    def item(self) -> SuiteItem | SpeakerItem: ...


def _share(outcomes: Sequence[_Scored]) -> float:
    """Share of the outcomes that are right (0 for none)."""
    return round(sum(o.correct for o in outcomes) / len(outcomes), 4) if outcomes else 0.0


def _by_capability(outcomes: Sequence[_Scored]) -> dict[str, CapabilityScore]:
    """Right and total per capability, sorted by capability name."""
    counts: dict[str, list[int]] = {}
    for o in outcomes:
        tally = counts.setdefault(o.item.capability, [0, 0])
        tally[0] += o.correct
        tally[1] += 1
    return {c: CapabilityScore(capability=c, correct=r, total=n) for c, (r, n) in sorted(counts.items())}


@attrs.frozen(kw_only=True)
class SuiteReport:
    """Per-target F_avg, per-capability accuracy and every outcome of one reading."""

    mode: SuiteMode
    stance: Mapping[str, StanceReport]
    capabilities: Mapping[str, CapabilityScore]
    outcomes: tuple[SuiteOutcome, ...]

    @property
    def accuracy(self) -> float:
        """Share of items right on every target."""
        return _share(self.outcomes)

    @property
    def found(self) -> int:
        """How many items had a matching quote (always all of them with gold bounds)."""
        return sum(o.found for o in self.outcomes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible summary (failures listed by item id)."""
        return {
            "mode": self.mode.value,
            "items": len(self.outcomes),
            "found": self.found,
            "accuracy": self.accuracy,
            "stance": {
                t: {"f_avg": s.f_avg, "f1_favor": s.f1_favor, "f1_against": s.f1_against}
                for t, s in self.stance.items()
            },
            "capabilities": {c: {"accuracy": s.accuracy, "items": s.total} for c, s in self.capabilities.items()},
            "failures": [o.item.id for o in self.outcomes if not o.correct],
        }


def _item(data: Any) -> SuiteItem:
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    missing = [k for k in ("id", "capability", "text", "content", "stance") if k not in data]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    return SuiteItem(
        id=data["id"],
        capability=data["capability"],
        text=data["text"],
        content=data["content"],
        stance=data["stance"],
        speaker=data.get("speaker"),
    )


def load_suite(path: Path | str) -> list[SuiteItem]:
    """Read a suite JSONL file.

    Raises:
        SuiteError: a line is not JSON, lacks a field, has a label outside
            FAVOR/AGAINST/NONE, its content is not in its text or its id is
            used twice; the message
            names the file and line.
    """
    return _read_lines(path, _item, lambda item: "" if item.spans() else f"content of {item.id} is not in its text")


def _overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> tuple[int, int, int]:
    left = {i for s, e in a for i in range(s, e)}
    right = {i for s, e in b for i in range(s, e)}
    return len(left & right), len(left), len(right)


def matching_quote(item: SuiteItem, quotes: Sequence[Quote]) -> Quote | None:
    """The quote whose content matches the item's (SCORING.md: overlap ≥ half of each), best first."""
    return _best_match(item.spans(), quotes)


def _labels(stance: Mapping[str, Stance]) -> dict[str, str]:
    return {t: s.label.value for t, s in stance.items()}


def run_suite(
    items: Sequence[SuiteItem],
    parse: Callable[[str], Doc],
    score: Callable[[Doc, Sequence[Sequence[tuple[int, int]]]], list[dict[str, Stance]]],
    *,
    mode: SuiteMode,
) -> list[SuiteOutcome]:
    """Run quotebank on every item in one reading.

    Args:
        items: the suite.
        parse: text to a parsed document with ``doc._.quotes`` (an
            :class:`~quotebank.Extractor`'s ``parse``).
        score: the stance of given character ranges (a scorer's
            ``score_quotes``), used with gold bounds.
        mode: end to end or gold bounds.
    """
    outcomes = []
    for item in items:
        doc = parse(item.text)
        if mode is SuiteMode.GOLD_BOUNDS:
            predicted = _labels(score(doc, [item.spans()])[0])
            outcomes.append(SuiteOutcome(item=item, predicted=predicted, found=True))
            continue
        quote = matching_quote(item, doc._.quotes)
        predicted = {} if quote is None else _labels(quote.stance)
        outcomes.append(SuiteOutcome(item=item, predicted=predicted, found=quote is not None))
    return outcomes


def score_suite(outcomes: Sequence[SuiteOutcome], *, mode: SuiteMode) -> SuiteReport:
    """F_avg per target and accuracy per capability over the outcomes."""
    targets = sorted({t for o in outcomes for t in o.item.stance})
    pairs = {
        t: [(o.item.stance[t], o.predicted.get(t, "NONE")) for o in outcomes if t in o.item.stance] for t in targets
    }
    return SuiteReport(
        mode=mode,
        stance={t: stance_report(t, p) for t, p in pairs.items()},
        capabilities=_by_capability(outcomes),
        outcomes=tuple(outcomes),
    )


@attrs.frozen(kw_only=True)
class OffTopicReport:
    """False alarms on a corpus about something else: quotes given any label but NONE.

    Examples:
        >>> report = off_topic([("a", []), ("b", [])])
        >>> report.documents, report.quotes, report.rate
        (2, 0, 0.0)
    """

    documents: int
    quotes: int
    alarms: tuple[tuple[str, Quote], ...]

    @property
    def rate(self) -> float:
        """Share of the quotes with a label other than NONE for some target."""
        return len(self.alarms) / self.quotes if self.quotes else 0.0


def off_topic(results: Iterable[tuple[str, Sequence[Quote]]]) -> OffTopicReport:
    """Count the quotes of an off-topic corpus that got a stance (document id, quotes pairs)."""
    documents = quotes = 0
    alarms: list[tuple[str, Quote]] = []
    for doc_id, found in results:
        documents += 1
        quotes += len(found)
        alarms.extend((doc_id, q) for q in found if any(s.label is not StanceLabel.NONE for s in q.stance.values()))
    return OffTopicReport(documents=documents, quotes=quotes, alarms=tuple(alarms))


# --------------------------------------------------------------------------- speaker suites


@attrs.frozen(kw_only=True)
class SpeakerQuote:
    """One gold quote of a speaker-suite item: its content and canonical speaker."""

    content: tuple[str, ...] = attrs.field(converter=_content)
    speaker: str = attrs.field(
        validator=attrs.validators.and_(attrs.validators.instance_of(str), attrs.validators.min_len(1))
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    mention: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every accepted alias."""
        return (self.speaker, *self.aliases)


@attrs.frozen(kw_only=True)
class SpeakerItem:
    """One speaker-suite line: a short text and each of its quotes with its speaker."""

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    capability: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    quotes: tuple[SpeakerQuote, ...] = attrs.field(validator=attrs.validators.min_len(1))

    def spans(self, quote: SpeakerQuote) -> tuple[tuple[int, int], ...]:
        """Character ranges of one gold quote's content in :attr:`text` (empty when not found)."""
        gold = GoldQuote(doc=self.id, kind="direct", content=quote.content, speaker=None, aliases=(), stance={})
        return locate(self.text, [gold])[0]


@attrs.frozen(kw_only=True)
class SpeakerOutcome:
    """What quotebank returned for one gold quote of a speaker-suite item."""

    item: SpeakerItem
    gold: SpeakerQuote
    predicted: str | None
    found: bool

    @property
    def correct(self) -> bool:
        """Whether a matching quote was found and its speaker is the gold speaker (or an alias)."""
        return self.found and same_speaker(self.predicted, self.gold.names)


@attrs.frozen(kw_only=True)
class SpeakerReport:
    """Speaker accuracy over a speaker suite's gold quotes, overall and per capability."""

    capabilities: Mapping[str, CapabilityScore]
    outcomes: tuple[SpeakerOutcome, ...]

    @property
    def accuracy(self) -> float:
        """Share of gold quotes found with the right speaker."""
        return _share(self.outcomes)

    @property
    def found(self) -> int:
        """How many gold quotes had a matching quote."""
        return sum(o.found for o in self.outcomes)

    @property
    def matched_accuracy(self) -> float:
        """Speaker accuracy on the gold quotes that were found."""
        found = self.found
        return round(sum(o.correct for o in self.outcomes) / found, 4) if found else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible summary (failures listed by item id and predicted speaker)."""
        return {
            "quotes": len(self.outcomes),
            "found": self.found,
            "accuracy": self.accuracy,
            "matched_accuracy": self.matched_accuracy,
            "capabilities": {c: {"accuracy": s.accuracy, "quotes": s.total} for c, s in self.capabilities.items()},
            "failures": [
                {"id": o.item.id, "gold": o.gold.speaker, "predicted": o.predicted, "found": o.found}
                for o in self.outcomes
                if not o.correct
            ],
        }


def _speaker_quote(data: Any) -> SpeakerQuote:
    if not isinstance(data, dict) or "content" not in data or "speaker" not in data:
        raise ValueError("every quote needs content and speaker")
    return SpeakerQuote(
        content=data["content"],
        speaker=data["speaker"],
        aliases=data.get("speaker_aliases", ()),
        mention=data.get("speaker_mention"),
    )


def _speaker_item(data: Any) -> SpeakerItem:
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    missing = [k for k in ("id", "capability", "text", "quotes") if k not in data]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if not isinstance(data["quotes"], list):
        raise ValueError("quotes must be a list")
    return SpeakerItem(
        id=data["id"],
        capability=data["capability"],
        text=data["text"],
        quotes=tuple(_speaker_quote(q) for q in data["quotes"]),
    )


_Item = TypeVar("_Item", SuiteItem, SpeakerItem)


def _read_lines(path: Path | str, parse: Callable[[Any], _Item], fault: Callable[[_Item], str]) -> list[_Item]:
    """Read a suite JSONL file line by line: ``parse`` builds an item (raising ValueError or
    TypeError), ``fault`` names what is wrong with a built one ("" when nothing); ids are unique.
    Every error names the file and line."""
    items: list[_Item] = []
    seen: set[str] = set()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = parse(json.loads(line))
        except (ValueError, TypeError) as error:
            raise SuiteError(f"{path}:{number}: {error}") from error
        problem = fault(item) or (f"id {item.id} is used twice" if item.id in seen else "")
        if problem:
            raise SuiteError(f"{path}:{number}: {problem}")
        seen.add(item.id)
        items.append(item)
    return items


def is_speaker_suite(path: Path | str) -> bool:
    """Whether a suite file is a speaker suite (its first line has ``quotes``)."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                first = json.loads(line)
            except ValueError:
                return False
            return isinstance(first, dict) and "quotes" in first
    return False


def load_speaker_suite(path: Path | str) -> list[SpeakerItem]:
    """Read a speaker-suite JSONL file (``id``, ``capability``, ``text``, ``quotes``: each with
    ``content``, ``speaker`` and optional ``speaker_aliases`` and ``speaker_mention``).

    Raises:
        SuiteError: a malformed line, a quote whose content is not in the text, or an id used
            twice; the message names the file and line.
    """
    return _read_lines(
        path,
        _speaker_item,
        lambda item: (
            f"a quote's content of {item.id} is not in its text" if any(not item.spans(q) for q in item.quotes) else ""
        ),
    )


def _best_match(gold: Sequence[tuple[int, int]], quotes: Sequence[Quote]) -> Quote | None:
    """The quote sharing at least half of the gold content and half of its own with it, the
    highest Jaccard first (SCORING.md): a relayed report nested in an outer quote matches its
    own gold quote, not the outer one."""
    best: tuple[float, Quote] | None = None
    for quote in quotes:
        shared, g, p = _overlap(gold, [(c.start, c.end) for c in quote.content])
        jaccard = shared / (g + p - shared) if shared else 0.0
        if shared and 2 * shared >= g and 2 * shared >= p and (best is None or jaccard > best[0]):
            best = (jaccard, quote)
    return None if best is None else best[1]


def run_speaker_suite(items: Sequence[SpeakerItem], extract: Callable[[str], Sequence[Quote]]) -> list[SpeakerOutcome]:
    """Extract every item's text and compare each gold quote's speaker with the matching quote's."""
    outcomes = []
    for item in items:
        quotes = extract(item.text)
        for gold in item.quotes:
            quote = _best_match(item.spans(gold), quotes)
            name = None if quote is None or quote.speaker is None else quote.speaker.name
            outcomes.append(SpeakerOutcome(item=item, gold=gold, predicted=name, found=quote is not None))
    return outcomes


def score_speaker_suite(outcomes: Sequence[SpeakerOutcome]) -> SpeakerReport:
    """Accuracy overall and per capability (over gold quotes)."""
    return SpeakerReport(
        capabilities=_by_capability(outcomes),
        outcomes=tuple(outcomes),
    )
