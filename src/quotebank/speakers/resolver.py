"""Speaker resolution: from the words next to a quote to a canonical name.

Rule-based, in this order (the first that applies wins):

1. **Pronouns** (he, she, it, they) go back to the most recent compatible
   speaker or subject (gender from the registry or an honorific; number).
2. **Registry**: the mention matches a name, alias or title of a speaker in
   ``speakers.toml`` (or a user's registry), in full or around its head word
   ("relatives of Israeli hostages held by Hamas" -> hostage families).
3. **Possessive offices**: "Mr. Netanyahu's office" -> "Netanyahu's office",
   with the person as an alias.
4. **Names**: a person's surname or honorific form goes back to the first
   full mention in the document ("Mr Gallant" -> "Yoav Gallant").
5. **Titles and appositions** introduced in the document ("Richard
   Peeperkorn, the World Health Organization representative") resolve later
   mentions of the title.
6. **Anaphors** ("the group", "the militant group") go to the organisation or
   group in focus.
7. Otherwise the mention itself, without determiners and relative clauses,
   is the canonical name of an open-world speaker.

Examples:
    >>> import quotebank
    >>> text = ('Prime Minister Benjamin Netanyahu said Israel would press on. '
    ...         '"We will win," he said.')
    >>> [q.speaker.name for q in quotebank.extract(text)]
    ['Benjamin Netanyahu', 'Benjamin Netanyahu']
    >>> quotebank.extract(text)[1].speaker.resolution.value
    'pronoun'
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable, Container, Sequence
from typing import ClassVar

import attrs
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, POS
from spacy.tokens import Doc, Span, Token

from quotebank.extract._base import tokens_where, word_list
from quotebank.extract.boilerplate import Boilerplate
from quotebank.lexicons import Lexicons, References, SpeakerEntry
from quotebank.model import Resolution, Speaker, SpeakerKind, TextSpan, speaker_key
from quotebank.speakers.names import canonical_name, entities_over, entity_name, person_name, surname, titled_name

__all__ = ["SpeakerResolver"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_WORD = re.compile(r"[\w][\w'.\-&]*", re.UNICODE)
_CONFIDENCE = {
    Resolution.NAMED: 0.95,
    Resolution.ALIAS: 0.9,
    Resolution.SURNAME: 0.85,
    Resolution.TITLE: 0.75,
    Resolution.PRONOUN: 0.7,
    Resolution.CONTEXT: 0.5,
    Resolution.UNRESOLVED: 0.3,
}


_ARTICLES = frozenset({"the", "a", "an"})
_DEFINITE = frozenset({"the", "this", "that", "its", "their"})
_ISSUER_PREPS = frozenset({"by", "from", "of"})


def _words(text: str) -> list[str]:
    words = [w.rstrip(".").removesuffix("'s").rstrip("'") for w in _WORD.findall(text.translate(_APOSTROPHES).lower())]
    return [w for w in words if w]


@attrs.define(kw_only=True, eq=False)
class _Known:
    """A speaker the resolver has seen, for later pronouns and anaphors."""

    name: str
    kind: SpeakerKind
    gender: str
    plural: bool
    at: int
    aliases: tuple[str, ...] = ()
    rank: int = 2  # salience (see _salience); a quote's speaker is the most salient


def _mention_head(span: Span) -> Token:
    """The head of a mention: a token whose head lies outside it, nouns and pronouns first."""
    tops = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    nominal = [t for t in tops if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return (nominal or tops or [span.root])[0]


def _entity_name(span: Span, head: Token) -> str | None:
    """An organisation's name as the text writes it: the named entity around the head, inside
    the mention, without a leading "the" (None when the head is in no organisation entity)."""
    for ent in entities_over(span.doc[head.i : head.i + 1], ("ORG", "NORP", "GPE", "FAC")):
        if ent.start <= head.i < ent.end:
            start, end = max(ent.start, span.start), min(ent.end, span.end)
            for t in span.doc[start:end]:  # "The World Health Organization (WHO": the name ends at "("
                if t.text == "(" and t.i > start:
                    end = t.i
                    break
            words = span.doc[start:end]
            if len(words) and words[0].lower_ == "the":
                words = words[1:]
            return canonical_name(words.text) if len(words) else None
    return None


def _group_noun(head: Token, refs: References) -> bool:
    """A noun for people in the plural ("the families", "the three countries"), not a body."""
    return head.lemma_.lower() in refs.group_heads or head.lower_ in refs.group_heads or head.tag_ == "NNS"


def _in_hyphen_compound(token: Token, head: Token) -> bool:
    """Inside "Hamas-run", "New York-based": a run of proper words that a hyphen joins to
    the next word."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        return True
    j = token.i
    while j + 1 < head.i and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].ent_type_) and doc[j + 1].text != "-":
        j += 1
    return j + 1 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_


def _proper_modifiers(span: Span, head: Token) -> list[Token]:
    """Proper nouns and named entities before the head, outside hyphenated compounds."""
    out = []
    for t in span:
        if t.i >= head.i or not (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
            continue
        if not _in_hyphen_compound(t, head):
            out.append(t)
    return out


def _is_anaphor(span: Span, head: Token, refs: References) -> bool:
    """ "the" + modifiers + a lower-case organisation or group noun from ``[anaphors]``, with
    nothing after the head (so "the ministry of defence" stays a name)."""
    if span[0].lower_ != "the" or not head.text.islower() or head.i != max(t.i for t in span if not t.is_punct):
        return False
    phrase = " ".join(_words(span.text)[1:])
    if head.lemma_.lower() in refs.anaphors or head.lower_ in refs.anaphors or phrase in refs.anaphors:
        return True
    return _compound_type_noun(head, refs)


_SUBJECT_OR_POSSESSOR = frozenset({"nsubj", "nsubjpass", "poss"})
"""The dependencies of the words that can name an untagged person (``_untagged_name`` and
``_DocMemory._known_surname`` ask for nothing else)."""


def _document_nouns(doc: Doc, refs: References) -> list[int]:
    """The tokens that can be document nouns, by form or by lemma (all :func:`_issuer` looks at)."""
    documents = word_list(refs.documents, lambda: refs.documents)
    return sorted({*documents.tokens(doc, LOWER), *documents.tokens(doc, LEMMA)})


def _bodies_before(at: int, known: list[_Known], memory: _DocMemory) -> list[_Known]:
    """The organisations and groups named before offset ``at``: speakers already resolved (a
    capitalised name of unknown kind, "Save the Children", is a body too), then the
    organisations the document's entities name."""
    wanted = (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP)
    pool = [
        k if k.kind is not SpeakerKind.UNKNOWN else attrs.evolve(k, kind=SpeakerKind.ORGANIZATION)
        for k in known
        if k.at < at and (k.kind in wanted or (k.kind is SpeakerKind.UNKNOWN and k.name[:1].isupper()))
    ]
    pool += [
        _Known(name=n, kind=k, gender="neuter", plural=False, at=a)
        for a, n, k, _ in memory.orgs
        if a < at and not any(p.name == n for p in pool)
    ]
    return pool


def _named_conjuncts(head: Token) -> list[Token]:
    """The names coordinated with a head ("Britain, France and Germany")."""
    inside = (head.i, *(x.i for x in head.subtree))
    conj = [c for c in head.subtree if c.dep_ == "conj" and c.head.i in inside]
    return [c for c in conj if c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")]


def _joined(names: list[str]) -> str:
    """ "A and B", "A, B and C"."""
    return " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]


def _proper_run(tokens: list[Token], head: Token) -> list[Token]:
    """The run of proper nouns (and hyphens inside it) ending at the head, from its first
    word with a letter or digit."""
    run: list[Token] = []
    for t in reversed(tokens):
        if t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.i == head.i or (t.text == "-" and run):
            run.insert(0, t)
        else:
            break
    while run and not any(c.isalnum() for c in run[0].text):
        run.pop(0)
    return run


def _without_honorifics(words: list[str], honorifics: Container[str]) -> list[str]:
    """The words without leading honorifics, one-word ("Mr.") then two-word ("Prime Minister")."""
    while words and words[0].lower().rstrip(".") in honorifics:
        words = words[1:]
    while len(words) > 1 and " ".join(words[:2]).lower() in honorifics:
        words = words[2:]
    return words


def _document_noun(token: Token, refs: References) -> bool:
    """A lower-case common noun for a document ("statement", "ads"); a headline's "Popular
    Website Shows Bias" names no document."""
    lower = token.lower_
    if lower not in refs.documents and not (lower.endswith("s") and token.lemma_.lower() in refs.documents):
        return False
    return token.pos_ == "NOUN" and token.text.islower()


def _phrase(token: Token) -> Span | None:
    """The phrase ``token`` heads, unless it is a pronoun."""
    return None if token.pos_ == "PRON" else token.doc[token.left_edge.i : token.right_edge.i + 1]


def _possessor(child: Token) -> Span | None:
    """ "Hamas's statement": the possessor, without its "'s"; none for "his statement"."""
    end = child.i if child.tag_ == "POS" else child.i + 1
    return child.doc[child.left_edge.i : end] if child.pos_ != "PRON" and end > child.left_edge.i else None


def _issuer_object(token: Token) -> Token | None:
    """The object of the noun's first "by"/"from"/"of" phrase ("a web video by the RNC")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _issuing_subject(token: Token, refs: References) -> Span | None:
    """ "200 doctors signed an open letter": the subject of an issuing verb the noun is the object of."""
    verb = token.head
    if token.dep_ != "dobj" or verb.lemma_.lower() not in refs.issuing_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    return None if subject is None else _phrase(subject)


def _proper_compound(token: Token) -> Span | None:
    """ "the Clinton ad": proper names compounded before the noun."""
    compounds = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
    return token.doc[compounds[0].left_edge.i : compounds[-1].i + 1] if compounds else None


def _issuer(token: Token, refs: References) -> Span | None:
    """Who issued a document the text names: a possessor ("Hamas's statement"), the object of
    "by"/"from"/"of" ("a web video by the Republican National Committee"), the subject of an
    issuing verb ("200 doctors signed an open letter") or a proper name compounded with it ("the
    Clinton ad"); None for other tokens and for pronoun issuers."""
    if not _document_noun(token, refs):
        return None
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return _possessor(possessor)  # the first reading that applies decides, even as nobody
    obj = _issuer_object(token)
    if obj is not None:
        return _phrase(obj)
    for reading in (_agent_issuer(token), _issuing_subject(token, refs)):
        if reading is not None:
            return reading
    return _proper_compound(token)


def _agent_issuer(token: Token) -> Span | None:
    """The agent of a passive verb the document noun is the subject of, or that modifies it: "an
    email was sent from the club's director", "a letter signed by 200 doctors"."""
    verbs = [token.head] if token.dep_ == "nsubjpass" else []
    verbs += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = None if obj is None else _phrase(obj)
                if found is not None:
                    return found
    return None


def _epithet_gender(span: Span, head: Token, refs: References) -> str | None:
    """The gender an epithet implies, or None when the mention is not one: "the" or a name's
    possessive, at least one modifier, then a lower-case noun from ``[epithets]`` ("the
    California congressman", "the GOP candidate", "the 34-year-old mother of three"); a bare
    "the judge" is too vague to name anyone."""
    gender = refs.epithets.get(head.lower_) or refs.epithets.get(head.lemma_.lower())
    if gender is None or not head.text.islower() or head.tag_ not in ("NN", "NNP"):
        return None
    before = [t for t in span if t.i < head.i and not t.is_punct and t.tag_ != "POS"]
    owner = [t for t in before if t.dep_ == "poss" and t.pos_ == "PROPN"]
    if span[0].lower_ == "the":
        modifiers = before[1:]
    elif owner:
        modifiers = [t for t in before if t.i > owner[-1].i]
    else:
        return None
    return gender if modifiers else None


def _compound_type_noun(head: Token, refs: References) -> bool:
    """A closed compound ending in a type noun: "steelmaker", "chipmaker", "automaker" end in
    "maker"; "lawmaker" and "policymaker" are person titles, so they do not count."""
    word = head.lemma_.lower()
    if word in refs.person_titles or head.lower_ in refs.person_titles:
        return False
    return any(len(a) >= 5 and " " not in a and word.endswith(a) and len(word) > len(a) + 2 for a in refs.anaphors)


_SALIENCE_WEIGHT = 1.0  # sentences of distance one step of salience is worth


def _salience(token: Token) -> int | None:
    """How prominent a person's mention is, for pronouns: 2 as the subject of the sentence's
    main verb (or of a verb conjoined to it), 1 as the subject of another clause, 0 as an
    object; None in any other role (a compound, a possessor)."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        verb = token.head
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        return 2 if main else 1
    if token.dep_ == "poss":
        return 1  # "Mr. Obama's highest ideals ... He"
    if token.dep_ in ("dobj", "pobj", "dative", "appos", "attr"):
        return 0
    return None


def _untagged_name(token: Token, names: set[str], refs: References) -> bool:
    """A capitalised proper-noun subject the entity recogniser did not call a person: untagged,
    or tagged an organisation but given a title ("Chancellor Ines Baumann")."""
    if token.dep_ not in ("nsubj", "nsubjpass") or not token.text[:1].isupper():
        return False
    if token.ent_type_ and not (
        token.ent_type_ == "ORG" and titled_name(token.doc[token.left_edge.i : token.i + 1], refs)
    ):
        return False
    if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.text in names):
        return False
    # one person is singular: "Old Hands Help ..." in a title-case headline is not a name
    return token.lower_ not in refs.org_heads and token.tag_ != "NNPS"


def _dropped_from_name(token: Token, head: Token) -> bool:
    """Words after the head that a canonical group or organisation name leaves out: relative
    clauses, appositions, "including ...", a phrase inside the head's own phrase ("families of
    the victims [of the fire in Ostrava]") and a phrase of time ("a group of doctors [in 2015]")."""
    if token.i == head.i:
        return False
    if token.dep_ in ("relcl", "acl", "appos") or (token.dep_ == "prep" and token.lower_ == "including"):
        return True
    if token.dep_ != "prep":
        return False
    if token.head.dep_ == "pobj" and token.head.head.head.i == head.i:
        return True
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") or o.like_num for o in objects)


def _canonical_tokens(span: Span, head: Token, refs: References) -> list[Token]:
    """The words of a group or organisation's canonical name: the phrase up to its first
    dropped part (see :func:`_dropped_from_name`) or comma, without a leading article; numbers
    and quantifiers stay ("63 percent", "some Republicans", "two diplomats"), as annotators
    write them."""
    drop = {t.i for t in span if t.is_punct and t.text not in ("-", "'", "\u2019", "/", ".")}
    for t in span:
        if _dropped_from_name(t, head):
            drop.update(x.i for x in t.subtree)
    tokens: list[Token] = []
    for t in span:
        if t.i in drop:
            if tokens:
                break
            continue
        tokens.append(t)
    while tokens and (tokens[0].lower_ in _ARTICLES or tokens[0].lower_ in refs.strip):
        tokens = tokens[1:]
    return _without_count(tokens, head)


_APPROXIMATORS = frozenset(
    {
        "more",
        "less",
        "fewer",
        "than",
        "at",
        "least",
        "most",
        "about",
        "nearly",
        "almost",
        "over",
        "up",
        "to",
        "roughly",
        "around",
        "some",
    }
)


def _without_count(tokens: list[Token], head: Token) -> list[Token]:
    """A head count is not part of a group's name ("two Lebanese security sources", "more than
    200 doctors" -> "doctors"), except where the number is the group ("63 percent")."""
    if head.lower_ in ("percent", "%", "per", "cent"):
        return tokens
    for i, t in enumerate(tokens[:4]):
        if t.like_num and t.i != head.i:
            if i + 1 < len(tokens) and tokens[i + 1].lower_ == "of":
                break  # "nearly eight of 10 voters": the share is the group
            if all(x.lower_ in _APPROXIMATORS for x in tokens[:i]):
                return tokens[i + 1 :] or tokens
            break
    return tokens


def _text_of(tokens: Sequence[Token]) -> str:
    """The text the tokens cover, as written (one space for any run of spaces)."""
    doc = tokens[0].doc
    return canonical_name(doc[tokens[0].i : tokens[-1].i + 1].text)  # doc.text would build the whole text


def _noun_before(span: Span) -> Token | None:
    """The noun right before the mention's comma ("95 retired generals and admirals, most of
    whom"), from the first of coordinated nouns."""
    before = [t for t in span.doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    if not before or before[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = before[-1]
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _phrase_before_clause(noun: Token, stop: int) -> Span | None:
    """The noun's phrase up to ``stop``, without its appositions and relative clauses."""
    end = noun.i + 1
    for t in noun.rights:
        if t.i >= stop or t.dep_ in ("punct", "appos", "relcl"):
            break
        end = t.right_edge.i + 1
    start = noun.left_edge.i
    return noun.doc[start:end] if start < end <= stop else None


def _relative_antecedent(span: Span) -> Span | None:
    """The noun phrase a relative pronoun in the mention stands for: the phrase the relative
    clause modifies, without the clause ("who", "most of whom", "each of whom"); when the
    parser did not make a relative clause of it, the noun phrase right before the comma."""
    pronoun = next((t for t in span if t.tag_ in ("WP", "WDT") and t.lower_ in ("who", "whom", "which", "that")), None)
    if pronoun is None:
        return None
    clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    noun = clause.head if clause is not None and clause.head.i < span.start else _noun_before(span)
    if noun is None:
        return None
    while noun.dep_ == "appos" and noun.head.i < noun.i:
        noun = noun.head  # "Ban Ki-moon, the secretary general of the United Nations, who"
    return _phrase_before_clause(noun, span.start)


def _acronym_like(text: str) -> bool:
    """Two or more capitals making up most of the word, dots allowed: "WHO", "U.N.", "NATO",
    "BoT" (never a pronoun)."""
    letters = text.replace(".", "")
    capitals = sum(c.isupper() for c in letters)
    return len(letters) >= 2 and letters.isalpha() and capitals >= 2 and capitals * 3 >= len(letters) * 2


def _capitals(text: str) -> str:
    """The capitals of an acronym ("BoT" -> "BT", "U.N." -> "UN"), as initials are compared."""
    return "".join(c for c in text if c.isupper())


_UNNAMED = frozenset({"", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL"})
_COMMON = frozenset({"NOUN", "DET", "NUM", "ADJ", "PRON"})


def _counted(tokens: Sequence[Token]) -> bool:
    """The phrase opens with a number or a quantifier ("two diplomats", "some Republicans",
    "another 19 percent", "few people")."""
    return bool(tokens) and (
        tokens[0].like_num
        or tokens[0].pos_ in ("DET", "NUM")
        or (tokens[0].tag_ in ("JJ", "JJS") and tokens[0].lower_ in _QUANTIFIERS)
    )


_QUANTIFIERS = frozenset({"few", "many", "several", "most", "numerous", "various", "countless"})


def _title_case_name(tokens: Sequence[Token], head: Token) -> bool:
    """Every content word capitalised, and more than a sentence's first capital shows it: the
    head is capitalised inside the sentence ("Save the Children") or a function word is
    ("Doctors Without Borders"). "Parents at Greenfield Primary School" is not one name."""
    content = [t for t in tokens if not (t.is_stop and t.text.islower())]
    if len(tokens) < 2 or len(content) < 2 or not all(t.text[:1].isupper() for t in content):
        return False
    if head.text[:1].isupper() and not head.is_sent_start:
        return True
    return any(t.pos_ in ("ADP", "CCONJ", "VERB") and t.text[:1].isupper() and not t.is_sent_start for t in tokens)


def _group_of_people(head: Token) -> bool:
    """ "a group of doctors", "a coalition of parents": a body named by the people in it."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ == "NNS" for o in c.children)
        for c in head.children
    )


@attrs.frozen(kw_only=True)
class _Mention:
    """One speaker mention being resolved, with the document's memory so far."""

    doc: Doc
    span: Span
    head: Token
    memory: _DocMemory
    known: list[_Known]

    def words(self, refs: References) -> list[str]:
        """The mention's words, lower case, leading articles dropped."""
        words = _words(self.span.text)
        while words and words[0] in refs.strip:
            words = words[1:]
        return words


def _text_span(span: Span) -> TextSpan:
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def _barred(pronoun: Token | None, quote: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Character ranges whose people a pronoun cannot stand for: the content of the quote it
    attributes, and the clause it is the subject of ("Campaigning against Mitt Romney, he
    ..." is not Romney)."""
    barred = [quote] if quote is not None else []
    if pronoun is not None and pronoun.dep_ in ("nsubj", "nsubjpass"):
        verb = pronoun.head
        left, right = verb.left_edge, verb.right_edge
        barred.append((left.idx, right.idx + len(right.text)))
    return barred


def _same_person(a: str, b: str) -> bool:
    """Two full names of one person: the same first and last word, the middle words of one a
    subset of the other's ("Donald J. Trump" / "Donald Trump"; "Paul D. Ryan" / "Paul Ryan")."""
    x, y = a.split(), b.split()
    if len(x) < 2 or len(y) < 2 or x[0] != y[0] or x[-1] != y[-1]:
        return False
    short, long = sorted((x[1:-1], y[1:-1]), key=len)
    return set(short) <= set(long)


def _gender_ok(wanted: str, have: str) -> bool:
    return wanted in ("any", "unknown") or have in ("any", "unknown") or wanted == have


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _place_words(ents: list[Span]) -> frozenset[str]:
    """The one-word names the recogniser tagged a place somewhere in the document."""
    return frozenset(e.text for e in ents if e.label_ in _PLACE_LABELS and len(e) == 1)


def _one_word_place(ent: Span, places: frozenset[str]) -> bool:
    """A one-word "person" the same document tags a place elsewhere is that place: the
    small model reads "an assault on Rafah" and "push into Rafah" as people while "in Rafah"
    is a city; a document does not name a person and a place with the same single word."""
    return len(ent) == 1 and ent.text in places


class _DocMemory:
    """What a document has said about its people: full names, titles, genders."""

    def __init__(self, doc: Doc, resolver: SpeakerResolver, boilerplate: Boilerplate | None = None) -> None:
        self.full: dict[str, str] = {}  # surname -> full name
        self.gender: dict[str, str] = {}  # full name -> gender
        self.titles: dict[tuple[str, ...], str] = {}  # title words -> the first holder's full name
        self.roles: dict[tuple[str, ...], list[tuple[int, str]]] = {}  # title words -> (offset, holder)
        self.people: list[tuple[int, str, int]] = []  # (offset, full name, salience) of persons
        self.orgs: list[tuple[int, str, SpeakerKind, int]] = []  # (offset, name, kind, salience)
        self.sentences: list[int] = [s.start_char for s in doc.sents]
        self.quote: tuple[int, int] | None = None  # the content of the quote being attributed
        self.written: set[str] = set()  # every full name the entities give
        self.refs = resolver.lex.references
        self.person_nouns = resolver.lex.references.person_titles
        self.role_changers = resolver.lex.references.role_changers
        self.issued: list[tuple[int, Span, str]] = []  # (offset, issuer, noun) of documents named with one
        self.acronyms: dict[str, str] = {}  # "WHO" -> "World Health Organization"
        self.org_names: set[str] = set()
        # nobody in "Read more: ...", "(Reporting by ...)" or "Photo: ..." is in the article
        if boilerplate is None:
            boilerplate = Boilerplate.of(doc.text, self.refs)
        self._learn_entities([e for e in doc.ents if not boilerplate.covers(e.start_char)], resolver)
        self._learn_untagged(doc, boilerplate, resolver)
        self.people.sort()
        self._drop_stray_words()
        self.issued = [
            (t.idx, issuer, t.lower_)
            for i in _document_nouns(doc, self.refs)
            if (issuer := _issuer(t := doc[i], self.refs)) is not None
        ]

    def _learn_entities(self, ents: list[Span], resolver: SpeakerResolver) -> None:
        """Organisations (names and acronyms) first, then people and subject organisations
        (``ents`` is built once: each ``doc.ents`` access rebuilds every span)."""
        for ent in ents:
            if ent.label_ == "ORG":
                self._org_entity(ent)
        places = _place_words(ents)
        for ent in ents:
            if ent.label_ == "PERSON" and _one_word_place(ent, places):
                continue
            if ent.label_ == "PERSON" or self._person_tagged_org(ent):
                self._person_entity(ent, resolver)
            elif ent.label_ in ("ORG", "GPE", "NORP") and ent.root.dep_ in ("nsubj", "nsubjpass"):
                self.orgs.append((ent.start_char, ent.text, SpeakerKind.ORGANIZATION, _salience(ent.root) or 1))

    def _learn_untagged(self, doc: Doc, boilerplate: Boilerplate, resolver: SpeakerResolver) -> None:
        """Proper-noun subjects the entity recogniser missed ("Trump took offense ...") can be
        people too; a capitalised word the tagger called a noun at a sentence start is a name if
        it is one elsewhere (the token arrays pick the few tokens this asks about)."""
        named = {*tokens_where(doc, POS, "PROPN".__eq__), *tokens_where(doc, ENT_TYPE, "PERSON".__eq__)}
        names = {doc[i].text for i in named if not doc[i].is_sent_start}
        for i in tokens_where(doc, DEP, _SUBJECT_OR_POSSESSOR.__contains__):
            token = doc[i]
            if boilerplate.covers(token.idx):
                continue
            if _untagged_name(token, names, resolver.lex.references) or self._known_surname(token):
                self._untagged_person(token, resolver)

    def _starts_with_given_name(self, word: str) -> bool:
        """A capitalised first name, not a particle ("Donald", not "Abu" or "la")."""
        given = self.refs.given_names
        if not word[:1].isupper() or word.lower() in self.refs.particles or given is None:
            return False
        return given.is_given(word)

    def _drop_stray_words(self) -> None:
        """A name the document also writes without its first word is that shorter name: the
        headline's "Rip Donald Trump" is the body's "Donald Trump"."""
        better: dict[str, str] = {}
        for name in self.written:
            words = name.split()
            for k in range(1, len(words) - 1):
                shorter = " ".join(words[k:])
                if shorter in self.written and self._starts_with_given_name(words[k]):
                    better[name] = shorter
                    break
        if not better:
            return
        self.full = {k: better.get(v, v) for k, v in self.full.items()}
        self.people = [(a, better.get(n, n), r) for a, n, r in self.people]
        self.roles = {k: [(a, better.get(n, n)) for a, n in v] for k, v in self.roles.items()}
        self.titles = {k: better.get(v, v) for k, v in self.titles.items()}

    def short_name(self, token: Token) -> str | None:
        """The organisation an acronym ("WHO") or a clipped name ("Fed") stands for: one the
        document defined in parentheses, whose initials spell it, or whose first word it begins."""
        text = token.text
        if _acronym_like(text):
            return self.acronyms.get(_capitals(text))
        if len(text) >= 3 and text[:1].isupper() and text[1:].islower() and token.ent_type_ != "PERSON":
            found = {n for n in self.org_names if n.split()[0] != text and n.split()[0].startswith(text)}
            return found.pop() if len(found) == 1 else None
        return None

    def _org_entity(self, ent: Span) -> None:
        """Record an organisation's name, and its acronym: "(WHO)" after it or its initials."""
        doc = ent.doc
        cut = next((t.i for t in ent if t.text == "(" and t.i > ent.start), ent.end)
        words = [t for t in doc[ent.start : cut] if not (t.i == ent.start and t.lower_ == "the")]
        if len(words) < 2:
            return
        name = canonical_name(doc[words[0].i : words[-1].i + 1].text)
        self.org_names.add(name)
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if len(initials) >= 2:
            self.acronyms.setdefault(initials, name)
        # "(WHO)" inside the entity or right after it defines the acronym
        if (
            cut + 2 < len(doc)
            and doc[cut].text == "("
            and doc[cut + 2].text == ")"
            and _acronym_like(doc[cut + 1].text)
        ):
            self.acronyms[_capitals(doc[cut + 1].text)] = name

    def sentence_of(self, at: int) -> int:
        """The index of the sentence holding character ``at``."""
        return bisect.bisect_right(self.sentences, at) - 1

    def most_salient(self, pool: list[_Known], at: int) -> _Known:
        """The antecedent in ``pool`` that is recent and prominent at offset ``at``: each
        sentence back costs as much as a step down in salience (an object in the previous
        sentence does not outrank the subject two sentences back); the later wins a tie."""
        here = self.sentence_of(at)
        return max(pool, key=lambda k: (k.rank * _SALIENCE_WEIGHT - (here - self.sentence_of(k.at)), k.at))

    def _person_entity(self, ent: Span, resolver: SpeakerResolver) -> None:
        refs = resolver.lex.references
        found = entity_name(ent, refs)
        if found is None:
            return
        name = canonical_name(found.text).removesuffix("'s").removesuffix("\u2019s")
        entry = resolver.registry_name(name)
        if entry is not None:
            name = entry.name
            self.gender.setdefault(name, entry.gender)
        if len(name.split()) >= 2:
            self.full.setdefault(surname(name, refs), name)
            self.written.add(name)
        # a one-word name is the fullest name the document gave that surname; a full name with a
        # middle name or initial more or less ("Donald J. Trump", "Donald Trump") is the same person
        known = self.full.get(surname(name, refs)) or self._by_first_name(name)
        full = known if known is not None and (len(name.split()) < 2 or _same_person(known, name)) else name
        # "President Obama": a one-word name holds its title too
        self._titles_around(ent, full, resolver)
        # an honorific right before the name tells the gender
        before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        if refs.honorifics.get(before) in ("male", "female"):
            self.gender.setdefault(full, refs.honorifics[before])
        rank = _salience(ent.root)
        if rank is not None:
            self.people.append((ent.start_char, full, rank))

    def _person_tagged_org(self, ent: Span) -> bool:
        """A name the recogniser tagged an organisation that reads as a person's: two or three
        capitalised words, the first a first name with a known gender ("Nadia Karim"), none an
        organisation noun or an acronym ("Morgan Stanley" stays: "Morgan" has no one gender)."""
        given = self.refs.given_names
        words = ent.text.split()
        if ent.label_ != "ORG" or given is None or not 2 <= len(words) <= 3:
            return False
        if any(not w[:1].isupper() or w.isupper() or w.lower() in self.refs.org_heads for w in words):
            return False
        return given.gender(words[0]) is not None

    def _by_first_name(self, name: str) -> str | None:
        """A first name alone ("both Donald and Ivana Trump", "Hillary said") is the one full
        name the document wrote with it, if only one."""
        if " " in name:
            return None
        fitting = {full for full in self.written if full.split()[0] == name}
        return fitting.pop() if len(fitting) == 1 else None

    def _known_surname(self, token: Token) -> bool:
        """A subject or possessor the recogniser tagged an organisation that is the surname of a
        person the document named in full ("Donald Trump ... Trump has record low support",
        "Trump's child-care plan")."""
        return (
            token.dep_ in ("nsubj", "nsubjpass", "poss")
            and token.ent_type_ == "ORG"
            and token.pos_ == "PROPN"
            and token.lower_ in self.full
            and not any(c.dep_ == "compound" for c in token.children)
        )

    def _untagged_person(self, token: Token, resolver: SpeakerResolver) -> None:
        found = person_name(token.doc[token.left_edge.i : token.i + 1], resolver.lex.references)
        words = canonical_name(found.text).split() if found is not None and found[-1].i == token.i else []
        if not words:
            return
        name = " ".join(words)
        entry = resolver.registry_name(name)
        if entry is not None and entry.kind is not SpeakerKind.PERSON:
            return
        full = entry.name if entry is not None else self.full.get(words[-1].lower(), name)
        if len(full.split()) >= 2:
            self.full.setdefault(surname(full, resolver.lex.references), full)
        self.people.append((token.idx, full, _salience(token) or 1))

    def introduce(self, name: str, refs: References) -> None:
        """A person the resolver named in full: later mentions of the surname are them too
        (the entity recogniser tagged "Rear Adm. Eyal Harpaz" an organisation, so the scan of
        PERSON entities never saw him)."""
        if len(name.split()) >= 2:
            self.full.setdefault(surname(name, refs), name)

    def learn_gender(self, name: str, pronoun: str, refs: References) -> None:
        """A gendered pronoun the resolver gave to a person tells that person's gender."""
        gender = refs.pronouns.get(pronoun, ("any", "singular"))[0]
        if gender in ("male", "female"):
            self.gender.setdefault(name, gender)

    def _titles_around(self, ent: Span, name: str, resolver: SpeakerResolver) -> None:
        doc = ent.doc
        strip = resolver.lex.references.strip
        # "Israeli Prime Minister Reuven Amsalem": the title run before the name, inside its phrase
        i = ent.start - 1
        while (
            i >= 0
            and doc[i].dep_ in ("compound", "amod", "nmod")
            and i < doc[i].head.i < ent.end
            and doc[i].pos_ in ("PROPN", "NOUN", "ADJ")
        ):
            i -= 1
        if i + 1 < ent.start:
            self._role(_words(doc[i + 1 : ent.start].text), name, ent.start_char)
        # "Richard Peeperkorn, the WHO representative": an apposition
        for child in ent.root.children:
            if child.dep_ == "appos":
                words = [w for w in _words(doc[child.left_edge.i : child.i + 1].text) if w not in strip]
                self._role(words, name, ent.start_char)
        # "A senior Egyptian official, Hisham Fawzy,": the name in apposition to the role
        if ent.root.dep_ == "appos":
            head = ent.root.head
            words = [w for w in _words(doc[head.left_edge.i : head.i + 1].text) if w not in strip]
            if head.ent_type_ != "PERSON":
                self._role(words, name, ent.start_char)

    def _role(self, words: list[str], name: str, at: int) -> None:
        """Record that ``name`` holds the role ``words`` from offset ``at``: every ending of the
        run counts ("prime minister", "minister"; "senior Egyptian official", "official")."""
        for k in range(len(words)):
            if k > 0 and words[k - 1] in self.role_changers:
                break  # a vice president is not "the president", a former minister not "the minister"
            key = tuple(words[k:])
            self.titles.setdefault(key, name)
            self.roles.setdefault(key, []).append((at, name))

    def role(self, key: tuple[str, ...], at: int) -> str | None:
        """The person most recently given the role before offset ``at`` (the first holder if the
        role is only given later)."""
        holders = self.roles.get(key, []) or self._described(key)
        before = [(a, n) for a, n in holders if a <= at]
        if not before:
            return holders[0][1] if holders else None
        latest_at, latest = before[-1]
        if self.sentence_of(at) - self.sentence_of(latest_at) <= 1 or len({n for _, n in before}) == 1:
            return latest
        # far from the last introduction, "the president" is the holder the document is about
        counts = {n: sum(1 for _, p, _ in self.people if p == n) for _, n in before}
        return max(counts, key=lambda n: (counts[n], -next(a for a, h in before if h == n)))

    def _described(self, key: tuple[str, ...]) -> list[tuple[int, str]]:
        """Holders of a role that shares every modifier of a description whose head is another
        person noun ("the Israeli leader" for the Israeli prime minister, "the UN chief" for the
        UN secretary-general, "the Iranian diplomat" for Iran's foreign minister)."""
        if len(key) < 2 or key[-1] not in self.person_nouns:
            return []
        modifiers = set(key[:-1])
        fitting = [r for r in self.roles if modifiers <= set(r) and not self.role_changers & set(r)]
        # "the Republican nominee": a role with the same title first (not the Republican governor)
        fitting = [r for r in fitting if r[-1] == key[-1]] or fitting
        found = [h for role in fitting for h in self.roles[role]]
        return sorted(found) if len({n for _, n in found}) == 1 else []


class SpeakerResolver:
    """Resolves speaker mentions of one document after another.

    Args:
        lexicons: the loaded lexicons (registry and reference words).
        date: the day the documents were published: a dated registry title names whoever
            held it that day; without one, a title names someone only when a single speaker of
            the registry ever held it.
    """

    def __init__(self, lexicons: Lexicons, *, date: datetime.date | None = None) -> None:
        self.lex = lexicons
        self.date = date
        self._alias: dict[tuple[str, ...], tuple[SpeakerEntry, Resolution]] = {}
        for entry in lexicons.speakers:
            self._alias[tuple(_words(entry.name))] = (entry, Resolution.NAMED)
        for entry in lexicons.speakers:
            for alias in entry.aliases:
                self._alias.setdefault(tuple(_words(alias)), (entry, Resolution.ALIAS))
        # titles held on the day; with no day, a title only one speaker of the registry holds
        holders: dict[tuple[str, ...], list[SpeakerEntry]] = {}
        for entry in lexicons.speakers:
            for title in entry.titles_on(date):
                found = holders.setdefault(tuple(_words(title)), [])
                if entry not in found:
                    found.append(entry)
        self._shared: dict[tuple[str, ...], list[SpeakerEntry]] = {}  # titles several speakers held
        for key, entries in holders.items():
            if len(entries) == 1 or date is not None:
                self._alias.setdefault(key, (entries[0], Resolution.TITLE))
            elif key not in self._alias:
                self._shared[key] = entries
        self._first: dict[str, list[tuple[str, ...]]] = {}
        for key in self._alias:
            if key:
                self._first.setdefault(key[0], []).append(key)
        for keys in self._first.values():
            keys.sort(key=len, reverse=True)

    # ----------------------------------------------------------------- registry

    def registry_name(self, text: str) -> SpeakerEntry | None:
        """The registry entry whose name or alias is exactly ``text``."""
        found = self._alias.get(tuple(_words(text)))
        return None if found is None or found[1] is Resolution.TITLE else found[0]

    def _registry(self, words: list[str], head: str | None) -> tuple[SpeakerEntry, Resolution] | None:
        exact = self._alias.get(tuple(words))
        if exact is not None:
            return exact
        best: tuple[int, tuple[SpeakerEntry, Resolution]] | None = None
        for i, word in enumerate(words):
            for key in self._first.get(word, ()):
                # the alias's words in order, with at most two words between them
                j, ok, covered = i, True, [i]
                for part in key[1:]:
                    for gap in range(1, 4):
                        if j + gap < len(words) and words[j + gap] == part:
                            j += gap
                            covered.append(j)
                            break
                    else:
                        ok = False
                        break
                if not ok:
                    continue
                if head is not None and head not in (words[c] for c in covered):
                    continue
                if best is None or len(key) > best[0]:
                    best = (len(key), self._alias[key])
        return None if best is None else best[1]

    # ----------------------------------------------------------------- resolution

    def resolve(
        self,
        doc: Doc,
        mentions: Sequence[tuple[int, int] | None],
        contexts: Sequence[int | None],
        *,
        extents: Sequence[tuple[int, int]] | None = None,
        boilerplate: Boilerplate | None = None,
    ) -> list[Speaker | None]:
        """Resolve the speaker mention of every quote of a document, in order.

        Args:
            doc: the parsed document.
            mentions: per quote, the token range of its speaker mention, or ``None``.
            contexts: per quote, the index of an earlier quote whose speaker it
                takes when it has no mention (follow-on quotes), or ``None``.
            extents: per quote, the character range of its content: people the quote
                itself names are never the pronoun that attributes it
                ("'My adviser, John Holdren, ...,' he said").
            boilerplate: the document's boilerplate lines, when the caller has them
                (found from the text otherwise).

        Returns:
            One speaker (or ``None``) per quote.
        """
        if not mentions:
            return []  # no quote, no memory to build
        memory = _DocMemory(doc, self, boilerplate)
        known: list[_Known] = []
        out: list[Speaker | None] = []
        for k, (mention, context) in enumerate(zip(mentions, contexts, strict=False)):
            speaker: Speaker | None = None
            if mention is not None:
                memory.quote = extents[k] if extents is not None and k < len(extents) else None
                speaker = self._resolve_mention(doc, doc[mention[0] : mention[1]], memory, known)
            elif context is not None and out[context] is not None:
                previous = out[context]
                assert previous is not None
                speaker = attrs.evolve(
                    previous,
                    mention=None,
                    resolution=Resolution.CONTEXT,
                    confidence=_CONFIDENCE[Resolution.CONTEXT],
                )
            out.append(speaker)
            if speaker is not None and speaker.kind is SpeakerKind.PERSON and speaker.name is not None:
                memory.introduce(speaker.name, self.lex.references)
                if speaker.resolution is Resolution.PRONOUN and speaker.mention is not None:
                    # "she" resolved to Eleni Charalambous: she is a woman for the rest of the text
                    memory.learn_gender(speaker.name, speaker.mention.text.lower(), self.lex.references)
            if speaker is not None and speaker.name is not None:
                at = speaker.mention.start if speaker.mention is not None else (known[-1].at if known else 0)
                known.append(
                    _Known(
                        name=speaker.name,
                        kind=speaker.kind,
                        gender=self._gender_of(speaker.name, memory),
                        plural=speaker.kind is SpeakerKind.GROUP,
                        at=at,
                        aliases=speaker.aliases,
                    )
                )
        return out

    def _gender_of(self, name: str, memory: _DocMemory) -> str:
        entry = self.lex.speakers.get(name)
        if entry is not None and entry.gender != "unknown":
            return entry.gender
        known = memory.gender.get(name)
        if known is not None:
            return known
        # the first name tells it ("Eleni Charalambous"); a one-word name tells nothing
        words = name.split()
        given = self.lex.given_names.gender(words[0]) if len(words) > 1 else None
        return given or "unknown"

    def _make(
        self, span: Span, name: str | None, kind: SpeakerKind, how: Resolution, aliases: Sequence[str] = ()
    ) -> Speaker:
        entry = self.lex.speakers.get(name) if name is not None else None
        return Speaker(
            name=name,
            mention=TextSpan(start=span.start_char, end=span.end_char, text=span.text),
            kind=kind,
            resolution=how,
            confidence=_CONFIDENCE[how],
            aliases=tuple(str(a) for a in aliases),
            key=entry.id if entry is not None and entry.id else speaker_key(name),
        )

    def _person(self, words: list[str], memory: _DocMemory) -> tuple[str, Resolution] | None:
        """A person's canonical name from name words (honorifics already dropped)."""
        if not words:
            return None
        if len(words) == 1 and words[0] in memory.full:
            return memory.full[words[0]], Resolution.SURNAME  # the document's own before the registry's
        found = self._alias.get(tuple(words))
        if found is not None and found[0].kind is SpeakerKind.PERSON and found[1] is not Resolution.TITLE:
            return found[0].name, (Resolution.NAMED if len(words) > 1 else Resolution.ALIAS)
        if len(words) == 1:
            # "Gao" for Gao Yufan, "Ortega" for Luis Alberto Ortega Valdés: any word of exactly
            # one full name the document gave
            holders = {n for n in memory.full.values() if words[0] in _words(n)[:-1]}
            if len(holders) == 1:
                return holders.pop(), Resolution.SURNAME
        if words[-1] in memory.full and memory.full[words[-1]].lower().endswith(" ".join(words)):
            return memory.full[words[-1]], Resolution.NAMED
        if words[-1] in memory.full and _same_person(" ".join(_words(memory.full[words[-1]])), " ".join(words)):
            return memory.full[words[-1]], Resolution.NAMED  # "Donald Trump" after "Donald J. Trump"
        return None

    def _name_head(self, head: Token, memory: _DocMemory) -> bool:
        """The mention's head can be a person's name: tagged a person, a proper noun that heads
        no organisation, or a capitalised word the document already used as a surname
        ("Shalev later told ..." with "Shalev" tagged a common noun at the sentence start)."""
        if head.ent_type_ == "PERSON":
            return True
        if head.pos_ == "PROPN" and head.lower_ not in self.lex.references.org_heads:
            return True
        return head.text[:1].isupper() and head.lower_ in memory.full

    def _named_person(self, span: Span, head: Token, memory: _DocMemory) -> Speaker | None:
        """A person named in the mention, joined to the document's chain for that name.

        The name as written comes first; the head's proper-noun run only when the entity was
        mis-cut ("Warren Hammers Bank Chief" in a headline: "Warren" is the document's Elizabeth
        Warren) or the name is a single word. A full name the document has not met is a new
        person ("Femke de Vries" after "Sanne de Vries"), never the earlier holder of the surname.
        """
        name_words = self._name_words(span, head)
        run_words = _words(" ".join(self._run_tokens(span, head)))
        surname_first = (
            len(run_words) == 1 and run_words[0] in memory.full and len(name_words) > 1 and run_words != name_words[-1:]
        )
        person = self._person(run_words, memory) if surname_first else None
        person = person or self._person(name_words, memory)
        if person is None and len(name_words) < 2:
            person = self._person(run_words, memory)
        if person is not None:
            return self._make(span, person[0], SpeakerKind.PERSON, person[1])
        if name_words and (head.ent_type_ == "PERSON" or titled_name(span, self.lex.references) is not None):
            written = " ".join(w for w in self._name_tokens(span, head))
            return self._make(span, written, SpeakerKind.PERSON, Resolution.NAMED)
        return None

    def _antecedent(
        self, pronoun: str, at: int, memory: _DocMemory, known: list[_Known], token: Token | None = None
    ) -> _Known | None:
        """The person or body a pronoun stands for (see :meth:`_pool` and :func:`_barred`)."""
        pool = self._pool(pronoun, at, memory, known)
        if not pool:
            return None
        barred = _barred(token, memory.quote)
        pool = [k for k in pool if not any(a <= k.at < b for a, b in barred)]
        if not pool:
            return None
        return memory.most_salient(pool, at)

    def _pool(self, pronoun: str, at: int, memory: _DocMemory, known: list[_Known]) -> list[_Known]:
        """Earlier speakers and mentions that agree with the pronoun in gender and number."""
        gender, number = self.lex.references.pronouns[pronoun]
        pool: list[_Known] = [k for k in known if k.at < at]
        if gender in ("male", "female") or (gender == "any" and number == "singular"):
            pool += [
                _Known(name=n, kind=SpeakerKind.PERSON, gender=self._gender_of(n, memory), plural=False, at=a, rank=r)
                for a, n, r in memory.people
                if a < at
            ]
            pool = [k for k in pool if k.kind is SpeakerKind.PERSON and _gender_ok(gender, k.gender)]
        elif gender == "neuter":
            pool += [
                _Known(name=n, kind=k, gender="neuter", plural=False, at=a, rank=r)
                for a, n, k, r in memory.orgs
                if a < at
            ]
            pool = [k for k in pool if k.kind in (SpeakerKind.ORGANIZATION,)]
        else:  # they / we
            pool = [k for k in pool if k.kind in (SpeakerKind.GROUP, SpeakerKind.ORGANIZATION) or k.plural]
        return pool

    def _resolve_mention(self, doc: Doc, span: Span, memory: _DocMemory, known: list[_Known]) -> Speaker:
        """The speaker a mention names: the first step of :attr:`_STEPS` that resolves it, else
        the mention's own canonical phrase (the open world)."""
        mention = _Mention(doc=doc, span=span, head=self._speaker_head(span), memory=memory, known=known)
        for step in self._STEPS:
            found = step(self, mention)
            if found is not None:
                return found
        return self._open_world(span, mention.head, mention.words(self.lex.references))

    def _speaker_head(self, span: Span) -> Token:
        """The mention's head, moved to the person a title run or apposition names ("His
        Defense Minister, Yoav Gallant"; "Jordan's Deputy Prime Minister and Foreign Minister
        Omar Batayneh")."""
        head = _mention_head(span)
        if head.ent_type_ != "PERSON":
            named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if named is not None and span.start <= named.i < span.end:
                head = named
        if head.ent_type_ != "PERSON" and head.pos_ != "PRON":
            name = person_name(span, self.lex.references)
            solid = [t for t in span if not t.is_punct]
            if name is not None and any(t.ent_type_ == "PERSON" for t in name) and solid and name[-1] == solid[-1]:
                head = name[-1]
        return head

    def _by_relative(self, m: _Mention) -> Speaker | None:
        """0. A relative pronoun is the phrase its clause modifies ("95 retired generals, most
        of whom said")."""
        antecedent = _relative_antecedent(m.span)
        if antecedent is None:
            return None
        found = self._resolve_mention(m.doc, antecedent, m.memory, m.known)
        return attrs.evolve(found, mention=_text_span(m.span))

    def _by_short_name(self, m: _Mention) -> Speaker | None:
        """An acronym or clipped name of an organisation the document named ("WHO", "the Fed")."""
        short = m.memory.short_name(m.head) if len(_words(m.span.text)) <= 2 else None
        return None if short is None else self._make(m.span, short, SpeakerKind.ORGANIZATION, Resolution.ALIAS)

    def _by_pronoun(self, m: _Mention) -> Speaker | None:
        """1. A pronoun is the latest agreeing, most salient antecedent (or unresolved)."""
        refs = self.lex.references
        head, span = m.head, m.span
        if not (
            (head.pos_ == "PRON" and not _acronym_like(head.text)) or (len(span) == 1 and head.lower_ in refs.pronouns)
        ):
            return None
        if head.lower_ in refs.pronouns:
            found = self._antecedent(head.lower_, span.start_char, m.memory, m.known, head)
            if found is not None:
                return self._make(span, found.name, found.kind, Resolution.PRONOUN, found.aliases)
        return self._make(span, None, SpeakerKind.UNKNOWN, Resolution.UNRESOLVED)

    def _by_finding(self, m: _Mention) -> Speaker | None:
        """A poll, study or survey is a source itself, named by its producer ("The Reuters/Ipsos
        poll" -> "Reuters/Ipsos poll"); a later "the poll", "a new poll" is the latest one named."""
        head = m.head
        noun = head.lemma_.lower()
        if noun not in self.lex.references.findings and head.lower_ not in self.lex.references.findings:
            return None
        proper = [t for t in m.span if t.i < head.i and (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON"))]
        if proper:
            producer = _text_of(list(m.doc[proper[0].i : proper[-1].i + 1]))
            return self._make(m.span, f"{producer} {head.lower_}", SpeakerKind.ORGANIZATION, Resolution.NAMED)
        earlier = [k for k in m.known if k.at < m.span.start_char and _words(k.name)[-1:] == [head.lower_]]
        if earlier and (m.span[0].lower_ in _ARTICLES or m.span[0].is_title):
            last = earlier[-1]
            return self._make(m.span, last.name, last.kind, Resolution.CONTEXT, last.aliases)
        return None

    def _by_document(self, m: _Mention) -> Speaker | None:
        """A document noun speaks for its issuer ("a statement from the Kremlin", "the complaint")."""
        refs = self.lex.references
        if not m.head.text.islower() or (m.head.lower_ not in refs.documents and m.head.lemma_ not in refs.documents):
            return None  # "The Washington Post" is a name, not a post
        return self._document(m.doc, m.span, m.head, m.memory, m.known)

    def _by_coordination(self, m: _Mention) -> Speaker | None:
        """Coordinated names speak together: "Britain, France and Germany said" is one group of
        that name (a later "the three countries" is it too)."""
        head = m.head
        named = _named_conjuncts(head)
        if not named or not (head.pos_ == "PROPN" or head.ent_type_):
            return None
        if not all(m.span.start <= c.i < m.span.end for c in named):
            return None
        people = [self._conjunct(m, t) for t in (head, *named)]
        if all(people):
            # "Both Mr. King and Mr. Schultz" -> "Larry King and Ed Schultz"
            return self._make(
                m.span, _joined([p for p in people if p is not None]), SpeakerKind.GROUP, Resolution.NAMED
            )
        last = max(c.right_edge.i for c in named)
        tokens = [
            t for t in m.doc[head.left_edge.i : last + 1] if not (t.i == head.left_edge.i and t.lower_ in _ARTICLES)
        ]
        return self._make(m.span, _text_of(tokens), SpeakerKind.GROUP, Resolution.NAMED) if tokens else None

    def _conjunct(self, m: _Mention, token: Token) -> str | None:
        """The full name the document gives a person named in one conjunct ("Mr. King" ->
        "Larry King"); None for anything else."""
        if token.ent_type_ != "PERSON" and token.pos_ != "PROPN":
            return None
        person = self._person(_words(token.text), m.memory)
        return person[0] if person is not None and len(person[0].split()) > 1 else None

    def _by_shared_title(self, m: _Mention) -> Speaker | None:
        """A registry title several speakers held, with no date to choose: the holder this
        document names ("Israel's defence minister has threatened ... Yoav Gallant warned")."""
        entries = self._shared.get(tuple(m.words(self.lex.references)))
        if not entries:
            return None
        named = set(m.memory.full.values()) | m.memory.written
        found = [e for e in entries if e.name in named]
        if len(found) != 1:
            return None
        return self._make(m.span, found[0].name, found[0].kind, Resolution.TITLE, found[0].also)

    def _by_registry(self, m: _Mention) -> Speaker | None:
        """2. The registry; a registry title goes first to whoever this document gave it."""
        words = m.words(self.lex.references)
        head_words = _words(m.head.text)
        registry = self._registry(words, head_words[0] if head_words else None)
        if registry is None:
            return None
        entry, how = registry
        if how is Resolution.ALIAS and self._document_names_another(m, entry.name):
            return None
        if how is Resolution.TITLE:
            holder = m.memory.role(tuple(words), m.span.start_char)
            if holder is not None:
                return self._make(m.span, holder, SpeakerKind.PERSON, Resolution.TITLE)
        return self._make(m.span, entry.name, entry.kind, how, entry.also)

    def _document_names_another(self, m: _Mention, registered: str) -> bool:
        """The text gives the surname to someone else: "New Brunswick Premier Brian Gallant" is
        not the registry's Yoav Gallant, and neither is a later "Gallant" in that document."""
        written = person_name(m.span, self.lex.references)
        names = [canonical_name(written.text)] if written is not None and len(written) > 1 else []
        honorifics = self.lex.references.honorifics
        words = [w for w in m.words(self.lex.references) if w not in honorifics]
        if len(words) == 1 and words[0] in m.memory.full:
            names.append(m.memory.full[words[0]])  # "Dr. Mansour" after "Dr. Rania Mansour"
        return any(len(n.split()) > 1 and n != registered and not _same_person(n, registered) for n in names)

    def _by_office(self, m: _Mention) -> Speaker | None:
        """3. Possessive offices: "Mr. Netanyahu's office", "the president's office"."""
        poss = next((c for c in m.head.children if c.dep_ == "poss"), None)
        if poss is None or m.head.lower_ not in self.lex.references.org_heads:
            return None
        owner = self._owner(m.doc, poss, m.memory, m.known)
        if owner is None:
            return None
        last = owner.split()[-1] if len(owner.split()) > 1 else owner
        return self._make(m.span, f"{last}'s {m.head.lower_}", SpeakerKind.ORGANIZATION, Resolution.NAMED, (owner,))

    def _by_person_name(self, m: _Mention) -> Speaker | None:
        """4. Person names, joined to the document's chains."""
        return self._named_person(m.span, m.head, m.memory) if self._name_head(m.head, m.memory) else None

    def _by_role(self, m: _Mention) -> Speaker | None:
        """5. Titles the document gave someone ("the prime minister", "the Israeli leader")."""
        words = m.words(self.lex.references)
        for key in (tuple(words), tuple(w for w in words if w not in self.lex.references.strip)):
            holder = m.memory.role(key, m.span.start_char)
            if holder is not None:
                return self._make(m.span, holder, SpeakerKind.PERSON, Resolution.TITLE)
        return None

    def _by_anaphor(self, m: _Mention) -> Speaker | None:
        """6. Definite descriptions of bodies: "the group", "the rights group", "the carmaker"."""
        return self._anaphor(m.span, m.head, m.known, m.memory)

    def _by_epithet(self, m: _Mention) -> Speaker | None:
        """7. An epithet for someone the text named ("the New York businessman said", "Obama's
        former campaign strategist said"): the person in focus who agrees in gender (see
        :func:`_epithet_gender`), ranked as pronouns are; never a person the epithet itself
        names."""
        refs = self.lex.references
        gender = _epithet_gender(m.span, m.head, refs)
        if gender is None or any(_words(k.name)[-1:] == [m.head.lower_] for k in m.known if k.at < m.span.start_char):
            return None  # "a senior adviser ... the senior adviser": the unnamed one spoke before
        inside = {w for t in m.span if t.i != m.head.i for w in _words(t.text)}
        at = m.span.start_char
        barred = _barred(None, m.memory.quote)
        pool = [
            _Known(name=n, kind=SpeakerKind.PERSON, gender=self._gender_of(n, m.memory), plural=False, at=a, rank=r)
            for a, n, r in m.memory.people
            if a < at and not inside & set(_words(n)) and not any(lo <= a < hi for lo, hi in barred)
        ]
        pool = [k for k in pool if _gender_ok(gender, k.gender)]
        if not pool:
            return None
        best = m.memory.most_salient(pool, at)
        return self._make(m.span, best.name, SpeakerKind.PERSON, Resolution.TITLE)

    _STEPS: ClassVar[tuple[Callable[[SpeakerResolver, _Mention], Speaker | None], ...]] = (
        _by_relative,
        _by_short_name,
        _by_pronoun,
        _by_finding,
        _by_document,
        _by_coordination,
        _by_registry,
        _by_shared_title,
        _by_office,
        _by_person_name,
        _by_role,
        _by_anaphor,
        _by_epithet,
    )

    def _anaphor(self, span: Span, head: Token, known: list[_Known], memory: _DocMemory) -> Speaker | None:
        """A definite description of an organisation or group ("the [rights] group", "the
        embassy") is the latest one the document named whose name shares its head noun, else the
        latest organisation or group in focus."""
        if not _is_anaphor(span, head, self.lex.references):
            return None
        pool = _bodies_before(span.start_char, known, memory)
        # a proper modifier names the body ("the Trump campaign", "the Israeli embassy"): only an
        # antecedent with that word in its name will do ("Hamas-run" describes, it does not name)
        same_head = [k for k in pool if head.lemma_.lower() in _words(k.name) or head.lower_ in _words(k.name)]
        proper = [_words(t.text)[0] for t in _proper_modifiers(span, head) if _words(t.text)]
        if proper:
            # "the Trump campaign" is an earlier Trump campaign or a name in its own right
            pool = same_head = [k for k in same_head if all(w in _words(k.name) for w in proper)]
        # with no antecedent of the same noun, the kinds must agree: "the local council" is not the
        # parents who spoke before it, "the rights group" is the organisation that did
        kinds = self._kinds_of(head)
        candidates = same_head or [k for k in pool if k.kind in kinds]
        if not candidates:
            return None
        target = max(candidates, key=lambda k: k.at)
        return self._make(span, target.name, target.kind, Resolution.CONTEXT, target.aliases)

    def _kinds_of(self, head: Token) -> tuple[SpeakerKind, ...]:
        """The kinds of speaker a description's head noun can name: a group noun a group, a
        collective noun either, any other noun an organisation."""
        refs = self.lex.references
        if _group_noun(head, refs):
            return (SpeakerKind.GROUP,)
        if head.lemma_.lower() in refs.collectives or head.lower_ in refs.collectives:
            return (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP)
        return (SpeakerKind.ORGANIZATION,)

    def _document(self, doc: Doc, span: Span, head: Token, memory: _DocMemory, known: list[_Known]) -> Speaker | None:
        """The issuer of a document noun (see :func:`_issuer`), resolved as a mention of its own;
        for a bare "the statement", the issuer of the latest document the text named with one,
        else the last source the document named. The mention stays the words the text gives."""
        issuer = _issuer(head, self.lex.references)
        if issuer is not None:
            found = self._resolve_mention(doc, issuer, memory, known)
            return attrs.evolve(found, mention=TextSpan(start=span.start_char, end=span.end_char, text=span.text))
        issuer_slot = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _ISSUER_PREPS) for c in head.children)
        if issuer_slot or span[0].lower_ not in _DEFINITE:
            return None  # "its statement": the pronoun is left to the pronoun rules
        if any(t.pos_ == "PROPN" or t.ent_type_ for t in span):
            return None  # "the website FiveThirtyEight" names itself
        # "A web video by the RNC ... The clip says": the latest document of the same kind the text
        # gave an issuer, unless that issuer is a person it has not named ("the senator's statement")
        refs = self.lex.references
        kind = refs.document_families.get(head.lower_, frozenset({head.lower_, head.lemma_.lower()}))
        earlier = [
            s
            for at, s, noun in memory.issued
            if at < span.start_char and noun in kind and not span.start <= s.start < span.end
        ]
        if earlier:
            found = self._resolve_mention(doc, earlier[-1], memory, known)
            unnamed = found.kind is SpeakerKind.PERSON and not (found.name or "")[:1].isupper()
            if found.name is not None and not unnamed:
                return attrs.evolve(found, mention=_text_span(span))
        if not known:
            return None
        last = known[-1]
        return self._make(span, last.name, last.kind, Resolution.CONTEXT, last.aliases)

    def _owner(self, doc: Doc, poss: Token, memory: _DocMemory, known: list[_Known]) -> str | None:
        if poss.pos_ == "PRON":
            if poss.lower_ in self.lex.references.pronouns:
                found = self._antecedent(poss.lower_, poss.idx, memory, known)
                return None if found is None else found.name
            return None
        words = [w for w in _words(doc[poss.left_edge.i : poss.i + 1].text) if w not in self.lex.references.strip]
        person = self._person(words[-2:] if len(words) > 1 else words, memory) or self._person(words[-1:], memory)
        if person is not None:
            return person[0]
        for key in (tuple(words), tuple(words[-1:])):
            if key in memory.titles:
                return memory.titles[key]
        if poss.ent_type_ in ("PERSON",):
            return doc[poss.left_edge.i : poss.i + 1].text
        return None

    def _name_tokens(self, span: Span, head: Token) -> list[str]:
        """The person's name as written (see :mod:`quotebank.speakers.names`), else the run."""
        found = person_name(span, self.lex.references)
        if found is not None and found.start <= head.i < found.end:
            return canonical_name(found.text).split()
        return self._run_tokens(span, head)

    def _run_tokens(self, span: Span, head: Token) -> list[str]:
        """The run of proper nouns ending at the head, honorifics dropped."""
        tokens = [t for t in span if t.i <= head.i and (t.i == head.i or t.dep_ in ("compound", "flat", "nmod"))]
        run = _proper_run(tokens, head)
        words = "".join(t.text_with_ws for t in run).replace(" - ", "-").split() if run else []
        return _without_honorifics(words, self.lex.references.honorifics) or [head.text]

    def _name_words(self, span: Span, head: Token) -> list[str]:
        return _words(" ".join(self._name_tokens(span, head)))

    def _open_world(self, span: Span, head: Token, words: list[str]) -> Speaker:
        """A source the document names but nothing resolves further: its canonical phrase."""
        tokens = _canonical_tokens(span, head, self.lex.references)
        name = _text_of(tokens) if tokens else canonical_name(span.text)
        entity = _entity_name(span, head)
        if entity is not None and not _counted(tokens):
            name = entity  # "Save the Children", "Committee to Protect Journalists": as written
        elif tokens and tokens[0].is_sent_start and tokens[0].ent_type_ in _UNNAMED and tokens[0].pos_ in _COMMON:
            name = name[:1].lower() + name[1:]  # "Relatives of the dead said": the capital is the sentence's
        how = Resolution.NAMED if head.ent_type_ else Resolution.TITLE
        if not words:
            how = Resolution.UNRESOLVED
        return self._make(span, name, self._open_kind(head, tokens), how)

    def _open_kind(self, head: Token, tokens: Sequence[Token]) -> SpeakerKind:
        """Organisation, group or person, from the head noun and its entity type."""
        refs = self.lex.references
        lemma = head.lower_
        plural = head.tag_ in ("NNS", "NNPS")
        if _counted(tokens) and plural and head.ent_type_ in ("NORP", ""):
            return SpeakerKind.GROUP  # "some Republicans", "two diplomats"
        if plural and _title_case_name(tokens, head):
            return SpeakerKind.ORGANIZATION  # "Save the Children", "Doctors Without Borders"
        if lemma in refs.org_heads and _group_of_people(head):
            return SpeakerKind.GROUP  # "a group of doctors"
        if head.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or lemma in refs.org_heads:
            return SpeakerKind.ORGANIZATION
        if lemma in refs.group_heads or (plural and head.ent_type_ != "PERSON"):
            return SpeakerKind.GROUP
        if lemma in refs.person_titles or head.ent_type_ == "PERSON":
            return SpeakerKind.PERSON
        return SpeakerKind.UNKNOWN
