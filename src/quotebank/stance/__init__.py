"""Stance toward targets defined by lexicon files.

Each target is one TOML file in ``data/lexicons/stance/`` (shipped:
``rafah_offensive`` and ``ceasefire``); users add a target by adding a file
(``Extractor(targets=[path])``). :class:`StanceScorer` reads every quote
against every target and returns a :class:`~quotebank.Stance` with the
evidence that produced it.
"""

from quotebank.stance.scorer import StanceScorer

__all__ = ["StanceScorer"]
