"""Naming choices: which of the competing names for one thing an article uses, and where first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.errors import InputError
from newsframe.framing._units import as_articles, phrase_regex, units
from newsframe.framing.quotes import inside, top_level_quotes
from newsframe.resources import read_toml

__all__ = ["Concept", "Variant", "load_naming_concepts", "naming_evidence", "naming_variants"]

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


@dataclass(frozen=True)
class Variant:
    """One name for a concept: display name, whose usage it is, and the aliases that count."""

    name: str
    usage: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """A thing with competing names (e.g. the disputed islands) and its variants, in order."""

    concept_id: str
    description: str
    variants: tuple[Variant, ...]


def load_naming_concepts(path: str | Path | None = None) -> tuple[Concept, ...]:
    """Return the naming concepts in ``path`` (TOML) or the shipped ``data/naming_concepts.toml``.

    >>> [c.concept_id for c in load_naming_concepts()][:2]
    ['disputed_islands', 'iturup']
    >>> [v.name for v in load_naming_concepts()[1].variants]
    ['Iturup', 'Etorofu']
    """
    table, source = read_toml(path, "naming_concepts.toml")
    try:
        concepts = []
        for key, value in table["concept"].items():
            variants = tuple(
                Variant(str(v["name"]), str(v.get("usage", "")), tuple(map(str, v["aliases"])))
                for v in value["variant"]
            )
            if not variants or any(not v.aliases for v in variants):
                raise ValueError(f"concept {key!r} needs variants with at least one alias each")
            concepts.append(Concept(key, str(value.get("description", "")), variants))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(source, f"invalid naming concept table: {exc!r}") from None
    return tuple(concepts)


def _concepts(concepts) -> tuple[Concept, ...]:
    """Concepts from ``None`` (the shipped table), a path to a TOML file, or Concept objects."""
    if concepts is None or isinstance(concepts, (str, Path)):
        return load_naming_concepts(concepts)
    return tuple(concepts)


def _matcher(concept: Concept) -> tuple[re.Pattern[str], dict[str, Variant]]:
    owner: dict[str, Variant] = {}
    for variant in concept.variants:
        for alias in variant.aliases:
            owner.setdefault(" ".join(alias.lower().split()), variant)
    return phrase_regex(owner), owner


def naming_evidence(
    corpus: Corpus | Iterable[Article], concepts: Iterable[Concept] | str | Path | None = None
) -> pd.DataFrame:
    """Return every name found, one row per match, with the sentence it is in.

    Columns: ``article_id, concept, variant, usage, part, paragraph_id, sentence_id, matched,
    in_quote, sentence`` in reading order (headline first, ``paragraph_id == sentence_id == -1``).
    ``in_quote`` is True when the name is inside a direct quotation (the speaker's word, not the
    outlet's). Aliases are matched case-insensitively on word boundaries; the longest wins.

    >>> from newsframe import Article
    >>> a = Article("a", "Kurils row", ("Japan calls them the Northern Territories.",))
    >>> naming_evidence([a])[["variant", "part", "matched"]].values.tolist()
    [['Kurils', 'headline', 'Kurils'], ['Northern Territories', 'lede', 'Northern Territories']]
    """
    concepts = _concepts(concepts)
    matchers = [(c, *_matcher(c)) for c in concepts]
    rows = []
    for article in as_articles(corpus):
        for unit in units(article):
            quotes = top_level_quotes(unit.text)
            found = []
            for order, (concept, pattern, owner) in enumerate(matchers):
                for m in pattern.finditer(unit.text):
                    variant = owner[" ".join(m.group(0).lower().split())]
                    found.append((m.start(), order, concept.concept_id, variant, m.group(0)))
            for start, _order, concept_id, variant, matched in sorted(found, key=lambda f: f[:2]):
                sentence_id = unit.sentence_at(start)
                rows.append(
                    (
                        article.article_id,
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
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def naming_variants(
    corpus: Corpus | Iterable[Article], concepts: Iterable[Concept] | str | Path | None = None
) -> pd.DataFrame:
    """Return per article, concept and variant how often the variant is used and whether first.

    Columns: ``article_id, concept, variant, usage, count, in_quotes, in_headline, first_used,
    first_sentence_id``. Every variant of every concept gets a row (count 0 when unused), so
    "never says Northern Territories" is an explicit zero. ``count`` covers the body,
    ``in_quotes`` how many of those were inside direct quotations, ``in_headline`` whether the
    headline uses it; ``first_used`` marks the variant the reader meets first for that concept
    (headline, then body); ``first_sentence_id`` is where it first appears in the body (-1 if only
    in the headline or never). Rows keep the article and concept-table order. Method: dictionary
    look-up of an editable concept table (``data/naming_concepts.toml``).

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("The Kuril Islands, or Northern Territories. The Kurils.",))
    >>> t = naming_variants([a])
    >>> t[(t.concept == "disputed_islands") & (t["count"] > 0)][["variant", "count", "first_used"]].values.tolist()
    [['Kuril Islands', 1, True], ['Kurils', 1, False], ['Northern Territories', 1, False]]
    """
    concepts = _concepts(concepts)
    articles = as_articles(corpus)
    evidence = naming_evidence(articles, concepts)
    rows = []
    for article in articles:
        found = evidence[evidence["article_id"] == article.article_id]
        for concept in concepts:
            hits = found[found["concept"] == concept.concept_id]
            first = hits["variant"].iloc[0] if len(hits) else None
            for variant in concept.variants:
                mine = hits[hits["variant"] == variant.name]
                body = mine[mine["part"] != "headline"]
                rows.append(
                    (
                        article.article_id,
                        concept.concept_id,
                        variant.name,
                        variant.usage,
                        len(body),
                        int(body["in_quote"].sum()),
                        bool((mine["part"] == "headline").any()),
                        variant.name == first,
                        int(body["sentence_id"].iloc[0]) if len(body) else -1,
                    )
                )
    return pd.DataFrame(rows, columns=VARIANT_COLUMNS)
