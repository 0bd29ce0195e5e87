"""Reporting verbs and their frames (code: :func:`quotebank.extract.reported.find_reported`).

A verb of ``reporting.toml`` reports in the frames its entry lists; the frame that gives the
content names the rule. A passage in quotation marks inside the content makes the quote mixed,
a content that is all one passage makes it direct.
"""

from __future__ import annotations

from quotebank.extract.rules._rule import Example, Rule

__all__ = ["RULES"]

FAMILY = "verb_cues"

RULES = (
    Rule(
        name="clausal_complement",
        family=FAMILY,
        summary="X said (that) <clause>: the verb's complement clause after it, or a passage after its colon.",
        handles=("clause",),
        examples=(
            Example(
                text="The minister said that the border crossing would reopen on Monday.",
                quote="the border crossing would reopen on Monday",
            ),
            Example(
                text="Aid agencies warned the convoys could not reach the north before winter.",
                quote="the convoys could not reach the north before winter",
            ),
            Example(
                text='In a statement, the ministry said: "The border remains closed."',
                quote="The border remains closed.",
            ),
            Example(text="The spokesman said nothing about the talks."),
        ),
    ),
    Rule(
        name="inverted",
        family=FAMILY,
        summary="<content>, X said / <A>, X said, <B>: content before its cue, or around it.",
        handles=("clause", "marks before the cue"),
        examples=(
            Example(text="The talks have stalled, the mediator said on Tuesday.", quote="The talks have stalled"),
            Example(
                text="The offer, a senior official said, was never formally made.",
                quote="The offer was never formally made",
            ),
            Example(text='"We will rebuild the bridge," Maria Okafor said.', quote="We will rebuild the bridge,"),
            Example(text="The bridge, which opened in May, was closed again."),
        ),
    ),
    Rule(
        name="infinitive",
        family=FAMILY,
        summary="X promised to <act> / X urged Y to <act>: an infinitive after the verb or its object.",
        handles=("to", "object_to"),
        examples=(
            Example(
                text="The governor promised to rebuild the bridge within a year.",
                quote="to rebuild the bridge within a year",
            ),
            Example(text="The union urged its members to reject the offer.", quote="to reject the offer"),
            Example(text="The senator wanted to go home."),
        ),
    ),
    Rule(
        name="prepositional",
        family=FAMILY,
        summary="X called for <demand> / X spoke of <matter>: the object of the verb's preposition.",
        handles=("for", "of"),
        examples=(
            Example(text="Protesters called for an immediate end to the siege.", quote="an immediate end to the siege"),
            Example(
                text="The mayor called for calm after the floods.",
                quote="calm after the floods",
            ),
            Example(text="The report was published in the spring."),
        ),
    ),
    Rule(
        name="object",
        family=FAMILY,
        summary="X denied / described <object>, a poll shows <result>: the verb's object (limited subjects).",
        handles=("object", "small_clause"),
        examples=(
            Example(text="A new poll shows a close race in Ohio.", quote="a close race in Ohio"),
            Example(
                text='The coach described the game as "a nightmare".',
                quote='the game as "a nightmare"',
            ),
            Example(text="The conflict shows no sign of ending."),
        ),
    ),
)
