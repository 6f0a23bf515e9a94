"""Reading one input file safely: a regular file of bounded size, never a pipe or a device.

Every file a user hands to newsframe — article pages and manifests (:mod:`newsframe.corpus`),
story files and the user's own word lists and rules (:mod:`newsframe.resources`) — is read
through :func:`read_regular`, so a named pipe, ``/dev/zero``, a link to either, a folder, an
oversized file or a symbolic-link loop gives the same one-line
:class:`~newsframe.errors.InputError` naming the file, before anything blocks or fills memory.
The size limit is :func:`max_bytes_limit` (10 MB, or ``$NEWSFRAME_MAX_BYTES``).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from newsframe.errors import InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_CEILING",
    "binary_kind",
    "check_regular",
    "first_bad_utf8",
    "max_bytes_limit",
    "path_text",
    "read_regular",
    "utf16_without_bom",
]

#: Largest article or manifest file read, in bytes (override with ``max_bytes=`` or the
#: ``NEWSFRAME_MAX_BYTES`` environment variable). News pages are well under 2 MB.
DEFAULT_MAX_BYTES = 10_000_000
#: The largest limit that may be set (1 TiB): a larger number is a typo, and would not fit the
#: size of a read.
MAX_BYTES_CEILING = 1 << 40


def max_bytes_limit(max_bytes: int | None = None) -> int:
    """Return the file size limit: ``max_bytes``, else ``$NEWSFRAME_MAX_BYTES``, else 10 MB.

    A limit must be a positive whole number of bytes (ASCII digits in the environment) of at
    most :data:`MAX_BYTES_CEILING`; anything else is an :class:`~newsframe.errors.InputError`
    naming where the limit came from.

    >>> max_bytes_limit(5_000)
    5000
    >>> max_bytes_limit(10**40)
    Traceback (most recent call last):
    newsframe.errors.InputError: max_bytes: 10000000000... is larger than the largest limit (1,099,511,627,776 bytes)
    """
    if max_bytes is None:
        env = os.environ.get("NEWSFRAME_MAX_BYTES", "").strip()
        if not env:
            return DEFAULT_MAX_BYTES
        if not (env.isascii() and env.isdigit()) or not env.strip("0"):
            raise InputError(
                "NEWSFRAME_MAX_BYTES", f"must be a positive whole number of bytes, not {env[:40]!r}"
            )
        return _bounded(env, "NEWSFRAME_MAX_BYTES")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise InputError(
            "max_bytes", f"must be a positive whole number of bytes, not {max_bytes!r}"
        )
    return _bounded(max_bytes, "max_bytes")


def _bounded(value: str | int, where: str) -> int:
    """``value`` as an int of at most :data:`MAX_BYTES_CEILING` (a digit string is measured
    before it is converted: Python refuses to convert strings of thousands of digits)."""
    digits = value.lstrip("0") if isinstance(value, str) else None
    if (digits is not None and len(digits) > 13) or int(value) > MAX_BYTES_CEILING:
        shown = (digits or str(value))[:12]
        raise InputError(
            where,
            f"{shown}... is larger than the largest limit ({MAX_BYTES_CEILING:,} bytes)",
        )
    return int(value)


def _not_regular(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _cannot(path: str | Path, what: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(path, f"{what} not found")
    if exc.errno == errno.ELOOP:
        return InputError(path, "is a symbolic link loop (it never reaches a file)")
    return InputError(path, f"cannot read {what} ({exc.strerror})")


def check_regular(path: str | Path, what: str = "file") -> os.stat_result:
    """Return the status of ``path`` once it is known to be a regular file, without opening it
    (for a file read in pieces by a library, such as a Parquet table); the errors are those of
    :func:`read_regular`.

    >>> check_regular("/dev/null")
    Traceback (most recent call last):
    newsframe.errors.InputError: /dev/null: is a device, not a regular file
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValueError):  # a NUL byte in the name
            raise InputError(repr(str(path)), "the file name contains a NUL byte") from None
        raise _cannot(path, what, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a file (use load_corpus for folders)")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, _not_regular(info.st_mode))
    return info


def read_regular(path: str | Path, max_bytes: int, what: str = "file") -> bytes:
    """Return the bytes of a regular file of at most ``max_bytes``; never blocks on a FIFO or device.

    The file is checked before it is opened (opening some devices has effects of its own) and
    again once open (it may have been swapped in between); FIFOs are opened non-blocking.
    ``what`` names the file in the errors ("manifest", "story file" ...).

    >>> read_regular("/dev/null", 10)
    Traceback (most recent call last):
    newsframe.errors.InputError: /dev/null: is a device, not a regular file
    """
    check_regular(path, what)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _cannot(path, what, exc) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder, not a file (use load_corpus for folders)")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, _not_regular(info.st_mode))
        if info.st_size > max_bytes:
            raise InputError(path, too_big(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = _read_at_most(handle, max_bytes + 1)
    except OSError as exc:
        raise _cannot(path, what, exc) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError(path, too_big(len(data), max_bytes))
    return data


def _read_at_most(handle, size: int) -> bytes:
    """Up to ``size`` bytes in chunks of at most 16 MB (a file may grow while it is read; one
    byte past the limit tells; a single read of a huge ``size`` would allocate it at once)."""
    parts = []
    while size > 0:
        part = handle.read(min(size, 1 << 24))
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def too_big(size: int, max_bytes: int) -> str:
    """The problem of a file of ``size`` bytes over the limit ``max_bytes``.

    >>> too_big(2_000, 1_000)
    'file is too large (2,000 bytes; the limit is 1,000); raise it with max_bytes= or NEWSFRAME_MAX_BYTES'
    """
    return (
        f"file is too large ({size:,} bytes; the limit is {max_bytes:,}); "
        "raise it with max_bytes= or NEWSFRAME_MAX_BYTES"
    )


def utf16_without_bom(data: bytes) -> str | None:
    """Return ``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` reads as UTF-16 text saved without
    a byte-order mark, else None.

    Method: in UTF-16 text of a Latin script most characters have a zero high byte, so one of
    the two byte positions (odd for little-endian, even for big-endian) holds NUL bytes often
    (here: at least 30% of the first 4,096 bytes' pairs) and the other almost never (at most
    1%, and never two NULs in a row at a character's start); a binary file has NULs at both,
    UTF-32 at three of four. The whole file must then decode. One pass over a 4 KB sample.

    >>> utf16_without_bom("Dam opens.".encode("utf-16-le")), utf16_without_bom(b"Dam\\x00\\x00")
    ('utf-16-le', None)
    """
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, zero, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zero >= 0.3 * pairs and other <= 0.01 * pairs:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def path_text(path: str | Path | None) -> str:
    """Return ``path`` as text that can be written anywhere: bytes of the file name that are not
    UTF-8 (which Python carries as lone surrogates, PEP 383) shown as ``\\xff`` escapes.

    A folder may hold a file whose name was saved in another encoding; its path then cannot be
    encoded as UTF-8, and a table or CSV holding it would fail only when written.

    >>> path_text(os.fsdecode(b"raw/caf\\xe9.txt")), path_text(None)
    ('raw/caf\\\\xe9.txt', '')
    """
    if path is None:
        return ""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


#: Leading bytes of formats that are never text (a PDF, an image, an archive given a text name).
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document, or an .xlsx workbook)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel document"),
)


def binary_kind(data: bytes) -> str | None:
    """Return what ``data`` is when its leading bytes ("magic numbers") mark a format that is never
    text (``"a PDF document"``, ``"a ZIP archive ..."``), else None.

    >>> binary_kind(b"%PDF-1.7 ..."), binary_kind(b"Dam opens.")
    ('a PDF document', None)
    """
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def first_bad_utf8(path: str | Path, chunk: int = 1 << 20) -> tuple[int, int, int] | None:
    """Return ``(line, column, byte)`` of the first byte of ``path`` that is not UTF-8 (line and
    column counted from 1, the column in bytes), or None when the whole file is UTF-8.

    Read in chunks of ``chunk`` bytes through an incremental decoder, counting line breaks on
    the way, so a big table costs one pass and bounded memory; used to name the line of a
    decoding error a library reported without one (or at the wrong place: a reader decodes
    ahead of the line it parses).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(suffix=".csv") as f:
    ...     _ = f.write(b"id,text\\n1,caf\\xe9\\n")
    ...     _ = f.flush()
    ...     first_bad_utf8(f.name, chunk=4)
    (2, 6, 233)
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, start, offset = 1, 0, 0  # start: the offset of the current line's first byte
    with open(path, "rb") as handle:
        while True:
            data = handle.read(chunk)
            try:
                decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                # exc.object also holds the bytes of a character the last chunk began (no break)
                at = offset + exc.start - (len(exc.object) - len(data))
                line += data.count(b"\n", 0, max(at - offset, 0))
                cut = data.rfind(b"\n", 0, max(at - offset, 0))
                start = offset + cut + 1 if cut >= 0 else start
                return line, at - start + 1, exc.object[exc.start]
            if not data:
                return None
            line += data.count(b"\n")
            cut = data.rfind(b"\n")
            start = offset + cut + 1 if cut >= 0 else start
            offset += len(data)
