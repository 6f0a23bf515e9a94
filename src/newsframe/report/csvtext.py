"""The CSV text of a report table: pandas' ``to_csv`` bytes, made column by column in Arrow.

The report writes every table with ``DataFrame.to_csv(index=False, lineterminator="\\n",
float_format="%.6g")``. Python's ``csv`` writer behind it formats one row at a time, which is most
of the time of writing a large report (two million rows of term counts at 10,000 articles).
:func:`csv_bytes` gives the same bytes from whole columns: integers as decimals, ``True`` and
``False``, floats through ``"%.6g"`` (each distinct value once; NaN empty), text as it is with
missing values empty, quoted as the ``csv`` module quotes it by default (``QUOTE_MINIMAL``: a
value holding a comma, a double quote or a line feed is enclosed in double quotes, its quotes
doubled; RFC 4180 §2), and the rows joined in Arrow (Apache Arrow's string kernels). A table it
cannot vouch for -- another dtype, Python objects, one column, text holding a carriage return or
a NUL (which ``csv`` versions treat differently) -- is written by pandas itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["FLOAT_FORMAT", "csv_bytes"]

#: How floats are written (six significant digits).
FLOAT_FORMAT = "%.6g"
_NEEDS_QUOTES = '[,"\n]'
_UNSURE = "[\r\x00]"
_SPECIAL = '[,"\n\r\x00]'


def _pandas(frame: pd.DataFrame, header: bool) -> bytes:
    return frame.to_csv(
        index=False, header=header, lineterminator="\n", float_format=FLOAT_FORMAT
    ).encode("utf-8")


def _floats(values: np.ndarray) -> pa.Array:
    """``FLOAT_FORMAT`` of each value (NaN: empty), each distinct bit pattern formatted once."""
    bits, inverse = np.unique(values.view(np.int64), return_inverse=True)
    distinct = bits.view(np.float64).tolist()
    text = pa.array(["" if x != x else FLOAT_FORMAT % x for x in distinct], pa.string())
    return text.take(pa.array(inverse.reshape(-1)))


def _text(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray | None:
    """Text quoted as ``csv.QUOTE_MINIMAL`` does, missing values empty; None if unsure."""
    values = pc.fill_null(values, "")
    if not pc.any(pc.match_substring_regex(values, _SPECIAL)).as_py():
        return values  # most columns: ids, names, kinds
    if pc.any(pc.match_substring_regex(values, _UNSURE)).as_py():
        return None
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(values, '"', '""'), '"', "")
    return pc.if_else(pc.match_substring_regex(values, _NEEDS_QUOTES), quoted, values)


def _column(series: pd.Series) -> pa.Array | pa.ChunkedArray | None:
    """One column's CSV fields as an Arrow string array, or None where pandas must write it."""
    dtype = series.dtype
    if dtype == np.int64:
        return pc.cast(pa.array(series.to_numpy()), pa.string())
    if dtype == np.float64:
        return _floats(series.to_numpy())
    if dtype == np.bool_:
        return pc.if_else(pa.array(series.to_numpy()), "True", "False")
    if isinstance(dtype, pd.StringDtype):
        try:
            return _text(pa.chunked_array(pa.array(series.array)).cast(pa.string()))
        except (pa.ArrowException, TypeError, ValueError):
            return None  # text Arrow cannot hold (a lone surrogate): pandas' own error
    return None


def csv_bytes(frame: pd.DataFrame, *, header: bool = True) -> bytes:
    """Return ``frame.to_csv(index=False, header=header, lineterminator="\\n",
    float_format="%.6g")`` encoded as UTF-8, byte for byte, computed a column at a time.

    Columns of int64, float64, bool and pandas text are formatted in Arrow (the method in the
    module docstring); any other table is handed to pandas.

    >>> frame = pd.DataFrame({"id": ["a", 'say "no", now'], "n": [1, 2], "x": [0.5, float("nan")]})
    >>> csv_bytes(frame)
    b'id,n,x\\na,1,0.5\\n"say ""no"", now",2,\\n'
    >>> csv_bytes(frame) == _pandas(frame, True)
    True
    """
    if frame.shape[1] < 2 or not frame.columns.is_unique:
        return _pandas(frame, header)
    columns = [_column(frame[name]) for name in frame.columns]
    if any(c is None for c in columns):
        return _pandas(frame, header)
    head = _pandas(frame.iloc[:0], True) if header else b""
    if not len(frame):
        return head
    rows = pc.binary_join_element_wise(*columns, ",")
    lines = pc.binary_join_element_wise(rows, "", "\n")
    chunks = lines.chunks if isinstance(lines, pa.ChunkedArray) else [lines]
    return head + b"".join(_data(chunk) for chunk in chunks)


def _data(lines: pa.Array) -> bytes:
    """The concatenated bytes of a string array without nulls (its data buffer's used part)."""
    wide = pa.types.is_large_string(lines.type)
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64 if wide else np.int32)
    first, last = offsets[lines.offset], offsets[lines.offset + len(lines)]
    return lines.buffers()[2].slice(int(first), int(last - first)).to_pybytes()
