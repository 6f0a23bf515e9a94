"""JSON and JSON Lines article tables of hostile shape: values Python's reader refuses."""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe.cli import main
from newsframe.errors import InputError

#: 5,000 digits: more than Python converts to an integer (4,300 by default)
HUGE = "9" * 5000


def test_a_number_of_thousands_of_digits_in_a_json_file_is_one_error_naming_it(tmp_path, capsys):
    path = tmp_path / "a.json"
    path.write_text(
        '{"maintext": "The talks went on, officials said.", "date_publish": ' + HUGE + "}"
    )
    with pytest.raises(
        InputError, match=r"a\.json: not readable JSON \(a number of more than 4,300"
    ):
        nf.load_corpus(path)
    assert main(["clean", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "a.json" in err[0] and "Traceback" not in err[0]


def test_a_number_of_thousands_of_digits_in_a_json_lines_row_names_the_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"text": "The talks went on, officials said."}\n'
        '{"text": "More talks went on today, officials said.", "n": ' + HUGE + "}\n"
    )
    with pytest.raises(InputError, match=r"t\.jsonl: line 2: not readable JSON"):
        nf.load_corpus(path)
    # skip_bad leaves the row out and keeps the other
    corpus = nf.load_corpus(path, skip_bad=True)
    assert [a.body for a in corpus] == ["The talks went on, officials said."]
