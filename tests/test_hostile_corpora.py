"""Hostile and odd corpora, round three: odd folders, group columns with holes, odd group names
and dates, each a reproducer found by ``benchmarks/fuzz_pipeline.py`` and fixed at its cause.
Every file is written here in ``tmp_path``; texts are made up.
"""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe.errors import InputError

P1 = "The foreign minister met his counterpart in the capital on Monday for talks on the islands."
P2 = "Both sides agreed to meet again in the spring, officials said after the meeting."
PAGE = f"Talks Resume on the Islands\n\n{P1}\n\n{P2}\n"
HTML = f"<html><head><title>Talks Resume</title></head><body><p>{P1}</p><p>{P2}</p></body></html>"


def write(path, text=PAGE):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


# --- folders ------------------------------------------------------------------------------------


def test_same_name_with_two_endings_and_nested_are_all_read(tmp_path):
    # x.txt and x.html would both be 'x': they keep their endings; a/x.txt is 'a-x' as before
    write(tmp_path / "x.txt")
    write(tmp_path / "x.html", HTML)
    write(tmp_path / "a" / "x.txt")
    write(tmp_path / "y.txt")
    corpus = nf.load_corpus(tmp_path, method="rules")
    assert corpus.ids == ["a-x", "x.html", "x.txt", "y"]


def test_two_files_that_would_share_an_id_are_one_error_naming_both(tmp_path):
    write(tmp_path / "a-b.txt")
    write(tmp_path / "a" / "b.txt")
    write(tmp_path / "a" / "b.html", HTML)
    write(tmp_path / "a-b.html", HTML)
    with pytest.raises(InputError, match=r"a/b\.html and a-b\.html would both be article 'a-b\.html'"):  # fmt: skip
        nf.load_corpus(tmp_path, method="rules")
