"""Exceptions and warnings raised at newsframe's boundaries.

Every error names the input it is about and the problem, so a user can fix the file rather than
read a traceback from deep inside pandas.
"""

from __future__ import annotations

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


class NewsframeWarning(UserWarning):
    """Something was done on the user's behalf that they should know about (e.g. a fallback decoding)."""
