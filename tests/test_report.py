"""The HTML report: what it writes, what it refuses, and that it says what the design can show."""

from __future__ import annotations

import html
import json
import re
import shutil

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


# --- never delete what is not ours (issue 17, items 1-3) -----------------------------------


def snapshot(folder):
    """Every file under ``folder`` with its bytes."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_force_never_replaces_the_folder_holding_the_input(tmp_path, monkeypatch, capsys):
    # item 1: the user's project: a manifest under data/, their notes, and a summary.json
    project = tmp_path / "project"
    project.mkdir()
    write_story(project / "data")
    (project / "summary.json").write_text("{}", "utf-8")
    (project / "notes.txt").write_text("mine", "utf-8")
    before = snapshot(project)
    monkeypatch.chdir(project)
    assert main(["report", "data/manifest.csv", "--out", ".", "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "current folder" in err
    monkeypatch.chdir(tmp_path)
    assert main(["report", "project/data/manifest.csv", "--out", "project", "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "over the input" in err
    # the input under --out, --out a parent of the input's folder
    assert main(["report", "project/data", "--out", "project", "--force"]) == 2
    assert "over the input" in capsys.readouterr().err
    assert snapshot(project) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]  # no staging, no lock


def test_force_never_replaces_home_or_a_folder_with_files_it_did_not_write(
    built, tmp_path, monkeypatch
):
    story, report = built
    home = tmp_path / "home"
    home.mkdir()
    (home / "diary.txt").write_text("mine", "utf-8")
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(InputError, match="home folder"):
        build_report(story, home, force=True)
    with pytest.raises(InputError, match="home folder"):
        build_report(story, tmp_path, force=True)  # a parent of home
    # a copy of a real report with one file of the user's added: refused, nothing touched
    copy = tmp_path / "copy"
    shutil.copytree(report, copy)
    (copy / "tables" / "mine.csv").write_text("a\n1\n", "utf-8")
    before = snapshot(copy)
    with pytest.raises(InputError, match=r"holds 'tables/mine.csv', which newsframe did not write"):
        build_report(story, copy, force=True)
    assert snapshot(copy) == before
    # a marker forged into the user's folder does not make it a report either
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("mine", "utf-8")
    (notes / ".newsframe-report.json").write_text('{"files": ["index.html"]}', "utf-8")
    with pytest.raises(InputError, match=r"holds 'notes\.txt'"):
        build_report(story, notes, force=True)
    assert (home / "diary.txt").read_text("utf-8") == "mine"
    assert (notes / "notes.txt").read_text("utf-8") == "mine"


def test_force_replaces_its_own_report_and_only_its_files(built, tmp_path):
    story, report = built
    copy = tmp_path / "copy"
    shutil.copytree(report, copy)
    marker = json.loads((copy / ".newsframe-report.json").read_text("utf-8"))
    written = sorted(str(p.relative_to(copy)) for p in copy.rglob("*") if p.is_file())
    assert sorted([*marker["files"], ".newsframe-report.json"]) == written
    assert marker["newsframe"] and len(marker["input_sha256"]) == 64
    (copy / "figures" / "stale.png").write_bytes(b"old")  # a figure of an earlier run ...
    marker["files"].append("figures/stale.png")  # ... that the earlier report listed
    (copy / ".newsframe-report.json").write_text(json.dumps(marker), "utf-8")
    assert build_report(story, copy, force=True) == copy
    assert not (copy / "figures" / "stale.png").exists()
    assert snapshot(copy) == snapshot(report)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]


def test_a_folder_made_at_out_during_the_run_is_left_alone(story, tmp_path, monkeypatch):
    # item 2: the path is checked again right before the report is moved into place
    from newsframe.report import build

    out = tmp_path / "out"
    write = build._write

    def meanwhile(*args, **kwargs):
        out.mkdir()
        (out / "mine.txt").write_text("keep me", "utf-8")
        return write(*args, **kwargs)

    monkeypatch.setattr(build, "_write", meanwhile)
    with pytest.raises(InputError, match="already exists"):
        build_report(story, out, n_jobs=1)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "story"]


def test_a_second_run_to_the_same_out_fails_at_once(story, tmp_path, capsys):
    from newsframe.report import output

    out = tmp_path / "out"
    with output.locked(out):  # a first run holds the folder
        assert main(["report", str(story), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another newsframe report is being written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


def test_a_signal_during_the_swap_waits_until_it_is_done(tmp_path):
    # item 3: the old report moved aside, the new one renamed in, the old one's files removed,
    # all before a SIGTERM that arrives meanwhile is acted on
    import os
    import signal

    from newsframe.report import output

    new, out = tmp_path / "new", tmp_path / "out"
    for folder, text in ((out, "old"), (new, "new")):
        (folder / "tables").mkdir(parents=True)
        (folder / "index.html").write_text(text, "utf-8")
        (folder / "tables" / "t.csv").write_text(text, "utf-8")
        output.write_marker(folder, version="0", input_digest="0" * 64)

    def raise_now(signum, frame):
        raise RuntimeError(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, raise_now)
    try:
        with pytest.raises(RuntimeError, match="signal"):
            output.install(new, out, lambda: os.kill(os.getpid(), signal.SIGTERM))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert (out / "index.html").read_text("utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


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
    assert plan.by_group
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
    (out / "summary.json").write_text("{}", "utf-8")  # a file name alone is not a report
    with pytest.raises(InputError, match="already exists; pass --force"):
        build_report(story, out)
    with pytest.raises(InputError, match="not a newsframe report folder"):
        build_report(story, out, force=True)
    assert [p.name for p in out.iterdir()] == ["summary.json"]
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
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "report", "story"]


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
    # north 1 article, south 3, west 2: named, north is refused ...
    with pytest.raises(NewsframeError, match="one article"):
        build_report(story, tmp_path / "r", compare=["north", "south"])
    # ... by default the two largest groups are compared: south (3) and west (2)
    import newsframe as nf

    plan = plan_comparison(nf.load_corpus(manifest))
    assert (plan.label_a, plan.label_b, plan.by_group) == ("south", "west", True)
    assert plan.reason == "the two largest groups of 'group'"


def test_groups_of_one_article_compare_two_articles_and_keep_the_overviews(story, tmp_path):
    # one story, grouped by outlet, one article per outlet: the default compares the first
    # article of the two largest groups (all of one: the first two in corpus order) as articles,
    # and every outlet still gets its overview
    import newsframe as nf

    manifest = story / "manifest.csv"
    lines = manifest.read_text("utf-8").splitlines()
    rows = [lines[0]] + [
        line.replace(" Daily,", f" Daily {n},") for n, line in enumerate(lines[1:], start=1)
    ]
    manifest.write_text("\n".join(rows) + "\n", "utf-8")
    plan = plan_comparison(nf.load_corpus(manifest), group="outlet")
    assert (plan.label_a, plan.label_b, plan.unit, plan.by_group) == (
        "north-1", "north-2", "sentence", False)  # fmt: skip
    assert plan.group == "outlet" and len(plan.groups) == 6
    out = build_report(story, tmp_path / "r", group="outlet")
    names = {p.name for p in (out / "figures").glob("*.png")}
    assert "sentiment__by_outlet.png" in names and "term_frequencies__by_outlet.png" in names
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["compare"]["group"] is None and summary["sentiment"]["unit"] == "sentence"


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


def test_tables_written_in_pieces_are_byte_identical_to_one_to_csv(tmp_path, monkeypatch):
    # pieces of 2 rows, formatted and written one after another: the file must be
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
    build._write_tables(tables, tmp_path)
    for name, frame in tables.items():
        expected = frame.to_csv(index=False, lineterminator="\n", float_format="%.6g")
        assert (tmp_path / f"{name}.csv").read_bytes() == expected.encode("utf-8")


# --- odd names from the data (issue 17, items 7 and 11) -------------------------------------

DOLLAR_STORY = """
[story]
name = "$harbour$"

[concept.harbour]
description = "what the harbour is called"

[[concept.harbour.variant]]
name = "$\\\\frac{harbour"
aliases = ["harbour"]

[[concept.harbour.variant]]
name = "$sea$ wall"
aliases = ["sea wall"]

[actor.mayor]
name = "$\\\\Mayor$"
kind = "person"
aliases = ["the mayor"]
"""


def test_dollar_signs_in_ids_groups_actors_and_concepts_are_text(tmp_path):
    # item 7: "$...$" would be matplotlib mathtext (and "$\\frac{" is invalid mathtext)
    folder = tmp_path / "story"
    folder.mkdir()
    rows = ["article_id,file,title,group"]
    for n, (article_id, (group, title, body)) in enumerate(ARTICLES.items()):
        odd_id = f"{article_id}$x^{n}$"
        odd_group = "$\\north{" if group == "north" else "$south$"
        (folder / f"{article_id}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
        rows.append(f"{odd_id},{article_id}.txt,{title},{odd_group}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", "utf-8")
    (tmp_path / "story.toml").write_text(DOLLAR_STORY, "utf-8")
    out = build_report(folder, tmp_path / "out", story=tmp_path / "story.toml", n_jobs=1)
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert (
        summary["compare"]["a"] == "$\\north{" and summary["compare"]["ids_a"][0] == "north-1$x^0$"
    )
    page = (out / "index.html").read_text("utf-8")
    assert "$\\Mayor$" in page and "$\\frac{harbour" in page
    assert any((out / "figures").glob("naming_variants__harbour__per_article.png"))


def test_long_article_file_names_are_capped_in_report_file_names(tmp_path):
    # item 11: two legal 177-character file names; the alignment map's name holds both ids
    folder = tmp_path / "long"
    folder.mkdir()
    stems = []
    for letter, article_id in zip("ab", ("north-1", "south-1"), strict=True):
        stem = letter * 177
        title, body = ARTICLES[article_id][1:]
        (folder / f"{stem}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
        stems.append(stem)
    # the two articles share no fact: the map is drawn only when named
    out = build_report(folder, tmp_path / "out", n_jobs=1, align=stems)
    names = [p.name for p in (out / "figures").iterdir()] + [
        p.name for p in (out / "tables").iterdir()
    ]
    assert max(len(n.encode("utf-8")) for n in names) <= 120 + len(".png")
    maps = [n for n in names if n.startswith("alignment_map__") and n.endswith(".png")]
    assert len(maps) == 1 and maps[0].startswith("alignment_map__" + "a" * 85)
    page = (out / "index.html").read_text("utf-8")
    assert maps[0][: -len(".png")] in page
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["compare"]["ids_a"] == [stems[0]]


def test_a_forged_marker_never_deletes_outside_the_folder(tmp_path):
    # item 1: a marker listing "../notes.txt" names nothing inside the report; only files found
    # in the folder (and listed) are removed when it is replaced
    from newsframe.report import output

    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    out, new = tmp_path / "out", tmp_path / "new"
    for folder in (out, new):
        folder.mkdir()
        (folder / "index.html").write_text(folder.name, "utf-8")
        output.write_marker(folder, version="0", input_digest="0" * 64)
    marker = json.loads((out / ".newsframe-report.json").read_text("utf-8"))
    marker["files"] += ["../notes.txt", str(tmp_path / "notes.txt")]
    (out / ".newsframe-report.json").write_text(json.dumps(marker), "utf-8")
    assert output.report_files(out) == ["index.html"]
    output.install(new, out, lambda: None)
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"
    assert (out / "index.html").read_text("utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "out"]


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


def test_a_one_sentence_article_leaves_out_only_the_sentiment_comparison(tmp_path):
    # Two articles we wrote, one against the other (no group column): "brief" is one sentence,
    # so the sentence-level comparison (2 sentences a side, compare_sentiment) cannot run.
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "brief.txt").write_text(
        "Harbour Closed\n\nThe city closed the old harbour on Monday after a storm.\n", "utf-8"
    )
    (folder / "long.txt").write_text(
        "Council Acts Quickly\n\nThe council acted quickly to protect residents. "
        "The mayor praised the emergency teams for their excellent work.\n\n"
        "Residents welcomed the decision.\n",
        "utf-8",
    )
    (folder / "manifest.csv").write_text(
        "article_id,file,outlet,title\nbrief,brief.txt,North Daily,Harbour Closed\n"
        "long,long.txt,South Daily,Council Acts Quickly\n",
        "utf-8",
    )
    out = build_report(folder, tmp_path / "report", n_jobs=1)
    page = html.unescape((out / "index.html").read_text("utf-8"))
    for section in ("corpus", "terms", "sentiment", "framing", "selection", "caveats"):
        assert f'<section id="{section}">' in page
    reason = "brief has 1 sentence"
    assert "sentiment comparison of brief and long is left out" in page and reason in page
    assert "at least 2 sentences on each side" in page
    assert "mean compound difference" not in page  # the comparison's line is gone
    assert not list((out / "tables").glob("sentiment__difference__*"))
    assert (out / "tables" / "sentiment_summary.csv").is_file()  # the rest of the section stays
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert "p_value" not in summary["sentiment"] and reason in summary["sentiment"]["left_out"]
    assert any(reason in item for item in summary["caveats"])
    assert summary["caveats"][0].startswith("2 articles; sentences per article: min 1,")
    # the library function keeps its clear error
    from newsframe import compare_sentiment

    sentences = pd.read_csv(out / "tables" / "sentences.csv")
    with pytest.raises(NewsframeError, match="brief has 1 sentence"):
        compare_sentiment(sentences, "brief", "long")


def test_pooling_caveats_name_token_p_values_and_repeated_texts():
    import newsframe as nf
    from newsframe.report.build import ReportPlan, _pooling_caveats

    # a1 and a2 carry the same words (a reprint), b1 and b2 their own: 2 vs 2 articles
    texts = {"a1": "Same words here.", "a2": "Same words here.", "b1": "Other.", "b2": "More."}
    corpus = nf.Corpus(nf.Article(i, "", (t,)) for i, t in texts.items())
    plan = ReportPlan(None, "a", "b", ("a1", "a2"), ("b1", "b2"))
    key = pd.DataFrame({"p_bh": [1e-12, 0.5]})
    items = _pooling_caveats(corpus, plan, key, {"unit": "article", "p_floor": 1 / 3})
    # a token p of 1e-12 against an article floor of 1/3 (2 vs 2: 2 of 6 label splits)
    assert "down to 1e-12" in items[0] and "about the 2 against 2 articles" in items[0]
    assert "reaches 0.33 at best" in items[0]
    assert items[1].startswith("1 of the 4 compared articles repeat an earlier article's text")
    # p no lower than the floor, and no copies: nothing to say
    plain = nf.Corpus(nf.Article(i, "", (t,)) for i, t in texts.items() if i != "a2")
    assert _pooling_caveats(plain, plan, key.iloc[1:], {"unit": "article", "p_floor": 0.1}) == []


def test_table_preview_keeps_each_groups_rows_together_and_cuts_long_text():
    from newsframe.report.html import MAX_CELL_CHARS, Block, _table

    # rows of groups x, y, x: the first two of each group, x's together, then y's
    table = pd.DataFrame({"group": ["x", "y", "x", "y"], "actor": ["K", "L", "M", "N"],
                          "text": ["short", "word " * 200, "short", "short"]})  # fmt: skip
    page = _table(Block("table", "T", table=table, rows=12, per_group=2))
    assert page.index(">K<") < page.index(">M<") < page.index(">L<") < page.index(">N<")
    # 1,000 characters of "word ": cut at the last space before MAX_CELL_CHARS, with " …"
    assert "word " * (MAX_CELL_CHARS // 5 - 1) + "word …" in page
    assert "word " * (MAX_CELL_CHARS // 5 + 1) not in page


def test_no_alignment_map_for_two_articles_that_share_no_fact():
    import newsframe as nf
    from newsframe.report.build import _Report, _selection_section

    # a harbour story and a football story: no sentence of one tells what the other tells
    corpus = nf.Corpus([
        nf.Article("harbour", "", ("The council closed the old harbour after a storm.",)),
        nf.Article("football", "", ("The home side won the cup final on penalties.",)),
    ])  # fmt: skip
    r = _Report()
    _selection_section(r, corpus, plan_comparison(corpus))
    assert not [name for name in r.figures if name.startswith("alignment_map__")]
    texts = [b.text for s in r.sections for b in s.blocks if b.kind == "text"]
    assert any("so no alignment map is drawn" in t for t in texts)
    assert r.summary["selection"]["alignment_map"] is None


def test_previews_show_speakers_and_actors_by_name_and_keep_their_keys_in_the_csv():
    from newsframe.report.build import _Report

    r = _Report()
    voice = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["ann_lee", "the ministry"],
                          "speaker_name": ["Ann Lee", "the ministry"], "quoted_words": [7, 3]})  # fmt: skip
    block = r.preview("share_of_voice", voice, "Share of voice")
    assert list(block.table.columns) == ["article_id", "speaker_name", "quoted_words"]
    left = pd.DataFrame({"actor": ["ann_lee"], "name": ["Ann Lee"], "quoted_in": [2],
                         "left_out_by": [1]})  # fmt: skip
    assert "actor" not in r.preview("left_out", left, "Left out").table.columns
    # the CSV keeps every column, keys included
    assert list(r.tables["share_of_voice"].columns) == list(voice.columns)
    # a table whose "actor" column is the name itself (no "name" column) keeps it
    sentiment = pd.DataFrame({"article_id": ["a"], "actor": ["Ann Lee"], "value": [0.5]})
    assert "actor" in r.preview("sentiment_actors", sentiment, "Sentiment").table.columns


def test_language_caveat_names_the_articles_in_another_language():
    import newsframe as nf
    from newsframe.report.build import _language_caveats

    french = ("Le gouvernement a annoncé hier la réforme et la date des élections de juin, et "
              "le ministre a dit que le vote sera libre pour tous les citoyens du pays.")  # fmt: skip
    english = ("The minister said the vote would be held in June, after the talks with the "
               "opposition parties had ended and the new law was passed by the assembly.")  # fmt: skip
    corpus = nf.Corpus([nf.Article("en1", "", (english,)), nf.Article("fr1", "", (french,))])
    (item,) = _language_caveats(corpus)
    assert item.startswith("1 of the 2 articles read as another language: fr1 (French).")
    assert _language_caveats(nf.Corpus([nf.Article("en1", "", (english,))])) == []


def test_speaker_caveat_counts_how_each_speaker_was_found():
    from newsframe.report.build import _speaker_caveats

    # six rows written by hand: two named where they stand (an actor, a name), three carried
    # (a pronoun, a description, a continued quotation), one unresolved pronoun
    table = pd.DataFrame({
        "speaker": ["p1", "Lee", "p1", "m1", "p1", "unresolved"],
        "speaker_source": ["actor", "name", "pronoun", "description", "continuation",
                           "unresolved"],
    })  # fmt: skip
    (item,) = _speaker_caveats(table)
    assert (
        "of the 6 quotations and paraphrases, 2 name their speaker where they stand, 3 take" in item
    )
    assert "and 1 are unresolved" in item
    assert "tables/attributions.csv" in item
    # a pronoun left without an antecedent keeps its source but has no speaker: unresolved
    table.loc[2, "speaker"] = "unresolved"
    assert "1 name" not in _speaker_caveats(table)[0]
    assert "2 take one from elsewhere" in _speaker_caveats(table)[0]
    assert "and 2 are unresolved" in _speaker_caveats(table)[0]
    assert _speaker_caveats(table.iloc[:0]) == []


def test_cleaning_caveat_only_when_articles_were_cleaned():
    import newsframe as nf
    from newsframe.report.build import _cleaning_caveats

    given = nf.Article("t1", "", ("A text given as it is.",), cleaned=False)
    page = nf.Article("p1", "", ("A text cleaned from a page.",))
    assert _cleaning_caveats(nf.Corpus([given])) == []
    (item,) = _cleaning_caveats(nf.Corpus([given, page]))
    assert item.startswith("1 of the 2 articles were cleaned from pages")
    assert "boilerplate.toml" in item


def test_actor_caveat_names_the_actors_found_in_the_text():
    from dataclasses import replace

    import newsframe as nf
    from newsframe.discovery import with_text_actors
    from newsframe.report.build import _actor_caveats

    no_actors = replace(nf.default_resources(), actors=())
    text = ("Mayor Ana Ruiz spoke at the council on Monday. Ruiz said the budget would pass. "
            "Council member Tom Berg said he would vote against it.")  # fmt: skip
    corpus = nf.Corpus([nf.Article("a", "T", (text,))], resources=no_actors)
    found = with_text_actors(corpus)
    names = [a.name for a in found.resources.actors]
    assert "Ana Ruiz" in names and "Tom Berg" in names  # the two people the text names
    (item,) = _actor_caveats(found)
    assert item.startswith(
        f"No story file named the actors: the {len(names)} actors in the actor tables"
    )
    assert "Ana Ruiz" in item and "Tom Berg" in item and "[[actors]]" in item
    assert _actor_caveats(corpus) == []
