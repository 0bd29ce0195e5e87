"""Shared plumbing of the extractors: candidates, cue lookup, subjects, spans."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence

import attrs
import numpy
from spacy.attrs import HEAD, IDX, LEMMA, LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

from quotebank.extract._marks import QuotedPassage
from quotebank.lexicons import Lexicons, ReportingVerb
from quotebank.model import QuoteKind

_TRIM = set(" \t\n\r\u00a0,;:.-\u2014\u2013\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e()")
_TRIM_END = set(" \t\n\r\u00a0,;:.-\u2014\u2013(")
_DASH_CHARS = "\u2014\u2013\u2015-"
DASHES = frozenset({"--", "\u2014", "\u2013", "\u2015"})
"""Dash tokens; a bare hyphen is a dash only with spaces around it (see ``is_dash``)."""
SENT_END = frozenset({".", "!", "?", "\u2026"})
RELATIVE = frozenset({"who", "that", "which", "whom", "whose"})
PARTICLES = ("out", "for", "on", "at", "in", "about", "to")
"""Particles a two-word cue may have when the lexicon does not say (the lexicon adds its own)."""


def head_indices(doc: Doc) -> list[int]:
    """Every token's head index (a root is its own head), read in one ``to_array`` call.

    Examples:
        >>> import spacy
        >>> doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=["a", "b"], heads=[1, 1], deps=["dep", "ROOT"])
        >>> head_indices(doc)
        [1, 1]
    """
    n = len(doc)
    if not n:
        return []
    # HEAD is an offset from the token, stored unsigned: read back as signed
    offsets = doc.to_array(HEAD).astype(numpy.int64)
    return (offsets + numpy.arange(n, dtype=numpy.int64)).tolist()  # type: ignore[no-any-return]


def tree_depths(heads: Sequence[int]) -> list[int]:
    """Every token's depth (how many heads lie above it; a root is its own head and has
    depth 0), by pointer doubling: O(n log n) numpy work, however deep the parse. A token
    whose heads never reach a root (a cycle in hand-made heads) gets depth -1.

    Examples:
        >>> tree_depths([1, 1, 1, 2])
        [1, 0, 1, 2]
        >>> tree_depths([1, 0])
        [-1, -1]
    """
    n = len(heads)
    if not n:
        return []
    head = numpy.asarray(heads, dtype=numpy.int64)
    ancestor, depth = head, (head != numpy.arange(n)).astype(numpy.int64)
    for _ in range(n.bit_length()):
        depth, ancestor = depth + depth[ancestor], ancestor[ancestor]
    depth[head[ancestor] != ancestor] = -1  # no root reached
    return depth.tolist()  # type: ignore[no-any-return]


def tokens_where(doc: Doc, attr: int, keep: Callable[[str], bool]) -> list[int]:
    """The indices of the tokens whose string attribute ``attr`` (a ``spacy.attrs`` id such as
    ``DEP`` or ``LOWER``) passes ``keep``, in text order: one ``to_array`` call, and ``keep``
    asked once per distinct value, not once per token.

    Examples:
        >>> import spacy
        >>> from spacy.attrs import LOWER
        >>> doc = spacy.blank("en")("He said it. She said no.")
        >>> tokens_where(doc, LOWER, lambda w: w == "said")
        [1, 5]
    """
    return _tokens_passing(doc, attr, keep, {})


def _tokens_passing(doc: Doc, attr: int, keep: Callable[[str], bool], answers: dict[int, bool]) -> list[int]:
    """The tokens whose ``attr`` string passes ``keep``, asking ``keep`` only about hashes
    ``answers`` does not hold yet (and recording its answers there)."""
    strings, known = doc.vocab.strings, answers.get
    out = []
    for i, value in enumerate(doc.to_array(attr).tolist() if len(doc) else []):
        hit = known(value)
        if hit is None:
            hit = answers[value] = keep(strings[value])
        if hit:
            out.append(i)
    return out


_MEMO_LIMIT = 1 << 17
"""Strings remembered per word list before its memory is emptied (bounds memory over a corpus)."""


class WordList:
    """A word list asked about the strings of spaCy's string store: which hashes, lower-cased,
    are in it. Each answer is remembered by hash, so over a corpus each distinct string is
    lower-cased and looked up once, not once per document (a string's hash is the same in every
    vocabulary). Make one per long-lived list (a lexicon's), not one per document.

    Examples:
        >>> import spacy
        >>> from spacy.attrs import LOWER
        >>> doc = spacy.blank("en")("Said it. He says so.")
        >>> WordList({"said", "says"}).tokens(doc, LOWER)
        [0, 4]
    """

    __slots__ = ("_memo", "words")

    def __init__(self, words: Container[str]) -> None:
        self.words = words
        self._memo: dict[int, bool] = {}

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.words

    def tokens(self, doc: Doc, attr: int) -> list[int]:
        """The tokens whose string attribute ``attr``, lower-cased, is in the list, in text order."""
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        return _tokens_passing(doc, attr, self.__contains__, self._memo)


_LISTS: dict[int, tuple[object, WordList]] = {}


def word_list(owner: object, make: Callable[[], Container[str]]) -> WordList:
    """The :class:`WordList` of ``make()``, made once per long-lived ``owner`` (a lexicon's
    table) and kept with it, so that its memory outlives the document that asked.

    Examples:
        >>> verbs = {"say": 1, "rule out": 2}
        >>> lemmas = word_list(verbs, lambda: {v.split()[0] for v in verbs})
        >>> lemmas is word_list(verbs, lambda: set()), "rule" in lemmas
        (True, True)
    """
    found = _LISTS.get(id(owner))
    if found is None or found[0] is not owner:
        if len(_LISTS) >= 256:
            _LISTS.clear()
        found = _LISTS[id(owner)] = (owner, WordList(make()))
    return found[1]


@attrs.define(kw_only=True, eq=False)
class Candidate:
    """A quote before speaker resolution and stance (mutable while it is built)."""

    kind: QuoteKind
    pieces: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    mention: tuple[int, int] | None = None  # token range [start, end) of the speaker mention
    passages: list[int] = attrs.field(factory=list)
    context: Candidate | None = None  # an earlier quote whose speaker this one takes
    rule: str = ""  # the registered rule that found it (quotebank.extract.rules)
    frame: str = ""  # the cue's frame that gave the content ("clause", "to", "of", ...), if any

    @property
    def start(self) -> int:
        """Offset of the first content character."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """Offset one past the last content character."""
        return self.pieces[-1][1]


class DocIndex:
    """Per-document lookups shared by the extractors."""

    def __init__(
        self,
        doc: Doc,
        passages: Sequence[QuotedPassage],
        lexicons: Lexicons,
        min_strength: float,
        *,
        text: str | None = None,
        disabled: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.disabled = disabled
        self.text = doc.text if text is None else text
        self.lex = lexicons
        self.min_strength = min_strength
        self.passages = list(passages)
        self._names: set[str] | None = None
        self._cues: dict[int, tuple[ReportingVerb, Token | None] | None] = {}
        verbs = lexicons.reporting.verbs
        self._cue_lemmas = word_list(verbs, lambda: frozenset(verb.split()[0] for verb in verbs))
        # second words of two-word cues ("rule out", "call on", "put it")
        self._particles = frozenset(PARTICLES) | {
            verb.split()[1] for verb in lexicons.reporting.verbs if len(verb.split()) == 2
        }
        self._starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        spans = sorted((p.open, p.close + 1) for p in passages)
        self._inside_starts = [a for a, _ in spans]
        self._inside = spans
        # paragraph starts: a run of line breaks (blank lines included) is one boundary
        self.lines = [0] + [m.end() for m in re.finditer(r"\n[\s]*", self.text) if m.end() < len(self.text)]

    @functools.cached_property
    def proper_words(self) -> frozenset[str]:
        """The words the document uses as proper nouns or entities somewhere."""
        return frozenset(tok.text for tok in self.doc if tok.pos_ == "PROPN" or tok.ent_type_)

    @functools.cached_property
    def lower_words(self) -> list[str]:
        """Every token's lower-cased form, from one ``to_array`` call."""
        values = self.doc.to_array(LOWER).tolist() if len(self.doc) else []
        strings = self.doc.vocab.strings
        forms = {v: strings[v] for v in set(values)}
        return [forms[v] for v in values]

    @functools.cached_property
    def _by_lower(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, form in enumerate(self.lower_words):
            out.setdefault(form, []).append(i)
        return out

    @functools.cached_property
    def sent_ends(self) -> list[bool]:
        """Per token, whether it ends its sentence (``Token.is_sent_end``), from one ``to_array`` call."""
        n = len(self.doc)
        starts = self.doc.to_array(SENT_START).tolist() if n else []
        return [j + 1 == n or starts[j + 1] == 1 for j in range(n)]

    def tokens_lowered(self, word: str) -> list[int]:
        """The tokens whose lower-cased form is ``word``, in text order."""
        return self._by_lower.get(word, [])

    def char_of(self, i: int) -> int:
        """The offset of token ``i``'s first character."""
        return self._starts[i]

    def allows(self, rule: str) -> bool:
        """Whether the rule named ``rule`` is switched on for this run."""
        return rule not in self.disabled

    # ----------------------------------------------------------------- the tree

    @functools.cached_property
    def _heads(self) -> list[int]:
        return head_indices(self.doc)

    @functools.cached_property
    def _depths(self) -> list[int]:
        return tree_depths(self._heads)

    def depth(self, i: int) -> int:
        """How many heads lie above token ``i``."""
        return self._depths[i]

    def is_under(self, i: int, top: int) -> bool:
        """Whether token ``i`` is ``top`` or lies in its subtree: ``i``'s ancestor at
        ``top``'s depth is ``top`` (a walk of at most the difference in depth)."""
        depths, heads = self._depths, self._heads
        steps = depths[i] - depths[top]
        if steps <= 0 or depths[top] < 0:
            return i == top
        for _ in range(steps):
            i = heads[i]
        return i == top

    # ----------------------------------------------------------------- positions

    def paragraph(self, char: int) -> int:
        """Index of the line (paragraph) holding ``char``."""
        return bisect.bisect_right(self.lines, char) - 1

    def token_at(self, char: int) -> int:
        """Index of the token that holds (or follows) ``char``."""
        i = bisect.bisect_right(self._starts, char) - 1
        return max(i, 0)

    def in_passage(self, char: int) -> int | None:
        """Index (in ``self.passages`` order of open) of the passage whose marks enclose ``char``."""
        i = bisect.bisect_right(self._inside_starts, char) - 1
        if i >= 0 and self._inside[i][0] <= char < self._inside[i][1]:
            return i
        return None

    def tokens(self, start: int, end: int) -> Span:
        """Tokens overlapping characters ``[start, end)``."""
        first = self.token_at(start)
        last = self.token_at(max(end - 1, start))
        return self.doc[first : last + 1]

    # ----------------------------------------------------------------- cues

    @functools.cached_property
    def cue_words(self) -> list[int]:
        """The tokens whose lemma opens a reporting verb of the lexicon (the only ones
        :meth:`cue` can accept), in text order."""
        return self._cue_lemmas.tokens(self.doc, LEMMA)

    def words_with_lemma(self, lemmas: Container[str]) -> list[int]:
        """The tokens whose lower-cased lemma is in ``lemmas`` (a lexicon's table), in text order."""
        return word_list(lemmas, lambda: lemmas).tokens(self.doc, LEMMA)

    def cue(self, token: Token) -> tuple[ReportingVerb, Token | None] | None:
        """The reporting verb ``token`` is, with its particle token, or ``None`` (worked out
        once per token: rules ask again and again about the same verbs)."""
        lemma = token.lemma_.lower()
        if lemma not in self._cue_lemmas.words:
            return None  # the cheap test first: most tokens are no reporting verb
        if token.i not in self._cues:
            self._cues[token.i] = self._cue(token, lemma)
        return self._cues[token.i]

    def _cue(self, token: Token, lemma: str) -> tuple[ReportingVerb, Token | None] | None:
        if not _verbal_use(token):
            return None
        for part in _particle_candidates(token):
            if part.lower_ in self._particles:
                found = self._strong(f"{lemma} {part.lower_}")
                if found is not None:
                    return found, part
        verb = self._strong(lemma)
        return None if verb is None else (verb, None)

    def _strong(self, key: str) -> ReportingVerb | None:
        """The reporting verb ``key`` when it is at least ``min_strength``."""
        found = self.lex.reporting.verbs.get(key)
        return found if found is not None and found.strength >= self.min_strength else None

    def known_name(self, text: str) -> bool:
        """Whether ``text`` is a name or alias in the speaker registry."""
        if self._names is None:
            names: set[str] = set()
            for entry in self.lex.speakers:
                names.add(entry.name.lower())
                names.update(a.lower() for a in entry.aliases)
            self._names = names
        return text.lower().strip() in self._names

    def is_cue(self, token: Token) -> bool:
        """Whether ``token`` is a reporting verb."""
        return self.cue(token) is not None

    def cue_span(self, token: Token, particle: Token | None) -> tuple[int, int]:
        start = token.idx
        end = token.idx + len(token.text)
        if particle is not None:
            start = min(start, particle.idx)
            end = max(end, particle.idx + len(particle.text))
        # a negated or auxiliary-marked cue ("ruled out") keeps only the words themselves
        return start, end


def _verbal_use(token: Token) -> bool:
    """A word used as a verb: tagged one (or a verb the tagger called a noun), not a name,
    not adjectival ("the so-called plan") and not a noun after a determiner or preposition
    ("the calls", "as calls for the war ...")."""
    if not token.tag_.startswith("VB") and token.pos_ not in ("VERB",) and not _verb_as_noun(token):
        return False
    if token.ent_type_ == "PERSON" or token.ent_type_ == "ORG":
        return False
    if token.dep_ in ("amod", "compound", "nmod", "npadvmod"):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or not (
        before.pos_ == "DET" or (before.pos_ == "ADP" and before.lower_ != "to" and token.tag_ in ("VBZ", "VBP"))
    )


def _is_particle(part: Token, verb: Token) -> bool:
    """ "rule out", "call for"; "put it" ("as the memo put it") has "it" as its object; "made (it)
    clear": a predicate adjective right after the verb or its "it"."""
    if part.dep_ in ("prt", "prep", "mark") or (part.dep_ == "dobj" and part.lower_ == "it"):
        return True
    return part.pos_ == "ADJ" and part.head.i == verb.i and all(t.lower_ == "it" for t in verb.doc[verb.i + 1 : part.i])


def _particle_candidates(verb: Token) -> Iterator[Token]:
    """The words that can be the second word of a two-word cue, in order: the verb's children,
    or for a clause after it the clause's opening mark ("called for Israel to withdraw": "for"
    parsed as the clause's mark) and a predicate adjective ("made (it) clear that …")."""
    for child in verb.children:
        candidates = [child]
        if child.dep_ in ("advcl", "ccomp", "xcomp") and child.i > verb.i:
            candidates = [m for m in child.children if m.dep_ == "mark" and m.i == child.left_edge.i]
            if child.pos_ == "ADJ":
                candidates.append(child)
        yield from (part for part in candidates if _is_particle(part, verb))


def _verb_as_noun(token: Token) -> bool:
    """ "But Trump claims that he …" with "claims" tagged as a noun: a subject before it
    and a complement clause after it show the verb. The subject may be parsed as a compound
    of a root "noun" that governs a clause ("Trump claims that …", "…, the doctor maintains.")."""
    if token.pos_ != "NOUN":
        return False
    kids = list(token.children)
    if not any(c.dep_ == "ccomp" for c in kids):
        return False
    if any(c.dep_ == "nsubj" and c.i < token.i for c in kids) and any(
        c.dep_ == "ccomp" and c.i > token.i for c in kids
    ):
        return True
    return noun_subject(token) is not None


def noun_subject(token: Token) -> Token | None:
    """The compound right before a root "noun" that is a verb in the third person ("Trump claims")."""
    if token.dep_ != "ROOT" or not token.lower_.endswith("s") or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.head.i == token.i and before.dep_ == "compound" and before.pos_ in ("PROPN", "NOUN"):
        return before
    return None


def is_dash(token: Token) -> bool:
    """A dash between words ("--", "—", or a hyphen with spaces), not a hyphen inside one."""
    if token.text in DASHES:
        return True
    doc = token.doc
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(doc[token.i - 1].whitespace_)


MAX_FANOUT = 64
"""Most dependants a reporting verb may have (read in O(1)); a token with more is the
parser's root of a pasted blob (JSON, a wall of marks), and scanning its children for every
cue under it would make extraction quadratic."""


def _cue_above(token: Token, is_cue: Callable[[Token], bool] | None) -> Token | None:
    """ "..., ruling out a ceasefire": for a participial cue with no subject of its own, the
    nearest reporting verb above it (up to four heads up), whose subject it takes."""
    participle = token.dep_ in ("advcl", "conj") and token.tag_ == "VBG"
    if not participle or is_cue is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None
    up = token.head
    for _ in range(4):
        if is_cue(up):
            return up
        if up.head.i == up.i:
            break
        up = up.head
    return None


def _agent(token: Token) -> Token | None:
    """The object of a passive verb's "by" phrase ("was criticised by the council")."""
    for child in token.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _nearest_subject(token: Token) -> Token | None:
    """The verb's subject; of two (a parse that swallowed a dateline), the nearest; a relative
    pronoun subject of a relative clause is the noun the clause hangs on."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj") and any(ch.isalnum() for ch in c.text)]
    if not subjects:
        return None
    child = min(subjects, key=lambda c: abs(c.i - token.i))
    if child.lower_ in RELATIVE and token.dep_ == "relcl":
        return token.head
    return child


def _subject_above(token: Token, depth: int) -> Token | None:
    """The subject a dependent verb inherits from its head ("went on to say", "after saying"),
    or the noun a participle or relative clause hangs on."""
    if token.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp") and token.head.i != token.i:
        head = token.head
        if token.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head
        return subject_of(head, depth + 1)
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return token.head
    return None


def subject_of(token: Token, depth: int = 0, is_cue: Callable[[Token], bool] | None = None) -> Token | None:
    """The grammatical source of a reporting verb: subject, agent, or the subject it inherits.

    A participial cue with no subject ("..., ruling out a ceasefire") takes the
    subject of the nearest reporting verb above it when ``is_cue`` tells one.
    """
    if depth > 4 or token.n_lefts + token.n_rights > MAX_FANOUT:
        return None  # a verb with hundreds of dependants is a parse of a pasted blob, not a report
    above = _cue_above(token, is_cue) if depth == 0 else None
    if above is not None:
        return subject_of(above, 1)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    found = (_agent(token) if passive else None) or _nearest_subject(token)
    if found is not None:
        return found
    if passive:
        # "X was quoted as saying": the subject of the passive verb is the source
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return subject
    return _subject_above(token, depth)


def _without_clauses(token: Token) -> set[int]:
    """Tokens of the phrase under ``token`` that are no part of its name: relative and
    participial clauses, and a possessive ending ("the mayor's claim")."""
    drop: set[int] = set()
    for t in token.subtree:
        if t.dep_ in ("relcl", "acl") and t.i != token.i:
            drop.update(x.i for x in t.subtree)
    if token.dep_ == "poss":
        drop.update(t.i for t in token.children if t.dep_ == "case")
    return drop


def _run_around(token: Token, ids: set[int]) -> tuple[int, int]:
    """The contiguous run of ``ids`` around the token, cut after a dateline or parenthesis."""
    start = end = token.i
    while start - 1 in ids:
        start -= 1
    while end + 1 in ids:
        end += 1
    doc = token.doc
    for k in range(token.i - 1, start - 1, -1):
        if doc[k].text in (":", ")", "(", "\n") or "\n" in doc[k].text_with_ws:
            return k + 1, end
    return start, end


def _entity_bounds(token: Token) -> tuple[int, int]:
    """The first and last token of the entity around ``token``, from its IOB tags
    (``doc.ents`` builds every span)."""
    doc = token.doc
    first = token.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    last = token.i
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return first, last


def _joins_name(before: Token, token: Token) -> bool:
    """Whether the proper noun before a name's run is part of it ("Tomas" | "Haddad said")."""
    return (
        before.pos_ == "PROPN"
        and before.ent_type_ in ("", "PERSON")
        and token.ent_type_ in ("", "PERSON")
        and bool(before.whitespace_)
        and "\n" not in before.text_with_ws
    )


def _whole_name(token: Token, start: int, end: int) -> tuple[int, int]:
    """A name the parser split: the whole entity, and the run of proper nouns before it."""
    if not (token.ent_type_ or token.pos_ == "PROPN"):
        return start, end
    doc = token.doc
    if token.ent_type_:
        first, last = _entity_bounds(token)
        start, end = min(start, first), max(end, last)
    while start > 0 and _joins_name(doc[start - 1], token):
        start -= 1
    return start, end


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end]`` without punctuation, conjunctions or dashes at either end."""
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc" or not doc[start].text.strip(_DASH_CHARS)):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    return start, end


def mention_range(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token``, without relative clauses."""
    drop = _without_clauses(token)
    start, end = _run_around(token, {t.i for t in token.subtree if t.i not in drop})
    start, end = _trimmed(token.doc, *_whole_name(token, start, end))
    return start, end + 1


def runs(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Character ranges of the contiguous runs of ``tokens``."""
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    out: list[list[int]] = []
    last = -2
    for t in ordered:
        if t.i == last + 1 and out:
            out[-1][1] = t.idx + len(t.text)
        else:
            out.append([t.idx, t.idx + len(t.text)])
        last = t.i
    return [(a, b) for a, b in out]


def merge_pieces(pieces: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort pieces and merge the ones that overlap."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(pieces):
        if b <= a:
            continue
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def trim(text: str, start: int, end: int, *, keep_marks: bool = False) -> tuple[int, int]:
    """Trim white space and punctuation (and, unless ``keep_marks``, quote marks) off a range."""
    strip = _TRIM_END if keep_marks else _TRIM
    while start < end and (text[start] in _TRIM or text[start].isspace()):
        if keep_marks and text[start] in '"\u201c\u2018\u00ab\u201e':
            break
        start += 1
    while end > start and (text[end - 1] in strip or text[end - 1].isspace()):
        end -= 1
    return start, end
