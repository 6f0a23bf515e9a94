"""Hostile and odd input, one test per reproducer: special files, size limits, links leaving a
folder, nested folders, mixed encodings, strict manifests, HTML tables and charsets, API misuse,
and what the command line prints. Every hostile file is built here in ``tmp_path``.
"""

from __future__ import annotations

import codecs
import io
import os
import random
import sys
import warnings

import pytest
from conftest import deadline

import newsframe as nf
from newsframe import corpus as corpus_module
from newsframe.cli import main
from newsframe.errors import InputError, NewsframeError, NewsframeWarning

P1 = "The foreign minister met his counterpart in the capital on Monday for talks on the islands."
P2 = "Both sides agreed to meet again in the spring, officials said after the meeting."
P3 = "Fishermen on the islands said prices for crab had fallen by a third since the sanctions."
PAGE = f"Talks Resume on the Islands\n\n{P1}\n\n{P2}\n\n{P3}\n"


def write(path, text=PAGE):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def one_line_error(capsys, argv):
    """Run the command line; return its one stderr line (exit status 2, nothing on stdout)."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("newsframe: error: ")
    return err


# --- only regular files, of bounded size ------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifo_is_refused_directly_and_through_a_manifest(tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "articles.csv").write_text("article_id,file\nx,x.txt\n", "utf-8")
    with deadline():
        with pytest.raises(
            InputError, match=r"x\.txt: is a named pipe \(FIFO\), not a regular file"
        ):
            nf.load_article(tmp_path / "x.txt")
        with pytest.raises(InputError, match=r"x\.txt: is a named pipe"):
            nf.load_corpus(tmp_path / "articles.csv")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_link_to_dev_zero_is_refused(tmp_path):
    (tmp_path / "x.txt").symlink_to("/dev/zero")
    with deadline(), pytest.raises(InputError, match=r"x\.txt: is a device, not a regular file"):
        nf.load_article(tmp_path / "x.txt")


def test_size_limit_keyword_and_environment(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt")
    size = len(PAGE.encode())
    with pytest.raises(
        InputError, match=rf"a\.txt: file is too large \({size} bytes; the limit is 100\)"
    ):
        nf.load_article(path, max_bytes=100)
    assert nf.load_article(path, max_bytes=size).paragraphs == (P1, P2, P3)
    monkeypatch.setenv("NEWSFRAME_MAX_BYTES", "100")
    with pytest.raises(InputError, match="file is too large"):
        nf.load_corpus([path])
    monkeypatch.setenv("NEWSFRAME_MAX_BYTES", "ten")
    with pytest.raises(InputError, match="NEWSFRAME_MAX_BYTES: must be a positive whole number"):
        nf.load_article(path)


def test_an_18_mb_page_is_refused_at_once_by_default(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body>" + b"<p>The talks went on.</p>" * 720_000 + b"</body></html>")
    assert path.stat().st_size > 18_000_000
    with deadline(5), pytest.raises(InputError, match=r"huge\.html: file is too large"):
        nf.load_article(path)


def test_large_pages_take_the_fast_extractor_and_keep_every_paragraph(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "FAST_HTML_CHARS", 100)
    path = write(
        tmp_path / "big.html",
        "<html><head><title>Talks Resume on the Islands</title><script>var x = 1;</script></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Talks Resume on the Islands</h1>"
        f"<p>{P1}</p><table><tr><td>{P2}</td></tr></table><p>{P3}</p></article></body></html>",
    )
    with pytest.warns(NewsframeWarning, match=r"big\.html: large page"):
        article = nf.load_article(path)
    assert article.title == "Talks Resume on the Islands"
    assert article.paragraphs == (P1, P2, P3)


# --- folders ------------------------------------------------------------------------------------


def test_link_leaving_the_folder_is_refused_and_never_printed(tmp_path, capsys):
    secret = write(tmp_path / "outside" / "secret.txt", "Secret Title\n\nroot:x:0:0:secret line\n")
    folder = tmp_path / "articles"
    write(folder / "a.txt")
    (folder / "passwd.txt").symlink_to(secret)
    with pytest.raises(InputError, match=r"passwd\.txt: links to a file outside"):
        nf.load_corpus(folder)
    err = one_line_error(capsys, ["clean", str(folder)])
    assert "links to a file outside" in err and "secret line" not in err


def test_linked_subfolder_leaving_the_folder_is_refused(tmp_path):
    write(tmp_path / "outside" / "b.txt")
    folder = tmp_path / "articles"
    write(folder / "a.txt")
    (folder / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    with pytest.raises(InputError, match=r"more: links to a folder outside"):
        nf.load_corpus(folder)


def test_nested_folders_are_read_in_sorted_order(tmp_path):
    folder = tmp_path / "articles"
    write(folder / "b.txt")
    write(folder / "2016" / "b.txt")
    write(folder / "2016" / "a.txt")
    write(folder / "a.txt")
    write(folder / "notes.pdf", "not an article")  # not an article file type: not read, named
    write(folder / ".ipynb_checkpoints" / "a-checkpoint.txt")  # hidden: not an article
    with pytest.warns(nf.NewsframeWarning, match=r"1 file\(s\) not read, .*: notes\.pdf$"):
        corpus = nf.load_corpus(folder)
    assert corpus.ids == ["2016-a", "2016-b", "a", "b"]


def test_unreadable_folder_is_one_error(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "locked"
    write(folder / "a.txt")

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)  # what a folder without read permission does
    with pytest.raises(InputError, match=r"locked: cannot read folder \(Permission denied\)"):
        nf.load_corpus(folder)
    assert "cannot read folder" in one_line_error(capsys, ["clean", str(folder)])


def test_mistyped_folder_says_not_found(tmp_path):
    with pytest.raises(InputError, match=r"artcles: file or folder not found"):
        nf.load_corpus(tmp_path / "artcles")


# --- decoding -------------------------------------------------------------------------------


def test_one_cp1252_byte_decodes_only_its_line_with_a_warning_naming_it(tmp_path):
    path = tmp_path / "mixed.txt"
    lines = ["Putin\u2019s Caf\u00e9 Talks", "", P1.replace("minister", "minister\u2019s aide")]
    data = (
        "\n".join(lines).encode("utf-8")
        + b"\n\nThe aide\x92s remarks were brief, officials said on Monday.\n"
    )
    path.write_bytes(data)
    with pytest.warns(
        NewsframeWarning, match=r"mixed\.txt: not valid UTF-8 on line 5 \(byte 0x92 at column 9"
    ):
        article = nf.load_article(path)
    assert article.title == "Putin\u2019s Caf\u00e9 Talks"  # not "Putinâ€™s CafÃ©"
    assert article.paragraphs[-1] == "The aide\u2019s remarks were brief, officials said on Monday."
    assert article.encoding == "utf-8+cp1252"


def test_html_honours_its_declared_charset(tmp_path):
    title = "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b"  # "Peregovory"
    body = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440\u044b \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0438\u0441\u044c \u0432 \u041c\u043e\u0441\u043a\u0432\u0435."
    html = (
        "<html><head><meta charset=windows-1251><title>" + title + "</title></head><body>"
        "<article><h1>"
        + title
        + "</h1>"
        + ("<p>" + body + " " + P1 + "</p>")
        + "<figure><figcaption>"
        + title
        + "</figcaption></figure></article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(html.encode("cp1251"))
    article = nf.load_article(path)
    assert article.encoding == "cp1251"
    assert body in article.body
    assert article.captions == (title,)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_decodes(tmp_path, codec):
    bom = b"\xff\xfe\x00\x00" if codec.endswith("le") else b"\x00\x00\xfe\xff"
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + PAGE.encode(codec))
    article = nf.load_article(path)
    assert (article.title, article.paragraphs, article.encoding) == (
        "Talks Resume on the Islands",
        (P1, P2, P3),
        "utf-32",
    )


def test_random_bytes_are_not_an_article(tmp_path):
    rng = random.Random(9)
    path = tmp_path / "noise.txt"
    path.write_bytes(rng.randbytes(20_000))
    with pytest.raises(InputError, match=r"noise\.txt: (looks like a binary file|not text)"):
        nf.load_article(path)
    printable = bytes(rng.randrange(0x20, 0x100) for _ in range(20_000))  # no NUL, no controls
    path.write_bytes(printable)
    with pytest.raises(InputError, match=r"noise\.txt: not text"):
        nf.load_article(path)


def test_punctuation_only_file_has_no_words(tmp_path):
    path = write(tmp_path / "dots.txt", "!!! ... ???\n\n--- *** ---\n\n12 34\n")
    with pytest.raises(InputError, match=r"dots\.txt: no words"):
        nf.load_article(path)


# --- manifests --------------------------------------------------------------------------------


def manifest(tmp_path, text):
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt", PAGE.replace("Monday", "Tuesday"))
    path = tmp_path / "articles.csv"
    path.write_text(text, "utf-8")
    return path


def test_manifest_unclosed_quote_names_its_line(tmp_path):
    path = manifest(tmp_path, 'article_id,file,title\na,a.txt,"Unclosed title\nb,b.txt,Title B\n')
    with pytest.raises(
        InputError, match=r"articles\.csv: line 2: .*(unclosed quotation mark|malformed)"
    ):
        nf.load_corpus(path)


def test_manifest_duplicate_column_is_refused(tmp_path):
    path = manifest(tmp_path, "article_id,file,outlet,file\na,a.txt,X,b.txt\n")
    with pytest.raises(InputError, match=r"articles\.csv: line 1: duplicate column name\(s\) file"):
        nf.load_corpus(path)


def test_manifest_field_over_the_csv_limit_is_one_error(tmp_path, capsys):
    path = manifest(tmp_path, "article_id,file,note\na,a.txt,ok\nb,b.txt," + "x" * 140_000 + "\n")
    with pytest.raises(
        InputError, match=r"articles\.csv: line 3: malformed CSV \(field larger than field limit"
    ):
        nf.load_corpus(path)
    assert "line 3" in one_line_error(capsys, ["report", str(path)])


def test_manifest_line_numbers_count_physical_lines(tmp_path):
    path = manifest(tmp_path, "article_id,file\n\na,a.txt\n\n,b.txt\n")
    with pytest.raises(
        InputError, match=r"articles\.csv: line 5: article_id and file must not be empty"
    ):
        nf.load_corpus(path)


def test_manifest_row_with_extra_fields_is_refused(tmp_path):
    path = manifest(tmp_path, "article_id,file\na,a.txt,surplus\n")
    with pytest.raises(InputError, match=r"line 2: 3 fields but the header has 2 columns"):
        nf.load_corpus(path)


# --- HTML tables and outlet repeats -------------------------------------------------------------


def test_text_inside_a_table_is_kept(tmp_path):
    path = write(
        tmp_path / "table.html",
        "<html><head><title>Talks Resume on the Islands</title></head><body><article>"
        f"<h1>Talks Resume on the Islands</h1><p>{P1}</p>"
        f"<table><tr><td>{P2}</td></tr><tr><td>{P3}</td></tr></table></article></body></html>",
    )
    article = nf.load_article(path)
    assert P2 in article.paragraphs and P3 in article.paragraphs


def test_identical_texts_of_one_outlet_do_not_strip_each_other(tmp_path):
    paragraphs = [
        f"Paragraph {n} says the talks on the islands went on for hours." for n in range(10)
    ]
    for name in ("seed.txt", "copy.txt"):  # two files (one file listed twice is an error)
        write(tmp_path / name, "Talks Resume on the Islands\n\n" + "\n\n".join(paragraphs) + "\n")
    (tmp_path / "articles.csv").write_text(
        "article_id,file,outlet\none,seed.txt,Kuril Herald\ntwo,copy.txt,Kuril Herald\n", "utf-8"
    )
    corpus = nf.load_corpus(tmp_path / "articles.csv")
    assert [len(a.paragraphs) for a in corpus] == [10, 10]


# --- API misuse --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: nf.Corpus(["x"]), r"articles \(position 0\): expected a Corpus, .*got a str"),
        (lambda: nf.Corpus(None), r"expected a Corpus, Articles or one Article, got None"),
        (lambda: nf.load_article(None), r"load_article: expected a file path .*, got None"),
        (
            lambda: nf.load_corpus(None),
            r"load_corpus: expected a manifest .csv, a folder or a list",
        ),
        (lambda: nf.load_corpus([]), r"load_corpus: no articles"),
        (lambda: nf.clean_text(None), r"clean_text: text must be a string"),
        (lambda: nf.Article("x", "T", (None,)), r"Article 'x': .*must be strings, got None"),
    ],
)
def test_api_misuse_is_one_clear_error(call, message):
    with pytest.raises(NewsframeError, match=message):
        call()


def test_kwic_bad_regex_and_frame_dimensions_bad_level_are_one_error():
    article = nf.Article("a", "T", ("Officials said the talks on the islands went well.",))
    with pytest.raises(NewsframeError, match=r"kwic: '\(' is not a valid regular expression"):
        nf.kwic([article], "(", regex=True)
    with (
        warnings.catch_warnings(),
        pytest.raises(NewsframeError, match=r"frame_dimensions: confidence must be .* got 2"),
    ):
        warnings.simplefilter("ignore", DeprecationWarning)  # level= is the old name
        nf.frame_dimensions([article], level=2)


def test_a_string_of_paragraphs_is_the_body_split_at_blank_lines():
    assert nf.Article("x", "T", "text").paragraphs == ("text",)
    assert nf.Article("x", "T", "One.\n\n  \nTwo.").paragraphs == ("One.", "Two.")


def test_save_figure_refuses_paths_in_the_name(tmp_path):
    from matplotlib.figure import Figure

    from newsframe.plots import save_figure

    for name in ["../raw/evil", "sub/name", "..", "a\\b", "/tmp/x"]:
        with pytest.raises(NewsframeError, match="must be a plain file name"):
            save_figure(Figure(), name, tmp_path / "figs")
    assert not (tmp_path / "raw").exists()


# --- what the command line prints ------------------------------------------------------------


def test_terminal_escapes_in_an_article_are_shown_escaped(tmp_path, capsys):
    path = write(tmp_path / "esc.txt", PAGE.replace("Monday", "Monday\x1b]0;owned\x07\x1b[2J"))
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Monday\\x1b]0;owned\\x07\\x1b[2J" in out


def test_non_utf8_file_name_prints_on_a_strict_terminal(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 file name on a UTF-8 file system
    try:
        (folder / name).write_text(PAGE, "utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system refuses non-UTF-8 names")
    write(folder / "b.txt", PAGE.replace("Monday", "Tuesday"))
    raw = io.BytesIO()
    strict = io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", strict)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        status = main(["clean", str(folder)])
    strict.flush()
    assert status == 0
    assert b"caf\\udce9.txt" in raw.getvalue()


# --- the second round of odd input (issue 17) -------------------------------------------------


def page_html(head: str = "", body: str = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>") -> str:
    return (
        f"<html><head>{head}<title>Talks Resume on the Islands</title></head><body><article>"
        f"<h1>Talks Resume on the Islands</h1>{body}</article></body></html>"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_story_file_gets_the_article_files_checks(tmp_path, monkeypatch):
    """Item 6: a FIFO or a device as the story file is refused at once, as an article file is;
    so is a story file over the size limit."""
    os.mkfifo(tmp_path / "story.toml")
    corpus_file = write(tmp_path / "a.txt")
    with deadline(5):
        with pytest.raises(InputError, match=r"story\.toml: is a named pipe \(FIFO\)"):
            nf.load_story(tmp_path / "story.toml")
        with pytest.raises(InputError, match=r"story\.toml: is a named pipe"):
            nf.load_corpus([corpus_file], story=tmp_path / "story.toml")
        if os.path.exists("/dev/zero"):
            (tmp_path / "zero.toml").symlink_to("/dev/zero")
            with pytest.raises(InputError, match=r"zero\.toml: is a device, not a regular file"):
                nf.load_story(tmp_path / "zero.toml")
    big = write(tmp_path / "big.toml", '[story]\nname = "x"\ndescription = "' + "y" * 200 + '"\n')
    monkeypatch.setenv("NEWSFRAME_MAX_BYTES", "100")
    with pytest.raises(InputError, match=r"big\.toml: file is too large \(236 bytes"):
        nf.load_story(big)


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "uu", "utf-16", "utf-7"])
def test_meta_charset_that_is_no_page_encoding_is_ignored_with_a_warning(tmp_path, codec):
    """Item 7: a codec that is not a text encoding (or cannot be a page's charset) is ignored, as
    browsers do, and the page read as UTF-8; the warning names the file and the label."""
    path = write(tmp_path / "odd.html", page_html(f"<meta charset={codec}>"))
    with pytest.warns(NewsframeWarning, match=rf"odd\.html: <meta charset='{codec}'> is not a"):
        article = nf.load_article(path)
    assert article.encoding == "utf-8"
    assert article.paragraphs == (P1, P2, P3)


def test_deeply_nested_toml_is_one_error(tmp_path, capsys):
    """Item 7: nesting past the parser's recursion limit, in a story file or in rules."""
    deep = "[" * 3_000 + "]" * 3_000
    story = write(tmp_path / "story.toml", f'[story]\nname = "x"\ncompare = {deep}\n')
    with pytest.raises(InputError, match=r"story\.toml: invalid TOML: .*nested too deeply"):
        nf.load_story(story)
    inline = "{a = " * 3_000 + "1" + "}" * 3_000
    rules = write(tmp_path / "rules.toml", f"x = {inline}\n")
    with pytest.raises(InputError, match=r"rules\.toml: invalid TOML: .*nested too deeply"):
        nf.load_rules(rules)
    article = write(tmp_path / "a.txt")
    err = one_line_error(capsys, ["actors", str(article), "--story", str(story)])
    assert "nested too deeply" in err


def test_nul_byte_in_a_file_name_is_one_error(tmp_path):
    """Item 7: a NUL byte in a manifest's file name, or in a path given directly."""
    path = manifest(tmp_path, "article_id,file\na,a.txt\nb,b\x00.txt\n")
    with pytest.raises(InputError, match=r"articles\.csv: line 3: the file name contains a NUL"):
        nf.load_corpus(path)
    with pytest.raises(InputError, match=r"load_article: the file path .* contains a NUL byte"):
        nf.load_article(str(tmp_path / "a\x00.txt"))
    with pytest.raises(InputError, match=r"story\\x00\.toml': the file name contains a NUL"):
        nf.load_story(str(tmp_path / "story\x00.toml"))


def test_symbolic_link_loops_are_one_error(tmp_path):
    """Item 7: a link loop as a manifest row, in a list of files and in a folder."""
    folder = tmp_path / "articles"
    write(folder / "a.txt")
    (folder / "loop.txt").symlink_to("again.txt")
    (folder / "again.txt").symlink_to("loop.txt")
    (folder / "articles.csv").write_text("article_id,file\na,a.txt\nb,loop.txt\n", "utf-8")
    loop = r"(loop|again)\.txt: is a symbolic link loop"
    with pytest.raises(InputError, match=loop):
        nf.load_corpus(folder / "articles.csv")
    with pytest.raises(InputError, match=loop):
        nf.load_corpus([folder / "a.txt", folder / "loop.txt"])
    with pytest.raises(InputError, match=loop):
        nf.load_corpus(folder)
    (tmp_path / "story.toml").symlink_to("story.toml")
    with pytest.raises(InputError, match=r"story\.toml: is a symbolic link loop"):
        nf.load_story(tmp_path / "story.toml")


@pytest.mark.parametrize("value", ["9" * 40, "9" * 5_000, "1" + "0" * 13, "\u0663\u0663", "\u00b2"])
def test_huge_or_odd_size_limit_is_one_error(tmp_path, monkeypatch, capsys, value):
    """Item 7: a limit over 1 TiB (which no read can take), thousands of digits (which Python
    will not convert) or digits that are not ASCII."""
    path = write(tmp_path / "a.txt")
    monkeypatch.setenv("NEWSFRAME_MAX_BYTES", value)
    with pytest.raises(InputError, match=r"NEWSFRAME_MAX_BYTES: (.* larger than|must be a pos)"):
        nf.load_article(path)
    assert "NEWSFRAME_MAX_BYTES" in one_line_error(capsys, ["clean", str(path)])
    monkeypatch.delenv("NEWSFRAME_MAX_BYTES")
    with pytest.raises(InputError, match=r"max_bytes: 100000000000\.\.\. is larger than"):
        nf.load_article(path, max_bytes=10**40)
    assert nf.load_article(path, max_bytes=1 << 40).paragraphs == (P1, P2, P3)


@pytest.mark.parametrize("declared", ["windows-1252", "latin-1", "iso-8859-1"])
def test_utf8_page_declared_as_a_single_byte_charset_is_read_as_utf8(tmp_path, declared):
    """Item 10: "Russia’s" in UTF-8 read as cp1252 would be "Russiaâ€™s"."""
    lede = "Russia\u2019s foreign minister met his counterpart in the caf\u00e9 on Monday."
    path = tmp_path / "mislabelled.html"
    path.write_bytes(
        page_html(f'<meta charset="{declared}">', f"<p>{lede}</p><p>{P2}</p>").encode()
    )
    with pytest.warns(
        NewsframeWarning, match=r"mislabelled\.html: declares charset .* but is valid UTF-8"
    ):
        article = nf.load_article(path)
    assert article.paragraphs == (lede, P2)
    assert article.encoding == "utf-8"
    # a page that really is in the declared charset is read as declared, silently
    path.write_bytes(
        page_html(f'<meta charset="{declared}">', f"<p>{lede}</p><p>{P2}</p>").encode("cp1252")
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = nf.load_article(path)
    assert article.encoding == codecs.lookup(declared).name
    assert "counterpart in the caf\u00e9 on Monday." in article.paragraphs[0]


# --- the third round: the whole pipeline on odd input (benchmarks/fuzz_pipeline.py) -----------


def test_story_error_found_while_loading_a_corpus_names_the_story_file(tmp_path):
    """An unknown frame in a story file named the manifest (the corpus's error wrapper caught
    the story's error); it names the story file, as load_story(...).resources does."""
    write(tmp_path / "a.txt")
    (tmp_path / "articles.csv").write_text("article_id,file\na,a.txt\n", "utf-8")
    story = write(tmp_path / "story.toml", '[frames.x.y]\nadd = ["talks"]\n')
    with pytest.raises(InputError, match=r"story\.toml: \[frames\] no frame 'x/y'") as caught:
        nf.load_corpus(tmp_path / "articles.csv", story=story)
    assert "articles.csv" not in str(caught.value)


def test_prominence_figure_of_a_story_with_thousands_of_actors_draws_the_most_mentioned():
    """A story file with 2,000 actors drew a 2,000-row strip per article (640 inches tall, still
    drawing after 4 minutes in the report); the figure draws the 30 most mentioned and says how
    many more the table holds."""
    from newsframe.plots.framing import plot_actor_prominence

    actors = [nf.Actor(f"a{i}", f"Zed{i}", "person", (f"Zed{i}",)) for i in range(2000)]
    corpus = [nf.Article("x", "", ("Zed7 met Zed1999. Zed7 left.", "Zed40 stayed."))]
    prominence = nf.actor_prominence(corpus, actors)
    assert len(prominence) == 3  # sparse: the three actors mentioned
    prominence = nf.restore_prominence_zeros(prominence, corpus, actors)
    assert len(prominence) == 2000  # restored: every actor
    with deadline(60):
        fig = plot_actor_prominence(nf.actor_positions(corpus, actors), prominence)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 30 and {"Zed7", "Zed1999", "Zed40"} <= set(labels)
    assert labels[:3] == ["Zed0", "Zed1", "Zed2"]  # unmentioned ties keep the table's order
    assert "1,970 more in the table" in fig.get_supxlabel()
    assert fig.get_figheight() < 20


def test_alignment_map_of_thousands_of_sentences_draws_no_unreadable_labels():
    """Two articles of 1,000 sentences drew 2,000 overlapping 6.5-point labels into the figure's
    capped height (45 s for the SVG alone); blocks too thin for a label now go without one."""
    from newsframe.plots.selection import alignment_map_figure

    def article(name, n):
        return nf.Article(name, "T", tuple(f"The minister met official {k} in {name}." for k in range(n)))  # fmt: skip

    small = [article("a", 3), article("b", 3)]
    fig = alignment_map_figure(nf.omissions(small), nf.align_sentences(small), "a", "b")
    assert len(fig.axes[0].texts) == 3 + 3 + 2  # every sentence, and the two article names
    large = [article("a", 1000), article("b", 1000)]
    fig = alignment_map_figure(nf.omissions(large), nf.align_sentences(large), "a", "b")
    assert [t.get_text() for t in fig.axes[0].texts] == ["a", "b"]
    assert len(fig.axes[0].patches) >= 2000  # every sentence is still drawn, as a block
