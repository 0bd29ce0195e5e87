"""The ``quotebank`` spaCy pipeline component.

``nlp.add_pipe("quotebank")`` (registered through the ``spacy_factories``
entry point, and on import of this module) sets

* ``doc._.quotes``: a tuple of :class:`~quotebank.Quote`, in text order;
* ``doc.spans["quotes"]``: one span per quote, from its first to its last
  content character, labelled with its kind;
* ``span._.quote``: on those spans, the :class:`~quotebank.Quote` itself.

Quotes are stored in ``doc.user_data``, and msgpack codecs for them are
registered with srsly, so documents keep their quotes through ``DocBin``,
``Doc.to_bytes`` and ``nlp.pipe(n_process=2)``.

Examples:
    >>> import spacy, quotebank
    >>> nlp = quotebank.load_model()
    >>> _ = nlp.add_pipe("quotebank")
    >>> doc = nlp('"We are ready," the minister said.')
    >>> [(q.kind.value, q.text) for q in doc._.quotes]
    [('direct', 'We are ready,')]
    >>> doc.spans["quotes"][0].label_
    'direct'
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from quotebank.errors import InputError, LexiconError
from quotebank.extract import Boilerplate, Candidate, find_quotes
from quotebank.extract.rules import check_names
from quotebank.lexicons import Lexicons, load_lexicons, saving
from quotebank.model import Quote, TextSpan
from quotebank.speakers import SpeakerResolver
from quotebank.stance import StanceScorer

__all__ = [
    "SPAN_KEY",
    "ParagraphBoundaries",
    "QuotebankComponent",
    "install_extensions",
    "make_paragraphs",
    "make_quotebank",
    "select_targets",
]

SPAN_KEY = "quotes"
_USER_DATA_KEY = "quotebank.quotes"
_MSGPACK_KEY = "__quotebank_quote__"


# --------------------------------------------------------------------------- msgpack codecs


def _encode_quote(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, Quote):
        return {_MSGPACK_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode_quote(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _MSGPACK_KEY in obj:
        return Quote.from_dict(obj[_MSGPACK_KEY])
    return obj if chain is None else chain(obj)


def _register_codecs() -> None:
    if "quotebank_quote" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("quotebank_quote", func=_encode_quote)
    if "quotebank_quote" not in srsly.msgpack_decoders.get_all():
        srsly.msgpack_decoders.register("quotebank_quote", func=_decode_quote)


_register_codecs()


# --------------------------------------------------------------------------- extensions


def _get_quotes(doc: Doc) -> tuple[Quote, ...]:
    return tuple(doc.user_data.get(_USER_DATA_KEY, ()))


def _set_quotes(doc: Doc, quotes: Iterable[Quote]) -> None:
    doc.user_data[_USER_DATA_KEY] = tuple(quotes)


def _span_quote(span: Span) -> Quote | None:
    for quote in _get_quotes(span.doc):
        if quote.start >= span.start_char and quote.end <= span.end_char:
            return quote
    return None


def install_extensions() -> None:
    """Install ``doc._.quotes`` and ``span._.quote`` (idempotent)."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_get_quotes, setter=_set_quotes)
    if not Span.has_extension("quote"):
        Span.set_extension("quote", getter=_span_quote)


# --------------------------------------------------------------------------- component


def _day(value: str | datetime.date | None) -> datetime.date | None:
    """An ISO date (``YYYY-MM-DD``), checked."""
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(f"date must be an ISO day such as 2024-05-07, got {value!r}") from None


class QuotebankComponent:
    """Finds quotes, resolves their speakers and scores their stance.

    Args:
        nlp: the pipeline the component belongs to (its tokenizer reads
            lexicon phrases).
        name: the component's name.
        lexicons: loaded lexicons; when ``None`` they are loaded from the
            file options below.
        speakers: extra speaker registry files.
        targets: extra stance target files.
        predicates: extra predicate files (``predicates.tsv`` layout; entries
            override the shipped ones).
        min_strength: reporting verbs with a lower ``strength`` are ignored.
        stance_context: read the sentence around a quote for its stance.
        disabled_rules: names of extraction rules to switch off
            (:data:`quotebank.extract.rules.REGISTRY`).
        date: the day the texts were published (ISO ``YYYY-MM-DD``), so that a registry
            title ("the Israeli defence minister") names whoever held it that day; without
            a date, only a title a single registry speaker ever held names anyone.
        stance_targets: the ids of the loaded targets to score, in that order (``[]``: no
            stance at all); ``None`` scores every loaded target. An id no loaded target has
            is a :class:`~quotebank.errors.LexiconError` naming the known ones.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "quotebank",
        *,
        lexicons: Lexicons | None = None,
        speakers: Sequence[str] = (),
        targets: Sequence[str] = (),
        predicates: Sequence[str] = (),
        min_strength: float = 0.5,
        stance_context: bool = True,
        disabled_rules: Sequence[str] = (),
        date: str | None = None,
        stance_targets: Sequence[str] | None = None,
    ) -> None:
        install_extensions()
        self.name = name
        self.stance_targets = None if stance_targets is None else tuple(stance_targets)
        self.min_strength = min_strength
        self.disabled_rules = check_names(disabled_rules)
        self.stance_context = stance_context
        self.date = _day(date)
        self._tokenizer = nlp.tokenizer
        self._lexicons: Lexicons | None = None
        self._missing: LexiconError | None = None
        if lexicons is not None:
            self.use_lexicons(lexicons)
            return
        absent = [str(f) for f in (*speakers, *targets, *predicates) if not Path(f).is_file()]
        if absent:
            # a saved pipeline carries its own copies (``from_disk`` reads them): a file the config
            # names that is not here is an error only if the component is used without them
            self._missing = LexiconError(f"{absent[0]}: file not found (named in the quotebank component's config)")
            return
        self.use_lexicons(load_lexicons(speakers=list(speakers), targets=list(targets), predicates=list(predicates)))

    @property
    def lexicons(self) -> Lexicons:
        """The lexicons in use.

        Raises:
            LexiconError: a file the component's config names was not found, and no saved
                copy was loaded (``from_disk``) or given (``initialize``, ``use_lexicons``).
        """
        if self._lexicons is None:
            raise self._missing or LexiconError("the quotebank component has no lexicons")
        return self._lexicons

    def use_lexicons(self, lexicons: Lexicons) -> None:
        """Switch to other lexicons (rebuilds the resolver and the scorer)."""
        tokenizer = self._tokenizer
        self._lexicons = lexicons
        self._missing = None
        self.resolver = SpeakerResolver(lexicons, date=self.date)
        chosen = select_targets(lexicons, self.stance_targets)
        self.scorer = StanceScorer(chosen, lambda text: [t.text for t in tokenizer(text)])

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        speakers: Sequence[str] = (),
        targets: Sequence[str] = (),
        predicates: Sequence[str] = (),
        directory: str | None = None,
    ) -> None:
        """Load the lexicons (``nlp.initialize()``; the ``[initialize.components.quotebank]``
        section of a training config gives the arguments).

        Args:
            get_examples: unused (the component learns nothing).
            nlp: unused.
            speakers: extra speaker registry files.
            targets: extra stance target files.
            predicates: extra predicate files.
            directory: a folder laid out like ``data/lexicons`` instead of the shipped one.

        Raises:
            LexiconError: a file is missing or invalid.
        """
        self.use_lexicons(
            load_lexicons(
                speakers=list(speakers), targets=list(targets), predicates=list(predicates), directory=directory
            )
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy joins the tokens anew on each access: once per document
        boilerplate = Boilerplate.of(text, self.lexicons.references)
        candidates = find_quotes(
            doc,
            self.lexicons,
            min_strength=self.min_strength,
            text=text,
            boilerplate=boilerplate,
            disabled=self.disabled_rules,
        )
        quotes = self.build(doc, candidates, text=text, boilerplate=boilerplate)
        _set_quotes(doc, quotes)
        spans = []
        for quote in quotes:
            span = doc.char_span(quote.start, quote.end, label=quote.kind.value, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    def build(
        self,
        doc: Doc,
        candidates: Sequence[Candidate],
        *,
        text: str | None = None,
        boilerplate: Boilerplate | None = None,
    ) -> list[Quote]:
        """Turn candidates into :class:`~quotebank.Quote` objects (speakers and stance);
        ``text`` and ``boilerplate`` are the document's, when the caller has them."""
        text = doc.text if text is None else text
        position = {id(c): k for k, c in enumerate(candidates)}
        contexts = [position.get(id(c.context)) if c.context is not None else None for c in candidates]
        speakers = self.resolver.resolve(
            doc,
            [c.mention for c in candidates],
            contexts,
            extents=[(c.start, c.end) for c in candidates],
            boilerplate=boilerplate,
        )
        quotes = []
        stances = self.scorer.score_quotes(doc, [c.pieces for c in candidates], context=self.stance_context, text=text)
        for candidate, speaker, stance in zip(candidates, speakers, stances, strict=True):
            cue = None if candidate.cue is None else TextSpan.from_text(text, *candidate.cue)
            quotes.append(
                Quote(
                    kind=candidate.kind,
                    content=tuple(TextSpan.from_text(text, a, b) for a, b in candidate.pieces),
                    speaker=speaker,
                    cue=cue,
                    stance=stance,
                    rule=candidate.rule or None,
                )
            )
        return quotes

    # spaCy serialisation: the component has no weights; a saved pipeline carries its lexicon files
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialise for ``nlp.to_bytes``: every lexicon file's bytes (see :mod:`quotebank.lexicons.saving`)."""
        return saving.lexicons_to_bytes(self.lexicons)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuotebankComponent:
        """Deserialise for ``nlp.from_bytes``: the lexicons saved by :meth:`to_bytes`."""
        self.use_lexicons(saving.lexicons_from_bytes(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save for ``nlp.to_disk``: the lexicon folder and the user's speaker, target and
        predicate files are copied into ``path``, with a manifest of relative names, so the
        saved pipeline loads on any machine (see :mod:`quotebank.lexicons.saving`).

        Raises:
            LexiconError: the lexicons were built in code, not loaded from files.
        """
        saving.save_lexicons(self.lexicons, Path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuotebankComponent:
        """Load for ``spacy.load``: the lexicon files :meth:`to_disk` saved in ``path`` (the files
        the config names are not read).

        Raises:
            LexiconError: the folder holds no saved lexicons, or a file in it is invalid.
        """
        self.use_lexicons(saving.load_saved_lexicons(Path(path)))
        return self


@Language.factory(
    "quotebank",
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.dep", "token.lemma", "token.tag", "token.ent_type", "doc.sents"],
    default_config={
        "speakers": [],
        "targets": [],
        "predicates": [],
        "min_strength": 0.5,
        "stance_context": True,
        "disabled_rules": [],
        "date": None,
        "stance_targets": None,
    },
)
def make_quotebank(
    nlp: Language,
    name: str,
    speakers: list[str],
    targets: list[str],
    predicates: list[str],
    min_strength: float,
    stance_context: bool,
    disabled_rules: list[str],
    date: str | None,
    stance_targets: list[str] | None,
) -> QuotebankComponent:
    """Create the ``quotebank`` component (used by ``nlp.add_pipe("quotebank")``).

    Args:
        nlp: the pipeline.
        name: the component's name.
        speakers: extra speaker registry files (TOML paths).
        targets: extra stance target files (TOML paths).
        predicates: extra predicate files (TSV paths).
        min_strength: reporting verbs with a lower ``strength`` are ignored.
        stance_context: read the sentence around a quote for its stance.
        disabled_rules: names of extraction rules to switch off.
        date: the texts' publication day (``YYYY-MM-DD``) for dated registry titles.
        stance_targets: ids of the targets to score (``None``: every loaded target).

    Returns:
        The component.
    """
    return QuotebankComponent(
        nlp,
        name,
        speakers=speakers,
        targets=targets,
        predicates=predicates,
        min_strength=min_strength,
        stance_context=stance_context,
        disabled_rules=disabled_rules,
        date=date,
        stance_targets=stance_targets,
    )


def select_targets(lexicons: Lexicons, ids: Sequence[str] | None) -> Lexicons:
    """``lexicons`` with only the stance targets ``ids``, in that order (``None``: all of them).

    Raises:
        LexiconError: an id that no loaded target has (the message lists the known ones).

    Examples:
        >>> from quotebank.lexicons import load_lexicons
        >>> lexicons = load_lexicons()
        >>> list(select_targets(lexicons, ["ceasefire"]).targets), list(select_targets(lexicons, []).targets)
        (['ceasefire'], [])
    """
    if ids is None:
        return lexicons
    unknown = [i for i in ids if i not in lexicons.targets]
    if unknown:
        known = ", ".join(lexicons.targets) or "none"
        raise LexiconError(f"unknown stance target {unknown[0]!r} (loaded targets: {known})")
    return attrs.evolve(lexicons, targets={i: lexicons.targets[i] for i in dict.fromkeys(ids)})


class ParagraphBoundaries:
    """Starts a new sentence after every line break, before the parser runs.

    News text marks paragraphs, headlines and photo captions with line breaks
    and often no final full stop; without this the parser runs a caption into
    the next paragraph's first sentence.
    """

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if "\n" in token.text_with_ws:
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory(
    "quotebank_paragraphs",
    assigns=["token.is_sent_start"],
    requires=[],
    default_config={},
)
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    """Create the ``quotebank_paragraphs`` component (add it before ``"parser"``).

    Args:
        nlp: the pipeline.
        name: the component's name.

    Returns:
        The component.
    """
    return ParagraphBoundaries()


def with_doc_id(quotes: Iterable[Quote], doc_id: str | None) -> list[Quote]:
    """Return ``quotes`` with their ``doc_id`` set."""
    return [q if q.doc_id == doc_id else attrs.evolve(q, doc_id=doc_id) for q in quotes]
