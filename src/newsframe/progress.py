"""Progress bars that start no background thread.

tqdm starts a *monitor* thread with its first bar (also a disabled one) that wakes every ten
seconds and takes tqdm's lock. newsframe forks worker processes (:mod:`newsframe.parallel`); a
fork while another thread holds a lock leaves that lock held for good in the child, and a child
that then makes a bar waits forever. So bars here are tqdm's with the monitor turned off
(``monitor_interval = 0``; it only adjusts how often a bar redraws), and a bar that is not shown
is no tqdm object at all.

Reference: tqdm's documentation (``tqdm.monitor_interval``); POSIX ``fork`` in a process with
threads (only the calling thread is copied, locks keep their state).
"""

from __future__ import annotations

from typing import IO, Any

__all__ = ["progress_bar"]


class _NoBar:
    """What a bar that is not shown does: nothing."""

    def update(self, n: float = 1) -> None:
        """Count ``n`` more steps (ignored)."""

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        """Show ``s`` after the bar (ignored)."""

    def close(self) -> None:
        """End the bar (ignored)."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def progress_bar(
    total: int,
    *,
    desc: str,
    unit: str = "it",
    show: bool = True,
    file: IO[str] | None = None,
    leave: bool = True,
    notebook: bool = False,
) -> Any:
    """Return a progress bar for ``total`` steps: a tqdm bar without its monitor thread, or a
    bar that does nothing when ``show`` is false.

    ``notebook=True`` takes ``tqdm.auto`` (a widget in a notebook, text elsewhere). Use it as a
    context manager and call ``update(n)``.

    >>> with progress_bar(3, desc="demo", show=False) as bar:
    ...     bar.update(3)
    >>> type(bar).__name__
    '_NoBar'
    """
    if not show:
        return _NoBar()
    if notebook:
        from tqdm.auto import tqdm
    else:
        from tqdm import tqdm

    class _Bar(tqdm):  # type: ignore[misc,valid-type]
        monitor_interval = 0  # no monitor thread (see the module's docstring)

    return _Bar(total=total, desc=desc, unit=unit, file=file, leave=leave)
