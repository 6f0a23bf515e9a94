"""One row per article summarising every framing device, each value traceable to its table."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.framing._units import as_articles
from newsframe.framing.attribution import attributions, share_of_voice
from newsframe.framing.distancing import distancing_marks
from newsframe.framing.frames import frame_dimensions
from newsframe.framing.naming import naming_variants
from newsframe.framing.prominence import actor_prominence
from newsframe.stats import renamed

__all__ = ["framing_profile"]


def _top(table: pd.DataFrame, value: str, label: str) -> str:
    """``label`` of the row with the largest ``value`` > 0 (first on ties), or ''."""
    if table.empty or table[value].max() <= 0:
        return ""
    return str(table.loc[table[value].idxmax(), label])


def _naming(t: pd.DataFrame, concept: str) -> dict:
    t = t[t["concept"] == concept]
    used = t[t["count"] > 0]
    first = t[t["first_used"]]
    return {
        "names_used": "; ".join(f"{v} ({c})" for v, c in zip(used.variant, used["count"], strict=True)),
        "first_name": first["variant"].iloc[0] if len(first) else "",
    }  # fmt: skip


def framing_profile(
    corpus: Corpus | Iterable[Article],
    *,
    concept: str = "disputed_islands",
    n_resamples: int = 0,
    n_boot: int | None = None,
) -> pd.DataFrame:
    """Return one row per article with the headline figure of every framing device.

    Columns: ``article_id, words, names_used, first_name, attributions, evaluative_verbs,
    verbs_used, quoted_words, speakers_quoted, top_voice, top_voice_share, paraphrased_only,
    actors_in_headline, most_mentioned_actor, top_policy_frame, top_generic_frame,
    scare_quotes, hedges``. Each is computed from the table named in its description:
    ``names_used``/``first_name`` from :func:`naming_variants` (for ``concept``);
    ``attributions``, ``evaluative_verbs`` (evaluative-class rows) and ``verbs_used`` (distinct
    verb lemmas) from :func:`attributions` (headline included); ``quoted_words``,
    ``speakers_quoted``, ``top_voice`` and its ``top_voice_share`` of quoted words and
    ``paraphrased_only`` (speakers with paraphrases but no quotation) from
    :func:`share_of_voice` (body); ``actors_in_headline`` and ``most_mentioned_actor`` (by
    mentions per 1,000 words) from :func:`actor_prominence`; ``top_policy_frame`` (MFC) and
    ``top_generic_frame`` (Semetko & Valkenburg) from :func:`frame_dimensions` (highest hits
    per 1,000 words; tied frames all listed; empty when no hit); ``scare_quotes`` and ``hedges`` (hedges and so-called) from
    :func:`distancing_marks`. Text columns are ``""`` when there is nothing to report.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ('"We are ready," Putin claimed of the Kurils.',))
    >>> framing_profile([a])[["names_used", "top_voice", "evaluative_verbs"]].values.tolist()
    [['Kurils (1)', 'putin', 1]]
    """
    articles = as_articles(corpus)
    naming = naming_variants(articles)
    attrib = attributions(articles)
    voice = share_of_voice(articles)
    prominence = actor_prominence(articles)
    n_resamples = renamed(
        n_resamples, n_boot, old="n_boot", new="n_resamples", where="framing_profile"
    )
    frames = frame_dimensions(articles, n_resamples=n_resamples)
    marks = distancing_marks(articles)
    rows = []
    for article in articles:
        aid = article.article_id
        att = attrib[attrib.article_id == aid]
        v = voice[voice.article_id == aid]
        p = prominence[prominence.article_id == aid]
        f = frames[(frames.article_id == aid) & (frames.hits > 0)]
        f = f[f.per_1000 == f.groupby("scheme").per_1000.transform("max")]  # ties all listed
        m = marks[marks.article_id == aid]
        speakers = v[(v.quotes > 0) & (v.speaker != "unresolved")]
        rows.append(
            {
                "article_id": aid,
                "words": int(p["words"].iloc[0]) if len(p) else 0,
                **_naming(naming[naming.article_id == aid], concept),
                "attributions": len(att),
                "evaluative_verbs": int((att.verb_class == "evaluative").sum()),
                "verbs_used": ", ".join(sorted(set(att.verb_lemma) - {""})),
                "quoted_words": int(v.quoted_words.sum()),
                "speakers_quoted": len(speakers),
                "top_voice": _top(v, "quoted_words", "speaker"),
                "top_voice_share": float(v.share_of_quoted.max()) if len(v) else 0.0,
                "paraphrased_only": ", ".join(v[(v.quotes == 0)].speaker),
                "actors_in_headline": ", ".join(p[p.in_headline].actor_id),
                "most_mentioned_actor": _top(p, "per_1000", "actor_id"),
                "top_policy_frame": ", ".join(f[f.scheme == "mfc"].frame),
                "top_generic_frame": ", ".join(f[f.scheme == "sv"].frame),
                "scare_quotes": int((m.kind == "scare_quote").sum()),
                "hedges": int(m.kind.isin(["hedge", "so_called"]).sum()),
            }
        )
    return pd.DataFrame(rows)
