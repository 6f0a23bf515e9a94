"""Frame dimensions: dictionary hits per 1,000 words for policy frames and generic news frames."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.document import Document, analyse
from newsframe.errors import NewsframeError, expect_kind
from newsframe.framing._units import as_articles, document_units, per_1000
from newsframe.framing._units import word_tokens as _word_tokens
from newsframe.lexicons import Frame, _compile, extend_frames, load_frame_dictionaries
from newsframe.parallel import one_blas_thread
from newsframe.resources import Resources, resolve_resources
from newsframe.stats import Draws, quantiles, renamed, resample_batches, resample_indices
from newsframe.text import TOKEN, lemmatize, normalise

__all__ = [
    "Frame",
    "extend_frames",
    "frame_dimensions",
    "frame_drivers",
    "frame_evidence",
    "load_frame_dictionaries",
    "match_frames",
]

EVIDENCE_COLUMNS = [
    "article_id",
    "scheme",
    "frame",
    "label",
    "part",
    "paragraph_id",
    "sentence_id",
    "hits",
    "terms",
    "sentence",
    "patterns",
]
DRIVER_COLUMNS = ["scheme", "frame", "label", "pattern", "word", "hits", "sentences"]
DIMENSION_COLUMNS = [
    "article_id",
    "scheme",
    "frame",
    "label",
    "hits",
    "sentences",
    "per_1000",
    "ci_low",
    "ci_high",
    "headline_hits",
    "rank",
    "words",
]


def _frames(dictionaries, resources: Resources | None = None) -> tuple[Frame, ...]:
    """Frames from ``None`` (the resources' frames), a path to a TOML file, or Frame objects."""
    if dictionaries is None:
        return resolve_resources(resources).frames
    if isinstance(dictionaries, (str, Path)):
        return load_frame_dictionaries(dictionaries)
    return tuple(dictionaries)


@lru_cache(maxsize=32)
def _index(frames: tuple[Frame, ...]):
    """Terms and exclusions indexed by their first word: exact words by value, prefixes apart.

    Each entry is ``(frame number, pattern, term or None for an exclusion)``.
    """
    exact: dict[str, list[tuple[int, tuple, str | None]]] = {}
    prefix: dict[str, list[tuple[int, tuple, str | None]]] = {}
    for n, frame in enumerate(frames):
        entries = [(_compile(t), t) for t in frame.terms] + [
            (_compile(t), None) for t in frame.exclude
        ]
        for pattern, term in entries:
            if not pattern:
                continue
            kind, value = pattern[0]
            (prefix if kind == "prefix" else exact).setdefault(value, []).append((n, pattern, term))
    return exact, prefix, tuple(prefix)


@lru_cache(maxsize=32)
def _form_cache(frames: tuple[Frame, ...]) -> dict[str, tuple]:
    """Per frame set: word form -> ``(lowercase, lemma, entries whose first word it matches)``.

    Filled lazily; each distinct form is looked up in the index once, however often it occurs.
    """
    return {"": _index(frames)}  # the index itself under "", which is never a word form


def _form(form: str, cache: dict[str, tuple]) -> tuple:
    entry = cache.get(form)
    if entry is None:
        exact, prefix, prefixes = cache[""]
        lower, lemma = form.lower(), lemmatize(form)
        found = exact.get(lemma, []) + (exact.get(lower, []) if lower != lemma else [])
        if prefixes and (lower.startswith(prefixes) or lemma.startswith(prefixes)):
            found += [
                c for p, cs in prefix.items() if lower.startswith(p) or lemma.startswith(p)
                for c in cs
            ]  # fmt: skip
        # keep the entries whose first word this form matches, as (frame, other words, length,
        # term): a one-word term then needs no further test
        first = (lower, lemma)
        entries = tuple(
            (n, pattern[1:], len(pattern), term) for n, pattern, term in found
            if _info_matches(pattern[0], first)
        )  # fmt: skip
        # when every entry needs a next word given by value ("the public"), the values it may
        # have (its lowercase or lemma must be one): most tokens of "the" are then ruled out by
        # two set look-ups; None when a one-word term or a prefix next word allows no such test
        seconds = [rest[0] for _, rest, _, _ in entries if rest]
        need = None
        if seconds and len(seconds) == len(entries) and all(k != "prefix" for k, _ in seconds):
            need = frozenset(value for _, value in seconds)
        entry = cache[form] = (lower, lemma, entries, need)
    return entry


def _info_matches(pattern: tuple[str, str], info: tuple) -> bool:
    kind, value = pattern
    lower, lemma = info[0], info[1]
    if kind == "prefix":
        return lower.startswith(value) or lemma.startswith(value)
    if kind == "form":
        return lower == value
    return lemma == value or lower == value


def _kept(
    infos: list[tuple], positions: Iterable[int] | None = None, stops: Iterable[int] | None = None
) -> dict[int, list[tuple[int, int, str]]]:
    """``{frame number: [(start, end, term)]}``: kept hits as spans of the word list ``infos``
    (``_form`` entries, one per word token, in order).

    Candidates are all term matches; a candidate sharing a token with an exclusion match of the
    same frame is dropped; then the longest (then leftmost) non-overlapping candidates are kept.
    The caller may name the only ``positions`` (ascending) whose entry lists are not empty, and
    for each the ``stops`` index no match may reach (the end of its sentence: a whole document
    is then matched at once, sentence by sentence, since no span crosses a stop).
    """
    candidates: dict[int, list[tuple[int, int, str]]] = {}  # frame -> [(-length, start, term)]
    blocked: dict[int, set[int]] = {}  # frame -> token positions inside an exclusion match
    if positions is None:
        positions = range(len(infos))
    if stops is None:
        stops = [len(infos)] * len(infos)
    for i, stop in zip(positions, stops, strict=True):
        info = infos[i]
        need = info[3]
        if need is not None and (
            i + 1 >= stop or (infos[i + 1][0] not in need and infos[i + 1][1] not in need)
        ):
            continue
        for n, rest, k, term in info[2]:
            if rest:
                if i + k > stop:
                    continue
                d = i
                for kind, value in rest:  # the other words, in order (_info_matches, inlined)
                    d += 1
                    lower, lemma = infos[d][0], infos[d][1]
                    if kind == "prefix":
                        if not (lower.startswith(value) or lemma.startswith(value)):
                            break
                    elif kind == "form":
                        if lower != value:
                            break
                    elif lemma != value and lower != value:
                        break
                else:
                    rest = ()
                if rest:
                    continue
            if term is None:
                blocked.setdefault(n, set()).update(range(i, i + k))
            else:
                candidates.setdefault(n, []).append((-k, i, term))
    out: dict[int, list[tuple[int, int, str]]] = {}
    for n in sorted(candidates):
        used: set[int] = set(blocked.get(n, ()))
        kept = []
        for neg, i, term in sorted(set(candidates[n])):
            span = range(i, i - neg)
            if used.isdisjoint(span):
                used.update(span)
                kept.append((i, i - neg, term))
        if kept:
            out[n] = sorted(kept)
    return out


def _spans(text: str, frames: tuple[Frame, ...]):
    """Return ``(tokens, {frame number: [(start, end, term)]})``: kept hits as token spans of
    ``text`` (tokenised here: for text that is not part of an analysed document)."""
    cache = _form_cache(frames)
    tokens = _word_tokens(text)
    return tokens, _kept([_form(t.text, cache) for t in tokens])


def _document_kept(doc: Document, frames: tuple[Frame, ...]):
    """Return ``(kept, bounds)`` for the analysed document: ``kept`` as :func:`_kept` gives it,
    as spans of the document's tokens (no second tokenisation; no span crosses a sentence or the
    headline), and ``bounds`` the token index where each sentence starts, then the token count.
    Cached on the document per frame set."""

    def build():
        cache = _form_cache(frames)
        infos = list(map(cache.get, doc.types))  # each form's entry, looked up in C
        if None in infos:  # forms new to this frame set: looked up in the index once
            infos = [
                info or _form(form, cache) for info, form in zip(infos, doc.types, strict=True)
            ]
        total = len(doc.token_type)
        if not total:
            return {}, [0]
        sentence, paragraph = doc.token_sentence, doc.token_paragraph
        cuts = (
            np.flatnonzero((sentence[1:] != sentence[:-1]) | (paragraph[1:] != paragraph[:-1])) + 1
        )  # a sentence (or the headline) is a run of tokens with one sentence and paragraph
        bounds = [0, *cuts.tolist(), total]
        # tokens whose type starts a term or an exclusion: the only places a match can start
        starting = np.array([bool(info[2]) for info in infos], dtype=bool)
        hot = np.flatnonzero(starting[doc.token_type])
        stops = np.asarray(bounds)[np.searchsorted(cuts, hot, side="right") + 1]
        token_infos = list(map(infos.__getitem__, doc.token_type.tolist()))
        return _kept(token_infos, hot.tolist(), stops.tolist()), bounds

    return doc.memo("frame_kept", (frames,), build)


def _document_hits(doc: Document, frames: tuple[Frame, ...]):
    """Per sentence with a hit of the analysed document (the headline as sentence -1, then the
    body): ``(sentence_id, paragraph_id, token starts, token ends, kept hits)``, kept hits as
    spans of the sentence's tokens (:func:`_document_kept`, regrouped)."""
    kept, bounds = _document_kept(doc, frames)
    by_unit: dict[int, dict[int, list[tuple[int, int, str]]]] = {}
    unit_of = dict.fromkeys(i for spans in kept.values() for i, _, _ in spans)
    for i, u in zip(unit_of, np.searchsorted(bounds, list(unit_of), side="right") - 1, strict=True):
        unit_of[i] = int(u)
    for n, spans in kept.items():  # frames in ascending order, spans in reading order
        for i, j, term in spans:
            u = unit_of[i]
            a = bounds[u]
            by_unit.setdefault(u, {}).setdefault(n, []).append((i - a, j - a, term))
    out = []
    for u in sorted(by_unit):
        a, b = bounds[u], bounds[u + 1]
        out.append(
            (int(doc.token_sentence[a]), int(doc.token_paragraph[a]),
             doc.token_start[a:b].tolist(), doc.token_end[a:b].tolist(), by_unit[u])
        )  # fmt: skip
    return out


def _hit_counts(doc: Document, frames: tuple[Frame, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(hits, headline)``: kept hits per body sentence and frame (sentences × frames)
    and per frame in the headline, counted from :func:`_document_kept`."""
    kept, _ = _document_kept(doc, frames)
    n_frames, n_sentences = len(frames), doc.n_sentences
    firsts = [i for spans in kept.values() for i, _, _ in spans]
    numbers = [n for n, spans in kept.items() for _ in spans]
    rows = doc.token_sentence[np.array(firsts, dtype=np.intp)].astype(np.intp) + 1  # headline: 0
    counts = np.bincount(
        rows * n_frames + np.array(numbers, dtype=np.intp), minlength=(n_sentences + 1) * n_frames
    ).reshape(n_sentences + 1, n_frames)
    return counts[1:], counts[0]


def _matches(text: str, frames: tuple[Frame, ...]) -> dict[int, list[tuple[str, str]]]:
    """Per frame number: ``(matched words, dictionary term)`` in reading order."""
    tokens, spans = _spans(text, frames)
    return {
        n: [(text[tokens[i].start : tokens[j - 1].end], term) for i, j, term in kept]
        for n, kept in spans.items()
    }


def match_frames(text: str, frames: Iterable[Frame] | None = None) -> dict[str, list[str]]:
    """Return, per ``scheme/frame``, the words of ``text`` that match its dictionary.

    Terms match whole words by lemma (``poll`` matches "polls"), a trailing ``*`` matches a
    prefix, a leading ``=`` one exact form, and a multi-word term matches consecutive words;
    a hit sharing a word with a match of one of the frame's ``exclude`` patterns is cancelled;
    within a frame the longest term wins (then the leftmost) and a word counts once.

    >>> match_frames("Opinion polls show the majority of people are opposed.")["mfc/public_opinion"]
    ['Opinion polls', 'majority of']
    >>> sorted(match_frames("The ruling party lost the court ruling."))
    ['mfc/legality_constitutionality_jurisprudence', 'mfc/political']
    >>> match_frames("The ruling party lost the court ruling.")["mfc/political"]
    ['ruling party']
    """
    expect_kind(text, str, "match_frames", hint="pass the text of an article")
    frames = _frames(frames)
    text = normalise(text)
    return {
        f"{frames[n].scheme}/{frames[n].frame}": [words for words, _ in hits]
        for n, hits in _matches(text, frames).items()
    }


def frame_evidence(
    corpus: Corpus | Iterable[Article] | Article,
    dictionaries: Iterable[Frame] | str | Path | None = None,
    *,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return every sentence that matches a frame dictionary, with the words that matched.

    Columns: ``article_id, scheme, frame, label, part, paragraph_id, sentence_id, hits, terms,
    sentence, patterns`` (``terms`` joins the matched words with ``"; "``, ``patterns`` the
    dictionary terms they matched, in the same order), in reading order (headline
    first, ``paragraph_id == sentence_id == -1``), then dictionary order. One sentence can
    support several frames. This is the table to read before trusting any frame score.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("The Japanese and Russian militaries would build closer ties.",))
    >>> frame_evidence([a])[["frame", "terms"]].values.tolist()
    [['security_and_defense', 'militaries'], ['external_regulation_and_reputation', 'ties']]
    """
    res = resolve_resources(resources, corpus)
    frames = _frames(dictionaries, res)
    rows = []
    for article in as_articles(corpus):
        doc = analyse(article, resources=res)
        found = {
            s: (starts, ends, kept) for s, _, starts, ends, kept in _document_hits(doc, frames)
        }
        for unit in document_units(doc):
            tail = unit.sentences[-1][0]  # the unit's last span runs to the paragraph's end
            for sentence_id, start, end in unit.sentences:
                hit = found.get(sentence_id)
                sentence = unit.text[start:end].strip()
                if (
                    sentence_id == tail
                    and sentence_id >= 0
                    and TOKEN.search(unit.text, int(doc.sentence_end[sentence_id]), end)
                ):  # words after the document's last sentence: match the span as written
                    matches = _matches(normalise(sentence), frames)
                elif hit is None or not hit[2]:
                    continue
                else:
                    starts, ends, kept = hit
                    matches = {
                        n: [(unit.text[starts[i] : ends[j - 1]], term) for i, j, term in spans]
                        for n, spans in kept.items()
                    }
                for n, hits in matches.items():
                    f = frames[n]
                    words, terms = zip(*hits, strict=True)
                    rows.append(
                        (article.article_id, f.scheme, f.frame, f.label, unit.part,
                         unit.paragraph_id, sentence_id, len(words), "; ".join(words), sentence,
                         "; ".join(terms))
                    )  # fmt: skip
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def frame_drivers(
    evidence: pd.DataFrame,
    *,
    by: str = "article_id",
    groups: Mapping[str, str] | None = None,
    headline: bool = True,
) -> pd.DataFrame:
    """Return the words behind each frame score: per ``by`` value, frame and matched word, the hits.

    ``evidence`` is :func:`frame_evidence` output. Columns: ``<by>, scheme, frame, label,
    pattern, word, hits, sentences`` — ``pattern`` is the dictionary term, ``word`` the matched
    text lowercased ("polls" for the term ``poll``), ``hits`` how often it matched, ``sentences``
    in how many sentences. ``by`` is ``"article_id"`` (default), any column of ``evidence`` (e.g.
    a ``group`` column merged from the manifest), or a name for the groups that ``groups`` maps
    article ids to. Set ``headline=False`` to count the body only, as :func:`frame_dimensions`'s
    ``hits`` does. Rows are sorted by ``<by>``, then dictionary order of the frames, then most
    hits first, then word.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("Polls and more polls. A poll of voters.",))
    >>> d = frame_drivers(frame_evidence([a]))
    >>> d[d.frame == "public_opinion"][["pattern", "word", "hits", "sentences"]].values.tolist()
    [['poll', 'polls', 2, 1], ['poll', 'poll', 1, 1]]
    """
    expect_kind(evidence, pd.DataFrame, "frame_drivers", hint="pass nf.frame_evidence(corpus)")
    needed = ["article_id", "scheme", "frame", "label", "part", "paragraph_id", "sentence_id",
              "terms", "patterns"]  # fmt: skip
    missing = [c for c in needed if c not in evidence.columns]
    if missing:
        raise NewsframeError(
            f"frame_drivers: table lacks column(s) {', '.join(missing)}; pass frame_evidence(corpus)"
        )
    table = evidence if headline else evidence[evidence["part"] != "headline"]
    table = table.reset_index(drop=True)
    if groups is not None:
        unknown = sorted(set(table["article_id"].unique()) - set(groups))
        if unknown:
            raise NewsframeError(f"frame_drivers: no group for article_id {unknown[0]!r}")
        table = table.assign(**{by: table["article_id"].map(groups)})
    elif by not in table.columns:
        raise NewsframeError(f"frame_drivers: no column {by!r}; pass groups= or merge it in")
    keys = list(zip(table["scheme"], table["frame"], strict=True))
    order = {k: n for n, k in enumerate(dict.fromkeys(keys))}
    rows: dict[tuple, list] = {}
    for unit, r, words, patterns in zip(
        table[by], table.itertuples(index=False), table["terms"], table["patterns"], strict=True
    ):
        key_part = (unit, r.scheme, r.frame)
        for word, pattern in zip(words.split("; "), patterns.split("; "), strict=True):
            key = (*key_part, r.label, pattern, word.lower())
            entry = rows.setdefault(key, [0, set()])
            entry[0] += 1
            entry[1].add((r.article_id, r.part, r.paragraph_id, r.sentence_id))
    out = pd.DataFrame(
        [(*k, n, len(sentences)) for k, (n, sentences) in rows.items()],
        columns=[by, *DRIVER_COLUMNS],
    )
    out["_frame"] = [order[k] for k in zip(out["scheme"], out["frame"], strict=True)]
    out = out.sort_values([by, "_frame", "hits", "word"], ascending=[True, True, False, True],
                          kind="stable")  # fmt: skip
    return out.drop(columns="_frame").reset_index(drop=True)


#: Intervals: about this many replicates (rows × resamples) are partitioned at once.
_QUANTILE_CELLS = 1 << 20


def _weights(n: int, n_boot: int, seed: int) -> Iterator[np.ndarray]:
    """The resamples of ``n`` sentences as counts (sentences × resamples, float), one batch of
    :func:`~newsframe.stats.resample_indices` at a time (so memory stays bounded)."""
    for draws in resample_indices(n, n_resamples=n_boot, seed=seed):
        yield Draws.of(draws).counts.astype(float)


def _intervals(
    samples: list[tuple[np.ndarray, np.ndarray]], n_boot: int, seed: int, level: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Percentile intervals of per-1,000 rates, resampling sentences: ``(low, high)`` per frame
    for each ``(hits, words)`` sample (hits: sentences × frames; words per sentence).

    The resamples are :func:`~newsframe.stats.bootstrap_rates`'s with ``default_rng(seed)``
    for each article: they depend only on its number of sentences, so they are drawn once per
    number (:func:`~newsframe.stats.resample_indices`) and serve every article of that length
    (an article so long that its resamples come in several batches draws them again, batch by
    batch: time and memory linear in its sentences). A frame without hits has every replicate
    0: only the columns with hits are resampled (integer sums in floating point are exact, so
    the rates are bootstrap_rates' exactly). The replicates of many articles are partitioned
    together (:func:`~newsframe.stats.quantiles` works row by row: the same numbers).
    """
    out: list[tuple[np.ndarray, np.ndarray]] = []
    by_length: dict[int, list[int]] = {}
    for k, (hits, words) in enumerate(samples):
        n_frames = hits.shape[1]
        if n_boot <= 0 or len(words) == 0:
            total = words.sum()
            rate = 1000.0 * hits.sum(0) / total if total else np.zeros(n_frames)
            out.append((rate, rate))
            continue
        out.append((np.zeros(n_frames), np.zeros(n_frames)))
        if hits.any():
            by_length.setdefault(len(words), []).append(k)
    tail = (1.0 - level) / 2.0  # percentile_interval's two quantiles
    block: list[tuple[int, np.ndarray, np.ndarray]] = []  # (sample, frames with hits, rates)
    cells = 0
    # BLAS on one thread: a BLAS that splits each product (frames by sentences by resamples)
    # over the cores spends more CPU waiting than multiplying on a busy machine, more the longer
    # the article (same numbers: the sums are whole numbers, exact in any order)
    with one_blas_thread():
        for k, used, rates in _rates(samples, by_length, n_boot, seed):
            block.append((k, used, rates))
            cells += rates.size
            if cells >= _QUANTILE_CELLS:
                _bounds(block, out, tail)
                cells = 0
    if block:
        _bounds(block, out, tail)
    return out


def _bounds(block: list[tuple[int, np.ndarray, np.ndarray]], out: list, tail: float) -> None:
    """Write the percentile bounds of the replicates in ``block`` into ``out`` (then empty it)."""
    rows = np.concatenate([rates for _, _, rates in block])
    # sorted first: numpy sorts rows with vector instructions, about four times faster than it
    # partitions them, and partitioning sorted rows is quick; the order statistics the
    # quantiles read are the same either way (the rates are never NaN or -0.0)
    rows.sort(axis=-1)
    bounds = quantiles(rows, [tail, 1.0 - tail], overwrite=True)
    row = 0
    for k, used, rates in block:
        low, high = out[k]
        low[used], high[used] = bounds[:, row : row + len(rates)]
        row += len(rates)
    block.clear()


def _rates(
    samples: list[tuple[np.ndarray, np.ndarray]],
    by_length: dict[int, list[int]],
    n_boot: int,
    seed: int,
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """``(sample, frames with hits, replicates: frames × n_boot)`` for each sample to resample."""
    for n, members in by_length.items():
        single = len(list(resample_batches(n_boot, n))) == 1
        shared = list(_weights(n, n_boot, seed)) if single else None
        for k in members:
            hits, words = samples[k]
            used = np.flatnonzero(hits.any(0))
            counts, lengths = hits[:, used].T.astype(float), words.astype(float)
            rates = np.empty((len(used), n_boot))  # each frame's replicates contiguous
            done = 0
            for w in shared if shared is not None else _weights(n, n_boot, seed):
                totals = lengths @ w
                part = rates[:, done : done + w.shape[1]]
                np.divide(1000.0 * (counts @ w), totals, out=part, where=totals > 0)
                part[:, totals <= 0] = 0.0
                done += w.shape[1]
            yield k, used, rates


def frame_dimensions(
    corpus: Corpus | Iterable[Article] | Article,
    dictionaries: Iterable[Frame] | str | Path | None = None,
    *,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    resources: Resources | None = None,
    n_boot: int | None = None,
    level: float | None = None,
) -> pd.DataFrame:
    """Return per article and frame the dictionary hits per 1,000 body words, with an interval.

    Columns: ``article_id, scheme, frame, label, hits, sentences, per_1000, ci_low, ci_high,
    headline_hits, rank, words``. Schemes: the 15 Media Frames Corpus policy frames (``mfc``;
    Boydstun et al. 2014, Card et al. 2015) and Semetko & Valkenburg's (2000) five generic frames
    (``sv``), as short editable dictionaries (``data/frame_dictionaries.toml``). ``hits`` counts
    matched terms in the body, ``sentences`` the body sentences with at least one,
    ``per_1000 = 1000 * hits / words``; ``ci_low``/``ci_high`` are a percentile bootstrap interval
    at level ``confidence`` (``n_resamples`` resamples of the article's sentences, fixed ``seed``;
    ``n_boot`` and ``level`` are the deprecated names) — wide for a short article,
    as it should be. ``headline_hits`` counts the headline separately. ``rank`` orders frames
    within article and scheme by ``per_1000`` (ties: dictionary order). Every frame gets a row.
    Dictionary hits show that a text touches a frame, not that it is framed so: read
    :func:`frame_evidence`.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("Opinion polls show most people are unsure. Putin refused a dog.",))
    >>> t = frame_dimensions([a], n_resamples=0)
    >>> t[t.hits > 0][["frame", "hits", "per_1000"]].values.tolist()
    [['public_opinion', 1, 90.9090909090909], ['human_interest', 1, 90.9090909090909]]
    """
    where = "frame_dimensions"
    n_resamples = renamed(n_resamples, n_boot, old="n_boot", new="n_resamples", where=where)
    confidence = renamed(confidence, level, old="level", new="confidence", where=where)
    if not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        raise NewsframeError(
            f"{where}: confidence must be a share between 0 and 1 (e.g. 0.95), got {confidence!r}"
        )
    res = resolve_resources(resources, corpus)
    frames = _frames(dictionaries, res)
    found, samples = [], []
    for article in as_articles(corpus):
        doc = analyse(article, resources=res)
        body = doc.token_sentence[doc.n_headline_tokens :]
        words = np.bincount(body, minlength=doc.n_sentences).astype(int)  # words per sentence
        hits, headline = _hit_counts(doc, frames)
        samples.append((hits, words))
        found.append((article.article_id, doc.n_words, headline.tolist()))
    rows = []
    intervals = _intervals(samples, n_resamples, seed, confidence)
    for (aid, total, head), (hits, _), (low, high) in zip(found, samples, intervals, strict=True):
        sums, spread = hits.sum(0).tolist(), (hits > 0).sum(0).tolist()
        for f, n, k, lo, hi, h in zip(frames, sums, spread, low.tolist(), high.tolist(), head,
                                      strict=True):  # fmt: skip
            rows.append(
                (aid, f.scheme, f.frame, f.label, n, k, per_1000(n, total), lo, hi, h, 0, total)
            )  # fmt: skip
    out = pd.DataFrame(rows, columns=DIMENSION_COLUMNS)
    if not out.empty:
        out["_order"] = range(len(out))
        ranked = out.sort_values(["article_id", "scheme", "per_1000", "_order"],
                                 ascending=[True, True, False, True], kind="stable")  # fmt: skip
        out.loc[ranked.index, "rank"] = ranked.groupby(["article_id", "scheme"]).cumcount() + 1
        out = out.drop(columns="_order")
    return out
