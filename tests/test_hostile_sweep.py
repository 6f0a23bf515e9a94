"""The hostile-input sweep: every kind of odd input a user may bring, through the command line
(``newsframe clean``) and the Python API (``load_corpus``), each a small file written here.

An input that cannot be used gives ONE error naming the file (and the row or line) and the
problem: one line on stderr with exit status 2 from the command line, one ``InputError`` from
the API. An input that can be read is read whole. The big versions (a 50 MB line, a 20 MB CSV
field, a story file of 200,000 words) run in ``benchmarks/fuzz_pipeline.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsframe as nf
from newsframe.cli import main
from newsframe.errors import InputError, NewsframeWarning

P1 = "The minister met his counterpart in the capital on Monday for talks on the dam."
P2 = "Both sides agreed to meet again in the spring, officials said after the meeting."
PAGE = f"Talks Resume at the Dam\n\n{P1}\n\n{P2}\n"


def _put(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _parquet(path: Path, columns: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), path)
    return path


def _broken_footer(path: Path) -> Path:
    raw = _parquet(path, {"text": ["One text.", "Two texts."]}).read_bytes()
    return _put(path, raw[:-40] + bytes(range(32)) + raw[-8:])  # footer metadata overwritten


def _loop(folder: Path) -> Path:
    _put(folder / "a.txt", PAGE)
    os.symlink(folder / "l2.txt", folder / "l1.txt")
    os.symlink(folder / "l1.txt", folder / "l2.txt")
    return folder


def _broken_link(folder: Path) -> Path:
    folder.mkdir(parents=True)
    os.symlink(folder / "gone.txt", folder / "x.txt")
    return folder / "x.txt"


NEWS_PLEASE = {"title": "T", "date_publish": "2024-01-08 10:00:00", "source_domain": "x.example",
               "url": "https://x.example/1", "filename": "a.json"}  # fmt: skip

#: (case, build the input under a folder, what the error says after the file's name)
BAD = [
    ("empty file", lambda d: _put(d / "x.txt", b""), "file is empty"),
    ("only white space", lambda d: _put(d / "x.txt", b" \n\t\r\n  \n"), "file is empty"),
    ("NUL bytes", lambda d: _put(d / "x.txt", PAGE.replace("talks", "ta\x00lks")),
     "looks like a binary file"),
    ("a folder named like a file", lambda d: (d / "x.txt").mkdir(parents=True) or d / "x.txt",
     "folder has no article files"),
    ("a broken link", _broken_link, "file not found"),
    ("a link loop in a folder", _loop, "is a symbolic link loop"),
    ("CSV ragged row", lambda d: _put(d / "t.csv", "id,text\n1,One text.\n2,Two, texts.\n"),
     "line 3: 3 fields but the header has 2 columns"),
    ("CSV header twice", lambda d: _put(d / "t.csv", "id,text,text\n1,One.,Two.\n"),
     "line 1: duplicate column name(s) text"),
    ("CSV header only", lambda d: _put(d / "t.csv", "id,text,group\n"), "no articles (no rows)"),
    ("CSV text of numbers", lambda d: _put(d / "t.csv", "id,text\n1,12345\n"),
     "row 1: no words in the text (only punctuation, digits or symbols); 'text' holds a number"),
    ("Parquet text of numbers", lambda d: _parquet(d / "t.parquet", {"text": [1, 2]}),
     "row 1: text is not a string (got int 1)"),
    ("Parquet footer broken", lambda d: _broken_footer(d / "t.parquet"),
     "not a readable Parquet file ("),
    ("JSON Lines, a broken line", lambda d: _put(d / "t.jsonl", '{"text": "One."}\n{"text": "Tw\n'),
     "line 2: not valid JSON"),
    ("JSON Lines, one array", lambda d: _put(d / "t.jsonl", '[{"text": "One."}, {"text": "Two."}]\n'),
     "line 1: not a record of named fields (got list)"),
    ("JSON Lines, nested deep", lambda d: _put(d / "t.jsonl", '{"text": "One.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
     "line 1: not valid JSON (nested too deeply)"),
    ("news-please without maintext", lambda d: _put(d / "a.json", json.dumps(NEWS_PLEASE)),
     "no text (column 'maintext' is empty or missing)"),
    ("news-please maintext null", lambda d: _put(d / "a.json", json.dumps(NEWS_PLEASE | {"maintext": None})),
     "no text (column 'maintext' is empty or missing)"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "build", "problem"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_is_one_error_naming_the_file(tmp_path, capsys, case, build, problem):
    path = build(tmp_path / "in")
    assert main(["clean", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("newsframe: error: ") and str(tmp_path / "in") in err
    assert problem in err
    with pytest.raises(InputError) as raised:
        nf.load_corpus(path)
    assert problem in str(raised.value) and str(tmp_path / "in") in str(raised.value)


def test_utf16_without_a_byte_order_mark_is_read_with_a_warning(tmp_path):
    for codec in ("utf-16-le", "utf-16-be"):
        path = _put(tmp_path / codec / "x.txt", PAGE.encode(codec))
        with pytest.warns(NewsframeWarning, match=f"x.txt: no byte-order mark; read as {codec.upper()}"):  # fmt: skip
            article = nf.load_corpus(path.parent)[0]
        assert article.paragraphs == (P1, P2)
    # UTF-32 without a mark has NULs at three of four bytes: still a binary file
    path = _put(tmp_path / "u32" / "x.txt", PAGE.encode("utf-32-le"))
    with pytest.raises(InputError, match="looks like a binary file"):
        nf.load_corpus(path.parent)


def test_utf16_with_a_mark_latin1_and_cr_line_ends_read_whole(tmp_path):
    assert nf.load_corpus(_put(tmp_path / "a" / "x.txt", PAGE.encode("utf-16")))[0].paragraphs == (P1, P2)  # fmt: skip
    cr = nf.load_corpus(_put(tmp_path / "b" / "x.txt", PAGE.replace("\n", "\r")))[0]
    assert cr.paragraphs == (P1, P2)
    latin = PAGE.replace("capital", "café capital").encode("latin-1")
    with pytest.warns(NewsframeWarning, match="not valid UTF-8 on line 3"):
        article = nf.load_corpus(_put(tmp_path / "c" / "x.txt", latin))[0]
    assert article.paragraphs[0] == P1.replace("capital", "café capital")


def test_a_csv_field_over_the_size_limit_names_its_row(tmp_path):
    table = _put(tmp_path / "t.csv", "id,text\n1,Short text.\n2," + "word " * 400 + "\n")
    with pytest.raises(InputError, match=r"t\.csv: row 2: text is too long \(2,000 characters; the limit is 1,000\)"):  # fmt: skip
        nf.load_corpus(table, max_bytes=1000)
    kept = nf.load_corpus(table, max_bytes=1000, skip_bad=True)
    assert kept.ids == ["1"] and kept.skipped_rows()["row"].tolist() == [2]


def test_a_news_please_folder_skips_an_article_without_maintext_and_lists_it(tmp_path):
    _put(tmp_path / "np" / "a.json", json.dumps(NEWS_PLEASE | {"maintext": P1}))
    _put(tmp_path / "np" / "b.json", json.dumps(NEWS_PLEASE | {"filename": "b.json"}))
    corpus = nf.load_corpus(tmp_path / "np", skip_bad=True)
    assert corpus.ids == ["a"]
    skipped = corpus.skipped_rows()
    assert skipped[["article_id", "problem"]].values.tolist() == [
        ["b", "no text (column 'maintext' is empty or missing)"]
    ]


def test_manifest_rows_outside_the_folder_are_refused_naming_the_line(tmp_path):
    _put(tmp_path / "outside.txt", PAGE)
    _put(tmp_path / "m" / "a.txt", PAGE)
    manifest = _put(tmp_path / "m" / "articles.csv", "article_id,file\na,a.txt\nb,../outside.txt\n")
    with pytest.raises(InputError, match=r"articles\.csv: line 3: file '\.\./outside\.txt' is outside the manifest's folder"):  # fmt: skip
        nf.load_corpus(manifest)


@pytest.mark.parametrize(
    ("story", "problem"),
    [
        ("[story]\nname = 3\n", "[story] name must be non-empty text, got the number 3"),
        ('[story]\nname = "x"\ncolour = "red"\n', "[story]: unknown key `colour`"),
        ('[actorz.kim]\nname = "Kim"\n', "unknown section [actorz]"),
        ("[terms]\nphrases = [1, 2]\n", "[terms] phrases must hold non-empty strings"),
    ],
)
def test_a_bad_story_file_is_one_error_naming_it(tmp_path, capsys, story, problem):
    _put(tmp_path / "m" / "a.txt", PAGE)
    _put(tmp_path / "m" / "b.txt", PAGE.replace("Monday", "Friday"))
    manifest = _put(tmp_path / "m" / "articles.csv", "article_id,file\na,a.txt\nb,b.txt\n")
    path = _put(tmp_path / "story.toml", story)
    with pytest.raises(InputError) as raised:
        nf.load_corpus(manifest, story=path)
    assert str(raised.value).startswith(f"{path}: ") and problem in str(raised.value)
    assert main(["report", str(manifest), "--story", str(path), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and not (tmp_path / "r").exists()


@pytest.mark.parametrize("name", ["x.txt", "articles.csv", "t.csv", "t.jsonl", "t.parquet"])
def test_a_file_without_read_permission_is_one_error(tmp_path, monkeypatch, capsys, name):
    """Permission denied, as a user sees it (root reads every file, so ``open`` is made to
    refuse this one path the way the system would)."""
    _put(tmp_path / "a.txt", PAGE)
    contents = {"x.txt": PAGE, "articles.csv": "article_id,file\na,a.txt\n", "t.csv": "text\nOne.\n",
                "t.jsonl": '{"text": "One."}\n'}  # fmt: skip
    path = (
        _parquet(tmp_path / name, {"text": ["One."]})
        if name.endswith(".parquet")
        else _put(tmp_path / name, contents[name])
    )
    denied = PermissionError(13, "Permission denied", str(path))
    real_open, real_os_open = open, os.open

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise denied
        return real_open(file, *args, **kwargs)

    def guarded_os_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise denied
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    with pytest.raises(InputError, match=f"^{path}: cannot read file \\(Permission denied\\)$"):
        nf.load_corpus(path)
    assert main(["report", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"newsframe: error: {path}: cannot read file (Permission denied)\n"
