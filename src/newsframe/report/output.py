"""The report's folder: which ``--out`` may be written or replaced, and how it is put in place.

A report folder is recognised by a marker file newsframe writes last (:data:`MARKER`: the
newsframe version, a digest of the input and the list of every file of the report). ``force``
replaces an existing folder only when it has that marker and holds nothing the marker does not
list; never a folder that holds the input (or is one of its parents), the current folder, the
home folder, or one of their parents. The new report is written into a staging folder beside
``out`` and renamed into place; the earlier report is moved aside by a rename first and only
then are its own files deleted (:func:`install`). The checks run again right before the swap,
with SIGINT and SIGTERM held back so the swap is never left half done, and a lock file beside
``out`` (:func:`locked`, ``flock``; released by the kernel if the process dies) makes a second
run to the same folder fail at once instead of racing the first.

Method: stage-then-rename, the atomic-replace idiom of POSIX ``rename(2)`` (with Linux
``renameat2(RENAME_NOREPLACE)`` where available, so a folder created meanwhile is never
replaced), and an advisory ``flock(2)`` lock.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import itertools
import json
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from newsframe.errors import InputError, NewsframeWarning
from newsframe.signals import signals_held

__all__ = ["MARKER", "check_out", "file_name", "install", "locked", "report_files", "staging"]

#: The marker file of a report folder, written last, listing every file of the report.
MARKER = ".newsframe-report.json"
#: File names (figures, tables) longer than this many bytes are cut and end in a hash.
MAX_NAME_BYTES = 120
_UNSAFE = re.compile(r"[/\\\x00-\x1f\x7f\ud800-\udfff]")
_NAME_MAX = 255  # bytes in one file name on every common file system


def file_name(name: str) -> str:
    """Return ``name`` made safe as a file name: path separators, control characters and
    undecodable bytes become ``-``, and a name over :data:`MAX_NAME_BYTES` UTF-8 bytes keeps its
    first 100 bytes and ends in 12 hex digits of its SHA-256 (distinct names stay distinct).

    >>> file_name("keyness__a_vs_b")
    'keyness__a_vs_b'
    >>> long = file_name("alignment_map__" + "x" * 300)
    >>> len(long), long[-13:] == "-" + long[-12:], file_name("a/b")
    (113, True, 'a-b')
    """
    safe = _UNSAFE.sub("-", name)
    data = safe.encode("utf-8")
    if len(data) <= MAX_NAME_BYTES:
        return safe
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return data[:100].decode("utf-8", "ignore") + "-" + digest


def _absolute(out: str | Path) -> Path:
    """``out`` as an absolute path whose parent is resolved (``out`` itself is not followed)."""
    path = Path(os.path.abspath(Path(out).expanduser()))
    if len(os.fsencode(path.name)) > _NAME_MAX:
        raise InputError(path, f"folder name is longer than {_NAME_MAX} bytes")
    if path.is_symlink():
        raise InputError(path, "is a symbolic link; give the folder itself as --out")
    if not path.name:
        raise InputError(path, "refusing to write a report over the root folder")
    return path.parent.resolve() / path.name


def check_out(
    out: str | Path, sources: Iterable[str | Path], *, also: Iterable[str | Path] = (), force: bool
) -> Path:
    """Return the absolute path of ``out`` if a report may be written there, else raise
    :class:`~newsframe.errors.InputError` naming ``out`` and the reason.

    ``sources`` are the input manifest, folder or files: ``out`` may not hold one of them (nor
    be one) nor lie inside the folder of one; ``also`` (the story file, the articles a manifest
    names) may not lie inside ``out``. ``out`` may not be (or hold) the current or the home
    folder, nor lie inside ``data/raw/``. An existing non-empty ``out`` needs ``force`` and must
    be a report folder newsframe wrote (:func:`report_files`).

    >>> check_out(".", [], force=True)
    Traceback (most recent call last):
    ...
    newsframe.errors.InputError: ...: refusing to replace the current folder or one of its parents
    """
    path = _absolute(out)
    parts = path.parts
    if any(a == "data" and b == "raw" for a, b in itertools.pairwise(parts)):
        raise InputError(path, "refusing to write a report inside data/raw/ (raw data is never written)")  # fmt: skip
    for name, place in (("the current folder", Path.cwd()), ("the home folder", Path.home())):
        with contextlib.suppress(OSError, RuntimeError):
            place = place.resolve()
        if place.is_relative_to(path):
            raise InputError(path, f"refusing to replace {name} or one of its parents")
    sources = [_both(s) for s in sources]
    refuse_holding(path, [*sources, *also])
    for item in sources:
        for where in item:
            root = where if where.is_dir() else where.parent
            if path.is_relative_to(root):
                raise InputError(path, f"refusing to write a report inside the input folder {root}")  # fmt: skip
    if path.exists():
        if not path.is_dir():
            raise InputError(path, "exists and is not a folder")
        if any(path.iterdir()):
            if not force:
                raise InputError(path, "already exists; pass --force to replace it")
            report_files(path)
    return path


def _both(given: str | Path | Sequence[Path]) -> Sequence[Path]:
    """A path as given (made absolute) and with its links resolved."""
    if not isinstance(given, str | Path):
        return given
    item = Path(os.path.abspath(Path(given).expanduser()))
    return (item,) if item == item.resolve() else (item, item.resolve())


def refuse_holding(out: Path, inputs: Iterable[str | Path | Sequence[Path]]) -> None:
    """Raise :class:`~newsframe.errors.InputError` if an input lies in (or is) the folder ``out``."""
    for given in inputs:
        for where in _both(given):
            if where.is_relative_to(out):
                raise InputError(out, f"refusing to write a report over the input {where}")


def report_files(folder: Path) -> list[str]:
    """Return the files (relative paths) of report ``folder`` after checking that its marker
    lists every one of them and that it holds nothing else (no other file, folder or link to a
    folder); raise :class:`~newsframe.errors.InputError` otherwise. Only files found in the
    folder are returned, whatever else a marker lists (``../x`` names nothing here)."""
    marker = folder / MARKER
    if marker.is_symlink() or not marker.is_file():
        raise InputError(folder, f"is not a newsframe report folder (no {MARKER}); refusing to replace it")  # fmt: skip
    try:
        listed = json.loads(marker.read_text("utf-8"))["files"]
        files = {str(f) for f in listed}
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(folder, f"{MARKER} is unreadable; refusing to replace the folder") from None  # fmt: skip
    folders = {str(Path(f).parent) for f in files} | {"."}
    folders |= {str(p) for f in folders for p in Path(f).parents}
    found = []
    for root, dirs, names in os.walk(folder, onerror=_raise):
        here = Path(root).relative_to(folder)
        for entry in sorted(dirs):
            if str(here / entry) not in folders or (Path(root) / entry).is_symlink():
                raise _foreign(folder, here / entry)
        for entry in sorted(names):
            name = str(here / entry)
            if name != MARKER and name not in files:
                raise _foreign(folder, here / entry)
            found.append(name)
    return sorted(n for n in found if n != MARKER)


def _raise(error: OSError) -> None:
    raise InputError(error.filename or "?", f"cannot be read ({error.strerror})")


def _foreign(folder: Path, entry: Path) -> InputError:
    return InputError(folder, f"holds {str(entry)!r}, which newsframe did not write; refusing to replace it")  # fmt: skip


def write_marker(folder: Path, *, version: str, input_digest: str) -> None:
    """Write the marker of the finished report in ``folder``, listing every file in it."""
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    data = {"newsframe": version, "input_sha256": input_digest, "files": files}
    (folder / MARKER).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of ``out`` (a file beside it) for the block; a second run fails at once."""
    import fcntl

    digest = hashlib.sha256(os.fsencode(out.name)).hexdigest()[:16]
    path = out.parent / f".newsframe-lock-{digest}"
    for _ in range(3):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise InputError(out, f"another newsframe report is being written there (lock {path.name}); wait for it to finish") from None  # fmt: skip
        with contextlib.suppress(FileNotFoundError):  # the lock file is still the one we locked
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                break
        os.close(fd)  # its holder removed it as we opened it: take the new one
    else:  # pragma: no cover - three lost races in a row
        raise InputError(out, "could not take the report lock; try again")
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def made_parents(out: Path) -> list[Path]:
    """Create the missing parent folders of ``out``; return them, outermost first."""
    missing = [p for p in (out.parent, *out.parent.parents) if not p.exists()][::-1]
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out, f"cannot create its parent folder ({exc.strerror})") from None
    return missing


def remove_empty(folders: Sequence[Path]) -> None:
    """Remove ``folders`` (innermost last in the list) that are still empty."""
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


@contextlib.contextmanager
def staging(out: Path) -> Iterator[Path]:
    """Yield a fresh staging folder beside ``out``; it is removed on the way out unless
    :func:`install` moved it into place (cleaning up is not interrupted by a signal)."""
    folder = Path(tempfile.mkdtemp(prefix=".newsframe-report-", dir=out.parent))
    try:
        yield folder
    finally:
        with signals_held():
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)


def _rename_noreplace(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst``, failing with FileExistsError if ``dst`` exists (Linux
    ``renameat2(RENAME_NOREPLACE)``; elsewhere a check, then ``rename``)."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is not None:
        at_fdcwd, noreplace = -100, 1
        if renameat2(at_fdcwd, os.fsencode(src), at_fdcwd, os.fsencode(dst), noreplace) == 0:
            return
        err = ctypes.get_errno()
        if err not in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: fall back below
            raise OSError(err, os.strerror(err), str(dst))
    if os.path.lexists(dst):
        raise FileExistsError(17, "File exists", str(dst))
    os.rename(src, dst)


def _libc() -> object:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to load
        return None


def install(folder: Path, out: Path, recheck: Callable[[], object]) -> None:
    """Move the finished report ``folder`` to ``out``, replacing an earlier report there.

    ``recheck`` runs first (it raises if ``out`` may no longer be replaced); then the earlier
    report is renamed aside, ``folder`` renamed into place, and the files the earlier report's
    marker lists deleted; a folder left with anything else in it is kept, with a warning.
    SIGINT and SIGTERM are held back meanwhile.
    """
    with signals_held():
        recheck()
        old: list[str] | None = None
        aside = None
        if out.is_dir() and any(out.iterdir()):
            old = report_files(out)
            aside = Path(tempfile.mkdtemp(prefix=".newsframe-old-", dir=out.parent))
            os.rename(out, aside)
        elif out.is_dir():
            out.rmdir()
        try:
            _rename_noreplace(folder, out)
        except FileExistsError:
            where = f"; the earlier report is now at {aside}" if aside else ""
            raise InputError(out, f"appeared while the report was being written; left it as it is{where}") from None  # fmt: skip
        if aside is not None and old is not None:
            _remove_report(aside, old)


def _remove_report(folder: Path, files: Sequence[str]) -> None:
    for name in files:
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    with contextlib.suppress(FileNotFoundError):
        (folder / MARKER).unlink()
    for sub in sorted({p for f in files for p in Path(f).parents if str(p) != "."}, key=lambda p: -len(p.parts)):  # fmt: skip
        with contextlib.suppress(OSError):
            (folder / sub).rmdir()
    try:
        folder.rmdir()
    except OSError:
        warnings.warn(f"{folder}: kept the earlier report's folder: it holds files newsframe did not write", NewsframeWarning, stacklevel=3)  # fmt: skip
