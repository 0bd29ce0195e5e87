"""Name-and-colon lines (code: ``_colon_headlines`` in :mod:`quotebank.extract.reported`)."""

from __future__ import annotations

from quotebank.extract.rules._rule import Example, Rule

__all__ = ["RULES"]

FAMILY = "headlines"

RULES = (
    Rule(
        name="colon_headline",
        family=FAMILY,
        summary="Sanders: Clinton needs to … — a headline claim after a name the registry or the recogniser knows.",
        handles=("name colon",),
        examples=(
            Example(
                text="Sanders: Clinton needs to release her speeches",
                quote="Clinton needs to release her speeches",
            ),
            Example(
                text="Obama: Congress has to act on guns now\nThe president spoke on Sunday.",
                quote="Congress has to act on guns now",
            ),
            Example(text="Economy: Growth slows in the third quarter"),
        ),
    ),
    Rule(
        name="transcript",
        family=FAMILY,
        summary="TRUMP: We're going to … — a transcript line: verbatim speech after a name in capitals.",
        handles=("capitals colon",),
        examples=(
            Example(
                text="TRUMP: We're going to build a wall.\nCLINTON: That is not a plan.",
                quote="We're going to build a wall.",
            ),
            Example(
                text="TRUMP: We're going to build a wall.\nCLINTON: That is not a plan.",
                quote="That is not a plan.",
            ),
            Example(text="UPDATE: The road is closed until further notice."),
        ),
    ),
)
