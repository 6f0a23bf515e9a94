"""Whether a name is a person's, read from the contexts of its mentions in the article.

The entity layer (:mod:`newsframe.entities`) decides a name's kind by its spelling: a title or
a known given name before it, an organisation noun, the gazetteer. Two to four capitalised words
with none of these are taken for a person ("Tolu Brannagh"), and so are many names of things
("Brisk Lantern", "Riverton Zoo", "Capitol Hill"). For those names the spelling is unsure,
and the contexts of the mentions decide: people take "he" and "she" after them, an age in
commas, a surname alone later, "X's wife"; bodies and outlets take "the" before them, "told X",
"X reported", a plural verb, "in X".

This is the two-view idea of Collins & Singer (1999, "Unsupervised models for named entity
classification"): the names whose spelling is sure (a known given name or a title: a person; an
organisation noun, a place word, an event noun: no person) label the training data for a
classifier of the other view, the contexts, with no hand labels. A logistic regression over the
named features of :data:`KIND_FEATURES` (scikit-learn, L2, standardised; fitted by
``benchmarks/train_kind_model.py``, weights in ``data/kind_model.csv``, format at its top),
evaluated leaving one story out. A name the spelling leaves unsure whose probability of being a
person is below the model's ``(threshold)`` row is no person: a place or an organisation, as a
second regression over the same features, fitted on the names whose spelling says place or
organisation, decides.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from wordfreq import zipf_frequency

from newsframe.datafiles import read_text, read_weights

__all__ = ["KIND_FEATURES", "PLACE", "KindModel", "kind_features", "load_kind_model"]

#: The features of a name, each the share of its mentions in the article with that context
#: (or a property of the name): name -> what a high value says.
KIND_FEATURES = {
    "the_before": "named after 'the' ('the Brisk Lantern')",
    "outlet_context": "named after 'told' or 'interview with', or before 'reported' or a media noun",
    "plural_after": "a plural verb follows ('X say', 'X are')",
    "person_after": "an age in commas, 'X's wife', 'himself' follows",
    "gendered_next": "the next pronoun after it is 'he', 'she', 'his' or 'her'",
    "neuter_next": "the next pronoun after it is 'it', 'its', 'they' or 'their'",
    "located": "named after 'in', 'at', 'near' or 'from'",
    "surname_alone": "its last word alone names it elsewhere in the article",
    "first_alone": "its first word alone names it elsewhere in the article",
    "common_words": "its words are common English words (mean Zipf frequency)",
    "n_words": "how many words it has",
    "log_mentions": "named often (log of 1 + mentions)",
}

_THE = re.compile(r"\b(?:the|The)\s{1,3}\Z")
_OUTLET_BEFORE = re.compile(
    r"(?:\btold|\binterview with|\breported by|\bpublished by|\bwrote in|\bwriting in)"
    r"\s{1,3}(?:the\s{1,3})?\Z",
    re.I,
)
_OUTLET_AFTER = re.compile(
    r"\A(?:'s?)?\s{1,3}(?:reported|reports|magazine|newspaper|news\b|website|network|podcast"
    r"|show|series|editorial|column|broadcast)"
)
_PLURAL_AFTER = re.compile(r"\A\s{1,3}(?:are|were|have|say|want|do|don't|believe)\b")
_PERSON_AFTER = re.compile(
    r"\A(?:,\s{1,3}\d{1,3}\s{0,3},|\s{1,3}\(\d{1,3}\)|['\u2019]s\s{1,3}(?:wife|husband|son|daughter"
    r"|mother|father|family|brother|sister|girlfriend|boyfriend|lawyer|attorney|parents|death|own)"
    r"\b|\s{1,3}(?:himself|herself)\b)"
)
_LOCATED = re.compile(r"\b(?:in|at|near|from|outside|inside)\s{1,3}(?:the\s{1,3})?\Z")
_PRONOUN = re.compile(r"\b(?:(he|she|his|her|him|hers)|(it|its|they|their|them))\b", re.I)
_NEXT = 200  # characters after a mention searched for its next pronoun (bounded: linear)


def kind_features(
    name: str,
    aliases: Iterable[str],
    mentions: Sequence[tuple[int, int, int]],
    texts: Mapping[int, str],
) -> list[float]:
    """The values of :data:`KIND_FEATURES`, in that order, for the name ``name`` (its other
    forms in the article: ``aliases``) mentioned at ``mentions`` ((paragraph id, start, end)
    into ``texts``, the article's paragraphs by id). Each mention reads a few words on either
    side of it: linear in the mentions.

    >>> texts = {0: "The Brisk Lantern said its editors knew.", 1: "Kim Ode, 45, left. He spoke."}
    >>> f = dict(zip(KIND_FEATURES, kind_features("Brisk Lantern", [], [(0, 4, 22)], texts)))
    >>> f["the_before"], f["neuter_next"], f["gendered_next"]
    (1.0, 1.0, 0.0)
    >>> f = dict(zip(KIND_FEATURES, kind_features("Kim Ode", ["Ode"], [(1, 0, 7)], texts)))
    >>> f["person_after"], f["gendered_next"], f["surname_alone"], f["the_before"]
    (1.0, 1.0, 1.0, 0.0)
    """
    words = name.split()
    counts = dict.fromkeys(list(KIND_FEATURES)[:7], 0.0)
    for paragraph_id, start, end in mentions:
        text = texts.get(paragraph_id, "")
        before, after = text[max(start - 40, 0) : start], text[end : end + 40]
        counts["the_before"] += _THE.search(before) is not None
        counts["outlet_context"] += bool(
            _OUTLET_BEFORE.search(before) or _OUTLET_AFTER.match(after)
        )
        counts["plural_after"] += _PLURAL_AFTER.match(after) is not None
        counts["person_after"] += _PERSON_AFTER.match(after) is not None
        pronoun = _PRONOUN.search(text, end, end + _NEXT)
        if pronoun is not None:
            counts["gendered_next" if pronoun.group(1) else "neuter_next"] += 1
        counts["located"] += _LOCATED.search(before) is not None
    n = max(len(mentions), 1)
    alone = {a.lower() for a in aliases if " " not in a.strip()}
    last, first = words[-1].lower(), words[0].lower()
    content = [w for w in words if len(w) > 2]
    common = sum(zipf_frequency(w, "en") for w in content) / len(content) if content else 0.0
    return [
        *(v / n for v in counts.values()),
        float(len(words) > 1 and last in alone),
        float(len(words) > 1 and first in alone),
        common,
        float(len(words)),
        math.log1p(len(mentions)),
    ]


class KindModel:
    """A fitted kind model: two logistic regressions over the standardised features of
    :data:`KIND_FEATURES` (``mean``, ``scale``): "a person?" (``weight``, ``intercept``; below
    ``threshold`` an unsure name is no person) and, for a name that is no person, "a place
    rather than an organisation?" (``place_weight``, ``place_intercept``)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, weight: np.ndarray,
                 intercept: float, threshold: float, place_weight: np.ndarray | None = None,
                 place_intercept: float = 0.0) -> None:  # fmt: skip
        self.mean, self.scale, self.weight = mean, scale, weight
        self.intercept, self.threshold = intercept, threshold
        self.place_weight = np.zeros_like(weight) if place_weight is None else place_weight
        self.place_intercept = place_intercept

    def _logistic(self, features: Sequence[float], weight: np.ndarray, intercept: float) -> float:
        z = float(((np.asarray(features) - self.mean) / self.scale) @ weight) + intercept
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def person(self, features: Sequence[float]) -> float:
        """The probability that a name with ``features`` is a person's."""
        return self._logistic(features, self.weight, self.intercept)

    def place(self, features: Sequence[float]) -> float:
        """The probability that a name with ``features`` that is no person's is a place's
        rather than an organisation's."""
        return self._logistic(features, self.place_weight, self.place_intercept)

    def kind(self, features: Sequence[float]) -> str:
        """``person`` (probability at or above the threshold), else ``place`` or
        ``organisation``, whichever the second model finds more probable."""
        if self.person(features) >= self.threshold:
            return "person"
        return "place" if self.place(features) >= 0.5 else "organisation"


#: The rows of the second model in ``data/kind_model.csv``: ``place:<feature>``.
PLACE = "place:"


@functools.lru_cache(maxsize=1)
def load_kind_model() -> KindModel:
    """The shipped kind model (``data/kind_model.csv``; read once).

    >>> model = load_kind_model()
    >>> 0.0 < model.threshold < 1.0
    True
    """
    text, source = read_text(None, "kind_model.csv")
    names = list(KIND_FEATURES)
    mean, scale, weight, other = read_weights(
        text, source, [*names, *(PLACE + n for n in names)],
        ["(intercept)", "(threshold)", "(place intercept)"], "newsframe.kinds.KIND_FEATURES",
    )  # fmt: skip
    n = len(names)
    return KindModel(mean[:n], scale[:n], weight[:n], other["(intercept)"], other["(threshold)"],
                     weight[n:], other["(place intercept)"])  # fmt: skip
