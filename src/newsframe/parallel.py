"""Per-article work on several cores: a map over slices of a sequence in forked worker processes.

Workers are *forked* from this process, so they start with its memory -- the articles, their
analysed documents, the loaded resources -- without copying or pickling any of it; only each
slice's result travels back (pickled). Slices are contiguous and results come back in input
order, so a parallel run gives exactly the tables of a serial one.

It runs serially, in this process and in order, where forking is not available or not worth it:
``n_jobs=1``; fewer than ``min_items`` items; a platform other than Linux (Windows cannot fork;
on macOS forking a process that has loaded numeric or GUI libraries can crash); or inside a
worker (no nested pools). ``n_jobs=-1`` (or ``None``) means every core this process may use.
Each worker runs its numeric libraries (BLAS, OpenMP) on one thread, so k workers use k cores.
Workers never outlive the map: they ask the kernel to kill them when their parent exits (Linux
``prctl(PR_SET_PDEATHSIG)``), leave SIGINT to the parent, and are stopped at once when the map
ends early (an error, a signal turned into an exception, or the caller closing the iterator).

Reference: the ``fork`` start method of :mod:`multiprocessing` and
:class:`concurrent.futures.ProcessPoolExecutor` (Python standard library).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from threadpoolctl import ThreadpoolController

from newsframe.errors import NewsframeError
from newsframe.signals import signals_held

__all__ = ["available_cores", "gathering", "imap_slices", "map_slices", "n_workers"]

T = TypeVar("T")
R = TypeVar("R")

#: The function and items of the running map, read by forked workers (set before they fork).
_WORK: tuple[Callable[[Sequence[Any]], Any], Sequence[Any]] | None = None
_IN_WORKER = False
#: Forking a process that has run numeric or GUI libraries is safe on Linux; on macOS it can
#: crash (Python itself defaults to spawning there), and Windows cannot fork.
_CAN_FORK = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def available_cores() -> int:
    """Return the number of cores this process may run on (its CPU affinity where known).

    >>> available_cores() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - platforms without affinity
        return max(1, os.cpu_count() or 1)


def n_workers(n_jobs: int | None, n_items: int, *, min_items: int = 1) -> int:
    """Return how many worker processes a map of ``n_items`` items with ``n_jobs`` uses.

    ``n_jobs`` -1 or ``None``: every available core; ``-k``: all but ``k - 1``; ``0`` is an
    error (:class:`~newsframe.errors.NewsframeError`). 1 (serial) for fewer than ``min_items``
    items, inside a worker, or off Linux (see the module's docstring).

    >>> n_workers(1, 10_000), n_workers(2, 10), n_workers(2, 10, min_items=64)
    (1, 2, 1)
    """
    if n_jobs == 0:
        raise NewsframeError(
            "n_jobs must be a positive number of processes or negative (-1: all cores), got 0"
        )
    if n_jobs is None or n_jobs < 0:
        n_jobs = max(1, available_cores() + 1 + (n_jobs if n_jobs is not None else -1))
    if n_jobs == 1 or n_items < max(2, min_items) or _IN_WORKER or not _CAN_FORK:
        return 1
    return min(n_jobs, n_items)


def _bounds(n_items: int, n_slices: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` slices of ``range(n_items)``, sizes differing by at most one."""
    size, extra = divmod(n_items, n_slices)
    bounds, start = [], 0
    for k in range(n_slices):
        stop = start + size + (k < extra)
        bounds.append((start, stop))
        start = stop
    return bounds


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Have the kernel send this process SIGKILL when ``parent`` exits (Linux); exit at once if
    it already has. The parent's signal handlers do not apply here: SIGTERM ends a worker and
    SIGINT (Ctrl-C reaches the whole process group) is the parent's to act on. Reference:
    prctl(2), ``PR_SET_PDEATHSIG``."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


#: A worker's cyclic garbage collection runs every WORKER_GC_THRESHOLD new objects (Python's
#: default: 700). A worker builds many objects that live until its slice is done (documents,
#: entity layers, table rows), and at 700 the collector traversed them over and over: on
#: 10,000 articles, 4.2 of the per-article tables' 36 s of CPU time; 1.1 s at 20,000.
WORKER_GC_THRESHOLD = 20_000


@functools.lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def one_blas_thread() -> contextlib.AbstractContextManager:
    """A context in which the BLAS library runs its products on one thread (threadpoolctl).

    On a busy machine the threads a BLAS library keeps waiting for a small product (a batch of
    features by a few weights, a frame's hits by resamples) cost more CPU than the product; the
    numbers are the same either way. Used by the line model and the frame intervals.

    >>> import numpy as np
    >>> with one_blas_thread():
    ...     float((np.ones((2, 3)) @ np.ones(3)).sum())
    6.0
    """
    return _blas().limit(limits=1, user_api="blas")


def _worker_init(parent: int) -> None:
    global _IN_WORKER
    _IN_WORKER = True
    _die_with(parent)
    # what the worker inherits (articles, documents, resources) lives as long as it does: out of
    # the collector's sight, so no collection traverses it (nor copies its pages on write);
    # Python's documentation of gc.freeze recommends this for forked processes
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, 10, 10)
    # one thread per worker for the numeric libraries too: with several workers on the cores,
    # a BLAS that splits each matrix product over every core makes them fight (measured 10-60x
    # slower on a loaded 2-core machine)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def _run_slice(bounds: tuple[int, int]) -> Any:
    assert _WORK is not None  # set by map_slices before the workers fork
    func, items = _WORK
    return func(items[bounds[0] : bounds[1]])


def map_slices(
    func: Callable[[Sequence[T]], R],
    items: Sequence[T],
    *,
    n_jobs: int | None = 1,
    min_items: int = 64,
    slices_per_worker: int = 4,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """Return ``[func(s) for s in slices]`` for contiguous slices of ``items``, in order.

    With one worker (see :func:`n_workers`) ``func`` gets all of ``items`` at once; with ``k``
    workers it gets ``k * slices_per_worker`` slices (for balance), each in a forked process.
    ``func`` must not depend on which slice comes first: it is called on consecutive parts of
    ``items``, and concatenating its results must equal its result on the whole.

    >>> map_slices(sum, list(range(10)))
    [45]
    >>> map_slices(sum, list(range(10)), n_jobs=2, min_items=1, slices_per_worker=1)
    [10, 35]

    ``meanwhile()``, if given, is this process's own work, done while the workers run (see
    :func:`imap_slices`).

    While worker processes run, this process only receives their results; Python's cyclic
    garbage collector is paused until they are all in (see :func:`gathering`).
    """
    results = imap_slices(func, items, n_jobs=n_jobs, min_items=min_items,
                          slices_per_worker=slices_per_worker, meanwhile=meanwhile)  # fmt: skip
    if n_workers(n_jobs, len(items), min_items=min_items) == 1:
        return list(results)
    with gathering():
        return list(results)


@contextlib.contextmanager
def gathering() -> Iterator[None]:
    """Pause the cyclic garbage collector while results arrive from worker processes.

    Results arrive as many small objects without reference cycles (entity layers, rows,
    documents); each unpickled object counts towards a collection, and each full collection
    traverses everything this process holds (the corpus, its documents). Left on, the
    collector made receiving 2,000 articles' entity layers 4.5x slower (1.29 s instead of
    0.28 s). Re-enabled (if it was on) when the block ends, also on an error.

    >>> import gc
    >>> with gathering():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def imap_slices(
    func: Callable[[Sequence[T]], R],
    items: Sequence[T],
    *,
    n_jobs: int | None = 1,
    min_items: int = 64,
    slices_per_worker: int = 4,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[R]:
    """Yield what :func:`map_slices` returns, one slice's result at a time, in order, as soon as
    it is ready (for a progress bar).

    ``meanwhile()``, if given, runs once in this process after the workers have forked and
    before their first result is read: work of this process's own that the workers need not
    inherit, done while they run instead of before or after them (in a serial run, after
    ``func``). An error in it stops the workers and is raised.

    >>> list(imap_slices(len, "abcdef", n_jobs=2, min_items=1, slices_per_worker=1))
    [3, 3]
    >>> done = []
    >>> list(imap_slices(len, "abcdef", n_jobs=2, min_items=1, meanwhile=lambda: done.append(1)))
    [1, 1, 1, 1, 1, 1]
    >>> done
    [1]
    """
    global _WORK
    workers = n_workers(n_jobs, len(items), min_items=min_items)
    if workers == 1:
        result = func(items)
        if meanwhile is not None:
            meanwhile()
        yield result
        return
    bounds = _bounds(len(items), min(len(items), workers * max(1, slices_per_worker)))
    context = multiprocessing.get_context("fork")
    # every worker forks when the tasks are submitted (the first pool.map call), so the work
    # need only stay in place until then
    previous, _WORK = _WORK, (func, items)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init,
                               initargs=(os.getpid(),))  # fmt: skip
    try:
        with signals_held():  # the workers fork here: not cut in half by a signal
            futures = [pool.submit(_run_slice, b) for b in bounds]
        _WORK = previous
        if meanwhile is not None:
            meanwhile()
        # not pool.map: on an error its iterator cancels the slices still waiting, and the
        # pool's manager thread then fails marking them broken when the workers are stopped
        for future in futures:
            yield future.result()
    except BrokenProcessPool:
        _stop(pool)
        raise NewsframeError(
            f"a worker process died while handling {len(items):,} items on {workers} processes "
            "(out of memory?); run again with fewer processes (n_jobs / --jobs 1)"
        ) from None
    except BaseException:  # an error, a signal, or the caller stopped reading: stop the workers
        _stop(pool)
        raise
    finally:
        _WORK = previous
        pool.shutdown(wait=True, cancel_futures=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's worker processes now (SIGKILL), without waiting for their slices.

    A worker killed while it was sending its result leaves part of a message in the result
    pipe, and the pool's manager thread, reading it, would wait for the rest forever (and the
    pool's shutdown with it): this process holds the pipe's writing end too, so no end of file
    ever comes. Once every worker is gone, closing this process's copy of that end turns the
    wait into an end of file, which the pool treats as a broken pool and cleans up.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())  # standard library
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    sentinels = []
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sentinels.append(process.sentinel)
    deadline = time.monotonic() + _KILL_WAIT
    while sentinels and time.monotonic() < deadline:  # SIGKILL cannot be caught: this is quick
        done = multiprocessing.connection.wait(sentinels, timeout=deadline - time.monotonic())
        sentinels = [s for s in sentinels if s not in done]
    if sentinels:  # pragma: no cover - a process the kernel did not end in time
        return
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    with contextlib.suppress(OSError, AttributeError):
        if writer is not None:
            writer.close()
    # let the manager thread mark the pending slices broken and clean up before the pool is
    # shut down: a slice cancelled by the shutdown meanwhile would make that thread fail
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None and manager.is_alive():
        manager.join(_KILL_WAIT)


#: Seconds to wait for killed workers to exit before leaving the result pipe as it is.
_KILL_WAIT = 10.0
