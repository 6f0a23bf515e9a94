"""Notebooks take the story, grouping and compared pair from their parameters, and name no story.

The notebooks themselves run headless in ``make test``; these checks keep their parameter cell and
their code story-neutral, and run the notebooks' naming path on the invented three-outlet story.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import matplotlib
import pytest

import newsframe as nf
from newsframe.plots.framing import plot_naming_variants

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DAM = Path(__file__).parent / "fixtures" / "story_dam"


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_has_story_group_and_compare(path):
    params = next(c for c in _cells(path) if "parameters" in c["metadata"].get("tags", []))
    source = "".join(params["source"])
    for name in ("STORY", "GROUP", "COMPARE"):
        assert f'{name} = os.environ.get("NEWSFRAME_{name}"' in source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_name_no_story(path):
    for cell in _cells(path):
        text = "".join(cell["source"])
        for word in (
            "disputed_islands",
            "corpus[0], corpus[1]",
            "mt-2016",
            "mt-2019",
            "Putin",
            "Kuril",
            "seed article",
            "bundled",
        ):
            assert word not in text, f"{path.name}: {word!r} in a {cell['cell_type']} cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_pairwise_figures_are_named_by_the_pair(path):
    for cell in _cells(path):
        text = "".join(cell["source"])
        if "save_figure(" in text and ("__vs_" in text or "_vs_" in text):
            assert "pair.slug" in text, f"{path.name}: a pairwise figure not named by the pair"


def test_a_user_naming_concept_end_to_end():
    corpus = nf.load_corpus(DAM / "articles.csv", story=DAM / "story.toml")
    concepts = corpus.resources.naming_concepts
    concept = concepts[0].concept_id  # what the framing notebook draws
    fig = plot_naming_variants(nf.restore_naming_zeros(nf.naming_variants(corpus), corpus), concept=concept)  # fmt: skip
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Veltra Dam", "Kessin Barrage", "the dam"]
    # the Norland articles say Veltra Dam, the Sudovian ones Kessin Barrage (read in the fixture)
    widths = {}
    for container, label in zip(ax.containers, labels, strict=True):
        widths[label] = [bar.get_width() for bar in container]
    ids = corpus.ids
    assert widths["Veltra Dam"][ids.index("herald-03-04")] == 1
    # "filling the Kessin Barrage" and "condemned the barrage" (an alias of the variant)
    assert widths["Kessin Barrage"][ids.index("daily-03-05")] == 2
    assert widths["Kessin Barrage"][ids.index("herald-03-04")] == 0
    pair = nf.comparison_pair(corpus)
    assert (pair.a, pair.b, pair.slug) == ("norland", "sudovia", "norland_vs_sudovia")


def test_over_time_notebook_runs_on_articles_without_dates(tmp_path, monkeypatch):
    # two invented articles, no published column: the notebook says there is nothing to show
    # over time instead of stopping (it stopped `make figures` on any corpus without dates)
    for name, text in [("a", "Dam Opens\n\nThe new dam opened on Monday, officials said."),
                       ("b", "Dam Delayed\n\nThe dam will open late, engineers said.")]:  # fmt: skip
        (tmp_path / f"{name}.txt").write_text(text + "\n", "utf-8")
    (tmp_path / "articles.csv").write_text("article_id,file\na,a.txt\nb,b.txt\n", "utf-8")
    monkeypatch.setenv("NEWSFRAME_CORPUS", str(tmp_path / "articles.csv"))
    monkeypatch.setenv("NEWSFRAME_FIGURES", str(tmp_path / "figures"))
    monkeypatch.setenv("NEWSFRAME_STORY", "")
    namespace: dict = {}
    outputs = []
    for cell in _cells(ROOT / "notebooks" / "over_time.ipynb"):
        if cell["cell_type"] != "code":
            continue
        lines = [line for line in "".join(cell["source"]).splitlines() if not line.startswith("%")]
        tree = ast.parse("\n".join(lines))
        last = tree.body.pop() if isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, "cell", "exec"), namespace)  # the notebook's own cells
        shown = ast.Expression(last.value) if last else None  # the value a notebook displays
        outputs.append(eval(compile(shown, "cell", "eval"), namespace) if shown else None)
    assert namespace["result"] is None and not (tmp_path / "figures").exists()
    assert "No article has a `published` date" in outputs[1].data
    assert outputs[-1].data == "No trend can be tested without dates."
