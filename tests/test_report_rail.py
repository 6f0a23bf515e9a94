"""The report of a 16-article story in four groups: the page's numbers agree with its tables.

tests/fixtures/story_rail/articles16.csv adds one invented article to each of the four groups of
the twelve-article rail story (vestria, mardonia, lindovia, trade: four articles each). The
report is built once; each test reads one section and checks a sentence of the page against
the table behind it, or against counts made by eye in the article files (spelled out next to
each assertion).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

import newsframe as nf
from newsframe.report import build as report_build
from newsframe.report import build_report
from newsframe.report.build import _ranking_note, _save_figures

RAIL = Path(__file__).parent / "fixtures" / "story_rail"
GROUPS = ["vestria", "mardonia", "lindovia", "trade"]


#: Titles of the report's figures that do not fit their figure, filled while rail16 builds.
CLIPPED_TITLES: list[str] = []


def _record_clipped_titles(names, figures, folder):
    """Stand-in for the report's figure saver: note every title that runs past its figure."""
    for name in names:
        fig = figures[name]
        fig.draw_without_rendering()
        renderer = fig._get_renderer()  # the Agg renderer savefig uses
        width = fig.bbox.width
        titles = [ax.title for ax in fig.axes] + [t for t in (fig._suptitle,) if t is not None]
        for text in titles:
            if text.get_text():
                box = text.get_window_extent(renderer)
                if box.x0 < -1 or box.x1 > width + 1:
                    CLIPPED_TITLES.append(f"{name}: {text.get_text()!r}")
    return _save_figures(names, figures, folder)


@pytest.fixture(scope="module")
def rail16(tmp_path_factory):
    out = tmp_path_factory.mktemp("rail16") / "report"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_build, "_save_figures", _record_clipped_titles)
        build_report(RAIL / "articles16.csv", out, story=RAIL / "story.toml", group="group",
                     n_jobs=1)  # fmt: skip
    page = (out / "index.html").read_text("utf-8")
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    return out, page, summary


def _table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / "tables" / f"{name}.csv", keep_default_na=False)


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_keyness_names_the_sides_and_lists_the_figure_terms(rail16):
    out, page, summary = rail16
    key = _table(out, "keyness__vestria_vs_mardonia")
    assert set(key["key_for"]) <= {"vestria", "mardonia", "neither"}
    assert not key["key_for"].str.contains(r"\+").any()
    # "Amber Line" in the bodies: courier 2, kelm 2, today 1, morning 2 = 7; no Mardonian
    # article uses it. It is the first key term of vestria, with the largest Log Ratio.
    amber = key.set_index("term").loc["amber line"]
    assert (amber["count_a"], amber["count_b"], amber["key_for"]) == (7, 0, "vestria")
    assert summary["keyness"]["top_a"][0] == "amber line"
    assert summary["keyness"]["top_b"] and summary["keyness"]["top_a"]
    assert "amber line (7:0)" in _text(page)
    assert "Key for vestria" in page and "none" not in re.findall(r"Key for \w+[^:]*: (\w+)", page)
    # the lists are the terms the figure draws, in its order: key_terms is what both read
    top = nf.key_terms(nf.group_keyness(nf.load_corpus(RAIL / "articles16.csv",
                                                       story=RAIL / "story.toml"),
                                        column="group", compare=["vestria", "mardonia"]),
                       top_n=12)  # fmt: skip
    assert top["vestria"]["term"].tolist() == summary["keyness"]["top_a"]
    assert top["mardonia"]["term"].tolist() == summary["keyness"]["top_b"]


def test_keyness_says_what_each_ranking_answers(rail16):
    _, page, _ = rail16
    text = _text(page)
    assert "Two rankings answer two questions" in text
    assert "how sure can we be that the two rates differ" in text


def test_ranking_note_names_a_term_the_prior_inverts_worked_by_hand():
    # x at 18:0 and y at 5:1 in 1,000 tokens a side; the prior gives x (rare in English) the
    # weight 1 and y 100 of 10,000, at strength α0 = 100: α_x = 0.01, α_y = 1 (Monroe et al.
    # 2008, eq. 16-22):
    # x: δ = ln(18.01/1081.99) - ln(0.01/1099.99) = 7.512596, se = √(1/18.01 + 1/0.01), z = 0.7511
    # y: δ = ln(6/1094) - ln(2/1098) = 1.102262, se = √(1/6 + 1/2), z = 1.3500
    a = pd.Series({"x": 18, "y": 5, "other": 977}, name="A")
    b = pd.Series({"x": 0, "y": 1, "other": 999}, name="B")
    prior = pd.Series({"x": 1.0, "y": 100.0, "other": 9899.0})
    key = nf.keyness(a, b, prior=prior, prior_strength=100).set_index("term")
    dx = math.log(18.01 / 1081.99) - math.log(0.01 / 1099.99)
    dy = math.log(6 / 1094) - math.log(2 / 1098)
    assert key.loc["x", "logodds_z"] == pytest.approx(dx / math.sqrt(1 / 18.01 + 100), abs=1e-6)
    assert key.loc["y", "logodds_z"] == pytest.approx(dy / math.sqrt(1 / 6 + 1 / 2), abs=1e-6)
    table = key.reset_index()
    note = _ranking_note(table, nf.key_terms(table))
    assert "'x' (18:0) has z = 0.75 while 'y' (5:1) has z = 1.35" in note


def test_selection_counts_agree_and_say_which_sense(rail16):
    out, page, summary = rail16
    by_group = _table(out, "omission_summary")
    omissions = _table(out, "omissions")
    assert by_group.columns.tolist() == ["group", "sentences", "shared_with_article",
                                         "shared_with_group", "only_group", "share_only_group"]  # fmt: skip
    told = int(by_group["shared_with_article"].sum())
    across = int(by_group["shared_with_group"].sum())
    total = int(by_group["sentences"].sum())
    assert total == len(omissions) and told == int((~omissions["only_here"]).sum())
    assert across < told  # the two senses differ on this corpus, and the page names both
    text = _text(page)
    assert f"{told} of {total} sentences are told by at least one other article" in text
    assert f"{across} are told by an article of another group" in text
    assert summary["selection"]["shared_with_article"] == told
    assert summary["selection"]["shared_with_group"] == across


def test_alignment_map_draws_the_pair_sharing_most_facts(rail16):
    out, _, summary = rail16
    a, b = summary["selection"]["alignment_map"]
    assert a in summary["compare"]["ids_a"] and b in summary["compare"]["ids_b"]
    assert (out / "figures" / f"alignment_map__{a}_vs_{b}.png").is_file()
    facts = nf.sentence_facts(nf.load_corpus(RAIL / "articles16.csv", story=RAIL / "story.toml"))
    sets = facts.groupby("article_id")["fact_id"].agg(set)
    best = max(len(sets.get(x, set()) & sets.get(y, set()))
               for x in summary["compare"]["ids_a"] for y in summary["compare"]["ids_b"])  # fmt: skip
    assert summary["selection"]["alignment_map_shared_facts"] == best >= 1
    assert len(sets[a] & sets[b]) == best


def test_numbers_pair_only_close_sentences_and_check_the_whole_other_article(rail16):
    out, _, _ = rail16
    numbers = _table(out, "number_differences")
    assert (numbers["similarity"] >= 0.4).all()
    # courier's "Fourteen wagons left the track ..." (14) against today's sentence with "three
    # Mardonian wagons", "Sunday's derailment" and "fourteen wagons": courier gives three (its
    # sentence 2) and Sunday (sentence 0) elsewhere, so nothing is told only by today
    pair = numbers[
        (numbers["article_id"] == "courier-05-06") & (numbers["other_id"] == "today-05-08")
    ]
    assert not ((pair["sentence_id"] == 1) & (pair["other_sentence_id"] == 1)).any()
    # kelm 14 wagons against post 12 wagons: a real conflict stays
    kelm = numbers[(numbers["article_id"] == "kelm-05-07") & (numbers["other_id"] == "post-05-06")]
    assert kelm[["only_here", "only_there", "conflict"]].values.tolist() == [["14", "12", True]]


def test_every_group_has_an_overview_per_measure(rail16):
    out, page, _ = rail16
    measures = ["cleaning", "term_frequencies", "sentiment", "sentiment_actors",
                "naming_variants", "attribution_verbs", "share_of_voice", "actor_prominence",
                "frame_dimensions"]  # fmt: skip
    for measure in measures:
        assert (out / "figures" / f"{measure}__by_group.png").is_file(), measure
        table = _table(out, f"{measure}__by_group")
        assert list(dict.fromkeys(table["group"])) == GROUPS, measure
        assert f"{measure}__by_group</b>" in page
    # pairwise figures say which pair and why, and how many articles they draw
    text = _text(page)
    assert "8 of 16 articles are drawn: those of the compared sides, vestria and mardonia " \
           "(named by the story file's compare)" in text  # fmt: skip
    assert "(vestria vs mardonia: named by the story file's compare)" in text


def test_by_group_previews_show_every_group(rail16):
    _, page, _ = rail16
    for title in ("Each group against all the others", "Names used for the story's concepts: "
                  "every group", "Share of voice: quoted words per speaker: every group"):  # fmt: skip
        start = page.index(html.escape(title))
        table = page[start : page.index("</table>", start)]
        rows = re.findall(r"<tr><td[^>]*>([^<]+)</td>", table)
        assert set(rows) == set(GROUPS), title


def test_naming_by_group_counts_quotes_links_evidence(rail16):
    out, page, _ = rail16
    names = _table(out, "naming_variants__by_group").set_index(["group", "variant"])
    # vestria, "safety suspension": courier 2 (one in Marten's quote), kelm 1, today 1 (in
    # Marten's quote), morning 2 (one in Marten's quote): 6 uses, 3 quoted, 3 the narrator's
    row = names.loc[("vestria", "safety suspension")]
    assert (row["count"], row["in_quotes"], row["narrator"]) == (6, 3, 3)
    assert (names["in_quotes"] + names["narrator"] == names["count"]).all()
    assert 'href="tables/naming_evidence.csv"' in page
    evidence = _table(out, "naming_evidence")
    quoted = evidence[evidence["in_quote"] & (evidence["variant"] == "safety suspension")]
    vestria = {"courier-05-06", "kelm-05-07", "today-05-08", "morning-05-09"}
    assert len(quoted[quoted["article_id"].isin(vestria)]) == 3
    # no alias of the rail story sits inside another name: no warning
    assert "occur inside another name" not in page


def test_tables_read_facts_once_and_no_rows_of_zeros(rail16):
    out, page, _ = rail16
    facts = _table(out, "omission__facts")
    assert facts["fact_id"].is_unique
    # "This is a blockade dressed up as safety," said by Koval in post, quoted by the wire copy
    # (lnews, wire) and by the review: four articles of three groups
    koval = facts[facts["fact"].str.startswith('"This is a blockade dressed up as safety,"')]
    assert set(koval["articles"].iloc[0].split(", ")) >= {"post-05-06", "lnews-05-06", "wire-05-06"}
    left = _table(out, "actor_omissions__left_out")
    assert (left["quoted_in"] > 0).all() and (left["left_out_by"] > 0).all()
    # counts print as integers: the facts table's group columns are whole numbers
    start = page.index("Facts: each once")
    assert ".000</td>" not in page[start : page.index("</table>", start)]


def test_summary_names_the_story_file_and_its_hash(rail16):
    _, _, summary = rail16
    story = RAIL / "story.toml"
    assert summary["story_file"]["name"] == "story.toml"
    assert summary["story_file"]["sha256"] == hashlib.sha256(story.read_bytes()).hexdigest()


def test_every_figure_title_fits(rail16):
    out, _, _ = rail16
    assert len(list((out / "figures").glob("*.png"))) > 20  # every figure was looked at
    assert CLIPPED_TITLES == []
