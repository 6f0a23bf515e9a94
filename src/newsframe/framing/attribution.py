"""Attribution: who is quoted or paraphrased, with which reporting verb, and share of voice."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newsframe.actors import Actor, find_mentions, load_actors
from newsframe.corpus import Article, Corpus
from newsframe.document import analyse
from newsframe.framing._units import Unit, as_articles, body_words, units, word_tokens
from newsframe.framing.quotes import Quote, top_level_quotes
from newsframe.framing.speakers import (
    Attribution,
    ReportingVerbs,
    Speaker,
    find_attributions,
    load_reporting_verbs,
)
from newsframe.resources import Resources, resolve_resources

__all__ = ["attributions", "share_of_voice"]

COLUMNS = [
    "article_id",
    "part",
    "paragraph_id",
    "sentence_id",
    "speaker",
    "speaker_name",
    "speaker_text",
    "speaker_source",
    "verb",
    "verb_lemma",
    "verb_class",
    "kind",
    "quote",
    "quote_words",
    "closed",
    "sentence",
]
VOICE_COLUMNS = [
    "article_id",
    "speaker",
    "speaker_name",
    "quotes",
    "quoted_words",
    "paraphrases",
    "attributions",
    "share_of_quoted",
    "share_of_words",
]
UNRESOLVED = Speaker("unresolved", "", "unresolved")


TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "foreign",
        "defense",
        "defence",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "kremlin",
        "russian",
        "japanese",
        "chief",
        "cabinet",
        "secretary",
        "general",
        "chairman",
        "ambassador",
        "deputy",
        "press",
        "top",
        "senior",
        "former",
        "acting",
        "state",
        "governor",
        "mayor",
        "leader",
        "official",
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "gov",
        "rep",
        "lt",
        "col",
        "gen",
    ]
)


def _canonical_names(rows: list[dict]) -> None:
    """Give one key to one person named in several ways ("Foreign Minister Sergei Lavrov",
    "Lavrov"): titles dropped, then every name with the same surname takes the longest form."""
    full: dict[str, str] = {}
    for row in rows:
        words = row["speaker"].split()
        if row["speaker_source"] not in ("name", "pronoun", "continuation") or not words:
            continue
        if not all(w[:1].isupper() for w in words):
            continue
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        name = " ".join(words)
        if len(name) > len(full.get(words[-1], "")):
            full[words[-1]] = name
    for row in rows:
        words = row["speaker"].split()
        if words and all(w[:1].isupper() for w in words) and words[-1] in full:
            row["speaker"] = full[words[-1]]


def _colon_speaker(unit: Unit, quote: Quote, actors) -> tuple[Speaker, ...]:
    """The speaker of a headline-style ``Putin: "..."`` (at most four words before a colon)."""
    prefix = unit.text[: quote.start].rstrip()
    start = max(unit.text.rfind(". ", 0, len(prefix)) + 2, 0) if ". " in prefix else 0
    prefix = prefix[start:]
    if not prefix.endswith(":") or not 0 < len(prefix[:-1].split()) <= 4:
        return ()
    mentions = find_mentions(prefix[:-1], actors)
    if mentions:
        return tuple(Speaker(m.actor_id, m.text, "actor") for m in mentions[-1:])
    name = prefix[:-1].strip()
    return (Speaker(name, name, "name"),) if name[:1].isupper() else ()


def _kind(unit: Unit, quote: Quote) -> str:
    """``direct`` when the quotation opens its sentence or follows a colon, else ``partial``."""
    sentence = unit.sentence_at(quote.start)
    start = next(s for i, s, _ in unit.sentences if i == sentence)
    before = unit.text[start : quote.start].rstrip()
    return "direct" if not word_tokens(before) or before.endswith(":") else "partial"


def _owner(unit: Unit, quote: Quote, found: list[Attribution]) -> Attribution | None:
    """The attribution a quotation belongs to: nearest verb in its sentences, else paragraph.

    A partial quotation (inside the reporter's sentence) prefers a verb before it, whose
    complement it is; a direct one the nearest verb on either side."""
    first, last = unit.sentence_at(quote.start), unit.sentence_at(max(quote.end - 1, quote.start))
    usable = [a for a in found if not a.participle]
    near = [a for a in usable if first <= unit.sentence_at(a.start) <= last] or usable
    if not near:
        return None
    if _kind(unit, quote) == "partial":  # 'X said the talks were "useful" but added ...'
        near = [a for a in near if a.end <= quote.start] or near

    def distance(a: Attribution) -> tuple[int, int]:
        gap = quote.start - a.end if a.end <= quote.start else max(a.start - quote.end, 0)
        return gap, a.start

    return min(near, key=distance)


def _row(article, unit, sentence_id, speaker, att, kind, quote, sentence):
    return {
        "article_id": article.article_id,
        "part": unit.part,
        "paragraph_id": unit.paragraph_id,
        "sentence_id": sentence_id,
        "speaker": speaker.key,
        "speaker_text": speaker.text,
        "speaker_source": speaker.source,
        "verb": att.verb if att else "",
        "verb_lemma": att.lemma if att else "",
        "verb_class": att.verb_class if att else "",
        "kind": kind,
        "quote": quote.text if quote else "",
        "quote_words": quote.words if quote else 0,
        "closed": quote.closed if quote else True,
        "sentence": sentence,
    }


def _article_rows(
    article: Article, verbs: ReportingVerbs, actors, resources: Resources
) -> list[tuple[int, dict]]:
    rows: list[tuple[int, dict]] = []
    previous: tuple[tuple[Speaker, ...], bool] | None = None  # last quote of the last paragraph
    for order, unit in enumerate(units(article, resources=resources)):
        quotes = top_level_quotes(unit.text)
        found = find_attributions(unit, quotes, verbs=verbs, actors=actors)
        claimed: dict[int, list[Quote]] = {}
        last: tuple[tuple[Speaker, ...], bool] | None = None
        for quote in quotes:
            att = _owner(unit, quote, found)
            first = unit.sentence_at(quote.start)
            text = unit.sentence_text(first, unit.sentence_at(max(quote.end - 1, quote.start)))
            if att is not None:
                claimed.setdefault(id(att), []).append(quote)
                speakers = att.speakers
            elif previous and unit.part == "body" and (quote.start == 0 or not previous[1]):
                speakers = tuple(Speaker(s.key, s.text, "continuation") for s in previous[0])
            else:
                speakers = _colon_speaker(unit, quote, actors) or (UNRESOLVED,)
            for speaker in speakers:
                row = _row(article, unit, first, speaker, att, _kind(unit, quote), quote, text)
                rows.append(((order, quote.start), row))
            last = (speakers, quote.closed)
        for att in found:
            if id(att) in claimed:
                continue
            sentence_id = unit.sentence_at(att.start)
            text = unit.sentence_text(sentence_id)
            for speaker in att.speakers:
                row = _row(article, unit, sentence_id, speaker, att, "paraphrase", None, text)
                rows.append(((order, att.start), row))
        if unit.part != "headline":
            previous = last if last and last[0] != (UNRESOLVED,) else None
    return rows


def attributions(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    verbs: ReportingVerbs | str | Path | None = None,
    actors: tuple[Actor, ...] | str | Path | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return who is quoted or paraphrased, with which reporting verb: one row per attribution.

    Columns: ``article_id, part, paragraph_id, sentence_id, speaker, speaker_name, speaker_text,
    speaker_source, verb, verb_lemma, verb_class, kind, quote, quote_words, closed, sentence``.

    Method (rule-based, no parser; after Pareti 2015's attribution relations and textacy's
    quotation rules): quotations are found from the marks (straight, curly or mismatched; see
    :func:`~newsframe.framing.quotes.find_quotes`), reporting verbs and nouns from the editable
    table ``data/reporting_verbs.toml`` ("X said/claimed/told ...", "said X", "according to X",
    "X's remarks"), speakers from the actor table (``speaker`` is the actor id) or, for people
    not in it, the name as written (titles dropped, one key per surname); ``speaker_name`` is the
    actor's display name ("Putin") and ``speaker_text`` the words that named the speaker. Each quotation goes to the nearest reporting verb in its
    sentence(s), else in its paragraph; a paragraph that opens with an unattributed quotation
    right after a quoted paragraph continues that speaker (``speaker_source="continuation"``).
    Pronoun speakers resolve to the last named speaker of the paragraph (``"pronoun"``) or stay
    ``"unresolved"`` — never guessed silently. ``kind`` is ``direct`` (the quotation opens its
    sentence or follows a colon), ``partial`` (a quoted fragment inside the reporter's
    sentence) or ``paraphrase`` (reported speech without quotation marks: ``quote`` is empty).
    ``closed`` is False for a quotation that never closes. The headline has ``part="headline"``
    and ``paragraph_id == sentence_id == -1``.

    >>> from newsframe import Article
    >>> from newsframe import Actor, Story
    >>> story = Story(actors=(Actor("putin", "Putin", "person", ("Vladimir Putin", "Putin")),
    ...                       Actor("abe", "Abe", "person", ("Abe",))))
    >>> a = Article("a", "T", ('"We are ready," Putin said. Abe claimed that talks went well.',))
    >>> attributions([a], resources=story.resources)[["speaker", "verb", "verb_class", "kind", "quote"]].values.tolist()
    [['putin', 'said', 'neutral', 'direct', 'We are ready'], ['abe', 'claimed', 'evaluative', 'paraphrase', '']]
    """
    res = resolve_resources(resources, corpus)
    verbs = load_reporting_verbs(verbs) if isinstance(verbs, (str, Path)) else verbs
    verbs = verbs or res.reporting_verbs
    actors = load_actors(actors) if isinstance(actors, (str, Path)) else actors
    actors = actors if actors is not None else res.actors
    rows = []
    for article in as_articles(corpus):

        def build(article=article) -> list[dict]:
            ordered = sorted(_article_rows(article, verbs, actors, res), key=lambda r: r[0])
            named = [row for _, row in ordered]
            _canonical_names(named)
            return named

        # computed once per article, verb table and actor table (share of voice and distancing
        # marks reuse it)
        named = analyse(article, resources=res).memo("attributions", (verbs, actors), build)
        rows.extend(dict(row) for row in named)
    names = {a.actor_id: a.name for a in actors}
    for row in rows:
        row["speaker_name"] = names.get(row["speaker"], row["speaker"])
    return pd.DataFrame(rows, columns=COLUMNS)


def share_of_voice(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    include_headline: bool = False,
    verbs: ReportingVerbs | str | Path | None = None,
    actors: tuple[Actor, ...] | str | Path | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return per article and speaker how many quotations and quoted words they get.

    Columns: ``article_id, speaker, speaker_name, quotes, quoted_words, paraphrases, attributions,
    share_of_quoted, share_of_words``. ``share_of_quoted`` is the speaker's quoted words over
    all quoted words of the article (0.0 when nothing is quoted); ``share_of_words`` over all
    body words. Unattributed quotations are counted under ``speaker="unresolved"``. The headline
    is left out unless ``include_headline`` (it usually repeats the lede). Rows per article by
    quoted words, then attributions (descending), then speaker; an article with no attributions
    has no rows. Share of voice as in Sheafer 2001 and the "who gets quoted" studies of news
    sourcing (Sigal 1973): quoted words, not mentions.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ('"We are ready now," Putin said. "No," Abe said.',))
    >>> share_of_voice([a])[["speaker", "quoted_words", "share_of_quoted"]].values.tolist()  # no actor table: names
    [['Putin', 4, 0.8], ['Abe', 1, 0.2]]
    """
    res = resolve_resources(resources, corpus)
    articles = as_articles(corpus)
    table = attributions(articles, verbs=verbs, actors=actors, resources=res)
    if not include_headline:
        table = table[table["part"] != "headline"]
    rows = []
    by_article = dict(tuple(table.groupby("article_id", sort=False))) if len(table) else {}
    for article in articles:
        mine = by_article.get(article.article_id, table.iloc[:0])
        total, words = int(mine["quote_words"].sum()), body_words(article, resources=res)
        for speaker, group in mine.groupby("speaker", sort=True):
            quoted = int(group["quote_words"].sum())
            rows.append(
                {
                    "article_id": article.article_id,
                    "speaker": speaker,
                    "speaker_name": group["speaker_name"].iloc[0],
                    "quotes": int((group["kind"] != "paraphrase").sum()),
                    "quoted_words": quoted,
                    "paraphrases": int((group["kind"] == "paraphrase").sum()),
                    "attributions": len(group),
                    "share_of_quoted": quoted / total if total else 0.0,
                    "share_of_words": quoted / words if words else 0.0,
                }
            )
    out = pd.DataFrame(rows, columns=VOICE_COLUMNS)
    if out.empty:
        return out
    order = {a.article_id: n for n, a in enumerate(articles)}
    out["_order"] = out["article_id"].map(order)
    out = out.sort_values(
        ["_order", "quoted_words", "attributions", "speaker"],
        ascending=[True, False, False, True],
        kind="stable",
    )
    return out.drop(columns="_order").reset_index(drop=True)
