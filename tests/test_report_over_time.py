"""The report's "Over time" section and ``--period`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsframe as nf
from newsframe import Article, Corpus
from newsframe.cli import main
from newsframe.report.build import _over_time_section, _Report, plan_comparison

FIXTURE = Path(__file__).parent / "fixtures" / "over_time"


def test_report_has_the_section(tmp_path):
    out = tmp_path / "report"
    status = main([
        "report", str(FIXTURE / "articles.csv"), "--story", str(FIXTURE / "story.toml"),
        "--out", str(out), "--period", "month", "--jobs", "1",
    ])  # fmt: skip
    assert status == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<section id="over-time">' in page and "Over time" in page
    for measure in ("attention", "sentiment", "naming_variants", "share_of_voice"):
        assert (out / "figures" / f"{measure}__over_time__by_group.png").is_file()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))["over_time"]
    # months 2024-01..03; cells with articles: north in each month, south in January and March
    assert (summary["period"], summary["periods"], summary["cells"]) == ("month", 3, 5)
    assert summary["thin_cells"] == 5 and summary["changes"] == 0
    attention = (out / "tables" / "attention__over_time.csv").read_text(encoding="utf-8")
    assert "2024-02,2024-02-01,south,1,0,0,0,0,True" in attention


def test_cli_refuses_an_unknown_period(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", str(FIXTURE), "--out", "x", "--period", "fortnight"])
    assert exc.value.code == 2
    assert "invalid choice: 'fortnight'" in capsys.readouterr().err


def _corpus(dates):
    meta = [{"published": d} for d in dates]
    return Corpus(
        Article(i, "", ("A calm day.",), metadata=m) for i, m in zip("ab", meta, strict=True)
    )


def test_no_dates_no_section():
    corpus = _corpus(["", ""])
    r = _Report()
    _over_time_section(r, corpus, plan_comparison(corpus), {}, None)
    assert r.sections == [] and "over_time" not in r.summary


def test_a_bad_date_is_named_and_the_report_goes_on():
    corpus = _corpus(["2024-01-01", "1 Jan"])
    r = _Report()
    tables = nf.compute_article_tables(corpus, n_jobs=1)
    _over_time_section(r, corpus, plan_comparison(corpus), tables, None)
    (section,) = r.sections
    assert section.blocks[0].kind == "warning"
    assert "article 'b': published '1 Jan' is not an ISO 8601 date" in section.blocks[0].text
