"""The report's CSV text: the bytes pandas' ``to_csv`` writes, made a column at a time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newsframe.report.csvtext import _column, csv_bytes


def _reference(frame: pd.DataFrame, header: bool = True) -> bytes:
    """pandas' own CSV text with the report's options: the reference the module must match."""
    return frame.to_csv(
        index=False, header=header, lineterminator="\n", float_format="%.6g"
    ).encode("utf-8")


def _tricky() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e", "f"],
            "text": ['He said "no".', "one, two", "line\nbreak", "", None, "Zoë — ok"],
            "count": [1, -2, 0, 10**12, 7, 3],
            "share": [0.5, float("nan"), -0.0, 1e-7, float("inf"), 2 / 3],
            "closed": [True, False, True, True, False, False],
        }
    ).astype({"article_id": "str", "text": "str"})


def test_fields_are_written_as_counted_by_hand():
    frame = _tricky()
    expected = (
        "article_id,text,count,share,closed\n"
        'a,"He said ""no"".",1,0.5,True\n'
        'b,"one, two",-2,,False\n'
        'c,"line\nbreak",0,-0,True\n'
        "d,,1000000000000,1e-07,True\n"
        "e,,7,inf,False\n"
        "f,Zoë — ok,3,0.666667,False\n"
    )
    assert csv_bytes(frame) == expected.encode("utf-8")


def test_same_bytes_as_pandas_for_pieces_and_without_header():
    frame = _tricky()
    assert csv_bytes(frame) == _reference(frame)
    for start in range(0, 6, 4):  # pieces of a larger table, as the report writes them
        piece = frame.iloc[start : start + 4]
        assert csv_bytes(piece, header=start == 0) == _reference(piece, header=start == 0)
    assert csv_bytes(frame.iloc[:0]) == b"article_id,text,count,share,closed\n"


def test_random_floats_match_pandas_formatting():
    rng = np.random.default_rng(7)
    values = np.concatenate([rng.normal(0, 1e3, 500), rng.random(500) * 1e-5, [0.0, -0.0]])
    frame = pd.DataFrame({"id": np.arange(len(values)), "x": values})
    assert csv_bytes(frame) == _reference(frame)


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"text": ["a\rb", "c"], "n": [1, 2]}).astype(
            {"text": "str"}
        ),  # carriage return
        pd.DataFrame({"value": [1, "x"], "n": [1, 2]}),  # Python objects
        pd.DataFrame({"day": pd.to_datetime(["2020-01-01", "2020-01-02"]), "n": [1, 2]}),
        pd.DataFrame({"only": ["", "x"]}).astype({"only": "str"}),  # one column: "" is quoted
    ],
)
def test_what_it_cannot_vouch_for_goes_to_pandas(frame):
    assert csv_bytes(frame) == _reference(frame)


def test_column_refuses_dtypes_it_does_not_format():
    assert _column(pd.Series([1, "x"])) is None
    assert _column(pd.Series(["a\rb"], dtype="str")) is None
    assert _column(pd.Series([1.5], dtype="float32")) is None


def test_rows_of_a_large_string_array_are_read_whole():
    import pyarrow as pa

    from newsframe.report.csvtext import _data

    lines = pa.array(["a,1\n", "bb,2\n", "c,3\n"], pa.large_string()).slice(1)
    assert _data(lines) == b"bb,2\nc,3\n"
    assert _data(lines.cast(pa.string())) == b"bb,2\nc,3\n"
