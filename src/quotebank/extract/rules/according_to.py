"""Source phrases (code: ``_according_to`` in :mod:`quotebank.extract.reported`)."""

from __future__ import annotations

from quotebank.extract.rules._rule import Example, Rule

__all__ = ["RULES"]

FAMILY = "according_to"

RULES = (
    Rule(
        name="according_to",
        family=FAMILY,
        summary="According to X, <clause> / <clause>, according to X (``[phrases]`` of reporting.toml).",
        handles=("source phrase",),
        examples=(
            Example(
                text="According to the ministry, more than 300 people were wounded.",
                quote="more than 300 people were wounded",
            ),
            Example(text="The strike will continue, according to union leaders.", quote="The strike will continue"),
            Example(text="The strike will continue until the end of the month."),
        ),
    ),
)
