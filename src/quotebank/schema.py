"""The JSON Schema of a quote as ``quotebank extract --format jsonl`` writes it.

One JSONL line is :meth:`quotebank.Quote.to_dict`. The schema is built from the
model's enums, so it names every kind, speaker kind, resolution, label and evidence
layer the code can write; ``quotebank schema`` prints it, and ``docs/quote.schema.json``
is the same document, published. Validate your own files with any JSON Schema tool, or
with :func:`validate_row`.

Examples:
    >>> import quotebank
    >>> [quote] = quotebank.extract('"No truce," she said.', doc_id="a")
    >>> validate_row(quote.to_dict())
    >>> validate_row({"doc": "a", "kind": "sung"})
    Traceback (most recent call last):
    ...
    quotebank.errors.InputError: not a quotebank quote: 'sung' is not one of ['direct', 'indirect', 'mixed'] (at kind)
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Any

from quotebank.errors import InputError
from quotebank.model import QuoteKind, Resolution, SpeakerKind, StanceLabel, StanceLayer

__all__ = ["SCHEMA_ID", "quote_schema", "validate_row"]

#: The schema's ``$id``.
SCHEMA_ID = "https://quotebank.readthedocs.io/quote.schema.json"

_OFFSET = {"type": "integer", "minimum": 0}
_PAIR = {"type": "array", "items": _OFFSET, "minItems": 2, "maxItems": 2}


def _values(kind: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in kind]


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [{"type": "null"}, schema]}


def _object(properties: dict[str, Any], required: list[str], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _speaker() -> dict[str, Any]:
    properties = {
        "name": {"type": ["string", "null"], "description": "canonical name, or null when none was resolved"},
        "key": {"type": ["string", "null"], "description": "one identifier per speaker across documents"},
        "mention": {"type": ["string", "null"], "description": "the words next to the quote that name the source"},
        "span": _nullable(_PAIR),
        "kind": {"enum": _values(SpeakerKind)},
        "resolution": {"enum": _values(Resolution)},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "aliases": {"type": "array", "items": {"type": "string"}},
    }
    return _object(properties, list(properties), "the source of the quote (quotebank.Speaker)")


def _evidence() -> dict[str, Any]:
    properties = {
        "layer": {"enum": _values(StanceLayer)},
        "rule": {"type": "string"},
        "cue": {"type": "string"},
        "weight": {"type": "number"},
        "span": _nullable(_PAIR),
        "text": {"type": ["string", "null"]},
        "composition": {"type": "array", "items": {"type": "string"}},
    }
    return _object(properties, ["layer", "rule", "cue", "weight", "span", "text"], "one reason for a stance label")


def _stance() -> dict[str, Any]:
    properties = {
        "label": {"enum": _values(StanceLabel)},
        "score": {"type": "number", "minimum": -1, "maximum": 1},
        "evidence": {"type": "array", "items": _evidence()},
    }
    return _object(properties, list(properties), "the stance toward one target (quotebank.Stance)")


@functools.cache
def _schema() -> dict[str, Any]:
    properties = {
        "doc": {"type": ["string", "null"], "description": "document id"},
        "kind": {"enum": _values(QuoteKind)},
        "rule": {"type": ["string", "null"], "description": "the extraction rule that found the quote"},
        "content": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "spans": {"type": "array", "items": _PAIR, "minItems": 1},
        "speaker": _nullable(_speaker()),
        "cue": _nullable(_object({"text": {"type": "string"}, "span": _PAIR}, ["text", "span"], "the cue word")),
        "stance": {"type": "object", "additionalProperties": _stance(), "description": "target id → stance"},
    }
    schema = _object(properties, list(properties), "one quote: one line of quotebank's JSONL output")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "quotebank quote",
        **schema,
    }


def quote_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one JSONL line (a fresh copy each call).

    Examples:
        >>> sorted(quote_schema()["properties"])
        ['content', 'cue', 'doc', 'kind', 'rule', 'spans', 'speaker', 'stance']
    """
    import copy

    return copy.deepcopy(_schema())


@functools.cache
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(_schema())


def validate_row(row: Mapping[str, Any]) -> None:
    """Check one decoded JSONL line against :func:`quote_schema`.

    Raises:
        InputError: the row is not a quote, naming the first problem and where it is.
    """
    error = next(iter(_validator().iter_errors(row)), None)
    if error is None:
        return
    where = "/".join(str(part) for part in error.absolute_path) or "the top level"
    raise InputError(f"not a quotebank quote: {error.message} (at {where})")
