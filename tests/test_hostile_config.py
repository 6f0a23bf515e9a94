"""Hostile and odd inputs, round four: configuration files and tables written by hand (story
files, word tables, JSON records), each a reproducer found by ``benchmarks/fuzz_pipeline.py`` or
a leftover of round three, fixed at its cause. Every file is written here in ``tmp_path``;
texts are made up.
"""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe.errors import InputError

P1 = "The foreign minister met his counterpart in the capital on Monday for talks on the islands."
P2 = "Both sides agreed to meet again in the spring, officials said after the meeting."


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


# --- JSON records: a key given twice ------------------------------------------------------------


def test_a_json_lines_row_with_a_key_twice_is_one_error_naming_the_line_and_key(tmp_path):
    good = f'{{"article_id": "a", "text": "{P1}"}}\n'
    twice = f'{{"article_id": "b", "text": "{P1}", "text": "{P2}"}}\n'
    path = write(tmp_path / "t.jsonl", good + twice)
    with pytest.raises(InputError, match=r"t\.jsonl: line 2: key 'text' appears twice"):
        nf.load_corpus(path)
    skipped = nf.load_corpus(path, skip_bad=True)
    assert skipped.ids == ["a"]  # and line 2 is in the table of skipped rows, not lost silently
    assert [row[1] for row in skipped.skipped_rows().itertuples(index=False)] == [2]


def test_a_key_twice_inside_a_nested_record_is_named_by_its_path(tmp_path):
    row = f'{{"text": "{P1}", "meta": [{{"x": 1}}, {{"y": 1, "y": 2}}]}}\n'
    path = write(tmp_path / "t.jsonl", row)
    with pytest.raises(InputError, match=r"line 1: key 'meta\.y' appears twice"):
        nf.load_corpus(path)


def test_a_news_please_file_with_a_key_twice_is_one_error_naming_the_file_and_key(tmp_path):
    one = f'{{"maintext": "{P1}", "title": "A", "title": "B", "filename": "x.json"}}'
    path = write(tmp_path / "x.json", one)
    with pytest.raises(InputError, match=r"x\.json: key 'title' appears twice"):
        nf.load_corpus(path)
    records = f'[{{"maintext": "{P1}"}}, {{"maintext": "{P2}", "url": "u", "url": "v"}}]'
    path = write(tmp_path / "y.json", records)
    with pytest.raises(InputError, match=r"y\.json: record 2: key 'url' appears twice"):
        nf.load_corpus(path)


def test_the_same_key_in_two_different_objects_is_no_error(tmp_path):
    row = f'{{"text": "{P1}", "a": {{"x": 1}}, "b": {{"x": 1}}}}\n'
    corpus = nf.load_corpus(write(tmp_path / "t.jsonl", row))
    assert len(corpus) == 1
