"""Lexicon files: loading, validation, and the typed objects they become.

Everything a linguist edits lives in ``data/lexicons/`` as TOML with a
``[meta]`` header that carries a ``version``. Files are parsed with the
standard library's ``tomllib`` (nothing is evaluated, executed or unpickled)
and validated field by field; a broken file raises
:class:`~quotebank.errors.LexiconError` naming the file and the line.

The shipped files are found inside the installed wheel
(``quotebank/_lexicons``) or, from an editable install or a source checkout,
in the repository's ``data/lexicons``. Users can pass their own files to
:func:`load_lexicons` (and so to :class:`quotebank.Extractor`).

Examples:
    >>> from quotebank.lexicons import load_lexicons
    >>> lex = load_lexicons()
    >>> sorted(lex.reporting.verbs["say"].frames)
    ['clause', 'direct']
    >>> sorted(lex.targets)
    ['ceasefire', 'rafah_offensive']
"""

from quotebank.lexicons.bundle import Lexicons, LexiconSources, default_lexicon_dir, load_lexicons
from quotebank.lexicons.given_names import GivenNames
from quotebank.lexicons.predicates import PredicateClass, PredicateEntry, PredicateExample, PredicateLexicon, Role
from quotebank.lexicons.references import BoilerplateWords, References
from quotebank.lexicons.registry import Office, SpeakerEntry, SpeakerRegistry
from quotebank.lexicons.reporting import ReportingLexicon, ReportingVerb
from quotebank.lexicons.stance import (
    Anchoring,
    Anchors,
    Modifiers,
    Pattern,
    StanceTarget,
    TermKind,
    TermSet,
    Topic,
    load_target,
)
from quotebank.lexicons.valence import ValenceLexicon

__all__ = [
    "Anchoring",
    "Anchors",
    "BoilerplateWords",
    "GivenNames",
    "LexiconSources",
    "Lexicons",
    "Modifiers",
    "Office",
    "Pattern",
    "PredicateClass",
    "PredicateEntry",
    "PredicateExample",
    "PredicateLexicon",
    "References",
    "ReportingLexicon",
    "ReportingVerb",
    "Role",
    "SpeakerEntry",
    "SpeakerRegistry",
    "StanceTarget",
    "TermKind",
    "TermSet",
    "Topic",
    "ValenceLexicon",
    "default_lexicon_dir",
    "load_lexicons",
    "load_target",
]
