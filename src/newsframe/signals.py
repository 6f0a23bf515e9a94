"""Holding SIGINT and SIGTERM back while a step must not be cut in half.

:func:`signals_held` swaps the Python handlers of SIGINT and SIGTERM for one that only notes the
signal, and when the block ends puts the handlers back and raises each noted signal again
(:func:`signal.raise_signal`), so the handler the program had -- KeyboardInterrupt, the command
line's clean stop, or the default end of the process -- acts on it then. Used around forking
worker processes (an exception raised inside the fork hooks would be ignored, and a worker forked
with the caller's handler could not be stopped) and around putting a finished report in place.

Reference: :mod:`signal` of the Python standard library ("Python signal handlers are always
executed in the main Python thread"; blocking with ``pthread_sigmask`` in one thread does not
stop another thread from receiving a process-directed signal, so the hold is done at the
Python level).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

__all__ = ["signals_held"]

HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back inside the block: one that arrives is acted on (its handler
    runs) when the block ends. Only the main thread handles signals; elsewhere this does nothing.

    >>> with signals_held():
    ...     signal.getsignal(signal.SIGTERM).__name__
    'hold'
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, frame: object) -> None:
        pending.append(signum)

    previous = {s: signal.signal(s, hold) for s in HELD}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(pending):
            signal.raise_signal(signum)
