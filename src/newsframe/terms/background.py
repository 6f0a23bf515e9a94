"""How common a term is in general English: relative frequencies from wordfreq's ``en`` list."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from newsframe.errors import expect_items
from newsframe.terms.counts import _check_unit
from newsframe.text import lemmatize, load_lemma_exceptions

__all__ = ["background_frequencies"]

#: Relative frequency given to a term missing from the background list: half the rarest listed
#: English word (wordfreq lists words down to 1e-8, Zipf 1).
BACKGROUND_FLOOR = 5e-9


#: Word forms whose lemmas pool their frequencies (the commonest forms of wordfreq's list).
_FORMS = 60_000


def _cache_file() -> Path | None:
    """Where the lemma table is kept between runs: ``$NEWSFRAME_CACHE`` or the user cache folder.

    The name carries the versions of wordfreq and simplemma and a digest of the lemma exceptions,
    so a change to any of them computes the table afresh. ``NEWSFRAME_CACHE=""`` turns it off.
    """
    from importlib.metadata import version

    folder = os.environ.get("NEWSFRAME_CACHE")
    if folder == "":
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "newsframe")
    exceptions = json.dumps(sorted(load_lemma_exceptions().items()))
    key = f"{version('wordfreq')}|{version('simplemma')}|{_FORMS}|{exceptions}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return Path(folder) / f"background-lemmas-{digest}.json"


def _lemma_sums(freqs: dict[str, float]) -> dict[str, float]:
    """Frequency per lemma, summed over the commonest word forms (read from the cache if kept)."""
    import wordfreq

    path = _cache_file()
    kept = _read_kept(path) if path is not None else None
    if kept is not None:
        return kept
    table: dict[str, float] = {}
    for word in wordfreq.top_n_list("en", _FORMS):
        lemma = lemmatize(word)
        table[lemma] = table.get(lemma, 0.0) + freqs[word]
    if path is not None:
        try:  # written whole or not at all (a parallel run may write the same file)
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False,
                                             encoding="utf-8", suffix=".tmp") as handle:  # fmt: skip
                json.dump(table, handle)
            os.replace(handle.name, path)
        except OSError:
            pass  # a read-only home: the table is simply computed each time
    return table


def _read_kept(path: Path) -> dict[str, float] | None:
    """The lemma table kept at ``path``, or None when it is missing or cannot be used: any
    error reading it (a folder without access, a name too long, a loop of links), text that is
    not JSON, or JSON that is not a table of numbers (it is then computed again)."""
    try:
        table = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(table, dict) or not all(
        type(v) in (float, int) and v == v for v in table.values()
    ):
        return None
    return table


@lru_cache(maxsize=2)
def _background_table(unit: str) -> dict[str, float]:
    """Relative frequency per term from wordfreq's English list (lemma: summed over word forms).

    The lemma sums take 60,000 lemmatisations (a second or two), so they are kept in a small
    JSON file between runs (:func:`_cache_file`); the values are the same either way. A plain
    dict, loaded once per process: looking up a corpus's terms in it costs a dict lookup each,
    where an index over the list's 321,000 words would cost more to build than the lookups.
    """
    import wordfreq

    # the wordlist named, as zipf_frequency names it: the same cached table, not a second copy
    freqs = wordfreq.get_frequency_dict("en", "best")
    if unit == "token":
        return freqs
    return {**freqs, **_lemma_sums(freqs)}


_NOT_A_WORD = re.compile(r"[^a-z]")


def _background(terms: Sequence[str], unit: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (relative frequency, found in list) per term; missing terms get BACKGROUND_FLOOR."""
    import wordfreq

    _check_unit(unit)
    terms = np.asarray(terms, dtype=object)
    table = _background_table(unit)
    freq = np.fromiter((table.get(t, np.nan) for t in terms), float, len(terms))
    missing = np.flatnonzero(np.isnan(freq))
    for i in missing:  # only multi-word terms, numbers and the like: wordfreq tokenises them
        term = str(terms[i])
        if _NOT_A_WORD.search(term):
            freq[i] = wordfreq.word_frequency(term, "en")
    freq = np.nan_to_num(freq, nan=0.0)
    found = freq > 0
    return np.where(found, freq, BACKGROUND_FLOOR), found


def background_frequencies(terms: Iterable[str], *, unit: str = "lemma") -> pd.Series:
    """Return each term's relative frequency in general English (wordfreq's ``en`` list).

    wordfreq (Speer 2022) blends Wikipedia, subtitles, news, books, web text and more into one
    list and ships it, so nothing is downloaded. For ``unit="lemma"`` a lemma's frequency is the
    sum over the 60,000 commonest word forms that lemmatise to it (``island`` + ``islands``);
    multi-word terms and numbers use wordfreq's own combination. A term not in the list gets
    :data:`BACKGROUND_FLOOR` (half the rarest listed word), never 0.

    >>> f = background_frequencies(["island", "kuril island", "qwxzvj"])
    >>> bool(f["island"] > f["kuril island"] > f["qwxzvj"]), float(f["qwxzvj"])
    (True, 5e-09)
    """
    terms = expect_items(terms, str, "background_frequencies", hint="pass terms as strings")
    freq, _ = _background(terms, unit)
    return pd.Series(freq, index=pd.Index(terms, dtype=object), name="background")
