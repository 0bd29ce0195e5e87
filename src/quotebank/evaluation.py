"""Scoring quotebank's output against hand annotation.

Two gold formats:

* **quotebank gold JSONL** (``annotation/SCORING.md``): quote, attribution,
  kind and per-target stance scores; :func:`score_gold`.
* **PolNeAR brat standoff** (``T`` Source / Cue / Content spans, ``E``
  attribution events): precision and recall of attribution events, recall
  with and without quotation marks, and speaker-mention accuracy;
  :func:`score_polnear`.

Both also score a baseline (textacy's ``direct_quotations``) through the same
code, so that comparisons stay honest.

Examples:
    >>> gold = GoldQuote(doc="d", kind="direct", content=("We will win",),
    ...                  speaker="Ann Lee", aliases=(), stance={})
    >>> text = '"We will win," Ann Lee said.'
    >>> report = score_gold({"d": text}, [gold], {"d": quotebank_extract(text)})
    >>> report.quote.f1, report.attribution.f1
    (1.0, 1.0)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from quotebank.errors import GoldError, QuotebankError
from quotebank.model import Quote, QuoteKind, Stance, StanceLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "BASELINE_MISSING",
    "PRF",
    "CanonicalSource",
    "GoldQuote",
    "GoldReport",
    "PolnearEvent",
    "PolnearReport",
    "Prediction",
    "StanceReport",
    "from_quote",
    "load_gold",
    "load_polnear",
    "load_polnear_canonical",
    "oracle_predictions",
    "quotebank_extract",
    "same_speaker",
    "score_gold",
    "score_polnear",
    "textacy_predictions",
]

_TRIM = set(" \t\n\r\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e.,;:!?\u2026-\u2014\u2013()[]")
_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e'
_HONORIFIC = re.compile(r"\b(mr|mrs|ms|dr)\b\.?", re.I)


# --------------------------------------------------------------------------- records


_str = attrs.validators.instance_of(str)


@attrs.frozen(kw_only=True)
class GoldQuote:
    """One hand-annotated quote (a line of a gold JSONL file), validated on creation.

    Raises:
        TypeError: a field has the wrong type (``content`` a string, not a list of strings).
        ValueError: ``kind`` is not a :class:`~quotebank.model.QuoteKind` value, a stance
            label is not a :class:`~quotebank.model.StanceLabel` value, or a text is empty.
    """

    doc: str = attrs.field(validator=attrs.validators.and_(_str, attrs.validators.min_len(1)))
    kind: str = attrs.field(validator=attrs.validators.in_([k.value for k in QuoteKind]))
    content: tuple[str, ...] = attrs.field(
        validator=[
            attrs.validators.deep_iterable(member_validator=attrs.validators.and_(_str, attrs.validators.min_len(1))),
            attrs.validators.min_len(1),
        ]
    )
    speaker: str | None = attrs.field(validator=attrs.validators.optional(_str))
    aliases: tuple[str, ...] = attrs.field(validator=attrs.validators.deep_iterable(member_validator=_str))
    stance: Mapping[str, str] = attrs.field(
        validator=attrs.validators.deep_mapping(
            key_validator=_str, value_validator=attrs.validators.in_([label.value for label in StanceLabel])
        )
    )
    mention: str | None = attrs.field(default=None, validator=attrs.validators.optional(_str))
    cue: str | None = attrs.field(default=None, validator=attrs.validators.optional(_str))


def _listed(data: dict[str, Any], key: str, *, required: bool) -> tuple[Any, ...]:
    """A JSON list field as a tuple; a string where a list belongs is an error, not its letters."""
    if key not in data and required:
        raise KeyError(key)
    value = data.get(key) or []
    if not isinstance(value, list):
        raise TypeError(f"{key!r} must be a list of strings, got {type(value).__name__}")
    return tuple(value)


def _stances(data: dict[str, Any]) -> dict[str, str]:
    value = data.get("stance") or {}
    if not isinstance(value, dict):
        raise TypeError(f"'stance' must be an object of target: label, got {type(value).__name__}")
    return dict(value)


@attrs.frozen(kw_only=True)
class Prediction:
    """A system quote reduced to what scoring needs."""

    spans: tuple[tuple[int, int], ...]
    kind: str = "direct"
    speaker: str | None = None
    mention: tuple[int, int] | None = None
    stance: Mapping[str, str] = attrs.field(factory=dict)
    key: str | None = None


def from_quote(quote: Quote) -> Prediction:
    """Reduce a :class:`~quotebank.Quote` to a :class:`Prediction`."""
    speaker = quote.speaker
    return Prediction(
        spans=tuple((p.start, p.end) for p in quote.content),
        kind=quote.kind.value,
        speaker=None if speaker is None else speaker.name,
        mention=None if speaker is None or speaker.mention is None else (speaker.mention.start, speaker.mention.end),
        stance={t: s.label.value for t, s in quote.stance.items()},
        key=None if speaker is None else speaker.key,
    )


def quotebank_extract(text: str) -> list[Prediction]:
    """Run the default extractor on ``text`` and reduce its quotes to predictions."""
    from quotebank.extractor import extract

    return [from_quote(q) for q in extract(text)]


def load_gold(path: Path | str) -> list[GoldQuote]:
    """Read a gold JSONL file (format of ``annotation/GUIDELINES.md`` section 4).

    Raises:
        GoldError: a line is not valid JSON, lacks a field, or has a field of the wrong
            type (``content`` a string), an unknown ``kind`` or an unknown stance label; the
            message names the file and line.
    """
    out = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise TypeError(f"a line must be a JSON object, got {type(data).__name__}")
            out.append(
                GoldQuote(
                    doc=data["doc"],
                    kind=data["kind"],
                    content=_listed(data, "content", required=True),
                    speaker=data.get("speaker"),
                    aliases=_listed(data, "speaker_aliases", required=False),
                    stance=_stances(data),
                    mention=data.get("speaker_mention"),
                    cue=data.get("cue"),
                )
            )
        except KeyError as error:
            raise GoldError(f"{path}, line {number}: not a gold quote (no field {error})") from None
        except (ValueError, TypeError) as error:
            reason = error.args[0] if error.args else error  # attrs puts the message first
            raise GoldError(f"{path}, line {number}: not a gold quote ({reason})") from None
    return out


# --------------------------------------------------------------------------- shared scoring


@attrs.frozen(kw_only=True)
class PRF:
    """Precision, recall and F1 from true positives and the two totals."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """True positives over predictions."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """True positives over gold items."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _chars(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    out: set[int] = set()
    for a, b in spans:
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        out.update(range(a, b))
    return frozenset(out)


def _norm_name(name: str | None) -> str:
    if not name:
        return ""
    name = name.replace("\u2019", "'").lower()
    name = _HONORIFIC.sub(" ", name)
    name = re.sub(r"'s\b", "", name)
    name = re.sub(r"[^\w\s]", " ", name)
    words = name.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def same_speaker(predicted: str | None, names: Iterable[str], *, lenient: bool = False) -> bool:
    """Whether a predicted canonical name is one of the gold names (``SCORING.md``, step 4):
    compared case-insensitively without honorifics, possessives, punctuation or a leading
    "the"; ``lenient`` also accepts the same last word.

    Examples:
        >>> same_speaker("Mr. Ben-Tzur", ["Eliran Ben-Tzur", "Ben-Tzur"])
        True
        >>> same_speaker("BenTzur", ["Eliran Ben-Tzur"], lenient=True)
        False
    """
    p = _norm_name(predicted)
    if not p:
        return False
    gold = [_norm_name(n) for n in names if n]
    if p in gold:
        return True
    if lenient:
        last = p.split()[-1]
        return any(n and n.split()[-1] == last for n in gold)
    return False


def _speaker_ok(predicted: str | None, gold: GoldQuote, *, lenient: bool) -> bool:
    return same_speaker(predicted, (gold.speaker or "", *gold.aliases), lenient=lenient)


def _match(
    gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]], accept: Callable[[int, int, int], bool]
) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching by Jaccard among pairs ``accept`` allows."""
    pairs = []
    for g, gc in enumerate(gold):
        for p, pc in enumerate(pred):
            shared = len(gc & pc)
            if shared and accept(shared, len(gc), len(pc)):
                pairs.append((shared / len(gc | pc), g, p))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for jaccard, g, p in pairs:
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        out.append((g, p, jaccard))
    return out


# --------------------------------------------------------------------------- gold JSONL


@attrs.frozen(kw_only=True)
class StanceReport:
    """Stance scores of one target over matched pairs."""

    target: str
    f1_favor: float
    f1_against: float
    accuracy: float
    confusion: Mapping[str, Mapping[str, int]]
    pairs: int

    @property
    def f_avg(self) -> float:
        """SemEval-2016 Task 6 F_avg: the mean of the FAVOR and AGAINST F1."""
        return round((self.f1_favor + self.f1_against) / 2, 4)


@attrs.frozen(kw_only=True)
class GoldReport:
    """Everything :func:`score_gold` measures."""

    quote: PRF
    strict: PRF
    attribution: PRF
    speaker_accuracy: float
    speaker_accuracy_lenient: float
    kind_accuracy: float
    stance: Mapping[str, StanceReport]
    errors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible summary."""
        return {
            "quote": {"precision": self.quote.precision, "recall": self.quote.recall, "f1": self.quote.f1},
            "strict_f1": self.strict.f1,
            "attribution": {
                "precision": self.attribution.precision,
                "recall": self.attribution.recall,
                "f1": self.attribution.f1,
            },
            "speaker_accuracy": self.speaker_accuracy,
            "speaker_accuracy_lenient": self.speaker_accuracy_lenient,
            "kind_accuracy": self.kind_accuracy,
            "stance": {
                t: {
                    "f_avg": s.f_avg,
                    "f1_favor": s.f1_favor,
                    "f1_against": s.f1_against,
                    "accuracy": s.accuracy,
                    "confusion": s.confusion,
                }
                for t, s in self.stance.items()
            },
        }


def locate(text: str, gold: Sequence[GoldQuote]) -> list[tuple[tuple[int, int], ...]]:
    """Character spans of each gold quote's pieces (SCORING.md step 1)."""
    out = []
    previous = 0
    for quote in gold:
        spans: list[tuple[int, int]] = []
        cursor = previous
        for piece in quote.content:
            at = text.find(piece, cursor)
            if at == -1:
                at = text.find(piece)
            if at == -1:
                spans = []
                break
            spans.append((at, at + len(piece)))
            cursor = at + len(piece)
        if spans:
            previous = spans[0][0]
        out.append(tuple(spans))
    return out


class _ScoresQuotes(Protocol):
    def score_quotes(self, doc: Doc, quotes: Sequence[Sequence[tuple[int, int]]]) -> list[dict[str, Stance]]: ...


def oracle_predictions(doc: Doc, gold: Sequence[GoldQuote], scorer: _ScoresQuotes) -> list[Prediction]:
    """The gold quotes of one document, each with the stance ``scorer`` gives it: stance
    with gold boundaries and gold speakers, to tell stance errors from extraction errors
    (the "gold bounds" column of ``quotebank evaluate --gold`` and the quality tests).

    Args:
        doc: the parsed document the gold quotes come from.
        gold: that document's gold quotes.
        scorer: a stance scorer (``Extractor().component.scorer``).

    Returns:
        One prediction per gold quote found in the text (a gold quote whose words are not
        in the text is left out; :func:`score_gold` reports it).
    """
    located = locate(doc.text, gold)
    stances = scorer.score_quotes(doc, located)
    return [
        Prediction(spans=spans, kind=g.kind, speaker=g.speaker, stance={t: s.label.value for t, s in stance.items()})
        for g, spans, stance in zip(gold, located, stances, strict=True)
        if spans
    ]


def _f1(tp: int, predicted: int, gold: int) -> float:
    return PRF(tp=tp, predicted=predicted, gold=gold).f1


def stance_report(target: str, pairs: Sequence[tuple[str, str]]) -> StanceReport:
    """Stance scores from (gold, predicted) label pairs of one target."""
    labels = [label.value for label in StanceLabel]
    confusion = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in pairs:
        confusion.setdefault(g, dict.fromkeys(labels, 0))
        confusion[g][p] = confusion[g].get(p, 0) + 1

    def f1(label: str) -> float:
        tp = confusion.get(label, {}).get(label, 0)
        predicted = sum(row.get(label, 0) for row in confusion.values())
        gold = sum(confusion.get(label, {}).values())
        return _f1(tp, predicted, gold)

    correct = sum(confusion[x][x] for x in labels)
    return StanceReport(
        target=target,
        f1_favor=f1("FAVOR"),
        f1_against=f1("AGAINST"),
        accuracy=round(correct / len(pairs), 4) if pairs else 0.0,
        confusion=confusion,
        pairs=len(pairs),
    )


def score_gold(
    texts: Mapping[str, str],
    gold: Sequence[GoldQuote],
    predictions: Mapping[str, Sequence[Prediction]],
    *,
    targets: Sequence[str] | None = None,
) -> GoldReport:
    """Score predictions against gold quotes, per document then summed.

    Args:
        texts: document text by doc id (the gold's ``doc``).
        gold: the gold quotes.
        predictions: predictions by doc id.
        targets: stance targets to score (default: those in the gold).

    Returns:
        The report.
    """
    by_doc: dict[str, list[GoldQuote]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    tally = _GoldTally(targets=sorted({t for g in gold for t in g.stance}) if targets is None else list(targets))
    for doc_id in sorted(set(by_doc) | set(predictions)):
        tally.add_document(doc_id, texts.get(doc_id), by_doc.get(doc_id, []), list(predictions.get(doc_id, ())))
    return tally.report()


@attrs.define
class _GoldTally:
    """The counts :func:`score_gold` adds up over the documents."""

    targets: list[str]
    tp: int = 0
    strict: int = 0
    attributed: int = 0
    lenient: int = 0
    kinds: int = 0
    predicted: int = 0
    gold: int = 0
    stance_pairs: dict[str, list[tuple[str, str]]] = attrs.field(init=False)
    errors: list[str] = attrs.field(factory=list)

    def __attrs_post_init__(self) -> None:
        self.stance_pairs = {t: [] for t in self.targets}

    def add_document(self, doc_id: str, text: str | None, golds: list[GoldQuote], preds: list[Prediction]) -> None:
        """Match one document's predictions to its gold quotes (half of each one's characters
        shared) and count what the matches get right."""
        self.predicted += len(preds)
        self.gold += len(golds)
        if text is None:
            self.errors.append(f"{doc_id}: no text")
            return
        located = locate(text, golds)
        for g, spans in zip(golds, located, strict=False):
            if not spans:
                self.errors.append(f"{doc_id}: gold content not found: {g.content[0][:60]!r}")
        gold_chars = [_chars(text, spans) for spans in located]
        pred_chars = [_chars(text, p.spans) for p in preds]
        for gi, pi, jaccard in _match(gold_chars, pred_chars, lambda s, g, p: 2 * s >= g and 2 * s >= p):
            self.add_match(golds[gi], preds[pi], jaccard)

    def add_match(self, g: GoldQuote, p: Prediction, jaccard: float) -> None:
        self.tp += 1
        self.strict += jaccard >= 0.95
        self.attributed += _speaker_ok(p.speaker, g, lenient=False)
        self.lenient += _speaker_ok(p.speaker, g, lenient=True)
        self.kinds += p.kind == g.kind
        for t in self.targets:
            if t in g.stance:
                self.stance_pairs[t].append((g.stance[t], p.stance.get(t, "NONE")))

    def report(self) -> GoldReport:
        tp, n_pred, n_gold = self.tp, self.predicted, self.gold
        return GoldReport(
            quote=PRF(tp=tp, predicted=n_pred, gold=n_gold),
            strict=PRF(tp=self.strict, predicted=n_pred, gold=n_gold),
            attribution=PRF(tp=self.attributed, predicted=n_pred, gold=n_gold),
            speaker_accuracy=_ratio(self.attributed, tp),
            speaker_accuracy_lenient=_ratio(self.lenient, tp),
            kind_accuracy=_ratio(self.kinds, tp),
            stance={t: stance_report(t, pairs) for t, pairs in self.stance_pairs.items()},
            errors=tuple(self.errors),
        )


# --------------------------------------------------------------------------- PolNeAR


@attrs.frozen(kw_only=True)
class PolnearEvent:
    """One PolNeAR attribution event (brat ``E`` line)."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...] = ()
    cue: tuple[tuple[int, int], ...] = ()

    def marked(self, text: str) -> bool:
        """Whether the content is, or holds, a passage in quotation marks.

        Double marks of every style count, and so does a pair of apostrophes
        (``''``), which some archives (PolNeAR's New York Times articles among
        them) use as the double mark.
        """
        a = self.content[0][0]
        b = self.content[-1][1]
        inside = text[a:b]
        around = text[max(0, a - 2) : a] + " " + text[b : b + 2]
        return any(m in inside or m in around for m in (*_MARKS, "''"))


def _brat_spans(field: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def load_polnear(ann: Path | str) -> list[PolnearEvent]:
    """Read the attribution events of one PolNeAR ``.ann`` file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events = []
    lines = Path(ann).read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, where = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _brat_spans(where))
            except ValueError:
                continue
    for line in lines:
        if not line.startswith("E"):
            continue
        parts = line.split("\t")
        roles: dict[str, tuple[tuple[int, int], ...]] = {}
        for arg in parts[1].split()[1:]:
            role, _, ref = arg.partition(":")
            if ref in spans:
                roles[role] = spans[ref][1]
        if "Content" in roles:
            events.append(
                PolnearEvent(content=roles["Content"], source=roles.get("Source", ()), cue=roles.get("Cue", ()))
            )
    return events


@attrs.frozen(kw_only=True)
class CanonicalSource:
    """The canonical speaker of one PolNeAR Source span (``dev-canonical.jsonl``)."""

    doc: str
    spans: tuple[tuple[int, int], ...]
    speaker: str
    aliases: tuple[str, ...] = ()
    kind: str = "unknown"

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every accepted alias."""
        return (self.speaker, *self.aliases)


def load_polnear_canonical(path: Path | str) -> dict[str, dict[tuple[tuple[int, int], ...], CanonicalSource]]:
    """Read a canonical-speaker layer over PolNeAR: per document, Source spans -> canonical speaker.

    Raises:
        GoldError: a line is not a JSON object with ``doc``, ``spans`` and ``speaker``.
    """
    out: dict[str, dict[tuple[tuple[int, int], ...], CanonicalSource]] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            spans = tuple((int(a), int(b)) for a, b in data["spans"])
            source = CanonicalSource(
                doc=str(data["doc"]),
                spans=spans,
                speaker=str(data["speaker"]),
                aliases=tuple(str(a) for a in data.get("speaker_aliases") or ()),
                kind=str(data.get("kind", "unknown")),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{path}, line {number}: not a canonical source line ({error})") from None
        out.setdefault(source.doc, {})[spans] = source
    return out


@attrs.frozen(kw_only=True)
class PolnearReport:
    """Everything :func:`score_polnear` measures."""

    events: PRF
    marked_recall: float
    unmarked_recall: float
    marked_gold: int
    unmarked_gold: int
    speaker_mention_accuracy: float
    speaker_pairs: int
    documents: int
    failed_documents: int
    canonical_accuracy: float | None = None
    canonical_pairs: int = 0
    person_keys: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible summary."""
        return {
            "canonical_speaker_accuracy": self.canonical_accuracy,
            "canonical_pairs": self.canonical_pairs,
            "person_keys": {p: list(k) for p, k in self.person_keys.items()},
            "precision": round(self.events.precision, 4),
            "recall": round(self.events.recall, 4),
            "f1": self.events.f1,
            "recall_with_marks": self.marked_recall,
            "recall_without_marks": self.unmarked_recall,
            "speaker_mention_accuracy": self.speaker_mention_accuracy,
            "documents": self.documents,
            "failed_documents": self.failed_documents,
        }


def score_polnear(
    texts: Mapping[str, str],
    gold: Mapping[str, Sequence[PolnearEvent]],
    predictions: Mapping[str, Sequence[Prediction] | None],
    canonical: Mapping[str, Mapping[tuple[tuple[int, int], ...], CanonicalSource]] | None = None,
) -> PolnearReport:
    """Score predictions against PolNeAR events.

    A prediction matches the unmatched gold event with the largest overlap
    ratio ``max(ov / len(pred), ov / len(gold)) >= 0.5``, greedily. A
    document whose predictions are ``None`` failed (its gold still counts).
    With ``canonical`` (see :func:`load_polnear_canonical`), every matched event
    whose Source has a canonical speaker also scores the predicted speaker's
    name against it (:func:`same_speaker`): canonical speaker accuracy.
    """
    tally = _PolnearTally()
    for doc_id, events in gold.items():
        text = texts[doc_id]
        preds = predictions.get(doc_id)
        tally.failed += preds is None
        preds = preds or []
        tally.predicted += len(preds)
        tally.gold += len(events)
        named = (canonical or {}).get(doc_id, {})
        matched = _greedy_pairs(text, events, preds)
        for g, p in matched:
            tally.add_match(events[g], preds[p], named.get(events[g].source))
        found = {g for g, _ in matched}
        for g, event in enumerate(events):
            tally.add_event(event.marked(text), g in found)
    return tally.report(len(gold))


def _greedy_pairs(text: str, events: Sequence[PolnearEvent], preds: Sequence[Prediction]) -> list[tuple[int, int]]:
    """Gold and predicted quotes matched greedily by overlap ratio
    ``max(ov / len(pred), ov / len(gold)) >= 0.5``, largest first, each used once."""
    gold_chars = [_chars(text, e.content) for e in events]
    pred_chars = [_chars(text, p.spans) for p in preds]
    pairs = []
    for g, gc in enumerate(gold_chars):
        for p, pc in enumerate(pred_chars):
            shared = len(gc & pc)
            if shared and gc and pc and max(shared / len(pc), shared / len(gc)) >= 0.5:
                pairs.append((max(shared / len(pc), shared / len(gc)), g, p))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return out


def _ratio(ok: int, n: int) -> float:
    return round(ok / n, 4) if n else 0.0


@attrs.define
class _PolnearTally:
    """The counts :func:`score_polnear` adds up over the documents."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    failed: int = 0
    marked: list[int] = attrs.field(factory=lambda: [0, 0])  # found, all
    unmarked: list[int] = attrs.field(factory=lambda: [0, 0])
    speaker_ok: int = 0
    speaker_n: int = 0
    canon_ok: int = 0
    canon_n: int = 0
    keys: dict[str, dict[str, int]] = attrs.field(factory=dict)  # gold person -> predicted key -> quotes

    def add_match(self, event: PolnearEvent, pred: Prediction, named: CanonicalSource | None) -> None:
        """A matched event: its canonical speaker and its speaker mention."""
        self.tp += 1
        if named is not None:
            self.canon_n += 1
            self.canon_ok += same_speaker(pred.speaker, named.names)
            # the keys the person's own name came out under (right or lenient by surname)
            if (
                named.kind == "person"
                and pred.key is not None
                and same_speaker(pred.speaker, named.names, lenient=True)
            ):
                found = self.keys.setdefault(named.speaker, {})
                found[pred.key] = found.get(pred.key, 0) + 1
        if event.source:
            self.speaker_n += 1
            mention = pred.mention
            self.speaker_ok += mention is not None and any(mention[0] < b and a < mention[1] for a, b in event.source)

    def add_event(self, marked: bool, found: bool) -> None:
        bucket = self.marked if marked else self.unmarked
        bucket[1] += 1
        bucket[0] += found

    def report(self, documents: int) -> PolnearReport:
        return PolnearReport(
            events=PRF(tp=self.tp, predicted=self.predicted, gold=self.gold),
            marked_recall=_ratio(*self.marked),
            unmarked_recall=_ratio(*self.unmarked),
            marked_gold=self.marked[1],
            unmarked_gold=self.unmarked[1],
            speaker_mention_accuracy=_ratio(self.speaker_ok, self.speaker_n),
            speaker_pairs=self.speaker_n,
            documents=documents,
            failed_documents=self.failed,
            canonical_accuracy=round(self.canon_ok / self.canon_n, 4) if self.canon_n else None,
            canonical_pairs=self.canon_n,
            person_keys=_top_people(self.keys),
        )


def _top_people(keys: Mapping[str, Mapping[str, int]], n: int = 5) -> dict[str, tuple[str, ...]]:
    """The ``n`` gold people with most matched quotes, each with the distinct speaker keys
    their own name came out under, most used first (one person, one key is the goal)."""
    ranked = sorted(keys, key=lambda p: (-sum(keys[p].values()), p))[:n]
    return {p: tuple(sorted(keys[p], key=lambda k: (-keys[p][k], k))) for p in ranked}


# --------------------------------------------------------------------------- textacy baseline

BASELINE_MISSING = "the textacy baseline needs textacy: pip install 'quotebank[eval]'"


def textacy_predictions(doc: Any) -> list[Prediction] | None:
    """textacy's ``direct_quotations`` on a parsed doc, as predictions.

    Returns ``None`` when textacy refuses the document (it raises on an odd
    number of quotation marks).

    Raises:
        QuotebankError: textacy is not installed (it is the ``eval`` extra:
            ``pip install 'quotebank[eval]'``).
    """
    try:
        from textacy.extract import triples
    except ImportError:
        raise QuotebankError(BASELINE_MISSING) from None

    try:
        found = list(triples.direct_quotations(doc))
    except ValueError:
        return None
    out = []
    for speaker, _cue, content in found:
        name = " ".join(t.text for t in speaker) if speaker else None
        mention = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)) if speaker else None
        out.append(
            Prediction(spans=((content.start_char, content.end_char),), kind="direct", speaker=name, mention=mention)
        )
    return out
