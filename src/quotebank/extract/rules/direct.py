"""Passages in quotation marks no reporting verb claimed (code: :mod:`quotebank.extract.direct`).

The order of these rules is the order in which a passage tries them: the first that
attributes it wins (:data:`quotebank.extract.direct.DIRECT_RULES` follows this list).
"""

from __future__ import annotations

from quotebank.extract.rules._rule import Example, Rule

__all__ = ["RULES"]

FAMILY = "direct"

RULES = (
    Rule(
        name="direct_cue_after",
        family=FAMILY,
        summary="“…,” X shouted / “…?” asked X: a cue right after the closing mark.",
        handles=("marks", "cue after"),
        examples=(
            Example(text='"Go home," he shouted at the crowd.', quote="Go home,"),
            Example(text='"Is it over?" asked the coach.', quote="Is it over?"),
            Example(text='"The road is long" is the title of her new book.'),
        ),
    ),
    Rule(
        name="direct_dash",
        family=FAMILY,
        summary="“…” — X: a name after a dash that follows the closing mark.",
        handles=("marks", "dash"),
        examples=(
            Example(text='"We will not leave our homes" — Amal Haddad', quote="We will not leave our homes"),
            Example(text='"We will not give up" — Maria Okafor, nurse', quote="We will not give up"),
            Example(text='"The war is over" — that was the headline in 1945.'),
        ),
    ),
    Rule(
        name="direct_cue_before",
        family=FAMILY,
        summary="X told them: “…”: a cue in the words before the opening mark and its colon or comma.",
        handles=("marks", "cue before"),
        examples=(
            Example(text='She told them: "Keep going."', quote="Keep going."),
            Example(
                text='The coach told his players: "Stay calm and keep the ball."', quote="Stay calm and keep the ball."
            ),
            Example(text='The bridge was closed on Monday, "until further notice".'),
        ),
    ),
    Rule(
        name="direct_colon",
        family=FAMILY,
        summary="X: “…”: a name and a colon before the opening mark.",
        handles=("marks", "name colon"),
        examples=(
            Example(text='Amal Haddad: "We will not leave our homes."', quote="We will not leave our homes."),
            Example(text='Maria Okafor: "The bridge will open in May."', quote="The bridge will open in May."),
            Example(text='Update: "The road is closed."'),
        ),
    ),
    Rule(
        name="direct_governed",
        family=FAMILY,
        summary="X called the plan “a disaster”: a passage inside a reporting verb's phrase.",
        handles=("marks", "governing cue"),
        examples=(
            Example(text='Critics called the plan "a disaster" in their review.', quote="a disaster"),
            Example(
                text='Critics branded the reform "a giveaway to the rich" in a letter.', quote="a giveaway to the rich"
            ),
            Example(text='The film "Oppenheimer" won seven awards.'),
        ),
    ),
    Rule(
        name="follow_on",
        family=FAMILY,
        summary="A passage with no cue of its own, soon after a direct quote: the same speaker goes on.",
        handles=("marks", "no cue"),
        examples=(
            Example(
                text=(
                    '"We will rebuild the bridge," Maria Okafor said.\n'
                    "The council met on Monday to discuss it for an hour.\n"
                    '"Nothing lasts forever, and nothing will stop us now."'
                ),
                quote="Nothing lasts forever, and nothing will stop us now.",
            ),
            Example(
                text=(
                    '"We will rebuild," Okafor said at the meeting on Monday, where the council voted on the '
                    "budget for next year and several residents spoke about the bridge.\n"
                    '"Nothing will stop us now, not the rain and not the cost."'
                ),
                quote="Nothing will stop us now, not the rain and not the cost.",
            ),
            Example(text='The bridge was closed on Monday.\n"Traffic is heavy."'),
        ),
    ),
)
