"""The public API contract: names, sorted __all__, docstrings on everything public."""

from __future__ import annotations

import importlib
import inspect

import pytest

import quotebank

MODULES = [
    "quotebank",
    "quotebank.model",
    "quotebank.errors",
    "quotebank.extractor",
    "quotebank.lexicons",
    "quotebank.speakers",
    "quotebank.stance",
    "quotebank.stance.scorer",
    "quotebank.extract",
    "quotebank.extract.content",
    "quotebank.extract.rules",
    "quotebank.extract.rules.verb_cues",
    "quotebank.extract.rules.noun_cues",
    "quotebank.extract.rules.according_to",
    "quotebank.extract.rules.headlines",
    "quotebank.extract.rules.direct",
    "quotebank.extract.rules.registry",
    "quotebank.pipeline",
    "quotebank.io",
    "quotebank.evaluation",
    "quotebank.webpages",
    "quotebank.frames",
    "quotebank.schema",
    "quotebank.report",
    "quotebank.cli",
    "quotebank.cli.app",
    "quotebank.cli.common",
    "quotebank.cli.extract",
    "quotebank.cli.explain",
    "quotebank.cli.report",
    "quotebank.cli.schema",
    "quotebank.cli.evaluate",
    "quotebank.dask",
]


def test_contract_names() -> None:
    for name in [
        "extract",
        "Extractor",
        "Quote",
        "TextSpan",
        "Speaker",
        "Stance",
        "QuoteKind",
        "StanceLabel",
        "SpeakerKind",
    ]:
        assert name in quotebank.__all__
    assert callable(quotebank.extract)
    assert quotebank.errors.InputError.__mro__[1:3] == (quotebank.errors.QuotebankError, TypeError)


def test_top_level_all_is_sorted_and_only_re_exports() -> None:
    assert quotebank.__all__ == sorted(quotebank.__all__)
    for name in quotebank.__all__:
        assert getattr(quotebank, name) is not None


@pytest.mark.parametrize("module_name", MODULES)
def test_every_public_name_has_a_docstring(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert (module.__doc__ or "").strip(), module_name
    for name in getattr(module, "__all__", []):
        obj = getattr(module, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert (obj.__doc__ or "").strip(), f"{module_name}.{name}"
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if attr.startswith("_") or not (inspect.isfunction(member) or isinstance(member, property)):
                        continue
                    doc = member.__doc__ if not isinstance(member, property) else member.fget.__doc__
                    assert (doc or "").strip(), f"{module_name}.{name}.{attr}"
