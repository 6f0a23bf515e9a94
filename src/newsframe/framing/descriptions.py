"""Which person of the article a description credited as speaker names.

A speaker the text names by a description ("the prime minister", "His lawyer, Mark Cohen",
"the country's President", "PM") is resolved to the canonical person of the article's entity
layer (:mod:`newsframe.entities`), so that one person is one speaker; when nothing fits, the
description stays as written. The steps follow the precise-first order of a coreference sieve
(Lee et al. 2013, "Deterministic coreference resolution based on entity-centric,
precision-ranked rules"): apposition, then a role seen before a name, then head match with
salience (the person named most) among the people named nearby, never guessing between two
equally likely ones.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping

from newsframe.entities import TITLES, Entities, role_qualifiers
from newsframe.framing.gender import word_gender
from newsframe.framing.speakers import GENERIC_PEOPLE, TOP_OFFICE
from newsframe.text import lemmatize

__all__ = ["compatible_person", "issued_by", "issuer_of", "office_holder", "person_described"]

_POSSESSORS = frozenset(["his", "her", "its", "their", "our"])
_DEFINITE = frozenset(["the"]) | _POSSESSORS
_COURTESY = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"])
_SHORT_TITLES = {"pm": "minister", "ceo": "executive"}  # an abbreviation's head word
_APPOSED = re.compile(r", ((?:[A-Z][\w'.-]+ ){0,3}[A-Z][\w'.-]+)(?=,| [a-z])")
#: The heads of an office one person holds, that a description names without the role seen
#: before ("the prime minister", "the soccer chief"); other roles ("the commander") need it.
_OFFICES = TOP_OFFICE | frozenset(["minister", "chief", "chairman", "chairwoman", "governor",
                                   "mayor", "secretary"])  # fmt: skip
#: A role noun and the titles of a name that hold it: "the judge" is "Mr Justice Lee" or
#: "Justice Ann Lee" (a court's judges go by "Justice" before their name).
_SAME_OFFICE = {"judge": ("justice",)}
_BACK = 3  # paragraphs before a description that the person it names is looked for in
_AGED = re.compile(r"\d{1,3}-year-old")  # an age as a noun: "the 42-year-old" is someone named


def person_described(
    row: dict, layer: Entities, nouns: Mapping[str, str], *, spoken: frozenset[str] = frozenset()
) -> str | None:
    """The person of the entity layer that a description credited as speaker names, or None
    (the speaker stays as written, "unresolved" in spirit: nothing fits).

    A description is a singular noun phrase headed by a person noun or title of the speaker
    table (``nouns``: "the prime minister", "His lawyer", "the 64-year-old president", "PM",
    "French President": a title with no name the layer knows as a person), its head the last
    word before a prepositional complement ("Russia's ambassador to the United Kingdom", "the
    chair of the BKA": :func:`_before_complement`); a determiner phrase
    after a comma is cut off what comes before ("the Commons, the prime minister"). In order:
    the person the rules' memory already resolved it to (the last one named with that role);
    the name in apposition right after it in the sentence ("His lawyer, Mark Cohen, said";
    "one of the lawyers, Byun Hwan, said"); the last person the article gave that role or title
    before a name (:meth:`~newsframe.entities.Entities.antecedent`); for an office one person
    holds (:data:`_OFFICES`) and for an epithet ("the", modifiers with a name or an age among
    them and a person noun: "the former Olympic footballer"), the last compatible person
    (:func:`compatible_person`; ``spoken``: the people quoted before). The entity words'
    person nouns (``layer.words.person_nouns``) head descriptions as ``nouns`` do. Someone's
    role ("His lawyer", "Ghosn's lawyer") and an indefinite description ("One of X's victims,
    Ann Lee, said") name only the person in apposition; a country's or an
    organisation's ("the country's President") is an office. A generic role ("an official", "a
    source", "the spokesman") never names one person.

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["Ann Lee met Tom Reed.", "Mrs Lee spoke.", "Talks went on."])
    >>> row = {"speaker_text": "the prime minister", "speaker_source": "description",
    ...        "speaker_kind": "person", "paragraph_id": 2, "sentence": "the prime minister said"}
    >>> person_described(row, layer, {"minister": "person"})
    'Ann Lee'
    >>> row = {"speaker_text": "His lawyer", "speaker_source": "name", "speaker_kind": "person",
    ...        "paragraph_id": 1, "sentence": "His lawyer, Mark Cohen, later said it."}
    >>> person_described(row, layer, {"lawyer": "person"})
    'Mark Cohen'
    >>> row.update(speaker_text="the spokesman", sentence="the spokesman said")
    >>> person_described(row, layer, {"spokesman": "person"}) is None
    True
    """
    text = row["speaker_text"]
    if row["speaker_source"] not in ("description", "name") or not text:
        return None
    if ", " in text:  # "the Commons, the prime minister": the phrase after the comma
        last = text.rsplit(", ", 1)[1]
        if last.split()[0].lower() not in _DEFINITE:
            return None
        row.update(speaker=last, speaker_text=last, speaker_source="description")
        text = last
    written = [
        w.lower().strip(".,'").removesuffix("\u2019s").removesuffix("'s") for w in text.split()
    ]
    words = _before_complement(written)
    named = _named_role(text.split(), nouns)
    if named:  # "the Match of the Day host": a name's "of", the head noun last
        words = written
    head = _SHORT_TITLES.get(words[-1], words[-1])
    aged = _AGED.fullmatch(head) is not None and words[0] == "the"  # "the 42-year-old"
    people = layer.words.person_nouns  # the entity words' person nouns head descriptions too
    if (
        not aged
        and nouns.get(head) != "person"
        and nouns.get(lemmatize(head)) != "person"
        and head not in people
    ):
        return None
    # an epithet: "the", modifiers with a name or an age among them, and a person noun ("the
    # former Olympic rower", "the 51-year-old Westvale chemistry teacher"): the person the
    # article is about, by salience, as "the Morning Desk host" (but "the former depot
    # supervisor" may be anyone)
    middle = text.split()[1:-1]
    epithet = (
        words[0] == "the"
        and len(words) > 2
        and text.split()[-1].islower()
        and any(w[:1].isupper() or _AGED.fullmatch(w) for w in middle)
    )
    if words[0] in ("a", "an", "one") and not text.lower().startswith("one of the "):
        # "a lawyer": someone, not the one the article named; but the person of the layer
        # named in apposition right after it ("One of X's victims, Ann Lee, told") is that one
        found = _APPOSED.match(row["sentence"], row["sentence"].find(text) + len(text))
        hit = layer.resolve(found.group(1)) if row["sentence"].find(text) >= 0 and found else None
        entity = layer.entities.get(hit) if hit is not None else None
        return hit if entity is not None and entity.kind == "person" else None
    if head in GENERIC_PEOPLE:
        return None
    if row.get("speaker", text).lower() != text.lower() and row["speaker_source"] == "description":
        # the rules resolved it to whom the text named last with that role ("The foreign
        # minister said" after "External Affairs Minister S Jaishankar"): that person
        known = layer.resolve(row["speaker"])
        entity = layer.entities.get(known) if known is not None else None
        return known if entity is not None and entity.kind == "person" else None
    possessed = re.search(r"\w['\u2019]s ", text) is not None  # "South Korea's embattled president"
    if words[0] not in _DEFINITE and words[0] != "one" and not possessed:
        # a bare title ("PM", "French President", "External Affairs Minister"); a name with a
        # title ("Judge Lee") is the layer's to resolve
        if not all(w in nouns or w in TITLES or w[:1].isupper() for w in text.split()):
            return None
        named = layer.resolve(text)
        entity = layer.entities.get(named) if named is not None else None
        if entity is not None and entity.kind == "person" and not _title_only(entity.name):
            return named  # the layer knows whom it names ("Judge Lee"; "President": its holder)
    found = _APPOSED.match(row["sentence"], row["sentence"].find(text) + len(text))
    if row["sentence"].find(text) >= 0 and found:
        name = found.group(1)
        hit = layer.resolve(name)
        if hit is not None and layer.entities.get(hit, None) is not None:
            return hit if layer.entities[hit].kind == "person" else None
        return name if " " in name else None
    if text.lower().startswith("one of the ") or words[0] in _POSSESSORS:
        return None  # "His lawyer": someone's, not the role's last holder
    owner = re.split(r"['\u2019]s ", text)
    if len(owner) > 1 and not _body(owner[0], layer, nouns):
        return None  # "Ghosn's lawyer": a person's (a country's president is an office)
    qualifiers = role_qualifiers(written)  # "the former deputy prime minister": that office
    hit = layer.antecedent(head, row["paragraph_id"], frozenset(["person"]), qualifiers=qualifiers)
    for title in _SAME_OFFICE.get(head, ()) if hit is None else ():
        hit = hit or layer.antecedent(
            title, row["paragraph_id"], frozenset(["person"]), qualifiers=qualifiers
        )
    if hit is not None and _title_only(layer.entities[hit].name):
        hit = None  # "French President" the layer took for a name names nobody
    # "the businesswoman": a role noun that says a gender names the salient person the article
    # calls so ("she"), when nobody holds the role; never one of the entity words' person
    # nouns, which may name someone the article never names ("the gunman", "the woman")
    gender = word_gender(head, layer.words) if words[0] == "the" and head not in people else ""
    if hit is None and (aged or named or epithet or gender) and len(words) == len(written):
        hit = compatible_person(
            layer,
            head,
            row["paragraph_id"],
            spoken=spoken,
            qualifiers=qualifiers,
            agree="" if aged or named or epithet else gender,
        )  # by salience
    if (
        hit is None
        and head in _OFFICES
        and len(words) == len(written)  # ("the head of Boeing": someone's office there)
        and (len(words) > 1 or words[0] in _SHORT_TITLES or text.islower())
    ):  # ("President" alone is a role; "PM" is two words; "president" lost its determiner)
        hit = compatible_person(
            layer, head, row["paragraph_id"], spoken=spoken, qualifiers=qualifiers
        )
    return hit


_COMPLEMENT = frozenset(["of", "to", "for", "at", "in", "from", "with", "on"])


def _named_role(words: list[str], nouns: Mapping[str, str]) -> bool:
    """True for "the", a name and a lowercase person noun ("the Match of the Day host", "the
    Tesla boss"): the role of one named show, team or body, held by one person, which names
    the person the article is about, as an office does (:func:`compatible_person`).

    >>> _named_role("the Match of the Day host".split(), {"host": "person"})
    True
    >>> _named_role("the chair of the BKA".split(), {"chair": "person"})
    False
    """
    if len(words) < 3 or words[0].lower() != "the" or not words[1][:1].isupper():
        return False
    head = words[-1]
    if not head.islower() or nouns.get(lemmatize(head), nouns.get(head)) != "person":
        return False
    return all(w[:1].isupper() or w in ("of", "the", "and", "&") for w in words[1:-1])


def _before_complement(words: list[str]) -> list[str]:
    """The words of a description up to its head, the prepositional complement after it cut
    off ("russia's ambassador to the united kingdom" -> "russia's ambassador"; "the chair of the
    bka" -> "the chair"); "one of the lawyers" keeps its words (the head is "lawyers").

    >>> _before_complement("the acting head of the executive".split())
    ['the', 'acting', 'head']
    >>> _before_complement("one of the lawyers".split())
    ['one', 'of', 'the', 'lawyers']
    """
    if words[:2] == ["one", "of"]:
        return words
    for k, w in enumerate(words[1:], 1):
        if w in _COMPLEMENT:
            return words[:k]
    return words


def office_holder(text: str, layer: Entities, nouns: Mapping[str, str]) -> str | None:
    """The one person of the layer whose role holds the modifiers of an office description
    ``text`` ("the PTI chief": "PTI Chairman Imran Khan", another word for the same office of the
    same body; the office words are :data:`_OFFICES`) and an office word, or None. A
    description with no modifier ("the chief"), or whose head is no office of the speaker
    nouns ``nouns``, names no one here.

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["PTI Chairman Imran Khan spoke.", "NAB Chairman Ann Lee left."])
    >>> nouns = {"chief": "person"}
    >>> office_holder("the PTI chief", layer, nouns), office_holder("the NAB chief", layer, nouns)
    ('Imran Khan', 'Ann Lee')
    >>> office_holder("the chief", layer, nouns) is None
    True
    """
    words = _before_complement(
        [w.lower().strip(".,'").removesuffix("\u2019s").removesuffix("'s") for w in text.split()]
    )
    if len(words) < 2 or words[-1] not in _OFFICES or nouns.get(words[-1]) != "person":
        return None
    modifiers = set(words[1:-1] if words[0] in _DEFINITE else words[:-1]) - _DETERMINERS
    if not modifiers:
        return None
    people = {
        e.entity_id
        for e in layer.entities.values()
        if e.kind == "person"
        and modifiers <= set(e.role.split())
        and _OFFICES & set(e.role.split())
        and not _title_only(e.name)
    }
    return people.pop() if len(people) == 1 else None


def compatible_person(
    layer: Entities,
    head: str,
    paragraph_id: int,
    *,
    later: bool = False,
    spoken: frozenset[str] = frozenset(),
    qualifiers: frozenset[str] = frozenset(),
    agree: str = "",
) -> str | None:
    """The person named most in the article among those named in paragraph ``paragraph_id``,
    the headline and the paragraphs before (:data:`_BACK`), whose role is none, a courtesy
    title or holds ``head`` (one whose role holds it first); between two named as often, the
    one who has spoken before (``spoken``: the speakers of the quotations so far, the more
    salient in the discourse); None when there is none or two are as likely. When nobody is
    named up to that paragraph, the people of the next one (``later``: the lede's delayed
    identification, "the city's embattled mayor apologized ... / ... Hale said"), and
    when nobody named so far holds the role, the one of the next paragraph who does. A role
    with a qualifier the description lacks (``qualifiers``: "deputy", "former" ...,
    :func:`~newsframe.entities.holds_office`) is another office: "the prime minister" is never
    the former deputy prime minister. With ``agree`` ("he" or "she"), only the people the
    article calls so (:func:`_known_gender`).

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["President Ann Lee met Tom Reed.", "Tom Reed left.", "Ann Lee spoke."])
    >>> compatible_person(layer, "leader", 2), compatible_person(layer, "minister", 2)
    ('Ann Lee', 'Tom Reed')
    >>> layer = find_entities(["Mrs Ann Lee met Mr Tom Reed.", "Ann Lee and Tom Reed left."])
    >>> compatible_person(layer, "minister", 1) is None
    True
    >>> compatible_person(layer, "minister", 1, spoken=frozenset(["Ann Lee"]))
    'Ann Lee'
    >>> layer = find_entities(["Tom Reed was hurt.", "Sheriff Ann Lee spoke."])
    >>> compatible_person(layer, "sheriff", 0)
    'Ann Lee'
    >>> layer = find_entities(["Prime Minister Ann Lee met Tom Reed.",
    ...                        "Former deputy prime minister Tom Reed left.", "Reed spoke."])
    >>> compatible_person(layer, "minister", 2)
    'Ann Lee'
    """
    people = _people(layer)  # (paragraph, start, entity id, role words), in reading order
    count: dict[str, int] = {}
    for _, _, entity_id, _ in people:
        count[entity_id] = count.get(entity_id, 0) + 1
    last: dict[str, tuple[int, int]] = {}
    fits: dict[str, bool] = {}  # the role says so ("the leader": President X), not only no role
    lo = bisect_left(people, (paragraph_id - _BACK,))
    hi = bisect_left(people, (paragraph_id + 1,))
    headline = bisect_left(people, (0,))  # the headline's mentions come first (paragraph -1)
    for paragraph, start, entity_id, role in (*people[:headline], *people[max(lo, headline) : hi]):
        if agree and _known_gender(layer, entity_id) != agree:
            continue  # "the businesswoman": a woman the article calls "she"
        other = not role_qualifiers(role) <= qualifiers  # "deputy prime minister": another office
        office = head in TOP_OFFICE and bool(role & TOP_OFFICE) and not other  # President X
        holds = _holds(head, role) and not other
        plain = {w for w in role if not w.endswith(".")} <= _COURTESY
        if plain or holds or office or (agree and not role & _OFFICES):
            # (with a gender to agree, any role but an office: "Campaigner Ann Lee" may be
            # "the businesswoman", "President Ann Lee" is "the president")
            last[entity_id] = (paragraph, start)
            fits[entity_id] = holds or office

    def named_next() -> str | None:  # the news lede names the person after the description
        return compatible_person(
            layer, head, paragraph_id + 1, later=True, spoken=spoken, qualifiers=qualifiers,
            agree=agree,
        )  # fmt: skip

    if not last and not later:
        return named_next()
    if not last:
        return None
    if not later and not any(fits.values()):
        # nobody named so far holds the role, the next paragraph may ("..., the county sheriff
        # said. / Sheriff Ann Lee told ..."): the lede's delayed identification again
        ahead = named_next()
        if ahead is not None and any(
            entity_id == ahead and _holds(head, role) for _, _, entity_id, role in people
        ):
            return ahead
    rank = {k: (fits[k], count[k], k in spoken) for k in last}
    ranked = sorted(last, key=lambda k: (*rank[k], last[k]), reverse=True)
    top = [rank[k] for k in ranked[:2]]
    if len(top) > 1 and top[0] == top[1]:
        return None  # two people as likely: nothing says which
    return ranked[0]


def _known_gender(layer: Entities, entity_id: str) -> str:
    """ "he" or "she" for a person of ``layer`` whom the article calls so: the genders the
    rules' pronoun resolution worked out and kept on the layer
    (:func:`~newsframe.framing.gender.article_genders`), else a gendered word of the
    person's role ("Mrs", "actress"); "" when nothing says."""
    known = layer.__dict__.get("_genders")
    if known is not None and entity_id in known:
        return known[entity_id]
    entity = layer.entities.get(entity_id)
    said = {word_gender(w, layer.words) for w in entity.role.split()} if entity else set()
    said.discard("")
    return said.pop() if len(said) == 1 else ""


def _holds(head: str, role: frozenset[str]) -> bool:
    """True when a role (its words, an abbreviation also with its full stop: "gov.") holds the
    head noun ``head``: the word itself, or an abbreviation written with a full stop that
    begins it ("Gov." for "governor", "Sen." for "senator"; three letters or more).

    >>> _holds("governor", frozenset(["gov", "gov."])), _holds("governor", frozenset(["go."]))
    (True, False)
    """
    return head in role or any(
        w.endswith(".") and len(w) > 3 and head.startswith(w[:-1]) for w in role
    )


def _people(layer: Entities) -> list[tuple[int, int, str, frozenset[str]]]:
    """The person mentions of ``layer`` in reading order, with their entity's role words, an
    abbreviation both with and without its full stop ("gov." and "gov"; computed once per
    layer)."""
    hit = layer.__dict__.get("_person_mentions")
    if hit is None:
        hit = []
        for m in layer.mentions:
            e = layer.entities.get(m.entity_id)
            if e is not None and e.kind == "person" and not _title_only(e.name):
                words = e.role.split()
                role = frozenset([*(w.replace(".", "") for w in words), *words])
                hit.append((m.paragraph_id, m.start, m.entity_id, role))
        hit.sort(key=lambda x: x[:2])
        layer.__dict__["_person_mentions"] = hit
    return hit


def _title_only(name: str) -> bool:
    """True for a name whose last word is a title ("French President"): no person's name."""
    return name.lower().split()[-1] in TITLES


def _body(words: str, layer: Entities, nouns: Mapping[str, str]) -> bool:
    """True when ``words`` name a country or an organisation ("South Korea", "the country",
    "the company"), whose roles are offices rather than someone's relations."""
    head = words.split()[-1].lower()
    if nouns.get(head) == "organisation" or head in ("country", "nation"):
        return True
    hit = layer.resolve(words)
    entity = layer.entities.get(hit) if hit is not None else None
    return entity is not None and entity.kind in ("country", "organisation")


_DETERMINERS = frozenset(["the", "this", "that", "a", "an"])


_ISSUED = re.compile(
    r"\b((?:[A-Z][\w&'.\u2019-]*\s){1,5}?)(?:on \w+\s)?(?:issued|released|published|put out)"
    r"\s(?:a|an|its|the)\s((?:[\w-]+\s){0,3}[\w-]+)"
)


def issued_by(sentence: str, head: str, layer: Entities) -> str | None:
    """The entity that the sentence says issued the document credited as speaker ("The Adani
    Group on Sunday issued a detailed statement ... and said": the group, not the statement);
    None when the sentence names no issuer of a document with that head noun (``head``,
    lowercase) or the layer knows none.

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["The Adani Group issued a detailed statement and said so."],
    ...                       organisation_nouns=["group"])
    >>> issued_by("The Adani Group on Sunday issued a detailed statement and said so.",
    ...           "statement", layer)
    'Adani Group'
    >>> issued_by("The report said so.", "report", layer) is None
    True
    """
    for found in _ISSUED.finditer(sentence):
        if head not in found.group(2).lower().split():
            continue
        hit = layer.resolve(found.group(1).strip())
        entity = layer.entities.get(hit) if hit is not None else None
        if entity is not None and entity.kind in ("organisation", "country", "person"):
            return hit
    return None


def issuer_of(
    text: str,
    paragraph_id: int,
    layer: Entities,
    nouns: Mapping[str, str],
    *,
    sentence: str = "",
) -> str | None:
    """The entity that issued a document named as speaker with its issuer before the head
    ("the MEA statement", "a Chinese embassy statement", "a foreign ministry statement",
    "Adani's statement"): the layer's entity (a person, an organisation or a country) for the
    words between the determiner and the document noun, a possessive's mark dropped (a name,
    or a body's head the layer resolves to the last body with that head); None when there are
    no such words or the layer knows none (the document stays as written: "a joint
    statement"). A document after a possessive pronoun ("its last week's report") is that of
    the last name before it in ``sentence`` ("Hindenburg stood by its last week's report").

    A statement's speaker is the one who issued it (the speaker table's ``document`` kind).

    >>> from newsframe.entities import find_entities
    >>> layer = find_entities(["The Ministry of External Affairs (MEA) spoke.", "Ann Lee left."])
    >>> issuer_of("the MEA statement", 1, layer, {"statement": "document"})
    'Ministry of External Affairs'
    >>> nouns = {"statement": "document", "ministry": "organisation"}
    >>> issuer_of("a foreign ministry statement", 1, layer, nouns)
    'Ministry of External Affairs'
    >>> issuer_of("Ann Lee's statement", 1, layer, nouns)
    'Ann Lee'
    >>> issuer_of("a joint statement", 1, layer, nouns) is None
    True
    >>> issuer_of("the statement", 1, layer, {"statement": "document"}) is None
    True
    >>> issuer_of("its report", 1, layer, {"report": "document"},
    ...           sentence="Ann Lee stood by its report.")
    'Ann Lee'
    """
    words = text.split()
    if len(words) < 2 or nouns.get(lemmatize(words[-1].lower())) != "document":
        return None
    if words[0].lower() in _POSSESSORS:  # "its report": the last name before it
        before = sentence[: max(sentence.find(text), 0)]
        names = re.findall(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)*", before)
        hit = layer.resolve(names[-1]) if names else None
        return hit if hit is not None and hit in layer.entities else None
    modifiers = words[1:-1] if words[0].lower() in _DETERMINERS else words[:-1]
    if not modifiers:
        return None
    issuer = re.sub(r"['\u2019]s?$", "", " ".join(modifiers))  # "the ministry's statement"
    hit = layer.resolve(issuer) if issuer else None
    if hit is None and nouns.get(issuer.split()[-1].lower() if issuer else "") == "organisation":
        hit = layer.antecedent(
            issuer.split()[-1].lower(), paragraph_id, frozenset(["organisation", "country"])
        )
    entity = layer.entities.get(hit) if hit is not None else None
    if entity is None or entity.kind not in ("organisation", "country", "person"):
        return None
    return hit
