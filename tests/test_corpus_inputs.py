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
    with pytest.raises(InputError, match=r"image\.txt: is a PNG image, not text"):
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


# --- HTML: nothing extracted away without an audit line (issue 17 item 8) ---------------------

HEAD = "<html><head><title>Putin Meets Abe in Moscow</title></head><body>"
ASIDE = "Readers wrote that the fishermen deserved more help from the government this year."
COMMENT = "One commenter said the talks were a waste of time and money for both of the countries."
FOOTNOTE = "This article was corrected on Tuesday to give the minister's full title and rank."


def html_page(tmp_path, name: str, body: str):
    path = tmp_path / name
    path.write_text(HEAD + body + "</body></html>", "utf-8")
    return path


def both_paths(path, monkeypatch) -> tuple[nf.Article, nf.Article]:
    """The page through trafilatura and through the fast path for very large pages."""
    normal = nf.load_article(path)
    monkeypatch.setattr(nf.corpus, "FAST_HTML_CHARS", 100)
    with pytest.warns(NewsframeWarning, match="large page"):
        fast = nf.load_article(path)
    monkeypatch.undo()
    return normal, fast


def test_asides_footers_and_comments_in_an_article_are_audited(tmp_path, monkeypatch):
    first, second = BODY
    path = html_page(
        tmp_path,
        "aside.html",
        f"<article><h1>Putin Meets Abe in Moscow</h1><p>{first}</p><aside><p>{ASIDE}</p></aside>"
        f"<p>{second}</p><div class='comments'><p>{COMMENT}</p></div>"
        f"<footer><p>{FOOTNOTE}</p></footer></article>",
    )
    for article in both_paths(path, monkeypatch):
        assert article.paragraphs == BODY
        left_out = {
            r.text: r.reason for r in article.removed if r.text in (ASIDE, COMMENT, FOOTNOTE)
        }
        assert left_out == {
            ASIDE: "left out of the main text (<aside>)",
            COMMENT: "left out of the main text (comments)",
            FOOTNOTE: "left out of the main text (<footer>)",
        }
        # and the line audit shows them where the removal says, as removed lines
        audit = article.line_audit().set_index("text")
        assert audit.loc[ASIDE, "status"] == "removed"
        lines = article.page_text.splitlines()
        assert all(lines[r.line_no - 1] == r.text for r in article.removed)


@pytest.mark.parametrize(
    "name,body",
    [
        ("lede in the article header", "<article><header><p>{0}</p></header><p>{1}</p></article>"),
        ("text directly in the article", "<article>{0}<br><br>{1}</article>"),
        ("a form around the page", "<form><article><p>{0}</p><p>{1}</p></article></form>"),
    ],
)
def test_the_fast_path_keeps_what_trafilatura_keeps(tmp_path, monkeypatch, name, body):
    path = html_page(tmp_path, "page.html", body.format(*BODY))
    normal, fast = both_paths(path, monkeypatch)
    assert normal.paragraphs == fast.paragraphs == BODY


@pytest.mark.parametrize("depth", [300, 3_000])
def test_deeply_nested_page_keeps_its_text(tmp_path, monkeypatch, depth):
    """libxml2 stops reading at 256 levels (the rest of the page was lost: "no article text
    found"); the page is read again without its layout wrappers, with a warning."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    path = html_page(
        tmp_path,
        "deep.html",
        "<div>" * depth + f"<article>{paragraphs}</article>" + "</div>" * depth,
    )
    with pytest.warns(NewsframeWarning, match=r"deep\.html: elements nested more than 255 deep"):
        normal = nf.load_article(path)
    monkeypatch.setattr(nf.corpus, "FAST_HTML_CHARS", 100)
    with pytest.warns(NewsframeWarning) as caught:
        fast = nf.load_article(path)
    assert sorted(str(w.message).split("; ")[0].split(": ")[1] for w in caught) == [
        "elements nested more than 255 deep",
        f"large page ({path.stat().st_size:,} characters)",
    ]
    assert normal.paragraphs == fast.paragraphs == BODY
