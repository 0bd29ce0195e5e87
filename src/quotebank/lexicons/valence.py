"""General valence: a well-kept word list as the stance scorer's fallback layer (``valence.toml``).

``valence.toml`` names the list (VADER's, MIT, from the ``vaderSentiment``
package, by default), its scale, the words to leave out and local overrides.
Scores are normalised to [-1, 1].

Examples:
    >>> from quotebank.lexicons import load_lexicons
    >>> valence = load_lexicons().valence
    >>> valence.score("catastrophe") < 0 < valence.score("generous")
    True
    >>> valence.score("war") is None  # excluded: the target's own word, not an evaluation
    True
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping
from pathlib import Path

import attrs

from quotebank.errors import LexiconError
from quotebank.lexicons._files import LexiconFile, unknown_keys

__all__ = ["ValenceLexicon", "load_valence"]


@attrs.frozen(kw_only=True)
class ValenceLexicon:
    """Word -> valence in [-1, 1] (lower-cased word forms, as the list gives them).

    Attributes:
        scores: the normalised scores.
        source: where the list came from (package resource or file), for provenance.
        version: the version of ``valence.toml``.
    """

    scores: Mapping[str, float]
    source: str
    version: str

    def score(self, word: str) -> float | None:
        """The valence of ``word`` (case-insensitive), or None when the list has none."""
        return self.scores.get(word.lower())


def _list_text(file: LexiconFile, source: Mapping[str, object]) -> tuple[str, str]:
    path = source.get("path")
    if isinstance(path, str) and path.strip():
        where = (file.path.parent / path).resolve()
        try:
            return where.read_text(encoding="utf-8"), str(where)
        except OSError as error:
            raise file.fail(f"cannot read the valence list {where}: {error}", file.line_of("path")) from None
    package, resource = source.get("package"), source.get("resource")
    if not isinstance(package, str) or not isinstance(resource, str):
        raise file.fail("[source] needs package and resource, or path", file.line_of("[source]"))
    try:
        text = importlib.resources.files(package).joinpath(resource).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as error:
        raise file.fail(
            f"the valence list {package}/{resource} is not installed ({error}); install {package}",
            file.line_of("package"),
        ) from None
    return text, f"{package}/{resource}"


def _parse_list(text: str, where: str, *, maximum: float, min_abs: float) -> dict[str, float]:
    scores: dict[str, float] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        try:
            value = float(cells[1])
        except (IndexError, ValueError):
            raise LexiconError(f"{where}, line {number}: expected word<TAB>score") from None
        if abs(value) >= min_abs:
            scores[cells[0].strip().lower()] = max(-1.0, min(1.0, value / maximum))
    return scores


def load_valence(path: Path) -> ValenceLexicon:
    """Load ``valence.toml`` and the word list it names.

    Raises:
        LexiconError: the file, or the list it names, is missing or malformed.
    """
    file = LexiconFile(path)
    unknown_keys(file, file.data, {"meta", "source", "scale", "exclude", "override"}, 1)
    source = file.table("source")
    unknown_keys(
        file, source, {"package", "resource", "path", "citation", "licence", "license"}, file.line_of("[source]")
    )
    scale = file.table("scale")
    unknown_keys(file, scale, {"max", "min_abs"}, file.line_of("[scale]"))
    maximum = file.number(scale.get("max"), "scale.max", file.line_of("max ="), low=0.1, high=100)
    min_abs = file.number(scale.get("min_abs", 0.0), "scale.min_abs", file.line_of("min_abs"), low=0, high=maximum)
    text, where = _list_text(file, source)
    scores = _parse_list(text, where, maximum=maximum, min_abs=min_abs)
    unknown_keys(file, file.table("exclude", required=False), {"words"}, file.line_of("[exclude]"))
    for word in file.words("exclude", required=False):
        scores.pop(word.lower(), None)
    for word, value in file.table("override", required=False).items():
        number = file.number(value, f"override.{word}", file.line_of(f"{word} ="), low=-maximum, high=maximum)
        scores[word.lower()] = number / maximum
    return ValenceLexicon(scores=scores, source=where, version=file.version)
