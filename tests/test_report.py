"""The HTML report: what it writes, what it refuses, and that it says what the design can show."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

from newsframe.cli import main
from newsframe.errors import InputError, NewsframeError
from newsframe.report import build_report, plan_comparison

# Six short articles we wrote for these tests: a harbour closure told by two groups of outlets.
ARTICLES = {
    "north-1": ("north", "Harbour Closed After Storm Damage",
                "The city closed the old harbour on Monday after a storm damaged the sea wall. "
                "Officials said the repairs would take three weeks.\n\n"
                "Fishermen said the closure was a disaster for their families."),
    "north-2": ("north", "Fishermen Angry Over Harbour Closure",
                "Angry fishermen protested outside city hall on Tuesday. "
                "They said the council had ignored warnings about the wall for years.\n\n"
                "The mayor said safety came first."),
    "north-3": ("north", "Harbour Repairs Begin",
                "Repairs to the damaged sea wall began on Wednesday. "
                "Engineers said the work was going well and praised the crews."),
    "south-1": ("south", "Council Acts Quickly To Protect Harbour",
                "The council acted quickly to protect residents by closing the harbour. "
                "The mayor praised the emergency teams for their excellent work.\n\n"
                "Residents welcomed the decision."),
    "south-2": ("south", "Sea Wall To Be Rebuilt Stronger",
                "The sea wall will be rebuilt stronger than before, the council said. "
                "New funding will support the fishermen during the closure."),
    "south-3": ("south", "Harbour To Reopen Next Month",
                "The harbour is expected to reopen next month. "
                "Officials said they were happy with the progress of the repairs."),
}  # fmt: skip


def write_story(folder):
    """Write the six articles and their manifest (with a ``group`` column) into ``folder``."""
    folder.mkdir()
    rows = ["article_id,file,outlet,title,group"]
    for article_id, (group, title, body) in ARTICLES.items():
        (folder / f"{article_id}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
        rows.append(f"{article_id},{article_id}.txt,{group.title()} Daily,{title},{group}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return folder


@pytest.fixture
def story(tmp_path):
    return write_story(tmp_path / "story")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One report of the six-article story, built once for the tests that only read it."""
    root = tmp_path_factory.mktemp("report")
    source = write_story(root / "story")
    return source, build_report(source, root / "report")


def test_seeds_with_their_story_name_their_actors(tmp_path):
    from conftest import ROOT

    out = build_report(ROOT / "data" / "articles.csv", tmp_path / "seeds",
                       story=ROOT / "data" / "story.toml")  # fmt: skip
    voice = pd.read_csv(out / "tables" / "share_of_voice.csv")
    # Both seeds quote Putin (the story file's actor id), by hand: 2016 has 28 quoted words.
    assert set(voice["speaker"]) >= {"putin"}
    naming = pd.read_csv(out / "tables" / "naming_variants.csv")
    assert "disputed_islands" in set(naming["concept"])
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["sentiment"]["unit"] == "sentence"


def test_report_writes_page_tables_figures_and_summary(built):
    _, out = built
    assert (out / "index.html").is_file() and (out / "summary.json").is_file()
    page = (out / "index.html").read_text("utf-8")
    for section in ("corpus", "terms", "sentiment", "framing", "selection", "caveats"):
        assert f'<section id="{section}">' in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "<script" not in page
    assert page.count('src="data:image/png;base64,') == len(list((out / "figures").glob("*.png")))
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    # The manifest has a group column: north (3 articles) against south (3), articles as unit.
    assert summary["compare"]["a"] == "north" and summary["compare"]["b"] == "south"
    assert summary["sentiment"]["unit"] == "article"
    assert summary["sentiment"]["p_floor"] == pytest.approx(0.1)  # 2 / C(6, 3)
    assert summary["sentiment"]["p_value"] >= 0.1
    assert "no test can reach p &lt; .05" in page
    removed = pd.read_csv(out / "tables" / "removed_lines.csv")
    assert set(removed.columns) >= {"article_id", "line_no", "reason", "text"}
    assert (out / "figures" / "keyness__north_vs_south.svg").is_file()
    sentences = pd.read_csv(out / "tables" / "sentences.csv")
    assert sentences["article_id"].nunique() == 6


def test_report_is_deterministic(built, tmp_path):
    source, one = built
    two = build_report(source, tmp_path / "two")
    for path in sorted(p for p in one.rglob("*") if p.is_file()):
        assert path.read_bytes() == (two / path.relative_to(one)).read_bytes(), path.name


def test_plan_picks_groups_or_articles(story):
    import newsframe as nf

    corpus = nf.load_corpus(story / "manifest.csv")
    plan = plan_comparison(corpus)
    assert (plan.group, plan.label_a, plan.label_b, plan.unit) == ("group", "north", "south",
                                                                   "article")  # fmt: skip
    plan = plan_comparison(corpus, group="outlet", compare=["South Daily", "North Daily"])
    assert plan.ids_a == ("south-1", "south-2", "south-3") and plan.slug == (
        "South-Daily_vs_North-Daily"
    )
    plain = nf.Corpus([a for a in corpus])
    pair = plan_comparison(nf.Corpus(list(plain)), group="outlet", compare=None)
    assert pair.label_a == "North Daily"


def test_refusals_write_nothing(story, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "summary.json").write_text("{}", "utf-8")  # looks like an earlier report
    with pytest.raises(InputError, match="already exists; pass --force"):
        build_report(story, out)
    assert [p.name for p in out.iterdir()] == ["summary.json"]
    build_report(story, out, force=True)
    assert (out / "index.html").is_file()
    with pytest.raises(InputError, match="inside the input folder"):
        build_report(story, story / "out")
    assert not (story / "out").exists()
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep me", "utf-8")
    with pytest.raises(InputError, match="not a newsframe report folder"):
        build_report(story, other, force=True)
    assert (other / "mine.txt").read_text("utf-8") == "keep me"
    with pytest.raises(NewsframeError, match="neither a group"):
        build_report(story, tmp_path / "x", compare=["north", "west"])
    assert not (tmp_path / "x").exists()


def test_cli_report_errors_are_one_line(built, tmp_path, capsys):
    story, out = built
    assert main(["report", str(story), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "--out", str(tmp_path / "e")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "e").exists()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "manifest.csv").write_text("article_id,file\nx,missing.txt\n", "utf-8")
    assert main(["report", str(bad), "--out", str(tmp_path / "b")]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()


def test_group_with_one_article_is_refused(story, tmp_path):
    manifest = story / "manifest.csv"
    text = manifest.read_text("utf-8").replace(
        "north-3.txt,North Daily,Harbour Repairs Begin,north",
        "north-3.txt,North Daily,Harbour Repairs Begin,west",
    )
    text = text.replace("north-2.txt,North Daily,Fishermen Angry Over Harbour Closure,north",
                        "north-2.txt,North Daily,Fishermen Angry Over Harbour Closure,west")  # fmt: skip
    manifest.write_text(text, "utf-8")
    with pytest.raises(NewsframeError, match="one article"):
        build_report(story, tmp_path / "r")


def test_dask_tables_equal_the_in_memory_path(story):
    pytest.importorskip("dask.distributed")
    import newsframe as nf
    from newsframe.distributed import (
        ARTICLE_TABLES,
        compute_article_tables,
        dask_client,
        load_corpus_distributed,
    )

    corpus = nf.load_corpus(story / "manifest.csv")
    local = compute_article_tables(corpus)
    with dask_client("local", n_workers=2) as client:
        loaded = load_corpus_distributed(story / "manifest.csv", client=client, partition_size=2)
        remote = compute_article_tables(loaded, client=client, partition_size=2)
    assert loaded.ids == corpus.ids
    assert [a.paragraphs for a in loaded] == [a.paragraphs for a in corpus]
    assert [a.removed for a in loaded] == [a.removed for a in corpus]
    for name in ARTICLE_TABLES:
        pd.testing.assert_frame_equal(local[name], remote[name], check_exact=True, obj=name)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_tables_written_in_pieces_are_byte_identical_to_one_to_csv(tmp_path, monkeypatch, n_jobs):
    # pieces of 2 rows, formatted by one or by two processes, then joined: the file must be
    # exactly what one DataFrame.to_csv writes (one header, every row once, in order)
    from newsframe.report import build

    monkeypatch.setattr(build, "CSV_PIECE_ROWS", 2)
    tables = {
        "five": pd.DataFrame(
            {"a": ["x", "y, z", 'q"', "é", ""], "b": [0.1, 1 / 3, 2.0, 1e-9, 7.0]}
        ),
        "empty": pd.DataFrame(columns=["a", "b"]),
        "one": pd.DataFrame({"n": [1]}),
    }
    build._write_tables(tables, tmp_path, n_jobs)
    for name, frame in tables.items():
        expected = frame.to_csv(index=False, lineterminator="\n", float_format="%.6g")
        assert (tmp_path / f"{name}.csv").read_bytes() == expected.encode("utf-8")


STORY_WITH_OVERLAP = """
[concept.harbour]
description = "the place"

[[concept.harbour.variant]]
name = "harbour"
usage = "neutral"
aliases = ["harbour"]

[actor.council]
name = "City Council"
kind = "organisation"
aliases = ["council", "the city closed the old harbour"]
"""


def test_alias_overlap_warning_and_named_alignment_pair(story, tmp_path, capsys):
    toml = tmp_path / "story.toml"
    toml.write_text(STORY_WITH_OVERLAP, "utf-8")
    out = tmp_path / "report"
    args = ["report", str(story), "--story", str(toml), "--out", str(out), "--jobs", "1"]
    assert main([*args, "--align", "north-2", "south-3"]) == 0
    page = (out / "index.html").read_text("utf-8")
    # the naming alias "harbour" is a word of the actor alias written in the story file
    assert "1 naming alias(es) occur inside another name" in html.unescape(page)
    assert "'harbour' inside actor name 'the city closed the old harbour'" in html.unescape(page)
    assert (out / "tables" / "naming_alias_overlaps.csv").is_file()
    assert (out / "figures" / "alignment_map__north-2_vs_south-3.png").is_file()
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["selection"]["alignment_map"] == ["north-2", "south-3"]
    assert summary["story_file"]["name"] == "story.toml"
    capsys.readouterr()
    assert main([*args, "--force", "--align", "north-2", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'nowhere' is not an article id" in err


def test_table_cells_formatted_by_column_type():
    from newsframe.report.html import Block, _table

    frame = pd.DataFrame({"article_id": ["morning-05-09"], "articles": [2.0], "share": [1.0],
                          "p_value": [0.25], "text": ["Lorries queued on the cross-border road on Sunday's 2nd day"]})  # fmt: skip
    cells = re.findall(r"<td[^>]*>(.*?)</td>", _table(Block("table", table=frame)))
    # a count stored as a float prints as an integer; a share keeps its decimals; an id stays
    # on one line; a hyphenated word of running text is kept whole
    assert cells[:4] == ["morning-05-09", "2", "1.000", "0.250"]
    assert '<span class="nw">cross-border</span>' in cells[4]
    assert 'Sunday&#x27;s <span class="nw">2nd</span> day' in cells[4]  # escaped once
    page = _table(Block("table", table=frame))
    assert '<td class="key">morning-05-09</td>' in page and '<td class="num">2</td>' in page
