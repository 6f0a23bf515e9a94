"""Distancing marks: scare quotes, "so-called" and hedges such as "reportedly"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.framing._units import as_articles, phrase_regex, units
from newsframe.framing.attribution import (
    NOUN_SLOT_WORDS,
    UnitText,
    article_labels,
    unit_quotes,
)
from newsframe.framing.quotes import QuoteIndex, inside
from newsframe.lexicons import DistancingLexicon, load_distancing
from newsframe.resources import Resources, resolve_resources
from newsframe.text import normalise

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


def distancing_marks(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    lexicon: DistancingLexicon | str | Path | None = None,
    max_words: int = NOUN_SLOT_WORDS,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return every distancing mark: scare quotes and longer labels, "so-called" and hedges.

    Columns: ``article_id, part, paragraph_id, sentence_id, kind, text, speaker, inside_quote,
    sentence``, in reading order (headline first, ``paragraph_id == sentence_id == -1``).
    ``kind="scare_quote"``: a label in quotation marks, as :func:`~newsframe.attributions`
    decides it -- a quoted noun phrase of at most ``max_words`` words (at most
    :data:`~newsframe.framing.attribution.LABEL_WORDS`, or
    :data:`~newsframe.framing.attribution.NOUN_SLOT_WORDS` after a determiner or a preposition)
    that no speech frame credits (no
    reporting verb in its sentence, no "according to", no colon), set among the reporter's own
    words: the so-called 'peace plan', a slogan, a policy's name. Quoting such a phrase keeps
    the outlet's distance from it (Predelli 2003; Gutzmann & Stei 2011). A quotation is either
    speech (a row of ``attributions``, counted in share of voice) or a label (a row here), never
    both; ``speaker`` is therefore empty. A label longer than ``max_words`` (a title, a slogan
    on a banner, a description the writer cites) is ``kind="label"``: every quotation
    :func:`~newsframe.attributions` leaves out as a label is here once, as one kind or the
    other (issue 19: the two tables never claim the same marks, and none is lost between
    them). Other kinds come from the lexicon
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
    maybe = _prefilter([p for phrases in lexicon.kinds.values() for p in phrases])
    rows = []
    for article in as_articles(corpus):
        labels = article_labels(article, verbs, res.actors, res)
        for unit in units(article, resources=res):
            quotes = unit_quotes(unit)
            # most paragraphs hold no phrase of the lexicon: one fast search says so
            phrases = (
                maybe is None
                or not unit.text.isascii()
                or maybe.search(unit.text.lower()) is not None
            )
            if not quotes and not phrases:
                continue
            index, text = QuoteIndex(quotes), UnitText(unit)
            found = []
            for q in quotes:
                if (unit.paragraph_id, q.start) in labels:
                    kind = "scare_quote" if q.words <= max_words else "label"
                    found.append((q.start, kind, q.text, "", False))
            for kind, pattern in patterns.items() if phrases else ():
                for m in pattern.finditer(unit.text):
                    found.append((m.start(), kind, m.group(0), "", inside(index, m.start())))
            for start, kind, mark, speaker, quoted in sorted(found, key=lambda f: f[:2]):
                sentence_id = text.sentences.at(start)
                row = (article.article_id, unit.part, unit.paragraph_id, sentence_id, kind, mark)
                rows.append((*row, speaker, quoted, text.sentence_text(sentence_id, sentence_id)))
    return pd.DataFrame(rows, columns=COLUMNS)


_LONGEST_PREFILTERED = 200  # characters: longer phrases are searched with the full patterns only


def _prefilter(phrases: list[str]) -> re.Pattern[str] | None:
    """A fast search that finds something in the lowercase form of an ASCII text whenever a
    pattern of :func:`~newsframe.framing._units.phrase_regex` for ``phrases`` matches in it (the
    phrases as one trie of plain characters, without the word-boundary look-arounds), or None
    when the phrases are not all ASCII (case folding then differs from ``str.lower``).

    >>> find = _prefilter(["so-called", "is said to"]).search
    >>> [find(t) is not None for t in ("a so-called plan", "it is said  to be", "no mark here")]
    [True, True, False]
    >>> _prefilter(["pr\u00e9tendu"]) is None
    True
    """
    unique = {normalise(p).strip().lower() for p in phrases if p.strip()}
    if not all(p.isascii() and len(p) <= _LONGEST_PREFILTERED for p in unique):
        return None
    if not unique:
        return re.compile(r"(?!)")
    trie: dict = {}
    for phrase in unique:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def alternatives(node: dict) -> str:
        if list(node) == [""]:
            return ""
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + alternatives(node[ch])
                for ch in sorted(node) if ch]  # fmt: skip
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(alternatives(trie))
