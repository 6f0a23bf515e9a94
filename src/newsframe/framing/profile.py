"""One row per article summarising every framing device, each value traceable to its table."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import analyse
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


def _by_article(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Split a table by ``article_id`` in one pass (never one filter per article)."""
    return dict(tuple(table.groupby("article_id", sort=False))) if len(table) else {}


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
    if concept is None:
        concept = res.naming_concepts[0].concept_id if res.naming_concepts else ""
    naming = _by_article(naming_variants(articles, resources=res))
    attrib = _by_article(attributions(articles, resources=res))
    voice = _by_article(share_of_voice(articles, resources=res))
    prominence = _by_article(actor_prominence(articles, resources=res))
    n_resamples = renamed(
        n_resamples, n_boot, old="n_boot", new="n_resamples", where="framing_profile"
    )
    frames = frame_dimensions(articles, n_resamples=n_resamples, resources=res)
    frames = _by_article(frames[frames.hits > 0])
    marks = _by_article(distancing_marks(articles, resources=res))
    empty = {
        "naming": naming_variants([], resources=res),
        "attrib": attributions([], resources=res),
        "voice": share_of_voice([], resources=res),
        "prominence": actor_prominence([], resources=res),
        "frames": frame_dimensions([], resources=res),
        "marks": distancing_marks([], resources=res),
    }
    rows = []
    for article in articles:
        aid = article.article_id
        att = attrib.get(aid, empty["attrib"])
        v = voice.get(aid, empty["voice"])
        p = prominence.get(aid, empty["prominence"])
        f = frames.get(aid, empty["frames"])
        f = f[f.per_1000 == f.groupby("scheme").per_1000.transform("max")]  # ties all listed
        m = marks.get(aid, empty["marks"])
        speakers = v[(v.quotes > 0) & (v.speaker != "unresolved")]
        rows.append(
            {
                "article_id": aid,
                "words": analyse(article, resources=res).n_words,
                **_naming(naming.get(aid, empty["naming"]), concept),
                "attributions": len(att),
                "evaluative_verbs": int((att.verb_class == "evaluative").sum()),
                "verbs_used": ", ".join(sorted(set(att.verb_lemma) - {""})),
                "quoted_words": int(v.quoted_words.sum()),
                "speakers_quoted": len(speakers),
                "top_voice": _top(v, "quoted_words", "speaker"),
                "top_voice_share": float(v.share_of_quoted.max()) if len(v) else 0.0,
                "paraphrased_only": ", ".join(v[(v.quotes == 0)].speaker),
                "actors_in_headline": ", ".join(p[p.in_headline].actor_id) if len(p) else "",
                "most_mentioned_actor": _top(p, "per_1000", "actor_id"),
                "top_policy_frame": ", ".join(f[f.scheme == "mfc"].frame),
                "top_generic_frame": ", ".join(f[f.scheme == "sv"].frame),
                "scare_quotes": int((m.kind == "scare_quote").sum()),
                "hedges": int(m.kind.isin(["hedge", "so_called"]).sum()),
            }
        )
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)
