"""Hostile and odd corpora, round three: odd folders, group columns with holes, odd group names
and dates, each a reproducer found by ``benchmarks/fuzz_pipeline.py`` and fixed at its cause.
Every file is written here in ``tmp_path``; texts are made up.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import newsframe as nf
from newsframe.cli import main
from newsframe.errors import InputError
from newsframe.periods import assign_periods
from newsframe.plots.groups import plot_group_grid, plot_group_intervals
from newsframe.plots.time import plot_over_time

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


# --- group columns ------------------------------------------------------------------------------


def manifest(folder, rows: str):
    for name in "abcd":
        write(folder / f"{name}.txt", PAGE.replace("Monday", f"day {name}"))
    (folder / "articles.csv").write_text("article_id,file,group\n" + rows, "utf-8")
    return folder / "articles.csv"


def test_group_column_with_empty_cells_is_one_error_not_a_grouping_dropped(tmp_path, capsys):
    # before: 'group' was silently ignored (every article its own group) when a cell was empty
    path = manifest(tmp_path / "in", "a,a.txt,x\nb,b.txt,\nc,c.txt,y\nd,d.txt,x\n")
    corpus = nf.load_corpus(path, method="rules")
    message = r"metadata column 'group': 1 of 4 articles have no value: 'b' \(b\.txt\)"
    with pytest.raises(InputError, match=message):
        corpus.groups()
    with pytest.raises(InputError, match=message):
        nf.comparison_pair(corpus)
    assert main(["report", str(path), "--out", str(tmp_path / "r"), "--jobs", "1"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "'b' (b.txt); give every article one" in err
    assert nf.comparison_pair(corpus, ["a", "b"]).slug == "a_vs_b"  # two articles named: fine


def test_group_column_empty_in_every_row_is_no_group_column(tmp_path):
    corpus = nf.load_corpus(manifest(tmp_path, "a,a.txt,\nb,b.txt,\n"), method="rules")
    assert corpus.group_column is None
    assert nf.comparison_pair(corpus).slug == "a_vs_b"


# --- figures over time --------------------------------------------------------------------------


def test_over_time_n_labels_never_print_over_each_other_over_many_periods():
    # ten years of days, an article every 92 days in each of three groups (as --period day does)
    index = np.arange(0, 3650, 92)
    table = pd.DataFrame({
        "group": np.repeat(["a", "b", "c"], len(index)), "period": [f"P{i}" for i in index] * 3,
        "period_index": np.tile(index, 3), "value": 1, "n_articles": 1, "thin": True,
    })  # fmt: skip
    fig = plot_over_time(table, value="value", ylabel="articles", min_articles=3)
    for ax in fig.axes:
        xs = [t.get_position()[0] for t in ax.texts if t.get_gid() == "n-label"]
        # a 7/3-inch panel holds about 7 labels: 40 would print over each other
        assert 2 <= len(xs) <= 8
        assert xs[0] == 0 and min(np.diff(xs)) >= 3650 / 8


def test_over_time_n_labels_of_six_periods_are_all_written():
    table = pd.DataFrame({
        "group": np.repeat(["a", "b", "c"], 6), "period": [f"P{i}" for i in range(6)] * 3,
        "period_index": np.tile(np.arange(6), 3), "value": 1.0, "n_articles": 4, "thin": False,
    })  # fmt: skip
    fig = plot_over_time(table, value="value", ylabel="v", min_articles=3)
    assert [len(ax.texts) for ax in fig.axes] == [6, 6, 6]


def test_over_time_of_many_groups_draws_the_twelve_with_most_articles_and_says_so():
    # 40 groups of one period; group i has i + 1 articles, so g28 ... g39 have the most
    n = 40
    table = pd.DataFrame({
        "group": [f"g{i}" for i in range(n)], "period": "P0", "period_index": 0,
        "value": 1.0, "n_articles": np.arange(1, n + 1), "thin": False,
    })  # fmt: skip
    fig = plot_over_time(table, value="value", ylabel="v", min_articles=3)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == [f"g{i}" for i in range(28, 40)]
    assert "The 12 of 40 groups with the most articles" in fig.get_supxlabel()


# --- overviews of many groups -------------------------------------------------------------------


def test_group_overviews_of_100_groups_draw_60_rows_and_say_which():
    # group i has the value i + 1 and i + 1 articles: the 60 largest are g40 ... g99
    n = 100
    names = [f"g{i}" for i in range(n)]
    grid = pd.DataFrame({"group": names, "term": "rail", "n": np.arange(1, n + 1)})
    ax = plot_group_grid(grid, item="term", value="n", title="Terms", label="count").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == names[40:]
    assert "the 60 of 100 groups with the largest values (all in the table)" in ax.get_title()
    intervals = pd.DataFrame({"group": names, "value": 0.0, "ci_low": -0.1, "ci_high": 0.1,
                              "n_articles": np.arange(1, n + 1)})  # fmt: skip
    ax = plot_group_intervals(intervals, title="Sentiment", label="mean").axes[0]
    drawn = {t.get_text() for t in ax.get_yticklabels()}
    assert drawn == {f"g{i} ({i + 1} articles)" for i in range(40, 100)}
    assert "the 60 of 100 groups with the most articles" in ax.get_title()


def test_a_folder_named_like_a_manifest_or_a_page_is_read_as_a_folder(tmp_path, capsys):
    write(tmp_path / "in.csv" / "a.txt")
    write(tmp_path / "in.csv" / "page.html" / "b.txt")  # a folder named like a page, inside
    corpus = nf.load_corpus(tmp_path / "in.csv", method="rules")
    assert corpus.ids == ["a", "page.html-b"]
    assert main(["clean", str(tmp_path / "in.csv")]) == 0
    assert capsys.readouterr().out.count("# Talks Resume on the Islands") == 2


# --- dates and periods --------------------------------------------------------------------------


def dated_corpus(dates, groups=None):
    groups = groups or ["a"] * len(dates)
    return nf.Corpus(
        nf.Article(f"d{i}", "", (P1,), metadata={"published": d, "group": g})
        for i, (d, g) in enumerate(zip(dates, groups, strict=True))
    )


def test_a_placeholder_date_beyond_2262_is_one_error_naming_the_article():
    # pandas parsed 9999-12-31 and then overflowed (OutOfBoundsDatetime) in the report
    corpus = dated_corpus(["2024-01-08", "9999-12-31"])
    with pytest.raises(InputError, match=r"article 'd1': published '9999-12-31' is outside"):
        assign_periods(corpus, period="month")


def test_days_over_two_centuries_in_many_groups_are_refused_naming_coarser_periods():
    # 1900-01-01 .. 2100-01-01 is 73,050 days; 14 groups make 1,022,700 cells (> 1,000,000)
    dates = ["1900-01-01", "2100-01-01"] * 7
    corpus = dated_corpus(dates, [f"g{i}" for i in range(14)])
    message = r"73,050 days from 1900-01-01 to 2100-01-01 × 14 groups are 1,022,700 cells"
    with pytest.raises(InputError, match=message + r".*coarser period \(week, month"):
        assign_periods(corpus, period="day")
    assert len(assign_periods(corpus, period="year")) == 14  # a coarser period is fine


def test_comparisons_of_emoji_groups_get_distinct_file_names():
    # both were '_vs_': every such pair's figures written over each other
    meta = [{"group": g} for g in ["🇯🇵", "🇯🇵", "🇨🇳", "🇨🇳", "🇰🇷", "🇰🇷"]]
    corpus = nf.Corpus(nf.Article(f"a{i}", "", (P1,), metadata=m) for i, m in enumerate(meta))
    one = nf.comparison_pair(corpus, ["🇯🇵", "🇨🇳"]).slug
    two = nf.comparison_pair(corpus, ["🇯🇵", "🇰🇷"]).slug
    assert one != two and "_vs_g" in one and one.startswith("g")
    assert nf.comparison_pair(corpus, ["🇯🇵", "🇨🇳"]).slug == one  # the same pair, the same name


def test_parquet_column_named_twice_is_refused_like_a_csv_one(tmp_path):
    # a row read as a dict kept only the last 'group': the first column was dropped silently
    import pyarrow as pa
    import pyarrow.parquet as pq

    text, group = pa.array([P1, P2]), pa.array(["a", "b"])
    table = pa.Table.from_arrays([text, group, pa.array(["x", "y"])], names=["text", "group", "group"])  # fmt: skip
    pq.write_table(table, tmp_path / "t.parquet")
    with pytest.raises(InputError, match=r"t\.parquet: duplicate column name\(s\) group$"):
        nf.load_corpus(tmp_path / "t.parquet")


# --- HTML ---------------------------------------------------------------------------------------


def test_an_element_with_thousands_of_attributes_is_read_without_them(tmp_path):
    # parsing and date finding took time growing with the square of one element's attributes
    # (100,000: a minute); the page now reads at once, its text whole, with a warning
    flood = " ".join(f"a{i}='x'" for i in range(5000))
    page = f"<html><body><article {flood}><p>{P1}</p><p>{P2}</p></article></body></html>"
    path = write(tmp_path / "flood.html", page)
    with pytest.warns(nf.NewsframeWarning, match=r"flood\.html: 1 element\(s\) with over 1,000"):
        article = nf.load_article(path, method="rules")
    assert article.paragraphs == (P1, P2)


@pytest.mark.parametrize(
    ("start", "kind"),
    [(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "a PDF document"), (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
     (b"\x1f\x8b\x08\x00", "a gzip-compressed file"), (b"PK\x03\x04\x14\x00", "a ZIP archive")],
)  # fmt: skip
def test_a_pdf_image_or_archive_with_a_text_name_says_what_it_is(tmp_path, start, kind):
    path = tmp_path / "article.txt"
    path.write_bytes(start + bytes(range(256)) * 4)
    with pytest.raises(InputError, match=rf"article\.txt: is {kind}.*, not text: save the"):
        nf.load_article(path)


def test_a_page_saved_whole_with_megabytes_of_inline_images_keeps_the_main_text_extractor(tmp_path):  # fmt: skip
    # a 3 MB data: URI made the page 'large': extracted block by block, its <aside> kept as body
    image = "data:image/png;base64," + "QUJD" * 750_000
    page = (f"<html><head><title>Talks Resume</title></head><body><article><p>{P1}</p>"
            f"<img src='{image}'><p>{P2}</p><aside><p>Readers wrote to say the talks were "
            "long.</p></aside></article></body></html>")  # fmt: skip
    article = nf.load_article(write(tmp_path / "saved.html", page), method="rules")
    assert article.paragraphs == (P1, P2)
    assert "left out of the main text (<aside>)" in [r.reason for r in article.removed]
