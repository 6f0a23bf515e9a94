"""The second hostile sweep: what a newcomer's odd files found that the first did not.

Each case is a small file written here whose answer is worked out by hand: a file name whose
bytes are not UTF-8, a story file with a number of thousands of digits, tables that are not UTF-8
(a cp1252 export, a workbook or UTF-16 text named ``.csv``), manifest rows naming a folder or a
file of another kind, a folder holding files of other kinds, and a table cell holding ``NaN``.
Bad input is ONE error naming the file (and the line or row) and the problem; nothing is
dropped unsaid.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from test_hostile_sweep import P1, P2, PAGE, _put  # the first sweep's page and writer

import newsframe as nf
from newsframe.cli import main
from newsframe.errors import InputError, NewsframeWarning
from newsframe.files import first_bad_utf8, path_text


def _one_error(capsys, argv: list[str]) -> str:
    """The one line ``newsframe`` prints for bad input (exit status 2), without its prefix."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("newsframe: error: ")
    return err.removeprefix("newsframe: error: ").rstrip("\n")


# --- file names whose bytes are not UTF-8 ---------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_shown_escaped_not_a_traceback(tmp_path, capsys):
    folder = tmp_path / "in"
    _put(folder / "a.txt", PAGE)
    # b"caf\xe9.txt": a latin-1 file name; Python carries the byte 0xe9 as the surrogate U+DCE9
    _put(folder / os.fsdecode(b"caf\xe9.txt"), PAGE.replace("Monday", "Friday"))
    corpus = nf.load_corpus(folder)
    assert corpus.ids == ["a", "caf"]  # the id keeps only letters, digits and . _ -
    frame = corpus.to_frame()
    assert frame["source_path"].tolist() == [str(folder / "a.txt"), str(folder) + "/caf\\xe9.txt"]
    assert main(["report", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2].startswith("caf,Talks Resume at the Dam,")


def test_path_text_escapes_only_the_bytes_that_are_not_utf8():
    assert path_text(os.fsdecode(b"raw/\xff\xfe.txt")) == "raw/\\xff\\xfe.txt"
    assert path_text(Path("raw") / "café.txt") == "raw/café.txt"  # valid UTF-8 stays as it is


# --- story files ----------------------------------------------------------------------------------


def test_a_story_file_with_a_number_of_thousands_of_digits_is_one_error(tmp_path, capsys):
    _put(tmp_path / "m" / "a.txt", PAGE)
    _put(tmp_path / "m" / "b.txt", PAGE.replace("Monday", "Friday"))
    manifest = _put(tmp_path / "m" / "articles.csv", "article_id,file\na,a.txt\nb,b.txt\n")
    story = _put(tmp_path / "story.toml", "[terms]\nphrases = [" + "7" * 5000 + "]\n")
    problem = "invalid TOML: a number of more than 4,300 digits"  # Python's default limit
    for command in ("report", "actors"):
        assert _one_error(capsys, [command, str(manifest), "--story", str(story)]) == (
            f"{story}: {problem}"
        )
    with pytest.raises(InputError, match=f"^{re.escape(f'{story}: {problem}')}$"):
        nf.load_corpus(manifest, story=story)


# --- tables that are not UTF-8 -------------------------------------------------------------------


def test_first_bad_utf8_counts_lines_and_columns_across_chunk_boundaries(tmp_path):
    # "é" is two bytes in UTF-8 (c3 a9); a lone c3 before "x" is not UTF-8.
    data = "ab\ncdé\n".encode() + b"xy\xc3x\n"
    path = _put(tmp_path / "t.csv", data)
    for chunk in (1, 2, 3, 4, 7, 1000):  # the bad byte and the line breaks fall in every place
        assert first_bad_utf8(path, chunk=chunk) == (3, 3, 0xC3)
    assert first_bad_utf8(_put(tmp_path / "u.csv", "ab\ncdé\n")) is None
    # a file cut inside a character: the last byte begins a character that never ends
    assert first_bad_utf8(_put(tmp_path / "v.csv", b"ok\n\xe2\x80")) == (2, 1, 0xE2)


def test_a_cp1252_table_names_the_line_where_utf8_stops(tmp_path, capsys):
    text = 'id,text\na,"Talks Resume\n\nThe minister met in the café on Monday."\n'
    table = _put(tmp_path / "t.csv", text.encode("cp1252"))
    # line 4 is "The minister met in the caf\xe9 ...": 27 characters, then the byte 0xe9
    problem = "line 4: not UTF-8 (byte 0xe9 at column 28); save it as UTF-8"
    assert _one_error(capsys, ["report", str(table)]) == f"{table}: {problem}"
    with pytest.raises(InputError, match=f"^{re.escape(f'{table}: {problem}')}$"):
        nf.load_corpus(table)


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as workbook:
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("t.csv", _xlsx(), "is a ZIP archive (or a .docx/.odt document, or an .xlsx workbook), "
         "not a table of texts: save it as CSV UTF-8, Parquet or JSON Lines"),
        ("t.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "is an old Word or Excel "
         "document, not a table of texts: save it as CSV UTF-8, Parquet or JSON Lines"),
        ("t.csv", "id,text\na,One text here.\n".encode("utf-16"),
         'is saved as UTF-16 or UTF-32 ("Unicode text"); save it as UTF-8'),
        ("t.jsonl", '{"text": "One text here."}\n'.encode("utf-16"),
         'is saved as UTF-16 or UTF-32 ("Unicode text"); save it as UTF-8'),
        ("t.jsonl", b'{"text": "One."}\n{"text": "caf\xe9"}\n',
         "line 2: not UTF-8 (byte 0xe9 at column 14); save it as UTF-8"),
    ],
    ids=["xlsx named .csv", "xls named .csv", "UTF-16 CSV", "UTF-16 JSON Lines", "cp1252 JSONL"],
)  # fmt: skip
def test_a_table_that_is_not_utf8_says_what_it_is(tmp_path, capsys, name, data, problem):
    table = _put(tmp_path / name, data)
    assert _one_error(capsys, ["report", str(table)]) == f"{table}: {problem}"


# --- manifests ------------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    _put(tmp_path / "m" / "a.txt", PAGE)
    _put(tmp_path / "m" / "sub" / "c.txt", PAGE)
    _put(tmp_path / "m" / "notes.docx", _xlsx())
    return tmp_path / "m"


@pytest.mark.parametrize(
    ("file", "problem"),
    [
        ("sub", "file 'sub' is a folder, not an article file"),
        (".", "file '.' is a folder, not an article file"),
        ("articles.csv", "file 'articles.csv' is not an article file (its ending is '.csv'; use "
         "one of .txt, .text, .md, .html, .htm)"),
        ("notes.docx", "file 'notes.docx' is not an article file (its ending is '.docx'; use "
         "one of .txt, .text, .md, .html, .htm)"),
    ],
)  # fmt: skip
def test_a_manifest_row_naming_no_article_file_names_its_line(folder, capsys, file, problem):
    manifest = _put(folder / "articles.csv", f"article_id,file\na,a.txt\nb,{file}\n")
    assert _one_error(capsys, ["report", str(manifest)]) == f"{manifest}: line 3: {problem}"
    kept = nf.load_corpus(manifest, skip_bad=True)
    assert kept.ids == ["a"]
    assert kept.skipped_rows().values.tolist() == [[str(manifest), 3, "b", problem]]


def test_repeated_manifest_ids_name_their_lines(folder, capsys):
    manifest = _put(folder / "articles.csv", "article_id,file\nx,a.txt\ny,sub/c.txt\nx,b.txt\n")
    assert _one_error(capsys, ["clean", str(manifest)]) == (
        f"{manifest}: duplicate article_id 'x' (lines 2, 4)"
    )


# --- folders --------------------------------------------------------------------------------------


def test_a_folders_files_of_other_kinds_are_named_not_dropped_unsaid(folder, capsys):
    _put(folder / "picture.png", b"\x89PNG\r\n\x1a\n")
    _put(folder / ".hidden.docx", b"x")  # hidden: not an article, not named
    with pytest.warns(NewsframeWarning) as said:
        corpus = nf.load_corpus(folder)
    assert corpus.ids == ["a", "sub-c"]
    assert [str(w.message) for w in said] == [
        f"{folder}: 2 file(s) not read, not ending in .txt, .text, .md, .html, .htm: "
        "notes.docx, picture.png"
    ]
    assert main(["clean", str(folder)]) == 0
    assert capsys.readouterr().err.count("2 file(s) not read") == 1


def test_a_folder_without_articles_names_the_files_it_holds(tmp_path, capsys):
    folder = tmp_path / "docs"
    _put(folder / "story.docx", _xlsx())
    _put(folder / "story.pdf", b"%PDF-1.4\n")
    assert _one_error(capsys, ["clean", str(folder)]) == (
        f"{folder}: folder has no article files (.txt, .text, .md, .html, .htm, .json); "
        "it holds 2 other file(s): story.docx, story.pdf"
    )


# --- a missing value written as text --------------------------------------------------------------


@pytest.mark.parametrize("marker", ["NaN", "NULL", "None", "#N/A"])
def test_a_text_cell_holding_a_missing_value_marker_is_a_row_without_text(tmp_path, marker):
    table = _put(tmp_path / "t.csv", f'id,text\na,"{P1}"\nb,{marker}\nc,"{P2}"\n')
    problem = f"no text (column 'text' holds '{marker}', a missing value written as text)"
    with pytest.raises(InputError, match=re.escape(f"{table}: row 2: {problem}")):
        nf.load_corpus(table)
    kept = nf.load_corpus(table, skip_bad=True)
    assert kept.ids == ["a", "c"]
    assert kept.skipped_rows()["problem"].tolist() == [problem]


def test_a_date_cell_holding_nan_says_it_may_be_a_missing_value(tmp_path):
    table = _put(tmp_path / "t.csv", f'id,text,published\na,"{P1}",2024-01-08\nb,"{P2}",NaN\n')
    with pytest.raises(InputError, match=r"row 2: date 'NaN' does not parse .* \(a missing value "
                       r"written as text\? leave the cell empty\)$"):  # fmt: skip
        nf.load_corpus(table)


@pytest.mark.parametrize("name", ["t.tsv", "t.xlsx", "t.csv.gz"])
def test_a_table_of_a_kind_not_read_says_which_kinds_are(tmp_path, capsys, name):
    table = _put(tmp_path / name, "id\ttext\na\tOne text here.\n")
    suffix = Path(name).suffix
    assert _one_error(capsys, ["report", str(table)]) == (
        f"{table}: unsupported file type {suffix!r}; use one of .txt, .text, .md, .html, .htm for "
        "an article, or for a table of texts .csv (comma-separated, UTF-8), .parquet, .jsonl or "
        "news-please .json (unpack an archive first)"
    )


# --- file names in other scripts, and with line breaks ------------------------------------------


def test_file_names_in_other_scripts_keep_their_letters_as_ids(tmp_path):
    folder = tmp_path / "in"
    _put(folder / "статья.txt", PAGE)
    _put(folder / "新闻 2.txt", PAGE.replace("Monday", "Friday"))
    _put(folder / "sub" / "cafe\u0301 (copy).txt", PAGE.replace("Monday", "Sunday"))  # Mac: NFD
    corpus = nf.load_corpus(folder)
    # sorted by path, code point by code point: "s" (U+0073) < "с" (U+0441) < "新" (U+65B0)
    assert corpus.ids == ["sub-café-copy", "статья", "新闻-2"]


def test_two_file_names_giving_one_id_are_one_error_naming_both(tmp_path, capsys):
    folder = tmp_path / "in"
    _put(folder / "a b.txt", PAGE)
    _put(folder / "a-b.txt", PAGE.replace("Monday", "Friday"))
    assert _one_error(capsys, ["clean", str(folder)]) == (
        f"{folder}: a b.txt and a-b.txt would both be article 'a-b.txt'; rename one (or list "
        "the files in a manifest with their own ids)"
    )


def test_an_error_about_a_file_named_with_a_line_break_is_one_line(tmp_path, capsys):
    path = _put(tmp_path / "new\nline.txt", b"")
    assert _one_error(capsys, ["clean", str(path)]) == f"{tmp_path}/new\\nline.txt: file is empty"
    _put(tmp_path / "ok.txt", PAGE)
    _put(tmp_path / "odd\nname.txt", PAGE.replace("Monday", "Friday"))
    (tmp_path / "new\nline.txt").unlink()
    assert main(["clean", str(tmp_path)]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if line.startswith("===")]
    assert headers == [f"=== odd-name ({tmp_path}/odd\\nname.txt)", f"=== ok ({tmp_path}/ok.txt)"]
