"""Speaker resolution: from the words next to a quote to a canonical name.

One module per concept: :mod:`quotebank.speakers.names` reads a name as a span of the
original text; :mod:`quotebank.speakers.resolver` resolves mentions in document order.
"""

from quotebank.speakers.names import canonical_name, person_name, surname
from quotebank.speakers.resolver import SpeakerResolver

__all__ = ["SpeakerResolver", "canonical_name", "person_name", "surname"]
