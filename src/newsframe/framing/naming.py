"""Naming choices: which of the competing names for one thing an article uses, and where first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from newsframe.actors import AliasOwners, lowercase_pattern
from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import Document, analyse_corpus
from newsframe.framing._units import document_units, phrase_regex
from newsframe.framing.attribution import unit_quotes
from newsframe.framing.quotes import inside
from newsframe.lexicons import Concept, Variant, load_naming_concepts
from newsframe.resources import Resources, resolve_resources
from newsframe.text import normalise

__all__ = [
    "Concept",
    "Variant",
    "alias_overlaps",
    "load_naming_concepts",
    "naming_evidence",
    "naming_variants",
    "restore_naming_zeros",
]

VARIANT_COLUMNS = [
    "article_id",
    "concept",
    "variant",
    "usage",
    "count",
    "in_quotes",
    "in_headline",
    "first_used",
    "first_sentence_id",
]
EVIDENCE_COLUMNS = [
    "article_id",
    "concept",
    "variant",
    "usage",
    "part",
    "paragraph_id",
    "sentence_id",
    "matched",
    "in_quote",
    "sentence",
]


def _concepts(concepts, resources: Resources) -> tuple[Concept, ...]:
    """Concepts from ``None`` (the resources' table), a path to a TOML file, or Concept objects."""
    if concepts is None:
        return resources.naming_concepts
    if isinstance(concepts, (str, Path)):
        return load_naming_concepts(concepts)
    return tuple(concepts)


@lru_cache(maxsize=64)
def _matcher(concept: Concept) -> tuple[re.Pattern[str], AliasOwners]:
    owner = AliasOwners()  # keyed as the normalised text a match is found in
    for variant in concept.variants:
        for alias in variant.aliases:
            owner.setdefault(" ".join(normalise(alias).lower().split()), variant)
    return phrase_regex(owner), owner


@lru_cache(maxsize=64)
def _ascii_matcher(concept: Concept) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """The :func:`_matcher` regex for lowercased ASCII text (same matches, found faster; see
    :func:`newsframe.actors.lowercase_pattern`) and each alias's longest word (a text without
    any of them holds no match), or None when the aliases do not allow it."""
    phrases = {normalise(p).strip() for p in _matcher(concept)[1] if p.strip()}  # phrase_regex's
    pattern = lowercase_pattern(sorted(phrases, key=lambda p: (-len(p), p)), any_space=True)
    if pattern is None:
        return None
    return pattern, tuple(sorted({max(p.split(" "), key=len) for p in phrases}))


def naming_evidence(
    corpus: Corpus | Iterable[Article] | Article,
    concepts: Iterable[Concept] | str | Path | None = None,
    *,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return every name found, one row per match, with the sentence it is in.

    Columns: ``article_id, concept, variant, usage, part, paragraph_id, sentence_id, matched,
    in_quote, sentence`` in reading order (headline first, ``paragraph_id == sentence_id == -1``).
    ``in_quote`` is True when the name is inside a direct quotation (the speaker's word, not the
    outlet's). Aliases are matched case-insensitively on word boundaries; the longest wins.

    >>> from newsframe import Article
    >>> islands = Concept("disputed_islands", "", (
    ...     Variant("Kuril Islands", "Russian", ("Kuril Islands",)),
    ...     Variant("Kurils", "Russian", ("Kurils",)),
    ...     Variant("Northern Territories", "Japanese", ("Northern Territories",))))
    >>> a = Article("a", "Kurils row", ("Japan calls them the Northern Territories.",))
    >>> naming_evidence([a], [islands])[["variant", "part", "matched"]].values.tolist()
    [['Kurils', 'headline', 'Kurils'], ['Northern Territories', 'lede', 'Northern Territories']]
    """
    res = resolve_resources(resources, corpus)
    docs = analyse_corpus(corpus, resources=res)
    return pd.DataFrame(_evidence(docs, _concepts(concepts, res)), columns=EVIDENCE_COLUMNS)


def _evidence(docs: list[Document], concepts: tuple[Concept, ...]) -> list[tuple]:
    """Rows of :func:`naming_evidence`: every concept's regex over every unit, once."""
    matchers = [(order, c, *_matcher(c), _ascii_matcher(c)) for order, c in enumerate(concepts)]
    rows = []
    for doc in docs:
        parts = document_units(doc)
        lowers = [unit.text.lower() if unit.text.isascii() else None for unit in parts]
        # a concept none of whose words is in any ASCII unit (joined: no word holds a newline)
        # has no match in one: such units try only the others, and only for the words found
        joined = "\n".join(lower for lower in lowers if lower is not None)
        present = []
        for order, concept, pattern, owner, fast in matchers:
            if fast is not None:
                words = [w for w in fast[1] if w in joined]
                if not words:
                    continue
                fast = (fast[0], words)
            present.append((order, concept, pattern, owner, fast))
        for unit, lower in zip(parts, lowers, strict=True):
            text = unit.text
            found = []
            for order, concept, pattern, owner, fast in matchers if lower is None else present:
                if fast is not None and lower is not None:
                    pattern, words = fast
                    if not any(word in lower for word in words):
                        continue
                    spans = [m.span() for m in pattern.finditer(lower)]
                else:
                    spans = [m.span() for m in pattern.finditer(text)]
                for start, end in spans:
                    matched = text[start:end]
                    variant = owner.find(matched)
                    if variant is None:  # pragma: no cover - a match is always some alias's
                        continue
                    found.append((start, order, concept.concept_id, variant, matched))
            if not found:
                continue
            quotes = unit_quotes(unit)  # found once per paragraph (attributions read them too)
            for start, _order, concept_id, variant, matched in sorted(found, key=lambda f: f[:2]):
                sentence_id = unit.sentence_at(start)
                rows.append(
                    (
                        doc.article_id,
                        concept_id,
                        variant.name,
                        variant.usage,
                        unit.part,
                        unit.paragraph_id,
                        sentence_id,
                        matched,
                        inside(quotes, start),
                        unit.sentence_text(sentence_id),
                    )
                )
    return rows


def naming_variants(
    corpus: Corpus | Iterable[Article] | Article,
    concepts: Iterable[Concept] | str | Path | None = None,
    *,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return per article, concept and variant how often the variant is used and whether first.

    Columns: ``article_id, concept, variant, usage, count, in_quotes, in_headline, first_used,
    first_sentence_id``. ``count`` covers the body,
    ``in_quotes`` how many of those were inside direct quotations, ``in_headline`` whether the
    headline uses it; ``first_used`` marks the variant the reader meets first for that concept
    (headline, then body); ``first_sentence_id`` is where it first appears in the body (-1 if only
    in the headline or never). Rows keep the article and concept-table order. Method: dictionary
    look-up of an editable concept table (the resources' ``naming_concepts``, shipped:
    ``data/naming_concepts.toml``), tallied in one pass over :func:`naming_evidence`.

    **Sparse: a row only where the variant appears** (in the body or the headline). An article
    and variant without a row is a zero (``count == in_quotes == 0``, not in the headline, not
    first, ``first_sentence_id == -1``): "never says Northern Territories" is the absence of
    its row. A row for every article × variant would not fit at scale (a story file of
    thousands of names over 100,000 articles); :func:`restore_naming_zeros` writes the zero
    rows back for the articles one needs. Sums and counts of articles using a variant are the
    same either way; shares of a concept's mentions per article need the zeros of the articles
    that name the concept (:func:`restore_naming_zeros` with ``named_only=True``).

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("The Kuril Islands, or Northern Territories. The Kurils.",))
    >>> islands = Concept("disputed_islands", "", (
    ...     Variant("Kuril Islands", "Russian", ("Kuril Islands",)),
    ...     Variant("Kurils", "Russian", ("Kurils",)),
    ...     Variant("Northern Territories", "Japanese", ("Northern Territories",))))
    >>> t = naming_variants([a], [islands])
    >>> t[["variant", "count", "first_used"]].values.tolist()
    [['Kuril Islands', 1, True], ['Kurils', 1, False], ['Northern Territories', 1, False]]
    """
    res = resolve_resources(resources, corpus)
    concepts = _concepts(concepts, res)
    docs = analyse_corpus(corpus, resources=res)
    # one pass: (article, concept) -> first variant; (article, concept, variant) -> tallies
    first: dict[tuple[str, str], str] = {}
    tally: dict[tuple[str, str, str], list] = {}  # [count, in_quotes, in_headline, first_sentence]
    for aid, concept_id, variant, _usage, part, _p, sentence_id, _m, in_quote, _s in _evidence(
        docs, concepts
    ):
        first.setdefault((aid, concept_id), variant)
        t = tally.setdefault((aid, concept_id, variant), [0, 0, False, -1])
        if part == "headline":
            t[2] = True
            continue
        t[0] += 1
        t[1] += bool(in_quote)
        if t[3] < 0:
            t[3] = int(sentence_id)
    rows = []
    for doc in docs:
        aid = doc.article_id
        for concept in concepts:
            first_variant = first.get((aid, concept.concept_id))
            if first_variant is None:
                continue  # the article never names the concept: no rows (sparse)
            for variant in concept.variants:
                found = tally.get((aid, concept.concept_id, variant.name))
                if found is None:
                    continue  # sparse: an absent row is a zero (restore_naming_zeros)
                count, quoted, headline, first_sentence = found
                rows.append(
                    (aid, concept.concept_id, variant.name, variant.usage, count, quoted,
                     headline, variant.name == first_variant, first_sentence)
                )  # fmt: skip
    return _typed(pd.DataFrame(rows, columns=VARIANT_COLUMNS))


_TYPES = {"count": "int64", "in_quotes": "int64", "in_headline": "bool", "first_used": "bool",
          "first_sentence_id": "int64"}  # fmt: skip
_ZERO = {"count": 0, "in_quotes": 0, "in_headline": False, "first_used": False,
         "first_sentence_id": -1}  # fmt: skip


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    return table.astype(_TYPES)


def restore_naming_zeros(
    table: pd.DataFrame,
    corpus: Corpus | Iterable[Article] | Article,
    concepts: Iterable[Concept] | str | Path | None = None,
    *,
    resources: Resources | None = None,
    named_only: bool = False,
) -> pd.DataFrame:
    """Return :func:`naming_variants`'s sparse ``table`` with a zero row for every article of
    ``corpus`` and variant that has none: one row per article × concept × variant.

    Articles keep the corpus's order, concepts and variants the concept table's (``concepts``,
    else the resources'; a variant found only in ``table`` comes after its concept's, a concept
    found only there after the others); rows of articles not in ``corpus`` are left out. A zero
    row has ``count == in_quotes == 0``, ``in_headline == first_used == False`` and
    ``first_sentence_id == -1``. With ``named_only``, zero rows are added only for the concepts
    an article names (the rows a share of the concept's mentions per article needs; their
    number grows with the names used, not with articles × variants). Without it the result is
    the table :func:`naming_variants` wrote before it was sparse.

    >>> from newsframe import Article
    >>> dam = Concept("dam", "", (Variant("dam", "neutral", ("the dam",)),
    ...                           Variant("wall", "critics", ("the wall",))))
    >>> docs = [Article("a", "", ("The dam held.",)), Article("b", "", ("Rain fell.",))]
    >>> t = naming_variants(docs, [dam])
    >>> t[["article_id", "variant", "count"]].values.tolist()
    [['a', 'dam', 1]]
    >>> restore_naming_zeros(t, docs, [dam])[["article_id", "variant", "count"]].values.tolist()
    [['a', 'dam', 1], ['a', 'wall', 0], ['b', 'dam', 0], ['b', 'wall', 0]]
    >>> len(restore_naming_zeros(t, docs, [dam], named_only=True))
    2
    """
    res = resolve_resources(resources, corpus)
    ids = [a.article_id for a in as_articles(corpus)]
    variants: dict[tuple[str, str], str] = {}  # (concept, variant) -> usage, in table order
    for concept in _concepts(concepts, res):
        for variant in concept.variants:
            variants.setdefault((concept.concept_id, variant.name), variant.usage)
    extra = table.drop_duplicates(["concept", "variant"])
    for concept_id, name, usage in zip(extra["concept"], extra["variant"], extra["usage"], strict=True):  # fmt: skip
        variants.setdefault((concept_id, name), usage)
    order = {c: n for n, c in enumerate(dict.fromkeys(c for c, _ in variants))}
    items = sorted(variants.items(), key=lambda item: order[item[0][0]])  # stable: by concept
    if named_only:
        named = set(zip(table["article_id"], table["concept"], strict=True))
        keys = [(aid, c, v, u) for aid in ids for (c, v), u in items if (aid, c) in named]
    else:
        keys = [(aid, c, v, u) for aid in ids for (c, v), u in items]
    grid = pd.DataFrame(keys, columns=["article_id", "concept", "variant", "usage"])
    found = table.drop(columns="usage").drop_duplicates(["article_id", "concept", "variant"])
    out = grid.merge(found, on=["article_id", "concept", "variant"], how="left")
    return _typed(out.fillna(_ZERO).infer_objects()[VARIANT_COLUMNS])


OVERLAP_COLUMNS = ["concept", "variant", "alias", "inside", "inside_kind", "inside_of"]


def alias_overlaps(concepts: Iterable[Concept], actors: Iterable = ()) -> pd.DataFrame:
    """Return each naming alias found, as whole words, inside another concept's alias or inside an
    actor's alias: one row per (alias, longer name).

    Within one concept the longest alias wins, so ``blockade`` inside ``rail blockade`` is
    harmless; but an alias inside another concept's name or inside an actor's name (``union``
    inside ``Rail Freight Union``) is counted there too, and inflates the count of the outlets
    that name that actor. Columns: ``concept, variant, alias, inside`` (the longer name),
    ``inside_kind`` (``"naming alias"`` or ``"actor name"``), ``inside_of`` (its concept/variant
    or its actor). Case-insensitive; rows in the concepts' order.

    >>> from newsframe import Actor
    >>> measure = Concept("measure", "", (Variant("ban", "neutral", ("the ban", "ban")),
    ...                                   Variant("closure", "neutral", ("closure",))))
    >>> union = Actor("union", "Union", "organisation", ("Anti-Ban Alliance", "the union"))
    >>> alias_overlaps([measure], [union])[["alias", "inside", "inside_kind"]].values.tolist()
    [['ban', 'Anti-Ban Alliance', 'actor name']]
    """
    concepts = tuple(concepts)
    names = [(c.concept_id, v.name, a) for c in concepts for v in c.variants for a in v.aliases]
    rows = []
    for concept, variant, alias in names:
        pattern = re.compile(rf"(?<!\w){re.escape(alias.lower())}(?!\w)")
        for other_concept, other_variant, other in names:
            if (
                other_concept != concept
                and other.lower() != alias.lower()
                and pattern.search(other.lower())
            ):
                rows.append((concept, variant, alias, other, "naming alias",
                             f"{other_concept}/{other_variant}"))  # fmt: skip
        for actor in actors:
            for other in actor.aliases:
                if other.lower() != alias.lower() and pattern.search(other.lower()):
                    rows.append((concept, variant, alias, other, "actor name", actor.name))
    return pd.DataFrame(rows, columns=OVERLAP_COLUMNS).drop_duplicates(ignore_index=True)
