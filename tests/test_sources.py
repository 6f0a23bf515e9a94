"""Article tables: CSV, Parquet, JSON Lines and news-please output read as one corpus, bad rows
named or skipped, repeated texts reported, big Parquet files read batch by batch."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT

import newsframe as nf
from newsframe import sources
from newsframe.cli import main
from newsframe.errors import InputError

TIMELINE = ROOT / "tests" / "fixtures" / "timeline"
FORMS = ["articles.csv", "articles.parquet", "articles.jsonl", "newsplease.jsonl", "newsplease"]


def _key(corpus: nf.Corpus) -> list[tuple]:
    rows = [(a.article_id, a.title, a.paragraphs, dict(a.metadata), a.cleaned) for a in corpus]
    return sorted(rows)


@pytest.fixture(scope="module")
def forms() -> dict[str, nf.Corpus]:
    return {form: nf.load_corpus(TIMELINE / form) for form in FORMS}


def test_every_form_gives_the_same_corpus(forms):
    reference = _key(forms["articles.csv"])
    for form, corpus in forms.items():
        assert _key(corpus) == reference, form


def test_the_fixture_as_written_in_make_fixture(forms):
    corpus = forms["articles.parquet"]
    # ten articles per group, dates January to June 2024 as listed in make_fixture.DATES
    assert Counter(a.metadata["group"] for a in corpus) == {
        "norland": 10,
        "sudovia": 10,
        "wire": 10,
    }
    months = Counter(a.published[:7] for a in corpus)
    assert months == {"2024-01": 5, "2024-02": 5, "2024-03": 6, "2024-04": 5, "2024-05": 5,
                      "2024-06": 4}  # fmt: skip
    first = corpus["herald-01"]
    assert first.title == "Veltra Dam Brings Work to Ostvik"
    assert first.paragraphs == (
        "Veltra Dam brought new work and clean power to Ostvik this week.",
        '"The river serves everyone and Ostvik is proud," said Brekke.',
        "Engineers in Ostvik reported steady progress on the project.",
    )
    assert dict(first.metadata) == {
        "published": "2024-01-08T09:00:00",
        "outlet": "herald.example",
        "url": "https://herald.example/2024/01/08/herald-01",
        "group": "norland",
        "authors": "Ola Dahl",
        "language": "en",
    }
    # a table's text is taken as given, and the audit says so
    assert not first.cleaned and first.removed == ()
    frame = corpus.to_frame()
    assert set(frame["cleaning"]) == {"none (text as given)"}
    assert frame.loc[0, "words"] == 31  # 12 + 10 (river,serves,...,said,Brekke) + 9 words


def test_the_fixture_files_are_what_make_fixture_writes(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixture", TIMELINE / "make_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    for name in ["articles.csv", "articles.jsonl", "newsplease.jsonl", "newsplease/wire-02.json"]:
        assert (tmp_path / name).read_bytes() == (TIMELINE / name).read_bytes(), name
    assert pq.read_table(tmp_path / "articles.parquet").equals(
        pq.read_table(TIMELINE / "articles.parquet")
    )


def test_one_news_please_file_and_its_fields(tmp_path):
    record = {
        "maintext": "Officials met at the dam.\nThey talked for an hour.",
        "title": "Talks",
        "date_publish": "2024-03-05 12:00:00",
        "source_domain": "wire.example",
        "url": "https://wire.example/a",
        "authors": ["A. Writer", "B. Writer"],
        "text": None,
        "image_url": None,
    }
    path = tmp_path / "talks.json"
    path.write_text(json.dumps(record), "utf-8")
    (article,) = nf.load_corpus(path)
    assert article.article_id == "talks"  # no filename field: the file's name
    assert article.paragraphs == ("Officials met at the dam.", "They talked for an hour.")
    assert dict(article.metadata) == {
        "published": "2024-03-05T12:00:00",
        "outlet": "wire.example",
        "url": "https://wire.example/a",
        "authors": "A. Writer; B. Writer",
    }


def test_text_column_by_name_and_manifests_still_manifests(tmp_path):
    table = tmp_path / "t.csv"
    pd.DataFrame(
        {"id": ["x"], "body": ["One line.\nTwo line."], "date": ["8 January 2024"]}
    ).to_csv(table, index=False)
    with pytest.raises(InputError, match=r"t\.csv: manifest is missing .* 'text' column .*--text"):
        nf.load_corpus(table)
    with pytest.raises(InputError, match=r"t\.csv: no column 'maintext' .*--text-column"):
        nf.load_corpus(table, text_column="maintext")
    (article,) = nf.load_corpus(table, text_column="body")
    assert (article.article_id, article.paragraphs, article.published) == (
        "x",
        ("One line.", "Two line."),
        "2024-01-08",
    )
    seeds = nf.load_corpus(ROOT / "data" / "articles.csv")  # a `file` column: a manifest
    assert all(a.cleaned for a in seeds)


def test_clean_runs_the_page_cleaner_on_table_text(tmp_path):
    page = (
        "Dam Talks Resume\n\nOfficials from both countries met at the dam on Monday.\n\n"
        "They agreed to meet again in spring.\n\nSubscribe to our newsletter"
    )
    table = tmp_path / "t.jsonl"
    table.write_text(json.dumps({"article_id": "a", "text": page}) + "\n", "utf-8")
    (given,) = nf.load_corpus(table)
    (cleaned,) = nf.load_corpus(table, clean=True)
    assert "Subscribe to our newsletter" in given.paragraphs
    assert cleaned.cleaned and "Subscribe to our newsletter" not in cleaned.paragraphs
    assert cleaned.title == "Dam Talks Resume"
    assert cleaned.paragraphs == (
        "Officials from both countries met at the dam on Monday.",
        "They agreed to meet again in spring.",
    )
    assert "Subscribe to our newsletter" in [r.text for r in cleaned.removed]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.csv", "article_id,text\na,Fine text.\nb,\n", r"t\.csv: row 2: no text"),
        (
            "t.jsonl",
            '{"text": "Fine text."}\n\n{"text": 42}\n',
            r"t\.jsonl: line 3: text is not a string \(got int 42\)",
        ),
        (
            "t.csv",
            "text,published\nFine text.,2024-01-08\nMore text.,08/01/2024\n",
            r"t\.csv: row 2: date '08/01/2024' does not parse",
        ),
        ("t.jsonl", '{"text": "Fine text."}\n{"text": "x\n', r"t\.jsonl: line 2: not valid JSON"),
        (
            "t.csv",
            "article_id,text\na,Fine text.\na,Other text.\n",
            r"t\.csv: row 2: duplicate article_id 'a' \(also in t\.csv row 1\)",
        ),
        ("t.csv", "text\n1999 - 2024\n", r"t\.csv: row 1: no words in the text"),
    ],
)
def test_a_bad_row_is_one_error_naming_file_and_row(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(InputError, match=message):
        nf.load_corpus(path)


def test_bad_rows_of_a_parquet_file(tmp_path):
    path = tmp_path / "t.parquet"
    table = pa.table(
        {"text": ["Fine text.", None, "Also fine."], "date": ["2024-01-08", "x", "2024"]}
    )
    pq.write_table(table, path)
    with pytest.raises(InputError, match=r"t\.parquet: row 2: no text"):
        nf.load_corpus(path)
    corpus = nf.load_corpus(path, skip_bad=True)
    assert corpus.ids == ["t-1"]  # a year alone is not a publication date
    skipped = corpus.skipped_rows()
    assert skipped[["file", "row", "article_id"]].values.tolist() == [
        [str(path), 2, ""],
        [str(path), 3, ""],
    ]
    assert skipped.loc[0, "problem"] == "no text (column 'text' is empty or missing)"
    assert skipped.loc[1, "problem"].startswith("date '2024' does not parse")


def test_skip_bad_lists_every_skipped_row_and_keeps_the_rest(tmp_path):
    path = tmp_path / "t.jsonl"
    lines = [
        {"article_id": "a", "text": "First text."},
        {"article_id": "b", "text": ["not", "a", "string"]},
        {"article_id": "c", "text": "Third text.", "published": "yesterday"},
        {"article_id": "d", "text": "Fourth text.", "published": "2024-02-30"},
        {"article_id": "e", "text": "Fifth text.", "published": "2024-02-29T10:00:00Z"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    corpus = nf.load_corpus(path, skip_bad=True)
    assert corpus.ids == ["a", "e"]
    assert corpus["e"].published == "2024-02-29T10:00:00+00:00"
    skipped = corpus.skipped_rows()
    assert skipped["row"].tolist() == [2, 3, 4]
    assert skipped["article_id"].tolist() == ["b", "c", "d"]
    assert skipped["problem"].str.split(" ").str[:2].tolist() == [
        ["text", "is"],
        ["date", "'yesterday'"],
        ["date", "'2024-02-30'"],
    ]


def test_every_row_bad_is_an_error(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text\n\n,\n", "utf-8")
    with pytest.raises(InputError, match=r"t\.csv: .*no (text|articles)"):
        nf.load_corpus(path, skip_bad=True)


def test_repeated_texts_are_reported_and_counted_once_with_dedupe(tmp_path):
    wire = "Officials met at the dam on Monday.\n\nThey agreed to meet again."
    rows = [
        {"article_id": "a", "outlet": "wire.example", "text": wire},
        {"article_id": "b", "outlet": "herald.example", "text": "Another story entirely."},
        {"article_id": "c", "outlet": "daily.example", "text": wire.replace("\n\n", "\n\n  ")},
    ]
    path = tmp_path / "t.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    corpus = nf.load_corpus(path)
    assert corpus.ids == ["a", "b", "c"]
    assert corpus.duplicate_texts().values.tolist() == [
        ["c", "daily.example", "a", "wire.example", True]
    ]
    once = nf.load_corpus(path, dedupe=True)
    assert once.ids == ["a", "b"]
    assert once.duplicate_texts().values.tolist() == [
        ["c", "daily.example", "a", "wire.example", False]
    ]
    # what loading left out travels with the corpus when it is rebuilt from it
    assert len(nf.Corpus(once).duplicate_texts()) == 1


def test_a_big_parquet_file_is_read_batch_by_batch(tmp_path, monkeypatch):
    path = tmp_path / "big.parquet"
    texts = [f"Article number {n} about the dam." for n in range(1000)]
    pq.write_table(pa.table({"text": texts}), path, row_group_size=100)
    assert pq.ParquetFile(path).num_row_groups == 10
    batches: list[int] = []
    original = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        for batch in original(self, *args, **kwargs):
            batches.append(batch.num_rows)
            yield batch

    def refuse(*args, **kwargs):
        raise AssertionError("the whole file was read at once")

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    monkeypatch.setattr(pq.ParquetFile, "read", refuse)
    monkeypatch.setattr(pq, "read_table", refuse)
    monkeypatch.setattr(pd, "read_parquet", refuse)
    _, rows = sources.table_rows(path, batch_rows=100)
    assert next(rows) == (1, {"text": texts[0]})
    assert batches == [100]  # one batch in memory, not the file
    assert sum(1 for _ in rows) == 999
    assert batches == [100] * 10
    batches.clear()
    corpus = nf.load_corpus(path)
    assert len(corpus) == 1000 and corpus[999].paragraphs == (texts[999],)
    assert batches == [sources.BATCH_ROWS]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-08", "2024-01-08"),
        ("2024-01-08T00:00:00", "2024-01-08"),
        ("2024-01-08T09:30:00+01:00", "2024-01-08T09:30:00+01:00"),
        ("2024-01-08T09:30:00Z", "2024-01-08T09:30:00+00:00"),
        ("Mon, 08 Jan 2024 09:30:00 GMT", "2024-01-08T09:30:00+00:00"),
        ("January 8, 2024", "2024-01-08"),
        (pd.Timestamp("2024-01-08 09:30", tz="Europe/Oslo"), "2024-01-08T09:30:00+01:00"),
        (float("nan"), ""),
        ("  ", ""),
    ],
)
def test_dates_are_written_as_iso_8601(value, expected):
    assert sources.parse_published(value) == expected


@pytest.mark.parametrize("value", ["08/01/2024", "yesterday", "now", "2024-13-01", 1704700800])
def test_dates_that_do_not_parse(value):
    with pytest.raises(sources.RowProblem):
        sources.parse_published(value)


def test_cli_report_reads_a_table(tmp_path, capsys):
    assert main(["report", str(TIMELINE / "articles.parquet")]) == 0
    frame = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert len(frame) == 30 and set(frame["cleaning"]) == {"none (text as given)"}
    bad = tmp_path / "bad.csv"
    bad.write_text("text,date\nFine text.,someday\n", "utf-8")
    assert main(["report", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"newsframe: error: {bad}: row 1: date 'someday' does not parse (write it as ISO 8601, "
        "e.g. 2024-01-08 or 2024-01-08T09:30:00+01:00)\n"
    )
    assert main(["report", str(bad), "--skip-bad"]) == 2  # nothing left


def test_the_report_lists_skipped_rows_and_repeated_texts(tmp_path):
    lines = (TIMELINE / "articles.jsonl").read_text("utf-8").splitlines()[:6]
    copy = json.loads(lines[0]) | {"article_id": "copy-01", "outlet": "daily.example"}
    lines += ['{"article_id": "bad", "text": null}', json.dumps(copy)]
    table = tmp_path / "in" / "t.jsonl"
    table.parent.mkdir()
    table.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "report"
    args = ["report", str(table), "--out", str(out), "--jobs", "1", "--skip-bad", "--dedupe"]
    assert main(args) == 0
    skipped = pd.read_csv(out / "tables" / "skipped_rows.csv")
    assert skipped[["row", "article_id"]].values.tolist() == [[7, "bad"]]
    repeated = pd.read_csv(out / "tables" / "duplicate_texts.csv")
    assert repeated[["article_id", "duplicate_of", "counted"]].values.tolist() == [
        ["copy-01", "herald-01", False]
    ]
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert len(articles) == 6 and set(articles["cleaning"]) == {"none (text as given)"}
    page = (out / "index.html").read_text("utf-8")
    assert "6 articles came from a table as extracted text and were taken as given" in page
    assert "1 table row was left out as not articles" in page
    assert "Table rows left out" in page and "Repeated texts" in page


def test_csv_header_names_are_read_without_surrounding_spaces(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text('article_id, text ,group\na,"Dam opens.\n\nRiver rises.",x\n', "utf-8")
    (article,) = nf.load_corpus(table)
    assert (article.article_id, article.paragraphs) == ("a", ("Dam opens.", "River rises."))
    assert dict(article.metadata) == {"group": "x"}


# --- one behaviour for a bad date: manifests as tables ------------------------------------------


def _dated_manifest(folder, dates: list[str]):
    """A manifest of len(dates) hand-written articles, article i dated dates[i]."""
    folder.mkdir(exist_ok=True)
    rows = ["article_id,file,published"]
    for n, day in enumerate(dates):
        (folder / f"a{n}.txt").write_text(
            f"Dam Talks Day {n}\n\nOfficials met at the dam on day {n}. They agreed to meet "
            f"again, the mayor said.\n", "utf-8"
        )  # fmt: skip
        rows.append(f'a{n},a{n}.txt,"{day}"')
    manifest = folder / "articles.csv"
    manifest.write_text("\n".join(rows) + "\n", "utf-8")
    return manifest


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        ("yesterday", "date 'yesterday' does not parse"),
        ("08/01/2024", "date '08/01/2024' does not parse"),
        ("9999-12-31", "date '9999-12-31' is outside the dates that can be put in periods"),
        ("1500-06-01", "date '1500-06-01' is outside the dates that can be put in periods"),
    ],
)
def test_a_manifest_date_that_does_not_parse_is_an_error_naming_file_and_line(tmp_path, day, problem):  # fmt: skip
    manifest = _dated_manifest(tmp_path / "m", ["2024-01-08", day, "2024-01-09"])
    with pytest.raises(InputError) as err:
        nf.load_corpus(manifest)
    # line 1 is the header: the second article is line 3, as an editor shows it
    assert str(err.value).startswith(f"{manifest}: line 3: {problem}")
    table = tmp_path / "t.csv"  # the same date in a table: the same problem
    table.write_text(f"text,date\nOne text.,2024-01-08\nTwo text.,{day}\n", "utf-8")
    with pytest.raises(InputError, match=f"t.csv: row 2: {problem}"):
        nf.load_corpus(table)


def test_skip_bad_leaves_out_a_manifest_row_with_a_bad_date_and_lists_it(tmp_path):
    manifest = _dated_manifest(tmp_path / "m", ["2024-01-08", "someday", "2024-01-09"])
    corpus = nf.load_corpus(manifest, skip_bad=True)
    assert corpus.ids == ["a0", "a2"]
    skipped = corpus.skipped_rows()
    assert skipped[["file", "row", "article_id"]].values.tolist() == [[str(manifest), 3, "a1"]]
    assert skipped.loc[0, "problem"].startswith("date 'someday' does not parse")


def test_manifest_dates_are_written_as_in_tables(tmp_path):
    days = ["2024-01-08T23:30:00+09:00", "Mon, 08 Jan 2024 09:30:00 GMT", "8 January 2024",
            "2099-01-01", "1850-03-01", ""]  # fmt: skip
    corpus = nf.load_corpus(_dated_manifest(tmp_path / "m", days))
    # future and old dates are dates; written out by hand as ISO 8601, the offset kept
    assert [a.published for a in corpus] == [
        "2024-01-08T23:30:00+09:00", "2024-01-08T09:30:00+00:00", "2024-01-08", "2099-01-01",
        "1850-03-01", "",
    ]  # fmt: skip


def test_a_manifest_listing_one_file_twice_is_an_error_naming_both_lines(tmp_path):
    manifest = _dated_manifest(tmp_path / "m", ["", ""])
    manifest.write_text(manifest.read_text("utf-8") + "b,./a0.txt,\n", "utf-8")
    with pytest.raises(InputError, match=r"line 4: file '\./a0\.txt' is already article 'a0' \(line 2\)"):  # fmt: skip
        nf.load_corpus(manifest)
    corpus = nf.load_corpus(manifest, skip_bad=True)
    assert corpus.ids == ["a0", "a1"]
    assert corpus.skipped_rows()[["row", "article_id"]].values.tolist() == [[4, "b"]]


def test_cli_report_of_a_manifest_with_a_bad_date_stops_or_skips_and_lists_it(tmp_path, capsys):
    manifest = _dated_manifest(tmp_path / "m", ["2024-01-08", "2024-02-30", "2024-01-09"])
    out = tmp_path / "report"
    assert main(["report", str(manifest), "--out", str(out), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"newsframe: error: {manifest}: line 3: date '2024-02-30' does not parse")
    assert not out.exists()
    assert main(["report", str(manifest), "--out", str(out), "--jobs", "1", "--skip-bad"]) == 0
    skipped = pd.read_csv(out / "tables" / "skipped_rows.csv")
    assert skipped[["row", "article_id"]].values.tolist() == [[3, "a1"]]
    assert pd.read_csv(out / "tables" / "articles.csv")["article_id"].tolist() == ["a0", "a2"]


def test_a_corpus_built_in_memory_with_a_bad_date_stops_the_report_before_computing(tmp_path):
    from newsframe.report import build_report

    texts = ("Officials met at the dam. They agreed, the mayor said.", "The dam opened. It rained.")
    corpus = nf.Corpus([nf.Article("a", "T", (texts[0],), metadata={"published": "2024-01-08"}),
                        nf.Article("b", "U", (texts[1],), metadata={"published": "soon"})])  # fmt: skip
    with pytest.raises(InputError, match=r"^article 'b': published 'soon' is not an ISO 8601"):
        build_report(corpus, tmp_path / "r", n_jobs=1)
