"""Reporting nouns with a source (code: ``_noun_cues`` in :mod:`quotebank.extract.reported`)."""

from __future__ import annotations

from quotebank.extract.rules._rule import Example, Rule

__all__ = ["RULES"]

FAMILY = "noun_cues"

RULES = (
    Rule(
        name="noun_cue",
        family=FAMILY,
        summary="X's claim that <clause> / a warning from X that <clause> / X's promise to <act>.",
        handles=("clause", "to"),
        examples=(
            Example(
                text="The minister's claim that the border was sealed drew sharp criticism.",
                quote="the border was sealed",
            ),
            Example(text="The senator's warning that the dam could fail was ignored.", quote="the dam could fail"),
            Example(text="The claim that the dam could fail was never tested."),
            Example(text="His decision to resign surprised everyone."),
        ),
    ),
)
