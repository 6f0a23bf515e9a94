"""The analysed document: one article tokenised, lemmatised and annotated once, read by everything.

:func:`analyse` turns an :class:`~newsframe.Article` into a :class:`Document`: the normalised
headline and paragraphs, sentence spans (the one splitter, :func:`newsframe.split_sentences`),
word tokens with character offsets (the one tokenizer, :data:`newsframe.text.TOKEN`), their
lowercase form, lemma and stopword flag, the merged multi-word terms (the one merger,
:func:`newsframe.text.merge_phrases`) and the actor mentions (:func:`newsframe.find_mentions`).
Every table and measure downstream reads these; none re-tokenises or re-splits.

Where tokens come from, in one sentence: ``TOKEN.finditer`` over each normalised paragraph (and
the headline), nothing else. :attr:`Document.n_words` -- the word tokens of the clean body,
headline excluded, multi-word terms not merged -- is THE word count: the denominator of every
per-1,000 rate in newsframe.

Storage is compact: per-token values live in a few numpy arrays and per-type strings in tuples
(a token's text is a slice of its paragraph), so 10,000 articles of 500 words take well under
a gigabyte. Documents are cached on their Article per :class:`~newsframe.Resources` object.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import re
import sys
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import overload

import numpy as np

from newsframe.actors import Actor, Mention, find_mentions
from newsframe.article import _COUNTS, _DOCUMENTS, Article, as_articles
from newsframe.entities import Entities, find_entities
from newsframe.lexicons import EntityWords
from newsframe.parallel import gathering, map_slices, n_workers
from newsframe.resources import Resources, resolve_resources
from newsframe.text import ASCII_TOKEN, TOKEN, is_term, lemmatize, merge_phrases, phrase_index

__all__ = ["HEADLINE", "Document", "analyse", "analyse_corpus"]

#: ``paragraph_id`` and ``sentence_id`` of the headline's tokens and mentions.
HEADLINE = -1
_CACHE_SIZE = 4  # documents kept per article (one per Resources object, most recent)
#: Entity layers built before the article's document was (:func:`keep_layer`), kept on the
#: Article until that document is built, then moved onto it.
_LAYERS = "_newsframe_entity_layers"
#: Actor mentions found before the article's document was built (:func:`keep_mentions`), kept on
#: the Article until that document takes them instead of searching its text again.
_MENTIONS = "_newsframe_actor_mentions"


@dataclass(frozen=True, eq=False)
class Document:
    """One analysed article (build with :func:`analyse`; never edit).

    Text: ``title`` (normalised headline) and ``paragraphs`` (normalised body paragraphs).

    Sentences (body only; ``sentence_id`` is the index, counted through the article):
    ``sentence_paragraph``, ``sentence_start``, ``sentence_end`` (int32 arrays; offsets into the
    sentence's paragraph).

    Tokens (headline tokens first, then the body in reading order; index ``i``):
    ``token_paragraph`` and ``token_sentence`` (-1 for the headline), ``token_start`` and
    ``token_end`` (offsets into the paragraph, or into ``title``), ``token_type`` (index into the
    per-type tuples ``types`` -- the form as written --, ``type_lower``, ``type_lemma`` (the term
    key, :func:`newsframe.text.lemmatize`) and the bool arrays ``type_stop`` and ``type_term``
    (False for numbers, dates and words outside the Latin script: :func:`newsframe.text.is_term`;
    they stay in the text and in ``n_words`` but are counted as no term)). ``n_headline_tokens`` headline tokens come first, so body word
    ``k`` is token ``n_headline_tokens + k``.

    Multi-word terms (merged within one sentence or the headline): ``phrase_first`` (token index
    of the first word), ``phrase_length`` (words) and ``phrase_lemma`` (``"kuril island"``).

    Actor mentions: ``mentions``, ``(paragraph_id, Mention)`` pairs in reading order (-1 for the
    headline; ``Mention.start``/``end`` are offsets into that paragraph or the title).

    ``n_words``: word tokens of the body (headline excluded, multi-word terms not merged) --
    THE denominator of every per-1,000 rate.
    """

    article_id: str
    title: str
    paragraphs: tuple[str, ...]
    sentence_paragraph: np.ndarray
    sentence_start: np.ndarray
    sentence_end: np.ndarray
    token_paragraph: np.ndarray
    token_sentence: np.ndarray
    token_start: np.ndarray
    token_end: np.ndarray
    token_type: np.ndarray
    types: tuple[str, ...]
    type_lower: tuple[str, ...]
    type_lemma: tuple[str, ...]
    type_stop: np.ndarray
    type_term: np.ndarray
    n_headline_tokens: int
    phrase_first: np.ndarray
    phrase_length: np.ndarray
    phrase_lemma: tuple[str, ...]
    mentions: tuple[tuple[int, Mention], ...]
    n_words: int
    #: The entity words of the resources the document was built with (titles, organisation
    #: nouns ...: :meth:`entities` reads them); None: the shipped ones.
    entity_words: EntityWords | None = None

    # --- text ---------------------------------------------------------------------------------

    def text_of(self, paragraph_id: int) -> str:
        """Return the normalised text of paragraph ``paragraph_id`` (-1: the headline)."""
        return self.title if paragraph_id == HEADLINE else self.paragraphs[paragraph_id]

    @property
    def n_sentences(self) -> int:
        """Number of body sentences."""
        return len(self.sentence_start)

    def sentence_text(self, sentence_id: int) -> str:
        """Return the text of body sentence ``sentence_id``."""
        paragraph = self.paragraphs[int(self.sentence_paragraph[sentence_id])]
        return paragraph[
            int(self.sentence_start[sentence_id]) : int(self.sentence_end[sentence_id])
        ]

    def sentences(self) -> list[tuple[int, int, str]]:
        """Return ``(paragraph_id, sentence_id, sentence)`` for the body, as
        :meth:`Article.sentences` does."""
        return [
            (int(p), s, self.paragraphs[p][a:b])
            for s, (p, a, b) in enumerate(
                zip(
                    self.sentence_paragraph.tolist(),
                    self.sentence_start.tolist(),
                    self.sentence_end.tolist(),
                    strict=True,
                )
            )
        ]

    def sentence_spans(self, paragraph_id: int) -> list[tuple[int, int, int]]:
        """Return ``(sentence_id, start, end)`` of the sentences of one body paragraph."""
        lo, hi = np.searchsorted(self.sentence_paragraph, [paragraph_id, paragraph_id + 1])
        return [
            (int(s), int(self.sentence_start[s]), int(self.sentence_end[s])) for s in range(lo, hi)
        ]

    # --- tokens -------------------------------------------------------------------------------

    @property
    def n_tokens(self) -> int:
        """Number of word tokens, headline included."""
        return len(self.token_start)

    def token_range(self, paragraph_id: int) -> tuple[int, int]:
        """Return ``(first, stop)`` token indices of paragraph ``paragraph_id`` (-1: headline)."""
        lo, hi = np.searchsorted(self.token_paragraph, [paragraph_id, paragraph_id + 1])
        return int(lo), int(hi)

    def token_text(self, i: int) -> str:
        """Return token ``i`` as written."""
        return self.types[self.token_type[i]]

    def words_before(self, paragraph_id: int, offset: int) -> int:
        """Return how many body words come before character ``offset`` of a body paragraph
        (the word index of a word starting there). Binary search: O(log n)."""
        lo, hi = self.token_range(paragraph_id)
        inside = int(np.searchsorted(self.token_start[lo:hi], offset, side="left"))
        return lo - self.n_headline_tokens + inside

    def token_rows(self) -> Iterator[tuple[int, int, int, int, str, str, bool]]:
        """Yield ``(paragraph_id, sentence_id, start, end, text, lemma, is_stop)`` per token."""
        types, lemmas, stops = self.types, self.type_lemma, self.type_stop.tolist()
        for p, s, a, b, t in zip(
            self.token_paragraph.tolist(),
            self.token_sentence.tolist(),
            self.token_start.tolist(),
            self.token_end.tolist(),
            self.token_type.tolist(),
            strict=True,
        ):
            yield p, s, a, b, types[t], lemmas[t], stops[t]

    def terms(self, *, headline: bool = False) -> Iterator[tuple[int, int, str, str, bool]]:
        """Yield the term sequence: ``(first_token, n_words, text, lemma, is_stop)``.

        Words one by one, except that each multi-word term is one item (its text as written,
        words joined by a space; its lemma ``"kuril island"``; never a stopword). The body only,
        unless ``headline``.
        """
        types, lemmas, stops = self.types, self.type_lemma, self.type_stop
        token_type = self.token_type
        starts = dict(zip(self.phrase_first.tolist(), range(len(self.phrase_first)), strict=True))
        i = 0 if headline else self.n_headline_tokens
        n = self.n_tokens
        while i < n:
            k = starts.get(i)
            if k is None:
                t = token_type[i]
                yield i, 1, types[t], lemmas[t], bool(stops[t])
                i += 1
            else:
                length = int(self.phrase_length[k])
                text = " ".join(types[t] for t in token_type[i : i + length].tolist())
                yield i, length, text, self.phrase_lemma[k], False
                i += length

    def memo(self, name: str, deps: tuple, build):
        """Return ``build()`` computed once per ``name`` and ``deps`` (compared by identity).

        For per-article results other measures reuse (e.g. attributions under one verb table).
        """
        cache = self.__dict__.setdefault("_memo", {})
        key = (name, *map(id, deps))
        hit = cache.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], deps, strict=True)):
            return hit[1]
        value = build()
        cache[key] = (deps, value)
        return value

    # --- mentions and entities ----------------------------------------------------------------

    def entities(
        self, actors: tuple[Actor, ...] = (), *, organisation_nouns: Iterable[str] = ()
    ) -> Entities:
        """Return the article's entity layer (:func:`newsframe.entities.find_entities` over the
        headline and paragraphs, with this document's actor ``mentions`` named after
        ``actors``), built once per actor table and noun list and kept on the document.

        >>> from newsframe import Article
        >>> doc = analyse(Article("a", "Xi meets Moon", ("Xi Jinping met Moon Jae-in.",)))
        >>> [(m.text, m.entity_id) for m in doc.entities().mentions]
        [('Xi', 'Xi Jinping'), ('Moon', 'Moon Jae-in'), ('Xi Jinping', 'Xi Jinping'), ('Moon Jae-in', 'Moon Jae-in')]
        """
        nouns = frozenset(organisation_nouns)

        def build() -> Entities:
            return find_entities(
                (self.title, *self.paragraphs),
                ids=range(HEADLINE, len(self.paragraphs)),
                mentions=self.mentions,
                actors=actors,
                organisation_nouns=nouns,
                words=self.entity_words,
            )

        return self.memo(_layer_key(nouns), (actors,), build)

    def mentions_in(self, paragraph_id: int) -> list[Mention]:
        """Return the actor mentions of one paragraph (-1: the headline), in order."""
        return [m for p, m in self.mentions if p == paragraph_id]

    def __repr__(self) -> str:
        return (
            f"Document({self.article_id!r}, paragraphs={len(self.paragraphs)}, "
            f"sentences={self.n_sentences}, n_words={self.n_words}, "
            f"phrases={len(self.phrase_first)}, mentions={len(self.mentions)})"
        )


# --- building ------------------------------------------------------------------------------


#: Per Resources object: word form -> (form, lowercase, lemma, is_stop, is_term), shared by every document
#: analysed with it (so each distinct form is lowercased, lemmatised and looked up once, and its
#: strings are stored once however many documents use it).
_FORMS: weakref.WeakKeyDictionary[Resources, dict[str, tuple[str, str, str, bool, bool]]] = (
    weakref.WeakKeyDictionary()
)


def _form_table(resources: Resources) -> dict[str, tuple[str, str, str, bool, bool]]:
    table = _FORMS.get(resources)
    if table is None:
        table = _FORMS[resources] = {}
    return table


def _form_info(form: str, resources: Resources) -> tuple[str, str, str, bool, bool]:
    word = form[:-2] if form.lower().endswith("'s") else form.rstrip("'")
    # a word in capitals is an acronym ("US", "U.S."): its key is lemmatize's, never the lemma
    # or the stopword of the lowercase word it spells ("us")
    acronym = len(word) > 1 and word.isupper()
    lemma = (None if acronym else resources.lemma_exceptions.get(word.lower())) or lemmatize(form)
    lower = form.lower()
    stop = lower in resources.stopwords and not acronym
    return (sys.intern(form), sys.intern(lower), sys.intern(lemma), stop, is_term(form))


def _sentence_spans(article: Article) -> list[tuple[int, int, int]]:
    """(paragraph_id, start, end) of every body sentence: offsets found left to right, linear."""
    spans: list[tuple[int, int, int]] = []
    paragraphs = article.clean_paragraphs
    cursor_of: dict[int, int] = {}
    for paragraph_id, _sentence_id, sentence in article.sentences():
        text = paragraphs[paragraph_id]
        cursor = cursor_of.get(paragraph_id, 0)
        start = text.find(sentence, cursor)
        start = cursor if start < 0 else start
        end = min(len(text), start + len(sentence))
        cursor_of[paragraph_id] = end
        spans.append((paragraph_id, start, end))
    return spans


def _ints(values) -> np.ndarray:
    return np.asarray(values, dtype=np.int32)


def _build(article: Article, resources: Resources) -> Document:
    title, paragraphs = article.clean_title, article.clean_paragraphs
    spans = _sentence_spans(article)
    # units: the headline (one "sentence" -1), then each paragraph with its sentences
    by_paragraph: dict[int, list[tuple[int, int, int]]] = {}
    for sentence_id, (paragraph_id, start, end) in enumerate(spans):
        by_paragraph.setdefault(paragraph_id, []).append((sentence_id, start, end))
    units = [(HEADLINE, title, [(HEADLINE, 0, len(title))] if title else [])]
    units += [(p, paragraphs[p], sentences) for p, sentences in sorted(by_paragraph.items())]

    # every token's form and offsets, in reading order, gathered in flat lists (one numpy
    # conversion at the end); each token's sentence by one binary search over the sentence ends,
    # keyed by (unit, offset) so that one search serves every paragraph
    forms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    par_ids, par_sizes, unit_of_sizes = [], [], []
    sentence_keys: list[int] = []  # (unit << 32) + end of each sentence, ascending
    sentence_ids: list[int] = []
    for unit, (paragraph_id, text, sentences) in enumerate(units):
        if not sentences:
            continue
        lo, hi = sentences[0][1], sentences[-1][2]
        matches = list((ASCII_TOKEN if text.isascii() else TOKEN).finditer(text, lo, hi))
        if not matches:
            continue
        forms += map(_GROUP, matches)
        starts += map(_START, matches)
        ends += map(_END, matches)
        base = unit << 32
        sentence_keys += [base + end for _, _, end in sentences]
        sentence_ids += [sid for sid, _, _ in sentences]
        par_ids.append(paragraph_id)
        par_sizes.append(len(matches))
        unit_of_sizes.append(unit)
    token_start = np.array(starts, dtype=np.int32)
    token_end = np.array(ends, dtype=np.int32)
    keys = np.repeat(np.array(unit_of_sizes, dtype=np.int64) << 32, par_sizes) + token_start
    # the sentence whose end comes first after the token's start, within the token's unit (a
    # token never lies past its unit's last sentence: tokens are read up to that end)
    which = np.searchsorted(np.array(sentence_keys, dtype=np.int64), keys, side="right")
    token_sentence = np.array(sentence_ids, dtype=np.int32)[which] if len(which) else _ints([])

    # type index of each form: the order of its first occurrence in this document
    local = {form: i for i, form in enumerate(dict.fromkeys(forms))}
    table = _form_table(resources)
    info = list(map(table.get, local))  # looked up in C; only forms new to the table in Python
    for form in itertools.compress(local, map(operator.not_, info)):
        table[form] = _form_info(form, resources)
    if None in info:
        info = list(map(table.__getitem__, local))
    types, lowers, lemmas, stop_flags, term_flags = (
        zip(*info, strict=True) if info else ((), (), (), (), ())
    )
    stops = np.array(stop_flags, dtype=bool)

    token_type = np.fromiter(map(local.__getitem__, forms), dtype=np.int32, count=len(forms))
    token_paragraph = np.repeat(_ints(par_ids), par_sizes)
    n_headline = int(np.searchsorted(token_paragraph, 0))

    # multi-word terms: the one merger, run sentence by sentence (never across a boundary)
    phrase_rows: list[tuple[int, int, str]] = []
    index = _phrase_index(resources)
    # only sentences holding a lemma some phrase starts with can hold a phrase
    can_start = np.fromiter(map(index.__contains__, lemmas), dtype=bool, count=len(lemmas))
    hits = np.flatnonzero(can_start[token_type]) if index and len(token_type) else ()
    if len(hits):
        cuts = np.flatnonzero(np.diff(token_sentence)) + 1
        bounds = np.concatenate(([0], cuts, [len(token_type)]))
        for s in np.unique(np.searchsorted(bounds, hits, side="right") - 1).tolist():
            a, b = int(bounds[s]), int(bounds[s + 1])
            sentence = list(map(lemmas.__getitem__, token_type[a:b].tolist()))
            for start, k in merge_phrases(sentence, index):
                joined = " ".join(sentence[start : start + k])  # "per cent" -> "percent"
                phrase = sys.intern(resources.lemma_exceptions.get(joined, joined))
                phrase_rows.append((a + start, k, phrase))

    mentions = _taken_mentions(article, resources)
    if mentions is None:
        mentions = _find_mentions(title, paragraphs, resources)

    return Document(
        article_id=article.article_id,
        title=title,
        paragraphs=paragraphs,
        sentence_paragraph=_ints([p for p, _, _ in spans]),
        sentence_start=_ints([a for _, a, _ in spans]),
        sentence_end=_ints([b for _, _, b in spans]),
        token_paragraph=token_paragraph,
        token_sentence=token_sentence,
        token_start=token_start,
        token_end=token_end,
        token_type=token_type,
        types=types,
        type_lower=lowers,
        type_lemma=lemmas,
        type_stop=stops,
        type_term=np.array(term_flags, dtype=bool),
        n_headline_tokens=n_headline,
        phrase_first=_ints([r[0] for r in phrase_rows]),
        phrase_length=_ints([r[1] for r in phrase_rows]),
        phrase_lemma=tuple(r[2] for r in phrase_rows),
        mentions=mentions,
        n_words=len(token_type) - n_headline,
        entity_words=resources.entity_words,
    )


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end

_PHRASE_INDEX: weakref.WeakKeyDictionary[Resources, dict] = weakref.WeakKeyDictionary()


def _phrase_index(resources: Resources) -> dict:
    index = _PHRASE_INDEX.get(resources)
    if index is None:
        index = _PHRASE_INDEX[resources] = phrase_index(resources.phrases)
    return index


def _cached(article: Article, resources: Resources) -> Document | None:
    """The Document of ``article`` under ``resources`` if one is cached, else None."""
    cache: dict[int, tuple[Resources, Document]] | None = article.__dict__.get(_DOCUMENTS)
    hit = cache.get(id(resources)) if cache is not None else None
    return hit[1] if hit is not None and hit[0] is resources else None


def _remember(article: Article, resources: Resources, doc: Document) -> Document:
    """Cache ``doc`` on ``article`` under ``resources`` (at most _CACHE_SIZE per article)."""
    cache: dict[int, tuple[Resources, Document]] | None = article.__dict__.get(_DOCUMENTS)
    if cache is None:
        cache = {}
        object.__setattr__(article, _DOCUMENTS, cache)  # Article is frozen; this is a cache
    if len(cache) >= _CACHE_SIZE:
        cache.pop(next(iter(cache)))
    cache[id(resources)] = (resources, doc)
    if _LAYERS in article.__dict__:
        _take_layers(article, resources, doc)
    return doc


def _find_mentions(
    title: str, paragraphs: tuple[str, ...], resources: Resources
) -> tuple[tuple[int, Mention], ...]:
    """The actor mentions of a headline and its paragraphs (:func:`newsframe.find_mentions`
    under ``resources``), as ``(paragraph_id, Mention)`` pairs in reading order."""
    found: list[tuple[int, Mention]] = []
    for paragraph_id, text in [(HEADLINE, title), *enumerate(paragraphs)]:
        if text:
            found.extend((paragraph_id, m) for m in find_mentions(text, resources.actors))
    return tuple(found)


def article_mentions(article: Article, resources: Resources) -> tuple[tuple[int, Mention], ...]:
    """Return the actor mentions of ``article`` under ``resources`` as its document holds them
    (:attr:`Document.mentions`): the cached document's, else those :func:`keep_mentions` kept on
    the article, else searched in its text (the one search, shared with :func:`analyse`).

    >>> from newsframe import default_resources
    >>> lee = (Actor("lee", "Lee", "person", ("Ann Lee", "Lee")),)
    >>> res = dataclasses.replace(default_resources(), actors=lee)
    >>> a = Article("a", "Lee speaks", ("Ann Lee spoke.",))
    >>> [(p, m.text) for p, m in article_mentions(a, res)]
    [(-1, 'Lee'), (0, 'Ann Lee')]
    """
    doc = _cached(article, resources)
    if doc is not None:
        return doc.mentions
    hit = article.__dict__.get(_MENTIONS)
    if hit is not None and hit[0] is resources:
        return hit[1]
    return _find_mentions(article.clean_title, article.clean_paragraphs, resources)


def keep_mentions(
    article: Article, resources: Resources, mentions: tuple[tuple[int, Mention], ...]
) -> None:
    """Keep ``mentions``, the actor mentions of ``article`` under ``resources`` found before its
    document is built (:func:`article_mentions`, e.g. in another process for the corpus-wide
    links), for its document to take instead of searching the text again (in this process or
    in a worker forked from it; :func:`drop_layers` forgets them).

    >>> from newsframe import default_resources
    >>> a, res = Article("a", "", ("Ann Lee spoke.",)), default_resources()
    >>> keep_mentions(a, res, ())  # (none: not what the text holds, to show which is used)
    >>> analyse(a, resources=res).mentions, _MENTIONS in a.__dict__
    ((), False)
    """
    if _cached(article, resources) is None:
        object.__setattr__(article, _MENTIONS, (resources, mentions))  # a cache on a frozen Article


def _taken_mentions(
    article: Article, resources: Resources
) -> tuple[tuple[int, Mention], ...] | None:
    """The mentions :func:`keep_mentions` kept on ``article`` under ``resources`` (forgotten on
    the article: its document holds them now), else None."""
    hit = article.__dict__.pop(_MENTIONS, None)
    return hit[1] if hit is not None and hit[0] is resources else None


def _layer_key(nouns: frozenset[str]) -> tuple[str, frozenset[str]]:
    """The name :meth:`Document.entities` memoises a layer under (with its actor table)."""
    return ("entities", nouns)


def keep_layer(
    article: Article,
    resources: Resources,
    actors: tuple[Actor, ...],
    nouns: frozenset[str],
    layer: Entities,
) -> None:
    """Keep ``layer``, the entity layer of ``article`` under ``resources``, ``actors`` and
    organisation ``nouns`` (built from its text, e.g. for the corpus-wide links), for
    :meth:`Document.entities` to return instead of building it again: on the article's cached
    document, else on the article until its document is built (in this process or in a
    worker forked from it; :func:`drop_documents` forgets it).

    >>> from newsframe import default_resources
    >>> from newsframe.entities import find_entities
    >>> a, res = Article("a", "", ("Ann Lee spoke.",)), default_resources()
    >>> layer = find_entities(["Ann Lee spoke."])
    >>> keep_layer(a, res, (), frozenset(), layer); kept_layer(a, res, (), frozenset()) is layer
    True
    >>> analyse(a, resources=res).entities() is layer, kept_layer(a, res, (), frozenset())
    (True, None)
    """
    doc = _cached(article, resources)
    if doc is not None:
        doc.memo(_layer_key(nouns), (actors,), lambda: layer)
        return
    pending = article.__dict__.get(_LAYERS)
    if pending is None:
        pending = {}
        object.__setattr__(article, _LAYERS, pending)  # a cache on a frozen Article
    pending[id(resources), nouns, id(actors)] = (resources, actors, layer)


def kept_layer(
    article: Article, resources: Resources, actors: tuple[Actor, ...], nouns: frozenset[str]
) -> Entities | None:
    """The layer :func:`keep_layer` kept on ``article`` (no document yet), else None."""
    hit = (article.__dict__.get(_LAYERS) or {}).get((id(resources), nouns, id(actors)))
    return hit[2] if hit is not None and hit[0] is resources and hit[1] is actors else None


def drop_layers(articles: Iterable[Article]) -> None:
    """Forget the entity layers :func:`keep_layer` kept on ``articles`` that no document took,
    and the mentions :func:`keep_mentions` kept (once the worker processes that needed them
    have built their documents).

    >>> from newsframe import default_resources
    >>> from newsframe.entities import find_entities
    >>> a, res = Article("a", "", ("Ann Lee spoke.",)), default_resources()
    >>> keep_layer(a, res, (), frozenset(), find_entities(["Ann Lee spoke."]))
    >>> drop_layers([a]); kept_layer(a, res, (), frozenset())
    """
    for article in articles:
        article.__dict__.pop(_LAYERS, None)
        article.__dict__.pop(_MENTIONS, None)


def _take_layers(article: Article, resources: Resources, doc: Document) -> None:
    """Move the layers kept on ``article`` under ``resources`` onto its new document."""
    pending = article.__dict__.get(_LAYERS)
    for key, (res, actors, layer) in list((pending or {}).items()):
        if res is resources:
            doc.memo(_layer_key(key[1]), (actors,), lambda layer=layer: layer)
            del pending[key]


def _document(article: Article, resources: Resources) -> Document:
    """The cached Document of ``article`` under ``resources`` (built on first use)."""
    doc = _cached(article, resources)
    return doc if doc is not None else _remember(article, resources, _build(article, resources))


@overload
def analyse(article: Article, *, resources: Resources | None = None) -> Document: ...
@overload
def analyse(
    article: Iterable[Article], *, resources: Resources | None = None
) -> list[Document]: ...
def analyse(article, *, resources=None):
    """Return the analysed :class:`Document` of one Article (a list of them for a corpus).

    Built once per article and :class:`~newsframe.Resources` object, then served from a cache
    on the Article. ``resources=None``: the corpus's own (``Corpus.resources``), else those of
    the corpus the articles were loaded into (:func:`newsframe.resources.resolve_resources`),
    else the shipped defaults.

    >>> from newsframe import Article
    >>> from newsframe import Actor, Story
    >>> story = Story(actors=(Actor("putin", "Putin", "person", ("Vladimir Putin", "Putin")),
    ...                       Actor("abe", "Abe", "person", ("Abe",))))
    >>> story = Story(actors=story.actors, phrases=("Kuril Islands",))
    >>> doc = analyse(Article("a", "Putin speaks", ("Abe visited the Kuril Islands. He left.",)),
    ...               resources=story.resources)
    >>> doc.n_words, doc.phrase_lemma, [(p, m.actor_id) for p, m in doc.mentions]
    (7, ('kuril island',), [(-1, 'putin'), (0, 'abe')])
    """
    if isinstance(article, Article):
        return _document(article, resolve_resources(resources, article))
    return analyse_corpus(article, resources=resources)


def analyse_corpus(
    articles: Iterable[Article] | Article,
    *,
    resources: Resources | None = None,
    n_jobs: int | None = 1,
) -> list[Document]:
    """Return the :class:`Document` of every article, in order (see :func:`analyse`).

    ``articles`` is coerced by :func:`newsframe.corpus.as_articles` (empty gives ``[]``).
    ``n_jobs`` > 1 (or -1: every core) analyses the articles not yet analysed in forked worker
    processes (:func:`newsframe.parallel.map_slices`, from 256 such articles on); the documents
    are the same as a serial run's, and are cached here as if built here.
    """
    res = resolve_resources(resources, articles)
    items = as_articles(articles)
    missing = [a for a in items if _cached(a, res) is None] if n_jobs != 1 else []
    if n_workers(n_jobs, len(missing), min_items=256) > 1:  # else built once, below
        # this process needs each article's clean text to adopt its document: made before the
        # fork, the workers inherit it instead of making it a second time
        for article in missing:
            _ = article.clean_title, article.clean_paragraphs
        # the documents arrive as many small objects without cycles: the cyclic collector,
        # left on, would traverse every article and document here again and again as they
        # arrive (half this process's time on 10,000 articles); it is paused until they are in
        with gathering():
            parts = map_slices(
                functools.partial(_build_bare, resources=res), missing, n_jobs=n_jobs,
                min_items=256,
            )  # fmt: skip
            table = _form_table(res)
            for _, forms in parts:  # word forms new to the workers: later forks inherit them
                for info in forms:
                    table.setdefault(info[0], info)
            built = itertools.chain.from_iterable(docs for docs, _ in parts)
            for article, doc in zip(missing, built, strict=True):
                _remember(article, res, _adopt(doc, article))
    return [_document(a, res) for a in items]


def without_text(doc: Document) -> Document:
    """``doc`` without its text (and without what measures memoised on it), to send from a
    worker process to one that has the article's text (see :func:`keep_documents_of`)."""
    return dataclasses.replace(doc, title="", paragraphs=())


def drop_documents(articles: Iterable[Article]) -> None:
    """Forget the documents cached on ``articles`` (and the entity layers kept for them, the
    normalised text and sentences cached to build them), keeping each one's sentence and word counts (for
    :meth:`newsframe.Corpus.to_frame`): frees their memory once every table that reads them is
    made (:func:`newsframe.distributed.iter_article_tables` does so chunk by chunk).

    >>> a = Article("a", "", ("One two. Three.",))
    >>> _ = analyse(a); drop_documents([a]); a.__dict__.get(_DOCUMENTS), a.__dict__[_COUNTS]
    (None, (2, 3))
    """
    drop_layers(articles)
    for article in articles:
        cache = article.__dict__.pop(_DOCUMENTS, None)
        if cache:
            doc = next(iter(cache.values()))[1]
            object.__setattr__(article, _COUNTS, (doc.n_sentences, doc.n_words))
        for cached in ("clean_paragraphs", "clean_title", "_sentences"):  # cached_property values
            article.__dict__.pop(cached, None)


def _build_bare(
    articles: Iterable[Article], resources: Resources
) -> tuple[list[Document], list[tuple[str, str, str, bool, bool]]]:
    """Documents built in a worker process, without their text: the receiving process has it
    (see :func:`_adopt`), so it need not travel back; and the word forms (:func:`_form_info`)
    this worker met first, for the receiving process's table (one pickle with the documents,
    so each string travels once)."""
    table = _form_table(resources)
    known = len(table)  # the table only grows: the forms after the first ``known`` are new
    docs = [without_text(_build(a, resources)) for a in articles]
    return docs, list(itertools.islice(table.values(), known, None))


def keep_documents_of(
    articles: Iterable[Article], documents: Iterable[Document], resources: Resources
) -> None:
    """Cache documents built in a worker process (:func:`without_text`) on their articles, as
    if built here under ``resources``."""
    by_id = {doc.article_id: doc for doc in documents}
    for article in articles:
        doc = by_id.get(article.article_id)
        if doc is not None:
            _remember(article, resources, _adopt(doc, article))


def keep_counts(articles: Iterable[Article], counts: dict[str, tuple[int, int]]) -> None:
    """Remember each article's ``(sentences, words)`` counted in a worker process, for
    :meth:`newsframe.Corpus.to_frame` (whether or not its document came back)."""
    for article in articles:
        known = counts.get(article.article_id)
        if known is not None:
            object.__setattr__(article, _COUNTS, known)  # a cache on a frozen Article


def _adopt(doc: Document, article: Article) -> Document:
    """A document built in a worker process, given this process's text of its article.

    Its word-form strings came back in one pickle per slice of documents, so each distinct form
    is stored once per slice, not once per document (no re-interning needed)."""
    return dataclasses.replace(doc, title=article.clean_title, paragraphs=article.clean_paragraphs)
