"""Distancing marks: scare quotes, "so-called" and hedges such as "reportedly"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.errors import InputError
from newsframe.framing._units import as_articles, phrase_regex, units
from newsframe.framing.attribution import UnitText, article_attributions
from newsframe.framing.quotes import QuoteIndex, inside, top_level_quotes
from newsframe.resources import Resources, read_toml, resolve_resources

__all__ = ["DistancingLexicon", "distancing_marks", "load_distancing"]

COLUMNS = [
    "article_id",
    "part",
    "paragraph_id",
    "sentence_id",
    "kind",
    "text",
    "speaker",
    "inside_quote",
    "sentence",
]


@dataclass(frozen=True)
class DistancingLexicon:
    """Distancing phrases by kind (``so_called``, ``hedge``, or your own)."""

    kinds: dict[str, tuple[str, ...]]


def load_distancing(path: str | Path | None = None) -> DistancingLexicon:
    """Return the distancing lexicon in ``path`` (TOML) or ``data/distancing.toml``.

    >>> lex = load_distancing()
    >>> "so-called" in lex.kinds["so_called"], "reportedly" in lex.kinds["hedge"]
    (True, True)
    """
    table, source = read_toml(path, "distancing.toml")
    try:
        kinds = {k: tuple(map(str, v["phrases"])) for k, v in table["kind"].items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(source, f"invalid distancing lexicon: {exc!r}") from None
    return DistancingLexicon(kinds)


def distancing_marks(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    lexicon: DistancingLexicon | str | Path | None = None,
    max_words: int = 6,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return every distancing mark: scare quotes, "so-called" labels and hedges.

    Columns: ``article_id, part, paragraph_id, sentence_id, kind, text, speaker, inside_quote,
    sentence``, in reading order (headline first, ``paragraph_id == sentence_id == -1``).
    ``kind="scare_quote"``: a quoted phrase of at most ``max_words`` words set inside the
    reporter's own sentence (not opening it, not after a colon), such as the headline's
    'No Territorial Conflicts with Japan'. Quoting a short phrase marks it as someone else's
    words and so keeps the outlet's distance from them (Predelli 2003; Gutzmann & Stei 2011)
    whether or not it is attributed; ``speaker`` names the attributed speaker (actor id or name)
    or is empty for a true scare quote. Other kinds come from the lexicon
    (``data/distancing.toml``: ``so_called``, ``hedge``) matched on word boundaries;
    ``inside_quote`` is True when the mark is inside a quotation (the speaker's distance, not the
    outlet's). Quotations nested inside other quotations are left out.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("The so-called 'peace plan' was reportedly ready.",))
    >>> distancing_marks([a])[["kind", "text"]].values.tolist()
    [['so_called', 'so-called'], ['scare_quote', 'peace plan'], ['hedge', 'reportedly']]
    """
    res = resolve_resources(resources, corpus)
    lexicon = load_distancing(lexicon) if isinstance(lexicon, (str, Path)) else lexicon
    lexicon = lexicon or res.distancing
    verbs = res.reporting_verbs
    patterns = {kind: phrase_regex(phrases) for kind, phrases in lexicon.kinds.items()}
    rows = []
    for article in as_articles(corpus):
        speakers = {
            (r["paragraph_id"], r["quote"]): r["speaker"]
            for r in article_attributions(article, verbs, res.actors, res)
            if r["kind"] != "paraphrase" and r["speaker"] != "unresolved"
        }
        for unit in units(article, resources=res):
            quotes = top_level_quotes(unit.text)
            index, text = QuoteIndex(quotes), UnitText(unit)
            found = []
            for q in quotes:
                # a scare quote sits inside the reporter's sentence (words before it, no colon)
                if q.words <= max_words and text.kind(q) == "partial":
                    speaker = speakers.get((unit.paragraph_id, q.text), "")
                    found.append((q.start, "scare_quote", q.text, speaker, False))
            for kind, pattern in patterns.items():
                for m in pattern.finditer(unit.text):
                    found.append((m.start(), kind, m.group(0), "", inside(index, m.start())))
            for start, kind, mark, speaker, quoted in sorted(found, key=lambda f: f[:2]):
                sentence_id = text.sentences.at(start)
                row = (article.article_id, unit.part, unit.paragraph_id, sentence_id, kind, mark)
                rows.append((*row, speaker, quoted, text.sentence_text(sentence_id, sentence_id)))
    return pd.DataFrame(rows, columns=COLUMNS)
