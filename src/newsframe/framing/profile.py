"""One row per article summarising every framing device, each value traceable to its table."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import analyse_corpus
from newsframe.framing.attribution import attributions, share_of_voice
from newsframe.framing.distancing import distancing_marks
from newsframe.framing.frames import frame_dimensions
from newsframe.framing.naming import naming_variants
from newsframe.framing.prominence import actor_prominence
from newsframe.resources import Resources, resolve_resources
from newsframe.stats import renamed

__all__ = ["framing_profile"]


PROFILE_COLUMNS = [
    "article_id", "words", "names_used", "first_name", "attributions", "evaluative_verbs",
    "verbs_used", "quoted_words", "speakers_quoted", "top_voice", "top_voice_share",
    "paraphrased_only", "actors_in_headline", "most_mentioned_actor", "top_policy_frame",
    "top_generic_frame", "scare_quotes", "hedges",
]  # fmt: skip


def _rows(table: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    """``article_id`` -> that article's rows (tuples of ``columns``, in table order): one pass
    over the table, never one filter per article."""
    out: dict[str, list[tuple]] = {}
    values = [table[c].tolist() for c in ["article_id", *columns]]
    for aid, *row in zip(*values, strict=True):
        out.setdefault(aid, []).append(tuple(row))
    return out


def _top(rows: list[tuple], value: int, label: int) -> str:
    """``label`` of the first row with the largest ``value`` > 0, or ''."""
    best = max((r[value] for r in rows), default=0)
    return "" if best <= 0 else str(next(r[label] for r in rows if r[value] == best))


def _top_frames(rows: list[tuple], scheme: str) -> str:
    """Frames of ``scheme`` with the most hits per 1,000 words (> 0 hits; ties all listed)."""
    mine = [(frame, rate) for s, frame, rate, hits in rows if s == scheme and hits > 0]
    best = max((rate for _, rate in mine), default=None)
    return ", ".join(frame for frame, rate in mine if rate == best)


def framing_profile(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    concept: str | None = None,
    n_resamples: int = 0,
    resources: Resources | None = None,
    n_boot: int | None = None,
) -> pd.DataFrame:
    """Return one row per article with the headline figure of every framing device.

    Columns: ``article_id, words, names_used, first_name, attributions, evaluative_verbs,
    verbs_used, quoted_words, speakers_quoted, top_voice, top_voice_share, paraphrased_only,
    actors_in_headline, most_mentioned_actor, top_policy_frame, top_generic_frame,
    scare_quotes, hedges``. Each is computed from the table named in its description:
    ``names_used``/``first_name`` from :func:`naming_variants` (for ``concept``, default: the
    first naming concept of the resources, i.e. of the story file);
    ``attributions``, ``evaluative_verbs`` (evaluative-class rows) and ``verbs_used`` (distinct
    verb lemmas) from :func:`attributions` (headline included); ``quoted_words``,
    ``speakers_quoted``, ``top_voice`` and its ``top_voice_share`` of quoted words and
    ``paraphrased_only`` (speakers with paraphrases but no quotation) from
    :func:`share_of_voice` (body); ``actors_in_headline`` and ``most_mentioned_actor`` (by
    mentions per 1,000 words) from :func:`actor_prominence`; ``top_policy_frame`` (MFC) and
    ``top_generic_frame`` (Semetko & Valkenburg) from :func:`frame_dimensions` (highest hits
    per 1,000 words; tied frames all listed; empty when no hit); ``scare_quotes`` and
    ``hedges`` (hedges and so-called) from :func:`distancing_marks`. ``words`` is
    :attr:`newsframe.Document.n_words`, the denominator of every per-1,000 rate. Text columns
    are ``""`` when there is nothing to report. Resources are resolved once and each table is
    computed once (attributions are shared by share of voice and distancing marks).

    >>> from newsframe import Article
    >>> from newsframe import Actor, Story
    >>> from newsframe.framing.naming import Concept, Variant
    >>> story = Story(actors=(Actor("putin", "Putin", "person", ("Putin",)),),
    ...               concepts=(Concept("islands", "", (Variant("Kurils", "Russian", ("Kurils",)),)),))
    >>> a = Article("a", "T", ('"We are ready," Putin claimed of the Kurils.',))
    >>> framing_profile([a], resources=story.resources)[["names_used", "top_voice", "evaluative_verbs"]].values.tolist()
    [['Kurils (1)', 'putin', 1]]
    """
    res = resolve_resources(resources, corpus)
    articles = as_articles(corpus)
    docs = analyse_corpus(articles, resources=res)
    if concept is None:
        concept = res.naming_concepts[0].concept_id if res.naming_concepts else ""
    n_resamples = renamed(
        n_resamples, n_boot, old="n_boot", new="n_resamples", where="framing_profile"
    )
    naming = naming_variants(articles, resources=res)
    naming = _rows(naming[naming["concept"] == concept], ["variant", "count", "first_used"])
    attrib = _rows(attributions(articles, resources=res), ["verb_class", "verb_lemma"])
    voice = _rows(
        share_of_voice(articles, resources=res),
        ["speaker", "quotes", "quoted_words", "share_of_quoted"],
    )
    prominence = _rows(
        actor_prominence(articles, resources=res), ["actor_id", "per_1000", "in_headline"]
    )
    frames = _rows(
        frame_dimensions(articles, n_resamples=n_resamples, resources=res),
        ["scheme", "frame", "per_1000", "hits"],
    )
    marks = _rows(distancing_marks(articles, resources=res), ["kind"])
    rows = []
    for doc in docs:
        aid = doc.article_id
        att, v, p = attrib.get(aid, []), voice.get(aid, []), prominence.get(aid, [])
        names, f, kinds = naming.get(aid, []), frames.get(aid, []), marks.get(aid, [])
        rows.append(
            {
                "article_id": aid,
                "words": doc.n_words,
                "names_used": "; ".join(f"{n} ({c})" for n, c, _ in names if c > 0),
                "first_name": next((n for n, _, first in names if first), ""),
                "attributions": len(att),
                "evaluative_verbs": sum(cls == "evaluative" for cls, _ in att),
                "verbs_used": ", ".join(sorted({lemma for _, lemma in att} - {""})),
                "quoted_words": sum(words for _, _, words, _ in v),
                "speakers_quoted": sum(q > 0 and s != "unresolved" for s, q, _, _ in v),
                "top_voice": _top(v, 2, 0),
                "top_voice_share": float(max((r[3] for r in v), default=0.0)),
                "paraphrased_only": ", ".join(s for s, q, _, _ in v if q == 0),
                "actors_in_headline": ", ".join(a for a, _, head in p if head),
                "most_mentioned_actor": _top(p, 1, 0),
                "top_policy_frame": _top_frames(f, "mfc"),
                "top_generic_frame": _top_frames(f, "sv"),
                "scare_quotes": sum(k == "scare_quote" for (k,) in kinds),
                "hedges": sum(k in ("hedge", "so_called") for (k,) in kinds),
            }
        )
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)
