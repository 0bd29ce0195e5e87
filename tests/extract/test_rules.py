"""Every registered extraction rule runs its own examples; the registry, rule names on quotes,
switching rules off and the generated rules page."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotebank
from quotebank.errors import InputError
from quotebank.extract.rules import REGISTRY, Example, Rule, check_names, family, markdown, rule_named
from quotebank.extract.rules.direct import DIRECT_RULES

ROOT = Path(__file__).resolve().parents[2]

CASES = [(rule, example) for rule in REGISTRY for example in rule.examples]


def _found(extractor: quotebank.Extractor, example: Example) -> list[tuple[str | None, str]]:
    return [(q.rule, q.text) for q in extractor.extract(example.text)]


@pytest.mark.parametrize(
    ("rule", "example"), CASES, ids=[f"{r.name}-{k}" for r in REGISTRY for k in range(len(r.examples))]
)
def test_every_rule_finds_its_examples(extractor: quotebank.Extractor, rule: Rule, example: Example) -> None:
    found = _found(extractor, example)
    if example.positive:
        assert (rule.name, example.quote) in found
    else:
        assert all(name != rule.name for name, _ in found), found


@pytest.mark.parametrize("rule", REGISTRY, ids=[r.name for r in REGISTRY])
def test_every_rule_has_two_positive_and_one_negative_example(rule: Rule) -> None:
    assert len(rule.positives) >= 2, f"{rule.name} needs two sentences it finds"
    assert len(rule.negatives) >= 1, f"{rule.name} needs a sentence it must not find"


def test_a_rule_without_examples_fails_the_check() -> None:
    bare = Rule(name="bare", family="test", summary="finds nothing")
    with pytest.raises(AssertionError):
        test_every_rule_has_two_positive_and_one_negative_example(bare)


def test_rule_names_are_unique_and_checked() -> None:
    names = [r.name for r in REGISTRY]
    assert len(names) == len(set(names))
    assert rule_named("inverted").family == "verb_cues"
    with pytest.raises(InputError, match="no extraction rule is named 'invertd'"):
        check_names(["invertd"])
    with pytest.raises(InputError, match="a list of names"):
        check_names("inverted")


def test_the_direct_attempts_follow_the_registry_order() -> None:
    registered = [r.name for r in family("direct")]
    assert [name for name, _ in DIRECT_RULES] == [n for n in registered if n != "follow_on"]


@pytest.mark.parametrize("rule", REGISTRY, ids=[r.name for r in REGISTRY])
def test_a_disabled_rule_finds_nothing(rule: Rule) -> None:
    off = quotebank.Extractor(disabled_rules=[rule.name])
    for example in rule.positives:
        assert all(name != rule.name for name, _ in _found(off, example))


def test_a_disabled_rule_leaves_its_words_to_the_next_rule(extractor: quotebank.Extractor) -> None:
    text = '"We will rebuild the bridge," Maria Okafor said.'
    assert [q.rule for q in extractor.extract(text)] == ["inverted"]
    off = quotebank.Extractor(disabled_rules=["inverted"])
    [quote] = off.extract(text)
    assert quote.rule == "direct_cue_after"
    assert quote.speaker is not None
    assert quote.speaker.name == "Maria Okafor"


def test_every_quote_names_a_registered_rule(extractor: quotebank.Extractor) -> None:
    names = {r.name for r in REGISTRY}
    text = (ROOT / "seeds").glob("*.txt")
    for path in sorted(text):
        for quote in extractor.extract(path.read_text(encoding="utf-8")):
            assert quote.rule in names


def test_the_rules_page_is_generated_from_the_registry() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == markdown(), "regenerate it: python -m quotebank.extract.rules > docs/rules.md"
    for rule in REGISTRY:
        assert f"### `{rule.name}`" in page
