"""load_article on bad and unusual input: encodings, binary files, empty and all-boilerplate pages."""

from __future__ import annotations

import warnings

import pytest

import newsframe as nf
from newsframe.errors import InputError, NewsframeWarning

PAGE = (
    "Putin Meets Abe in Moscow\n\n"
    "Russian President Vladimir Putin met Japanese Prime Minister Shinzo Abe in Moscow on Tuesday.\n\n"
    "The two leaders discussed the islands known in Japan as the Northern Territories.\n"
)
BODY = (
    "Russian President Vladimir Putin met Japanese Prime Minister Shinzo Abe in Moscow on Tuesday.",
    "The two leaders discussed the islands known in Japan as the Northern Territories.",
)


def test_plain_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(PAGE.encode("utf-8"))
    article = nf.load_article(path)
    assert (article.title, article.paragraphs, article.encoding) == (
        "Putin Meets Abe in Moscow",
        BODY,
        "utf-8",
    )


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PAGE.encode("utf-8"))
    article = nf.load_article(path)
    assert article.title == "Putin Meets Abe in Moscow"  # no BOM glued to the headline
    assert article.paragraphs == BODY
    assert article.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + PAGE.replace("\n", "\r\n").encode(codec))
    article = nf.load_article(path)
    assert article.title == "Putin Meets Abe in Moscow"
    assert article.paragraphs == BODY
    assert article.encoding == "utf-16"


def test_undecodable_bytes_fall_back_to_cp1252_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    text = PAGE.replace("Moscow on Tuesday", "Moscow on Tuesday \u2014 \u201cat last\u201d")
    path.write_bytes(text.encode("cp1252"))
    with pytest.warns(NewsframeWarning, match=r"latin\.txt: not valid UTF-8 .*decoded as cp1252"):
        article = nf.load_article(path)
    assert article.encoding == "cp1252"
    assert "Moscow on Tuesday \u2014 \u201cat last\u201d." in article.paragraphs[0]


def test_valid_utf8_gives_no_warning(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_bytes(PAGE.replace("Abe", "Abe \u2014 \u5b89\u500d").encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nf.load_article(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match=r"image\.txt: looks like a binary file"):
        nf.load_article(path)


def test_control_characters_without_nul_are_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50)
    with pytest.raises(InputError, match="looks like a binary file"):
        nf.load_article(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.txt: file is empty"):
        nf.load_article(path)


def test_all_boilerplate_page(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text(
        "Support us\n\nSign up for our free weekly newsletter\n\nShare\nTweet\n\n"
        "We use cookies to improve your experience. By continuing to browse, you agree.\n\n"
        "Once\nMonthly\nAnnual\nContinue\n\nRead more\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"chrome\.txt: no article text left after cleaning"):
        nf.load_article(path)


@pytest.mark.parametrize("name", ["article.pdf", "article.docx", "article"])
def test_unsupported_extension(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PAGE.encode("utf-8"))
    with pytest.raises(InputError, match="unsupported file type"):
        nf.load_article(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: file not found"):
        nf.load_article(tmp_path / "nope.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        nf.load_article(tmp_path / "dir.txt")


def test_html_without_article_text(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text(
        "<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "utf-8"
    )
    with pytest.raises(InputError, match=r"blank\.html: no article text"):
        nf.load_article(path)


def test_html_page_is_extracted_and_cleaned(tmp_path):
    path = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    path.write_text(
        "<html><head><title>Putin Meets Abe in Moscow</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Putin Meets Abe in Moscow</h1>{paragraphs}</article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>",
        "utf-8",
    )
    article = nf.load_article(path)
    assert article.title == "Putin Meets Abe in Moscow"
    assert article.paragraphs == BODY


def test_raw_file_is_not_modified(tmp_path):
    path = tmp_path / "a.txt"
    raw = b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(raw)
    nf.load_article(path)
    assert path.read_bytes() == raw
