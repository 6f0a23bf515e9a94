"""Project-level checks: the manifest, notebooks committed clean, and the notebook parameter cell."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import ROOT
from notebook_format import KERNELSPEC, normal_form

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_manifest_columns_and_files():
    with (ROOT / "data" / "articles.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["article_id", "file", "outlet", "title", "published", "url", "note"]
    for row in rows:
        assert (ROOT / "data" / row["file"]).is_file()
    assert [r["published"] for r in rows] == ["2016-12-13", "2019-01-23"]


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: a code cell has outputs"
            assert cell.get("execution_count") is None, (
                f"{path.name}: a code cell has an execution count"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_reads_corpus_from_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    source = "".join(tagged[0]["source"])
    assert 'CORPUS = os.environ.get("NEWSFRAME_CORPUS", "../data/articles.csv")' in source
    assert 'FIGURES = os.environ.get("NEWSFRAME_FIGURES", "../figures")' in source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_thin(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for line in "".join(cell["source"]).splitlines():
                assert not line.lstrip().startswith(("def ", "class ")), f"{path.name}: {line}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_saved_as_jupyterlab_saves_it(path):
    # issue 20 item 16: JupyterLab marks a notebook modified on opening when the file differs from
    # what it would save (nbformat 4.5 with cell ids, sorted keys, one-space indent, final newline,
    # the kernel's kernelspec and language_info); `make tidy-notebooks` writes this form
    text = path.read_text(encoding="utf-8")
    assert text == normal_form(text), f"{path.name}: run `make tidy-notebooks`"
    nb = json.loads(text)
    assert (nb["nbformat"], nb["nbformat_minor"]) == (4, 5)
    assert nb["metadata"]["kernelspec"] == KERNELSPEC
    assert all(cell.get("id") for cell in nb["cells"])
    assert text.endswith("}\n") and not text.endswith("\n\n")


def test_make_lab_turns_off_the_news_popup():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert (
        '"fetchNews": "false"' in makefile
        and "share/jupyter/lab/settings/overrides.json" in makefile
    )
    assert "lab: $(STAMP) $(LAB_OVERRIDES)" in makefile
