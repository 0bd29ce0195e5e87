"""The predicate lexicon: every entry's own example scores its label, with that entry's evidence.

``data/lexicons/predicates.tsv`` carries an example for entries a reviewer should see at work;
this test is what keeps the examples and the scorer in step (an entry that stops firing, or
fires with the wrong sign, fails here by file line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quotebank
from quotebank import StanceLabel
from quotebank.errors import LexiconError
from quotebank.lexicons import load_lexicons
from quotebank.lexicons.predicates import PredicateEntry, PredicateLexicon, load_predicates

_LEXICON: PredicateLexicon = load_lexicons().predicates
_EXAMPLES = [e for e in _LEXICON.entries.values() if e.example is not None]


def test_the_lexicon_is_large_and_every_class_has_examples() -> None:
    assert len(_LEXICON.entries) >= 800
    assert {e.cls for e in _EXAMPLES} >= {e.cls for e in _LEXICON.entries.values()} - {
        quotebank.lexicons.PredicateClass.ADVERSARY
    }


@pytest.mark.parametrize("entry", _EXAMPLES, ids=lambda e: f"line{e.line}:{e.phrase}")
def test_example_fires_its_entry(extractor: quotebank.Extractor, entry: PredicateEntry) -> None:
    assert entry.example is not None
    text = entry.example.text
    doc = extractor.parse(text)
    stance = extractor.component.scorer.score_quotes(doc, [[(0, len(text))]])[0][entry.example.target]
    assert stance.label is entry.example.label, (text, stance.evidence)
    cues = " ".join(f"{ev.cue} {' '.join(ev.composition)}" for ev in stance.evidence)
    assert entry.phrase in cues, (text, cues)


def test_a_user_predicate_file_extends_the_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# version: 1.0.0\nphrase\tclass\tweight\troles\texample\nfrobnicate\tprevent\t1.0\t-\t-\n", encoding="utf-8"
    )
    text = "The minister said they would frobnicate the truce."
    [plain] = quotebank.Extractor().extract(text)
    [extended] = quotebank.Extractor(predicates=[path]).extract(text)
    assert plain.stance["ceasefire"].label is StanceLabel.NONE
    assert extended.stance["ceasefire"].label is StanceLabel.AGAINST


@pytest.mark.parametrize(
    ("line", "message", "number"),
    [
        ("ban\tsupport\t1.0\t-", "expected 5 tab-separated columns", 3),
        ("ban\tsupportive\t1.0\t-\t-", "unknown class 'supportive'", 3),
        ("ban\tsupport\t9\t-\t-", "weight must be from 0.1 to 2", 3),
        ("* ban\tsupport\t1.0\t-\t-", "neither starts nor ends with *", 3),
        ("back\tsupport\t1.0\t-\t-\nback\toppose\t1.0\t-\t-", "listed twice", 4),
    ],
)
def test_a_bad_predicate_line_names_file_and_line(tmp_path: Path, line: str, message: str, number: int) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(f"# version: 1.0.0\nphrase\tclass\tweight\troles\texample\n{line}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv") as caught:
        load_predicates(path)
    assert message in str(caught.value)
    assert f"line {number}:" in str(caught.value)
