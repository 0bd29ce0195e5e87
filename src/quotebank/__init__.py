"""quotebank: who said what in English news, and where do they stand.

quotebank finds direct, indirect and mixed quotes, resolves each speaker to a
canonical name, and labels each quote's stance toward targets defined by
lexicon files, all as typed, immutable :class:`Quote` objects with exact
character offsets.

Examples:
    >>> import quotebank
    >>> text = '“We will fight until complete victory,” Netanyahu said.'
    >>> [quote] = quotebank.extract(text)
    >>> quote.speaker.name, quote.stance["ceasefire"].label.value
    ('Benjamin Netanyahu', 'AGAINST')
"""

from quotebank import errors
from quotebank.display import render
from quotebank.extractor import DEFAULT_MODELS, Extractor, extract, load_model
from quotebank.frames import to_frame
from quotebank.io import read_quotes
from quotebank.lexicons import Lexicons, load_lexicons
from quotebank.model import (
    Evidence,
    Quote,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerKind,
    Stance,
    StanceLabel,
    StanceLayer,
    TextSpan,
    speaker_key,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODELS",
    "Evidence",
    "Extractor",
    "Lexicons",
    "Quote",
    "QuoteKind",
    "Resolution",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "StanceLabel",
    "StanceLayer",
    "TextSpan",
    "errors",
    "extract",
    "load_lexicons",
    "load_model",
    "read_quotes",
    "render",
    "speaker_key",
    "to_frame",
]
