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

import re
from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Span, Token

from quotebank.lexicons import Lexicons, SpeakerEntry
from quotebank.model import Resolution, Speaker, SpeakerKind, TextSpan
from quotebank.speakers.names import canonical_name, person_name, surname

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


def _mention_head(span: Span) -> Token:
    """The head of a mention: a token whose head lies outside it, nouns and pronouns first."""
    tops = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    nominal = [t for t in tops if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return (nominal or tops or [span.root])[0]


def _entity_name(span: Span, head: Token) -> str | None:
    """An organisation's name as the text writes it: the named entity around the head, inside
    the mention, without a leading "the" (None when the head is in no organisation entity)."""
    for ent in span.doc.ents:
        if ent.label_ in ("ORG", "NORP", "GPE", "FAC") and ent.start <= head.i < ent.end:
            start, end = max(ent.start, span.start), min(ent.end, span.end)
            words = span.doc[start:end]
            if len(words) and words[0].lower_ == "the":
                words = words[1:]
            return canonical_name(words.text) if len(words) else None
    return None


def _gender_ok(wanted: str, have: str) -> bool:
    return wanted in ("any", "unknown") or have in ("any", "unknown") or wanted == have


class _DocMemory:
    """What a document has said about its people: full names, titles, genders."""

    def __init__(self, doc: Doc, resolver: SpeakerResolver) -> None:
        self.full: dict[str, str] = {}  # surname -> full name
        self.gender: dict[str, str] = {}  # full name -> gender
        self.titles: dict[tuple[str, ...], str] = {}  # title words -> the first holder's full name
        self.roles: dict[tuple[str, ...], list[tuple[int, str]]] = {}  # title words -> (offset, holder)
        self.people: list[tuple[int, str]] = []  # (offset, full name) of persons in subject position
        self.orgs: list[tuple[int, str, SpeakerKind]] = []
        honorifics = resolver.lex.references.honorifics
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                found = person_name(ent, resolver.lex.references)
                if found is None:
                    continue
                name = canonical_name(found.text).removesuffix("'s").removesuffix("\u2019s")
                entry = resolver.registry_name(name)
                if entry is not None:
                    name = entry.name
                    self.gender.setdefault(name, entry.gender)
                if len(name.split()) >= 2:
                    self.full.setdefault(surname(name, resolver.lex.references), name)
                    self._titles_around(ent, name, resolver)
                # an honorific right before the name tells the gender
                before = doc[ent.start - 1] if ent.start > 0 else None
                if before is not None and before.lower_.rstrip(".") in honorifics:
                    gender = honorifics[before.lower_.rstrip(".")]
                    if gender in ("male", "female"):
                        self.gender.setdefault(self.full.get(surname(name, resolver.lex.references), name), gender)
                if ent.root.dep_ in ("nsubj", "nsubjpass"):
                    self.people.append((ent.start_char, self.full.get(surname(name, resolver.lex.references), name)))
            elif ent.label_ in ("ORG", "GPE", "NORP") and ent.root.dep_ in ("nsubj", "nsubjpass"):
                self.orgs.append((ent.start_char, ent.text, SpeakerKind.ORGANIZATION))
        # proper-noun subjects the entity recogniser missed ("Trump took offense ...") can be people too
        # a capitalised word the tagger called a noun at a sentence start is a name if it is one elsewhere
        names = {t.text for t in doc if (t.pos_ == "PROPN" or t.ent_type_ == "PERSON") and not t.is_sent_start}
        for token in doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_:
                continue
            if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.text in names):
                continue
            if token.lower_ in resolver.lex.references.org_heads or not token.text[:1].isupper():
                continue
            words = [t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token.text]
            while words and words[0].lower().rstrip(".") in honorifics:
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            entry = resolver.registry_name(name)
            if entry is not None and entry.kind is not SpeakerKind.PERSON:
                continue
            full = entry.name if entry is not None else self.full.get(words[-1].lower(), name)
            if len(full.split()) >= 2:
                self.full.setdefault(surname(full, resolver.lex.references), full)
            self.people.append((token.idx, full))
        self.people.sort()

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
            key = tuple(words[k:])
            self.titles.setdefault(key, name)
            self.roles.setdefault(key, []).append((at, name))

    def role(self, key: tuple[str, ...], at: int) -> str | None:
        """The person most recently given the role before offset ``at`` (the first holder if the
        role is only given later)."""
        holders = self.roles.get(key, [])
        before = [n for a, n in holders if a <= at]
        if before:
            return before[-1]
        return holders[0][1] if holders else None


class SpeakerResolver:
    """Resolves speaker mentions of one document after another.

    Args:
        lexicons: the loaded lexicons (registry and reference words).
    """

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self._alias: dict[tuple[str, ...], tuple[SpeakerEntry, Resolution]] = {}
        for entry in lexicons.speakers:
            self._alias[tuple(_words(entry.name))] = (entry, Resolution.NAMED)
        for entry in lexicons.speakers:
            for alias in entry.aliases:
                self._alias.setdefault(tuple(_words(alias)), (entry, Resolution.ALIAS))
            for title in entry.titles:
                self._alias.setdefault(tuple(_words(title)), (entry, Resolution.TITLE))
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
        self, doc: Doc, mentions: Sequence[tuple[int, int] | None], contexts: Sequence[int | None]
    ) -> list[Speaker | None]:
        """Resolve the speaker mention of every quote of a document, in order.

        Args:
            doc: the parsed document.
            mentions: per quote, the token range of its speaker mention, or ``None``.
            contexts: per quote, the index of an earlier quote whose speaker it
                takes when it has no mention (follow-on quotes), or ``None``.

        Returns:
            One speaker (or ``None``) per quote.
        """
        memory = _DocMemory(doc, self)
        known: list[_Known] = []
        out: list[Speaker | None] = []
        for mention, context in zip(mentions, contexts, strict=False):
            speaker: Speaker | None = None
            if mention is not None:
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
        return memory.gender.get(name, "unknown")

    def _make(
        self, span: Span, name: str | None, kind: SpeakerKind, how: Resolution, aliases: Sequence[str] = ()
    ) -> Speaker:
        return Speaker(
            name=name,
            mention=TextSpan(start=span.start_char, end=span.end_char, text=span.text),
            kind=kind,
            resolution=how,
            confidence=_CONFIDENCE[how],
            aliases=tuple(str(a) for a in aliases),
        )

    def _person(self, words: list[str], memory: _DocMemory) -> tuple[str, Resolution] | None:
        """A person's canonical name from name words (honorifics already dropped)."""
        if not words:
            return None
        found = self._alias.get(tuple(words))
        if found is not None and found[0].kind is SpeakerKind.PERSON and found[1] is not Resolution.TITLE:
            return found[0].name, (Resolution.NAMED if len(words) > 1 else Resolution.ALIAS)
        if len(words) == 1 and words[0] in memory.full:
            return memory.full[words[0]], Resolution.SURNAME
        if words[-1] in memory.full and memory.full[words[-1]].lower().endswith(" ".join(words)):
            return memory.full[words[-1]], Resolution.NAMED
        return None

    def _antecedent(self, pronoun: str, at: int, memory: _DocMemory, known: list[_Known]) -> _Known | None:
        gender, number = self.lex.references.pronouns[pronoun]
        pool: list[_Known] = [k for k in known if k.at < at]
        if gender in ("male", "female") or (gender == "any" and number == "singular"):
            pool += [
                _Known(name=n, kind=SpeakerKind.PERSON, gender=self._gender_of(n, memory), plural=False, at=a)
                for a, n in memory.people
                if a < at
            ]
            pool = [k for k in pool if k.kind is SpeakerKind.PERSON and _gender_ok(gender, k.gender)]
        elif gender == "neuter":
            pool += [_Known(name=n, kind=k, gender="neuter", plural=False, at=a) for a, n, k in memory.orgs if a < at]
            pool = [k for k in pool if k.kind in (SpeakerKind.ORGANIZATION,)]
        else:  # they / we
            pool = [k for k in pool if k.kind in (SpeakerKind.GROUP, SpeakerKind.ORGANIZATION) or k.plural]
        if not pool:
            return None
        return max(pool, key=lambda k: k.at)

    def _resolve_mention(self, doc: Doc, span: Span, memory: _DocMemory, known: list[_Known]) -> Speaker:
        refs = self.lex.references
        head = _mention_head(span)
        # "His Defense Minister, Yoav Gallant": the named apposition is the speaker
        if head.ent_type_ != "PERSON":
            named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if named is not None and span.start <= named.i < span.end:
                head = named
        # "Jordan's Deputy Prime Minister and Foreign Minister Omar Batayneh": the name in the run
        if head.ent_type_ != "PERSON" and head.pos_ != "PRON":
            name = person_name(span, refs)
            solid = [t for t in span if not t.is_punct]
            if name is not None and any(t.ent_type_ == "PERSON" for t in name) and solid and name[-1] == solid[-1]:
                head = name[-1]
        # 1. pronouns
        if head.pos_ == "PRON" or (len(span) == 1 and head.lower_ in refs.pronouns):
            if head.lower_ in refs.pronouns:
                found = self._antecedent(head.lower_, span.start_char, memory, known)
                if found is not None:
                    return self._make(span, found.name, found.kind, Resolution.PRONOUN, found.aliases)
            return self._make(span, None, SpeakerKind.UNKNOWN, Resolution.UNRESOLVED)
        # a document noun: "a statement from the Kremlin", "the ministry's statement", "the complaint"
        if head.lower_ in refs.documents or head.lemma_ in refs.documents:
            issued = self._document(doc, span, head, memory, known)
            if issued is not None:
                return issued
        words = _words(span.text)
        while words and words[0] in refs.strip:
            words = words[1:]
        head_word = _words(head.text)[0] if _words(head.text) else None
        # 2. registry
        registry = self._registry(words, head_word)
        if registry is not None and registry[1] is Resolution.TITLE:
            # "the prime minister" is whoever this document made prime minister, not the registry's
            holder = memory.role(tuple(words), span.start_char)
            if holder is not None:
                return self._make(span, holder, SpeakerKind.PERSON, Resolution.TITLE)
        if registry is not None:
            entry, how = registry
            return self._make(span, entry.name, entry.kind, how, entry.also)
        # 3. possessive offices: "Mr. Netanyahu's office", "the president's office"
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None and head.lower_ in refs.org_heads:
            owner = self._owner(doc, poss, memory, known)
            if owner is not None:
                last = owner.split()[-1] if len(owner.split()) > 1 else owner
                return self._make(span, f"{last}'s {head.lower_}", SpeakerKind.ORGANIZATION, Resolution.NAMED, (owner,))
        # 4. person names
        if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.lower_ not in refs.org_heads):
            name_words = self._name_words(span, head)
            # the name as written first; the head's proper-noun run when the entity is mis-cut
            # ("Warren Hammers Bank Chief" in a headline: "Warren" is the document's Elizabeth Warren)
            run_words = _words(" ".join(self._run_tokens(span, head)))
            surname_first = len(run_words) == 1 and run_words[0] in memory.full and len(name_words) > 1
            person = (
                (self._person(run_words, memory) if surname_first else None)
                or self._person(name_words, memory)
                or self._person(run_words, memory)
            )
            if person is not None:
                return self._make(span, person[0], SpeakerKind.PERSON, person[1])
            if head.ent_type_ == "PERSON" and name_words:
                written = " ".join(w for w in self._name_tokens(span, head))
                return self._make(span, written, SpeakerKind.PERSON, Resolution.NAMED)
        # 5. titles introduced in the document
        for key in (tuple(words), tuple(w for w in words if w not in refs.strip)):
            holder = memory.role(key, span.start_char)
            if holder is not None:
                return self._make(span, holder, SpeakerKind.PERSON, Resolution.TITLE)
        # 6. anaphors: "the group", "the ministry"
        phrase = " ".join(words)
        if phrase in refs.anaphors and span[0].lower_ == "the":
            target = next(
                (k for k in reversed(known) if k.kind in (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP)),
                None,
            )
            if target is not None:
                return self._make(span, target.name, target.kind, Resolution.CONTEXT, target.aliases)
        # 7. open world
        return self._open_world(span, head, words)

    def _document(self, doc: Doc, span: Span, head: Token, memory: _DocMemory, known: list[_Known]) -> Speaker | None:
        """The issuer of a document noun: its "from"/"by"/"of" object or its possessor, resolved
        as a mention of its own; else (a bare "the statement") the last source the document named.
        The mention stays the words the text gives."""
        issuer: Token | None = next((c for c in head.children if c.dep_ == "poss"), None)
        if issuer is None:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                    issuer = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    break
        if issuer is not None and issuer.pos_ != "PRON":
            inner = doc[issuer.left_edge.i : issuer.right_edge.i + 1]
            if issuer.dep_ == "poss" and inner[-1].tag_ == "POS":
                inner = inner[:-1]
            found = self._resolve_mention(doc, inner, memory, known)
            return attrs.evolve(found, mention=TextSpan(start=span.start_char, end=span.end_char, text=span.text))
        if issuer is not None or span[0].lower_ not in ("the", "this", "that", "its", "their"):
            return None
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
        honorifics = self.lex.references.honorifics
        tokens = [t for t in span if t.i <= head.i and (t.i == head.i or t.dep_ in ("compound", "flat", "nmod"))]
        # the name is the run of proper nouns ending at the head
        run: list[Token] = []
        for t in reversed(tokens):
            if t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.i == head.i or (t.text == "-" and run):
                run.insert(0, t)
            else:
                break
        while run and not any(c.isalnum() for c in run[0].text):
            run.pop(0)
        words = "".join(t.text_with_ws for t in run).replace(" - ", "-").split() if run else []
        while words and words[0].lower().rstrip(".") in honorifics:
            words = words[1:]
        # multi-word honorifics ("Prime Minister")
        while len(words) > 1 and " ".join(words[:2]).lower() in honorifics:
            words = words[2:]
        return words or [head.text]

    def _name_words(self, span: Span, head: Token) -> list[str]:
        return _words(" ".join(self._name_tokens(span, head)))

    def _open_world(self, span: Span, head: Token, words: list[str]) -> Speaker:
        refs = self.lex.references
        lemma = head.lower_
        # the canonical form: the phrase up to its first relative clause, apposition or comma
        drop = {t.i for t in span if t.is_punct and t.text not in ("-", "'", "\u2019")}
        for t in span:
            if t.i != head.i and (
                t.dep_ in ("relcl", "acl", "appos") or (t.dep_ == "prep" and t.lower_ == "including")
            ):
                drop.update(x.i for x in t.subtree)
        tokens: list[Token] = []
        for t in span:
            if t.i in drop:
                if tokens:
                    break
                continue
            tokens.append(t)
        while tokens and (
            tokens[0].lower_ in refs.strip
            or tokens[0].like_num
            or tokens[0].pos_ == "DET"
            # a partitive: "one of the engineers", "some of the residents"
            or (tokens[0].lower_ == "of" and len(tokens) > 1 and tokens[0].i > span.start)
        ):
            tokens = tokens[1:]
        # quantifiers inside a coordination ("residents and some witnesses")
        tokens = [t for t in tokens if not (t.pos_ == "DET" and t.lower_ in refs.strip)]
        name = (
            " ".join(t.text for t in tokens).replace(" 's", "'s").replace(" \u2019s", "\u2019s")
            if tokens
            else span.text
        )
        entity = _entity_name(span, head)
        if entity is not None:
            name = entity  # "Save the Children", "Committee to Protect Journalists": as written
        if head.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or lemma in refs.org_heads:
            kind = SpeakerKind.ORGANIZATION
        elif lemma in refs.group_heads or (head.tag_ in ("NNS", "NNPS") and head.ent_type_ != "PERSON"):
            kind = SpeakerKind.GROUP
        elif lemma in refs.person_titles or head.ent_type_ == "PERSON":
            kind = SpeakerKind.PERSON
        else:
            kind = SpeakerKind.UNKNOWN
        how = Resolution.NAMED if head.ent_type_ else Resolution.TITLE
        if not words:
            how = Resolution.UNRESOLVED
        return self._make(span, name, kind, how)
