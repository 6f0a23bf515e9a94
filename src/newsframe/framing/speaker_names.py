"""Which entity each speaker of the attribution table names: the description rules.

The attribution rules (:mod:`newsframe.framing.speakers`) find a speaker's words ("Mr Lavrov",
"the ministry", "a Chinese foreign ministry spokesperson", "the statement"); the rules here give
each row the key of the entity of the article's entity layer (:mod:`newsframe.entities`) those
words name, so that one person or body is one key. Each rule is one function named for what it
decides, tried in the documented order of :data:`RULES` (precise evidence first, as in the
multi-pass coreference sieve of Lee et al. 2013), with a memory of the rows before.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from newsframe.entities import Entities, Entity, gazetteer
from newsframe.framing.descriptions import issued_by, issuer_of, office_holder, person_described
from newsframe.framing.speakers import GENERIC_PEOPLE, STATEMENTS
from newsframe.text import lemmatize

__all__ = ["RULES", "name_speakers"]

_NOBODY = Entity("", "", "")


_DESCRIBES = {
    "person": frozenset(["person"]),
    "organisation": frozenset(["organisation", "country"]),
}


#: Role nouns of someone who speaks for an organisation: "a foreign ministry spokesperson",
#: "an official of the agency" speak for the ministry and the agency.
_SPOKESPEOPLE = frozenset(["spokesperson", "spokesman", "spokeswoman", "spokespeople",
                           "official", "officials", "representative", "representatives"])  # fmt: skip
# lowercase words kept inside an organisation written after a spokesperson's determiner ("a
# ministry of the interior spokesman"); every other lowercase word is capitalised
_SMALL = frozenset(["of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "with", "&"])


def _spokesperson_of(text: str, layer: Entities, paragraph_id: int) -> str | None:
    """The organisation an unnamed spokesperson speaks for ("a Chinese foreign ministry
    spokesperson", "a spokesman for the agency", "an official of Iran's mission", "the MAS
    representative"): the entity the organisation's words resolve to, or, for a bare
    organisation noun ("a ministry spokesperson"), the last organisation of the article with
    that noun; else None. Only indefinite descriptions, or definite ones with a named
    organisation: "the spokesperson" is the last person of that role."""
    words = text.split()
    definite = len(words) > 2 and words[0].lower() == "the" and words[1][:1].isupper()
    if len(words) < 2 or (words[0].lower() not in ("a", "an", "one") and not definite):
        return None
    words = words[1:]
    if words[-1].lower() in _SPOKESPEOPLE:
        org = words[:-1]
    elif words[0].lower() in _SPOKESPEOPLE and len(words) > 2 and words[1] in ("for", "of", "at"):
        org = words[2:]
    else:
        return None
    while org and org[0].lower() in ("the", "a", "an"):
        org = org[1:]
    if definite:  # "the MAS representative": whoever speaks for an organisation named so
        named = layer.resolve(" ".join(org)) if org else None
        entity = layer.entities.get(named) if named is not None else None
        return named if entity is not None and entity.kind == "organisation" else None
    nouns = layer._orgs
    if not org or not any(w.lower().rstrip("s") in nouns or w.lower() in nouns for w in org):
        return None
    name = " ".join(w if w[:1].isupper() or w in _SMALL else w.capitalize() for w in org)
    named = layer.resolve(name)
    if named is not None and layer.entities.get(named, None) is not None:
        return named
    if len(org) > 1 and org[0][:1].isupper():  # a named organisation the layer did not find
        return named
    return layer.antecedent(org[-1].lower(), paragraph_id, frozenset(["organisation"]))


def _named_later(text: str, layer: Entities, paragraph_id: int) -> str | None:
    """The person a capitalised role title without a name stands for when the article names
    them only after it, the news lede's delayed identification ("Iran's Foreign Ministry
    Spokesperson dismissed ... / Hossein Jaberi Ansari stressed ..."): the first person named
    in the next paragraph when the title's own paragraph names no one, and no earlier person
    holds that role; else None."""
    words = text.split()
    if len(words) < 2 or not words[-1][:1].isupper() or words[0].lower() in ("a", "an", "the"):
        return None
    if words[-1].lower() not in _SPOKESPEOPLE or layer.resolve(text) is not None:
        return None
    if layer.antecedent(words[-1].lower(), paragraph_id, frozenset(["person"])) is not None:
        return None
    people = {p: [] for p in (paragraph_id, paragraph_id + 1)}
    for m in layer.mentions:
        e = layer.entities.get(m.entity_id)
        if m.paragraph_id in people and e is not None and e.kind == "person":
            people[m.paragraph_id].append(m.entity_id)
    if people[paragraph_id] or not people[paragraph_id + 1]:
        return None
    return people[paragraph_id + 1][0]


_PLURAL_FORM = frozenset(["police", "people", "clergy"])  # plural nouns without a plural -s
_DETERMINER = frozenset(["the", "a", "an", "one", "this", "that"])


def _bare_role(text: str, nouns: Mapping[str, str]) -> bool:
    """True for a speaker that is one capitalised role noun in the singular with no determiner
    and no name ("Lawyer calls ...", "Agency" cut from "Yonhap news Agency"): headline
    shorthand or the tail of a name, no noun phrase that names a speaker. Plurals and
    collectives stay ("Police said", "Officials said"); so do acronyms ("IAEA"), unless the
    table lists them as a person's role ("says MP", "CEO")."""
    if " " in text or not text[:1].isupper():
        return False
    low = text.lower()
    if text.isupper() and nouns.get(low) != "person":
        return False
    return low in nouns and not low.endswith("s") and low not in _PLURAL_FORM


def _before_participle(row: dict, nouns: Mapping[str, str]) -> str:
    """The noun phrase a participle follows when the speaker found is that participle's
    object ("The official leading the rescue said": the official, not the rescue), or ""."""
    sentence, text = row["sentence"], row["speaker_text"]
    k = sentence.find(f" {text} ")
    words = sentence[: max(k, 0)].split()
    if len(words) < 2 or not words[-1].endswith("ing") or not words[-1].islower():
        return ""
    noun = words[-2].strip(",").lower()
    if noun not in nouns and lemmatize(noun) not in nouns:
        return ""
    start = len(words) - 2  # back to a determiner, over at most two lowercase modifiers
    while start > 0 and words[start - 1].lower() not in _DETERMINER:
        if len(words) - 2 - start >= 2 or not words[start - 1].islower():
            return ""
        start -= 1
    if start == 0:
        return ""
    return " ".join(words[start - 1 : -1]).strip(",")


def _group_member(key: str) -> str:
    """One member of a group named as such, in one form: "one of the relatives" -> "one
    relative" ("one relative" stays)."""
    words = key.split()
    if len(words) == 4 and " ".join(words[:3]).lower() == "one of the":
        return f"{words[0]} {lemmatize(words[3].lower())}"
    return key


@dataclass
class _Memory:
    """What :func:`name_speakers` remembers of an article's rows before the one it names: the
    people quoted (``spoken``), the speakers the text calls "he" or "she" (``personal``), the
    last speaker that may be a company and its paragraph (``body``), the paragraphs and
    sentences of the rows (``said``, newest last), the entity and kind each description
    credited as speaker named (``taken``), the entity and kind each name or description a rule
    named was given (``renamed``: "First Minister" -> the person), the issuer of each document (``issued``) and the
    last one-word speaker of unknown kind the text calls "it", with its paragraph
    (``untyped``: "Boeing said it ..."), and the row before, named (``previous``)."""

    spoken: set[str] = field(default_factory=set)
    personal: set[str] = field(default_factory=set)
    body: tuple[str, int] | None = None
    said: list[tuple[int, str]] = field(default_factory=list)
    taken: dict[str, tuple[str, str]] = field(default_factory=dict)
    renamed: dict[str, tuple[str, str]] = field(default_factory=dict)
    issued: dict[str, str | None] = field(default_factory=dict)
    untyped: tuple[str, int] | None = None
    previous: dict | None = None
    _before: dict | None = None

    def read(self, row: dict, layer: Entities) -> None:
        """Remember the row before ``row`` (named by now) and the sentence of ``row``."""
        before, self._before = self._before, row
        self.previous = before
        if not self.said or self.said[-1] != (row["paragraph_id"], row["sentence"]):
            self.said.append((row["paragraph_id"], row["sentence"]))
        if before is None:
            return
        if before["speaker_kind"] == "person":
            self.spoken.add(before["speaker"])
        if _personal(before):
            self.personal.add(before["speaker"])
        if (
            before["speaker_source"] == "name"
            and _may_be_body(before["speaker"], layer)
            and before["speaker"] not in self.personal
        ):
            self.body = (before["speaker"], before["paragraph_id"])


def _issuer_before(
    said: list[tuple[int, str]], head: str, paragraph_id: int, layer: Entities
) -> str | None:
    """The issuer of the last document with head noun ``head`` that a sentence of ``said``
    (newest last) in paragraph ``paragraph_id`` or the one before names
    (:func:`~newsframe.framing.descriptions.issued_by`), or None."""
    for paragraph, sentence in reversed(said):
        if paragraph < paragraph_id - 1:
            return None
        hit = issued_by(sentence, head, layer)
        if hit is not None:
            return hit
    return None


#: Heads of a description that any company may answer to ("the company", "the US-based
#: investment firm"), unlike a public body's ("the ministry": its own name holds the word).
_ANY_BODY = frozenset(["company", "firm", "group", "corporation", "conglomerate", "carrier",
                       "airline", "manufacturer", "maker", "lender", "insurer", "retailer",
                       "broadcaster", "operator", "seller", "short-seller"])  # fmt: skip


def _may_be_body(key: str, layer: Entities) -> bool:
    """True for a speaker key the layer knows as an organisation, or as a full name with no
    role that it typed a person only by default ("Hindenburg Research") and that the text never
    calls by its last word alone ("Wright" for "Ian Wright": a surname, a person's); never a
    single name of unknown kind ("Lee": a body only when the text calls it "it")."""
    entity = layer.entities.get(key)
    if entity is None:
        return False
    surname = entity.name.split()[-1]
    return entity.kind == "organisation" or (
        entity.kind == "person"
        and not entity.role
        and not any(a == surname for a in entity.aliases if a != entity.name)
    )


_SALIENT = 2  # mentions a body needs, up to a description, to be the one the article is about


def _salient_body(layer: Entities, paragraph_id: int) -> str | None:
    """The organisation the article is about, up to paragraph ``paragraph_id`` (headline
    included): the organisation, or name of unknown kind that is no single capitalised word,
    named there more often than any other (at least :data:`_SALIENT` times), or None; salience
    by frequency of mention, as in the entity-based coreference of Lee et al. 2013. One pass
    over the layer's mentions, kept on the layer.

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["Norda Bank cut rates.", "Norda Bank and Kell Group met.",
    ...                        "Norda Bank said no."])
    >>> _salient_body(layer, 2), _salient_body(layer, 0)
    ('Norda Bank', None)
    """
    ranks = layer.__dict__.get("_salient_bodies")
    if ranks is None:
        ranks = layer.__dict__["_salient_bodies"] = _salient_by_paragraph(layer)
    k = bisect_right(ranks, (paragraph_id, "\uffff")) - 1
    return (ranks[k][1] or None) if k >= 0 else None


def _salient_by_paragraph(layer: Entities) -> list[tuple[int, str]]:
    """(paragraph, the most named body up to its end, or "" when none or a tie), for every
    paragraph with a mention, in order: counts only grow, so a running best and a tie flag
    answer for every paragraph in one pass."""
    count: dict[str, int] = {}
    best, best_n, tie = "", 0, False
    out: list[tuple[int, str]] = []
    for m in sorted(layer.mentions, key=lambda m: (m.paragraph_id, m.start)):
        if not out or out[-1][0] != m.paragraph_id:
            out.append((m.paragraph_id, ""))
        entity = layer.entities.get(m.entity_id)
        if entity is not None and (
            entity.kind == "organisation" or (entity.kind == "" and _not_a_word(entity.name))
        ):
            n = count[m.entity_id] = count.get(m.entity_id, 0) + 1
            if n > best_n:
                best, best_n, tie = m.entity_id, n, False
            elif n == best_n and m.entity_id != best:
                tie = True
        out[-1] = (m.paragraph_id, best if best_n >= _SALIENT and not tie else "")
    return out


def _not_a_word(name: str) -> bool:
    """True for a name that is more than one capitalised word ("OpenAI", "BBC", "Sky News"):
    "Match" or "Rest" alone may be any word the text capitalised."""
    return " " in name or not name[1:].islower()


def _body_named_next(text: str, paragraph_id: int, layer: Entities) -> str | None:
    """The one organisation, or full name with no role (:func:`_may_be_body`), named in the
    paragraph after ``paragraph_id`` whose name holds a lowercase word of the description
    ``text`` before its head ("research" of "The US-based investment research firm":
    Hindenburg Research), or None."""
    words = {w.lower() for w in text.split()[1:-1]}
    hits = {
        m.entity_id
        for m in layer.mentions
        if m.paragraph_id == paragraph_id + 1
        and _may_be_body(m.entity_id, layer)
        and words & set(layer.entities[m.entity_id].name.lower().split())
    }
    return hits.pop() if len(hits) == 1 else None


def _personal(row: dict) -> bool:
    """True for a speaker named by "he" or "she" (or continued from one)."""
    return row["speaker_text"].lower() in ("he", "she") and row["speaker_source"] in (
        "pronoun",
        "continuation",
    )


@dataclass
class _Naming:
    """What every rule of :data:`RULES` reads: the article's entity layer, the speaker nouns of
    the verb table (noun -> kind), the memory of the rows named before, and the layer's answer
    for each speaker key asked so far (``names``: key -> (entity id, kind), or None)."""

    layer: Entities
    nouns: Mapping[str, str]
    memory: _Memory
    names: dict[str, tuple[str, str] | None] = field(default_factory=dict)


def _unresolve(row: dict) -> None:
    """Make ``row`` honest about finding no speaker: ``unresolved``, no words, no kind."""
    row.update(speaker="unresolved", speaker_text="", speaker_source="unresolved")
    row["speaker_kind"] = ""


def _no_speaker_found(row: dict, naming: _Naming) -> bool:
    """A reporting verb whose speaker nothing found ("Complaining and say.": an empty speaker
    still pending) is unresolved, not an empty name."""
    if row["speaker_source"] == "pending" and not row["speaker"].strip():
        _unresolve(row)
        return True
    return False


def _already_named(row: dict, naming: _Naming) -> bool:
    """An actor of the story file ("putin") or an unresolved speaker keeps its key."""
    return row["speaker_source"] in ("actor", "unresolved")


def _bare_role_holder(row: dict, naming: _Naming) -> bool:
    """A single capitalised role noun taken for a name ("President said", "Agency" cut from
    "Yonhap news Agency", :func:`_bare_role`) names the one holder of that role the article
    gives ("President" after "President Ann Lee": Ann Lee), else nobody: unresolved."""
    if row["speaker_source"] not in ("name", "continuation") or not _bare_role(
        row["speaker_text"], naming.nouns
    ):
        return False
    person = person_described(
        row, naming.layer, naming.nouns, spoken=frozenset(naming.memory.spoken)
    )
    if person is not None:
        row["speaker"], row["speaker_kind"] = person, "person"
    else:
        _unresolve(row)
    return True


def _participle_subject(row: dict, naming: _Naming) -> bool:
    """Rewrite only: the noun phrase a participle follows when the speaker found is the
    participle's object ("The official leading the rescue said": "The official", not "the
    rescue"), typed by its head noun; never for a pronoun."""
    head = _before_participle(row, naming.nouns) if row["speaker_source"] != "pronoun" else ""
    if head:
        source = "description" if head.split()[0].lower() in ("the", "this") else "name"
        row.update(speaker=head, speaker_text=head, speaker_source=source)
        row["speaker_kind"] = naming.nouns.get(lemmatize(head.split()[-1].lower()), "person")
    return False


def _one_group_member(row: dict, naming: _Naming) -> bool:
    """Rewrite only: one member of a group in one form ("one of the relatives" -> "one
    relative", :func:`_group_member`)."""
    row["speaker"] = _group_member(row["speaker"])
    return False


def _spokesperson_body(row: dict, naming: _Naming) -> bool:
    """An unnamed spokesperson speaks for their organisation ("a Chinese foreign ministry
    spokesperson" -> the ministry of China the layer knows, :func:`_spokesperson_of`), also when
    the rules took a description for one named so before ("the official" after "a Chinese
    Foreign Ministry spokesman")."""
    key, text, p = row["speaker"], row["speaker_text"], row["paragraph_id"]
    organisation = _spokesperson_of(text, naming.layer, p)
    if organisation is None and key != text and row["speaker_source"] != "name":
        organisation = _spokesperson_of(key, naming.layer, p)
    if organisation is None:
        return False
    row["speaker"], row["speaker_kind"] = organisation, "organisation"
    return True


def _title_named_after(row: dict, naming: _Naming) -> bool:
    """A capitalised role title with no name that the next paragraph names ("Iran's Foreign
    Ministry Spokesperson dismissed ..." / "Hossein Jaberi Ansari stressed ...") is that
    person (:func:`_named_later`)."""
    person = _named_later(row["speaker_text"], naming.layer, row["paragraph_id"])
    if person is None:
        return False
    row["speaker"], row["speaker_kind"] = person, "person"
    return True


def _office_of_body(row: dict, naming: _Naming) -> bool:
    """An office description with its body's name ("the PTI chief") is the one person whose
    role holds that name and an office ("PTI Chairman Imran Khan"), whatever description the
    rows before took it for ("the NAB chief" is not the PTI chief said before)
    (:func:`~newsframe.framing.descriptions.office_holder`); only a definite description."""
    words = row["speaker_text"].split()
    if len(words) < 3 or words[0].lower() != "the" or row["speaker_source"] == "pronoun":
        return False
    person = office_holder(row["speaker_text"], naming.layer, naming.nouns)
    if person is None:
        return False
    row["speaker"], row["speaker_kind"] = person, "person"
    return True


def _pronoun_of_a_named_speaker(row: dict, naming: _Naming) -> bool:
    """A pronoun (or its continuation) the rules resolved to a name or description that a rule
    named before ("The First Minister told ..." named Ann Lee; "She added" took "First
    Minister") names that one too: the pronoun's antecedent is the earlier speaker, whatever
    words named it."""
    if row["speaker_source"] not in ("pronoun", "continuation"):
        return False
    hit = naming.memory.renamed.get(row["speaker"].lower())
    if hit is None:
        return False
    row["speaker"], row["speaker_kind"] = hit
    return True


def _description_taken_before(row: dict, naming: _Naming) -> bool:
    """A description the rows before already credited to someone ("the prime minister" named
    Theresa May before; the rules took "She" for it) names that one again; never a name."""
    hit = naming.memory.taken.get(row["speaker"].lower())
    if hit is None or row["speaker_source"] == "name":
        return False
    row["speaker"], row["speaker_kind"] = hit
    return True


def _described_person(row: dict, naming: _Naming) -> bool:
    """A description of a person ("the prime minister", "His lawyer, Mark Cohen") names the
    person :func:`~newsframe.framing.descriptions.person_described` finds, remembered for the
    same description later ("the prime minister" -> Ann Lee). (When nothing fits, a phrase
    after a comma may still replace the speaker: "the Commons, the prime minister" -> "the
    prime minister".)"""
    was = row["speaker"]
    memory = naming.memory
    person = person_described(row, naming.layer, naming.nouns, spoken=frozenset(memory.spoken))
    if person is None:
        return False
    if was.split()[:1] and was.split()[0].lower() in _DETERMINER:
        memory.taken.setdefault(was.lower(), (person, "person"))
    row["speaker"], row["speaker_kind"] = person, "person"
    return True


def _description_antecedent(row: dict, naming: _Naming) -> bool:
    """A definite description ("the spokesperson said", "the ministry") names the last entity of
    the article with that role or head noun; a role the text gave is better evidence than the
    last person quoted. Failing that, "the company" after "Boeing said it ..." is the body the
    text never typed, named by the last speaker of this or the previous paragraph, and "the
    US-based firm" after "Hindenburg said" the company that spoke last; else "the company"
    is the body the article is about (:func:`_salient_body`)."""
    key, text, p = row["speaker"], row["speaker_text"], row["paragraph_id"]
    described = row["speaker_source"] == "description" and text.lower().startswith("the ")
    if not described and (row["speaker_source"] == "name" or not key.startswith("the ")):
        return False
    memory = naming.memory
    head = (text if described else key).lower().split()[-1]
    kinds = _DESCRIBES.get(row["speaker_kind"], frozenset())
    entity_id = naming.layer.antecedent(head, p, kinds) if kinds else None
    untyped = memory.untyped
    near = untyped is not None and p - untyped[1] <= 1
    if entity_id is None and row["speaker_kind"] == "organisation" and near:
        entity_id = untyped[0]
    body = memory.body
    if (
        entity_id is None
        and head in _ANY_BODY
        and body is not None
        and p - body[1] <= 1
        and body[0] not in memory.personal
    ):
        entity_id = body[0]
        memory.taken.setdefault(key.lower(), (entity_id, "organisation"))
    if entity_id is None and described and head in _ANY_BODY:
        entity_id = _salient_body(naming.layer, p)
        if entity_id is not None:
            memory.taken.setdefault(key.lower(), (entity_id, "organisation"))
    if entity_id is None:
        return False
    row["speaker"] = entity_id
    if naming.layer.entities.get(entity_id, _NOBODY).kind == "country":
        row["speaker_kind"] = "country"  # "the government" of a country named so before
    return True


def _company_named_next(row: dict, naming: _Naming) -> bool:
    """The lede's description of a company no one quoted yet ("The US-based investment
    research firm said ..." / "Hindenburg Research on Monday hit back") is the body the next
    paragraph names (:func:`_body_named_next`)."""
    key, text = row["speaker"], row["speaker_text"]
    words = text.lower().split()
    lede = bool(words) and words[0] == "the" and words[-1] in _ANY_BODY
    if not lede or naming.memory.body is not None or row["speaker_kind"] != "organisation":
        return False
    hit = _body_named_next(text, row["paragraph_id"], naming.layer)
    if hit is None:
        return False
    row["speaker"] = hit
    naming.memory.taken.setdefault(key.lower(), (hit, "organisation"))
    return True


def _document_issuer(row: dict, naming: _Naming) -> bool:
    """A document credited as speaker is the one who issued it: named before its head ("the MEA
    statement", "Adani's statement": :func:`~newsframe.framing.descriptions.issuer_of`), or,
    for a bare document ("the statement" after "X issued a statement and said"), the issuer
    named in this sentence or one before in this paragraph or the previous one, or the issuer
    found before for the same words ("it" that the rules took for "its last week's report")."""
    key, text, p = row["speaker"], row["speaker_text"], row["paragraph_id"]
    layer, memory = naming.layer, naming.memory
    issuer = issuer_of(text, p, layer, naming.nouns, sentence=row["sentence"])
    if issuer is not None:  # "its last week's report" in "Hindenburg stood by its ...": the
        memory.issued.setdefault(text, issuer)  # same issuer when "it" stands for it later
    issuer = issuer or issuer_of(key, p, layer, naming.nouns)
    if issuer is None and row["speaker_kind"] == "document":
        issuer = memory.issued.get(key) or _issuer_before(
            memory.said, key.split()[-1].lower(), p, layer
        )
        memory.issued[key] = issuer
    if issuer is None and row["speaker_kind"] == "document":
        return _statement_of_previous(row, memory)
    if issuer is None:
        return False
    row["speaker"], row["speaker_kind"] = issuer, layer.entities[issuer].kind
    return True


_BODIES_AND_PEOPLE = frozenset(["person", "organisation", "group", "country"])


def _statement_of_previous(row: dict, memory: _Memory) -> bool:
    """A definite statement no issuer is named for ("The board declared that ..." / "The blunt
    statement also said ...") is the words of the speaker of the row before, in this
    paragraph or the previous one: the statement just reported."""
    words = row["speaker_text"].lower().split()
    before = memory.previous
    if len(words) < 2 or words[0] != "the" or lemmatize(words[-1]) not in STATEMENTS:
        return False
    if before is None or row["paragraph_id"] - before["paragraph_id"] > 1:
        return False
    if before["speaker_kind"] not in _BODIES_AND_PEOPLE or before["speaker_source"] in (
        "unresolved",
        "pending",
    ):
        return False
    row["speaker"], row["speaker_kind"] = before["speaker"], before["speaker_kind"]
    return True


_OWNER = re.compile(r"\A(?:.+['\u2019]s )")  # "Al Jazeera's ": a possessive before a name


def _person_after_owner(key: str, layer: Entities) -> Entity | None:
    """The person of the layer a name written after its owner names: after a possessive ("Al
    Jazeera's Jamal Elshayyal") or a country's name or abbreviation the sentence splitter left
    before it ("U.S. Jean-Pierre" from "... in the U.S. Jean-Pierre said"); else None.

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["Karine Jean-Pierre spoke.", "Al Jazeera's Jamal Elshayyal said."])
    >>> [_person_after_owner(k, layer).name for k in ("U.S. Jean-Pierre", "Al Jazeera's Jamal Elshayyal")]
    ['Karine Jean-Pierre', 'Jamal Elshayyal']
    """
    owner = _OWNER.match(key)
    words = key.split()
    if owner is not None:
        rest = key[owner.end() :]
    elif len(words) > 1 and words[0] in gazetteer():
        rest = " ".join(words[1:])
    else:
        return None
    if not rest[:1].isupper():
        return None
    hit = layer.resolve(rest)
    entity = layer.entities.get(hit) if hit is not None else None
    return entity if entity is not None and entity.kind == "person" else None


def _layer_entity(row: dict, naming: _Naming) -> bool:
    """The last rule: the entity the layer resolves the speaker's words to ("Mr Lavrov" ->
    "Sergei Lavrov", "Beijing" -> "China"), with its kind when the layer knows it; "he" or
    "she" never stands for a body or a country ("SABA" said by "he": unresolved); words the
    layer does not resolve ("a spokesman for the union") stay as written; an event ("the Asian
    Cup") is no speaker: unresolved. A one-word name of
    unknown kind that the text calls "it" ("Boeing said it would ...") is remembered for "the
    company" after it."""
    key, text = row["speaker"], row["speaker_text"]
    if key not in naming.names:
        entity_id = naming.layer.resolve(key)
        entity = naming.layer.entities.get(entity_id) if entity_id is not None else None
        if entity is None or entity.kind != "person":
            entity = _person_after_owner(key, naming.layer) or entity
        naming.names[key] = (entity.entity_id, entity.kind) if entity is not None else None
    hit = naming.names[key]
    if hit is None:
        shared = _shared_name_speaker(text, naming)
        hit = (shared, "person") if shared is not None else None
    if (hit is not None and hit[1] in ("organisation", "country") and _personal(row)) or (
        hit is not None and hit[1] == "event"
    ):
        _unresolve(row)
    elif hit is not None:
        row["speaker"] = hit[0]
        if hit[1] in ("person", "organisation", "country"):
            row["speaker_kind"] = hit[1]
    if row["speaker_source"] == "name" and " " not in text:
        it = re.search(rf"\b{re.escape(text)} [a-z]+ it(?:s)?\b", row["sentence"])
        untyped = (row["speaker"], row["paragraph_id"]) if hit and not hit[1] and it else None
        naming.memory.untyped = untyped
    return True


def _shared_name_speaker(text: str, naming: _Naming) -> str | None:
    """The person a single name two or more people of the article share names ("Wells" after
    "Rodney Wells" and "Ann Wells"): the only one of them the rows before credited with
    speech (the speaker the text keeps talking about, as a pronoun's antecedent is the
    earlier speaker); else None.

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["Rodney Wells and Ann Wells met.", "Wells spoke."])
    >>> naming = _Naming(layer, {}, _Memory(spoken={"Rodney Wells"}))
    >>> _shared_name_speaker("Wells", naming), _shared_name_speaker("Lee", naming)
    ('Rodney Wells', None)
    """
    if " " in text or not text[:1].isupper():
        return None
    people = naming.layer._people(text.lower())
    spoke = [p for p in people if p in naming.memory.spoken]
    return spoke[0] if len(people) > 1 and len(spoke) == 1 else None


#: The description rules, in the order they are tried on each speaker row (reading order):
#: the first that decides the row (returns True) names it; a rewrite (returns False) changes
#: the row's words for the rules after it. Precise evidence first, as in a coreference sieve
#: (Lee et al. 2013): the text's own apposition and roles, then the memory of the rows before,
#: then the layer's plain look-up.
RULES: tuple[Callable[[dict, _Naming], bool], ...] = (
    _no_speaker_found,  # "Complaining and say.": unresolved
    _already_named,  # an actor id or "unresolved" stays
    _bare_role_holder,  # "President said": the holder, else unresolved
    _participle_subject,  # rewrite: "The official leading the rescue" -> "The official"
    _one_group_member,  # rewrite: "one of the relatives" -> "one relative"
    _spokesperson_body,  # "a Chinese foreign ministry spokesperson" -> the ministry
    _title_named_after,  # "Foreign Ministry Spokesperson" / next paragraph's person
    _office_of_body,  # "the PTI chief": "PTI Chairman Imran Khan"
    _pronoun_of_a_named_speaker,  # "She" for "First Minister" named Ann Lee: Ann Lee
    _description_taken_before,  # "the prime minister" credited before: the same one
    _described_person,  # "the prime minister", "His lawyer, Mark Cohen": the person
    _description_antecedent,  # "the ministry", "the company": the last entity so named
    _company_named_next,  # "The US-based research firm" / next paragraph's company
    _document_issuer,  # "the MEA statement": its issuer
    _layer_entity,  # "Mr Lavrov" -> "Sergei Lavrov"; else the words as written
)


def name_speakers(rows: list[dict], layer: Entities, nouns: Mapping[str, str]) -> None:
    """Give every speaker row of one article (in reading order; changed in place) the key of
    the entity it names in the article's entity layer -- the entity id: an actor's id, else
    the canonical name ("Foreign Minister Sergei Lavrov", "Lavrov", "Mr Lavrov" -> "Sergei
    Lavrov"; "Beijing" -> "China"; "ACS" -> "Agency for Coastal Safety") -- and its kind when
    the layer knows it; a phrase the layer does not resolve ("the ministry" with no ministry
    named, "a spokesman for the union") keeps its words. ``nouns``: the speaker nouns of the
    verb table (noun -> kind).

    Method: the ordered description rules of :data:`RULES`, one function each, tried on each
    row until one decides it, with a memory of the rows before (:class:`_Memory`); in the
    precision-first order of a coreference sieve (Lee et al. 2013). Then a country credited
    with speech is the one body of that country the article credits before or quotes
    (:func:`_country_as_its_body`).

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["Foreign Minister Sergei Lavrov spoke.", "Lavrov left."])
    >>> rows = [{"paragraph_id": 1, "speaker": "Mr Lavrov", "speaker_text": "Mr Lavrov",
    ...          "speaker_source": "name", "speaker_kind": "person", "sentence": "Mr Lavrov said."},
    ...         {"paragraph_id": 1, "speaker": "", "speaker_text": "", "speaker_source": "pending",
    ...          "speaker_kind": "", "sentence": "Complaining and say."}]
    >>> name_speakers(rows, layer, {})
    >>> [(r["speaker"], r["speaker_source"]) for r in rows]
    [('Sergei Lavrov', 'name'), ('unresolved', 'unresolved')]
    """
    naming = _Naming(layer, nouns, _Memory())
    for row in rows:
        naming.memory.read(row, layer)
        was = row["speaker"]
        for rule in RULES:
            if rule(row, naming):
                break
        _remember_renamed(row, was, naming)
    _country_as_its_body(rows)
    _lede_description_named_next(rows, layer, nouns)


def _remember_renamed(row: dict, was: str, naming: _Naming) -> None:
    """Remember the person or body of the layer a name or description ``was`` was named (for
    the pronouns the rules resolved to those words: :func:`_pronoun_of_a_named_speaker`)."""
    if row["speaker_source"] not in ("name", "description") or row["speaker"] == was:
        return
    if (
        row["speaker_kind"] in ("person", "organisation")
        and row["speaker"] in naming.layer.entities
    ):
        naming.memory.renamed[was.lower()] = (row["speaker"], row["speaker_kind"])


def _country_as_its_body(rows: list[dict]) -> None:
    """Credit the words an article gives a country ("Russia said", "Beijing said") to the one
    body of that country it credits before, or quotes in its own words anywhere ("Foreign
    Ministry (Russia)", "Embassy (China)"): the article's shorthand for the body that speaks for
    it, one voice. Nothing changes when the article credits no such body of that country, or
    two ("Foreign Ministry (China)" and "Defence Ministry (China)": which one is not said), nor
    for "the Chinese government" (the government as a whole).

    >>> rows = [{"speaker": "Russia", "speaker_kind": "country", "speaker_text": "Russia",
    ...          "kind": "direct"},
    ...         {"speaker": "Embassy (Russia)", "speaker_kind": "organisation",
    ...          "speaker_text": "the Russian embassy", "kind": "paraphrase"},
    ...         {"speaker": "Russia", "speaker_kind": "country", "speaker_text": "Moscow",
    ...          "kind": "direct"},
    ...         {"speaker": "China", "speaker_kind": "country", "speaker_text": "Beijing",
    ...          "kind": "direct"}]
    >>> _country_as_its_body(rows)
    >>> [r["speaker"] for r in rows]
    ['Russia', 'Embassy (Russia)', 'Embassy (Russia)', 'China']
    """
    bodies: dict[str, set[str]] = {}  # country -> its bodies credited so far, or quoted
    for row in rows:
        if _body_of_country(row) and row.get("kind") != "paraphrase":
            bodies.setdefault(_body_of_country(row), set()).add(row["speaker"])
    for row in rows:
        country = _body_of_country(row)
        if country:
            bodies.setdefault(country, set()).add(row["speaker"])
            continue
        own = bodies.get(row["speaker"])
        if (
            row["speaker_kind"] == "country"
            and own is not None
            and len(own) == 1
            and "government" not in row["speaker_text"].lower()
        ):
            row["speaker"], row["speaker_kind"] = next(iter(own)), "organisation"


def _body_of_country(row: dict) -> str:
    """The country of a row's speaker when it is a body named after it ("Foreign Ministry
    (Russia)" -> "Russia"), else ""."""
    key = row["speaker"]
    if row["speaker_kind"] != "organisation" or not key.endswith(")") or " (" not in key:
        return ""
    return key.rsplit(" (", 1)[1][:-1]


_LEDE = 1  # the paragraphs of the lede: the first two of the body (ids 0 and 1)


def _lede_description_named_next(
    rows: list[dict], layer: Entities, nouns: Mapping[str, str]
) -> None:
    """The news lede's delayed identification: a description of a person that opens the
    article's speakers in its first paragraphs ("The founder of the now-defunct Apple Daily
    tabloid said ..." / "Lai said ..."; "Russia's ambassador to the United Kingdom warned ..."
    / "..., Alexander Yakovenko said") and that no rule resolved is the first person of the
    entity layer credited in the next paragraph (a person, or a single name of unknown kind
    credited as a person: "Lai said"), and so are the pronouns the rules resolved to that
    description ("She also called for ..."). A generic role ("an official", "a source") or
    a description after someone already spoke stays as written.

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["The founder of the tabloid said no.", "Jimmy Lai said it."])
    >>> rows = [{"paragraph_id": 0, "speaker": "The founder of the tabloid",
    ...          "speaker_text": "The founder of the tabloid", "speaker_kind": "person"},
    ...         {"paragraph_id": 1, "speaker": "Jimmy Lai", "speaker_text": "Jimmy Lai",
    ...          "speaker_kind": "person"}]
    >>> _lede_description_named_next(rows, layer, {"founder": "person"})
    >>> rows[0]["speaker"]
    'Jimmy Lai'
    """
    named_in = _people_named_in(rows, layer)  # paragraph -> heap of the rows naming a person
    pronouns: dict[str, list[int]] = {}  # words -> the pronoun rows resolved to them, in order
    for k, row in enumerate(rows):
        if row.get("speaker_source") in ("pronoun", "continuation"):
            pronouns.setdefault(row["speaker"], []).append(k)
    for k, row in enumerate(rows):
        p = row["paragraph_id"]
        if p > _LEDE:
            return
        if row["speaker_kind"] == "person" and row["speaker"] in layer.entities:
            return  # someone spoke before: a later description is no lede's
        if p < 0 or row["speaker"] != row["speaker_text"] or not _lede_person(row, nouns):
            continue
        first = _first_after(named_in.get(p + 1, []), k)
        if first is None:
            continue
        was, named = row["speaker"], rows[first]["speaker"]
        row["speaker"] = named
        later = pronouns.get(was, [])
        start = bisect_right(later, k)
        for j in later[start:]:  # "She added" that the rules took for the description
            rows[j]["speaker"] = named
            if rows[j]["speaker_kind"] == "person" and rows[j]["paragraph_id"] in named_in:
                heapq.heappush(named_in[rows[j]["paragraph_id"]], j)  # now names that person
        del later[start:]


def _people_named_in(rows: list[dict], layer: Entities) -> dict[int, list[int]]:
    """The rows (indices, as a heap) that credit a person of the entity layer (or a single name
    of unknown kind credited as a person) in each paragraph after a lede paragraph."""
    named_in: dict[int, list[int]] = {q: [] for q in range(1, _LEDE + 2)}
    for j, r in enumerate(rows):
        if (
            r["paragraph_id"] in named_in
            and r["speaker_kind"] == "person"
            and r["speaker"] in layer.entities
            and layer.entities[r["speaker"]].kind in ("person", "")
        ):
            named_in[r["paragraph_id"]].append(j)  # in order: already a heap
    return named_in


def _first_after(heap: list[int], k: int) -> int | None:
    """The least row index after ``k`` in ``heap``, dropping those up to ``k`` (asked for in
    reading order, so never wanted again); None when there is none.

    >>> _first_after([2, 5, 9], 4), _first_after([9], 9)
    (5, None)
    """
    while heap and heap[0] <= k:
        heapq.heappop(heap)
    return heap[0] if heap else None


def _lede_person(row: dict, nouns: Mapping[str, str]) -> bool:
    """True for a definite or possessive description of one person by a person noun of the
    speaker table that is no generic role ("The founder of ...", "Russia's ambassador to ...")."""
    words = row["speaker_text"].split()
    if len(words) < 2 or row["speaker_kind"] != "person":
        return False
    if words[0].lower() != "the" and not re.search(r"\w['\u2019]s$", words[0]):
        return False
    for k, w in enumerate(words[1:], 1):  # the head: the last word before a complement
        if w.lower() in ("of", "to", "for", "at", "in", "from", "with", "on"):
            words = words[:k]
            break
    head = lemmatize(words[-1].lower())
    return nouns.get(head) == "person" and head not in GENERIC_PEOPLE
