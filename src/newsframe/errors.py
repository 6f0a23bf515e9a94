"""Exceptions and warnings raised at newsframe's boundaries.

Every error names the input it is about and the problem, so a user can fix the file rather than
read a traceback from deep inside pandas.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class NewsframeError(Exception):
    """Base class for every error newsframe raises on purpose."""


class InputError(NewsframeError):
    """An input file (article or manifest) cannot be used; the message names the file.

    >>> str(InputError("data/raw/x.txt", "file is empty"))
    'data/raw/x.txt: file is empty'
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # raised in a worker process, it arrives in the caller as it was raised
        return (InputError, (self.path, self.problem))


class WrongKindError(NewsframeError, TypeError):
    """A public function was given the wrong kind of object; the message names the kind it wants.

    Raised by :func:`expect_kind`. A :class:`TypeError` too, so ``except TypeError`` still works.
    """


#: How a kind of object is named in an error (by class name; others by their own name).
_KIND_NAMES = {
    "DataFrame": "a table (pandas DataFrame)",
    "Corpus": "a Corpus (nf.load_corpus(...))",
    "str": "a string",
    "Path": "a path",
    "PurePath": "a path",
    "Article": "an Article",
    "Document": "a Document (nf.analyse(article))",
    "Resources": "a Resources object",
    "int": "an integer",
    "integer": "an integer",
    "float": "a number",
}


def _kind_name(kind: type) -> str:
    name = kind.__name__
    return _KIND_NAMES.get(name, f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}")


def expect_kind(
    value: object, kind: type | tuple[type, ...], where: str, *, hint: str = ""
) -> None:
    """Raise :class:`WrongKindError` unless ``value`` is an instance of ``kind``.

    The one check every public function makes of the objects it is given: the message names the
    function (``where``), the kind it wants, the kind it got, and what to pass (``hint``).

    >>> expect_kind("text", str, "tokenize")
    >>> try:
    ...     expect_kind(3, str, "tokenize", hint="pass an article's text")
    ... except WrongKindError as error:
    ...     print(error)
    tokenize: expected a string, got an int; pass an article's text
    """
    if isinstance(value, kind):
        return
    kinds = kind if isinstance(kind, tuple) else (kind,)
    raise wrong_kind(value, " or ".join(dict.fromkeys(_kind_name(k) for k in kinds)), where, hint)


def expect_items(
    values: object, kind: type | tuple[type, ...], where: str, *, hint: str = ""
) -> list:
    """Return ``values`` as a list after checking it is a collection of ``kind`` (not one
    string); else raise the :class:`WrongKindError` of :func:`expect_kind`.

    >>> expect_items(("a", "b"), str, "score_texts")
    ['a', 'b']
    >>> try:
    ...     expect_items("one text", str, "score_texts")
    ... except WrongKindError as error:
    ...     print(error)
    score_texts: expected a list of strings, got a str
    """
    kinds = kind if isinstance(kind, tuple) else (kind,)
    plural = {"str": "strings", "Path": "paths", "PurePath": "paths"}
    names = (plural.get(k.__name__, f"{k.__name__} objects") for k in kinds)
    wanted = "a list of " + " or ".join(dict.fromkeys(names))
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise wrong_kind(values, wanted, where, hint)
    items = list(values)
    for item in items:
        if not isinstance(item, kind):
            raise wrong_kind(item, wanted, where + " (an item)", hint)
    return items


def wrong_kind(value: object, wanted: str, where: str, hint: str = "") -> WrongKindError:
    """Return the :class:`WrongKindError` for ``value`` where ``wanted`` was expected (the one
    wording, also for checks :func:`expect_kind` cannot make, such as "numbers").

    >>> str(wrong_kind(None, "numbers", "g2"))
    'g2: expected numbers, got None'
    """
    got = type(value).__name__
    article = "an" if got[:1].lower() in "aeiou" else "a"
    got = "None" if value is None else f"{article} {got}"
    return WrongKindError(f"{where}: expected {wanted}, got {got}" + (f"; {hint}" if hint else ""))


class NewsframeWarning(UserWarning):
    """Something was done on the user's behalf that they should know about (e.g. a fallback decoding)."""
