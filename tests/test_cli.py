"""The command line: clean output, the removed-lines audit, and one-line errors."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from newsframe.cli import main

SEED = ROOT / "data/raw/moscowtimes-2019-01-23-deal-needs-public-support.txt"


def test_clean_prints_headline_and_body(capsys):
    assert main(["clean", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "# Putin Says Any Deal to End Land Row With Japan Needs Public Support\n\n"
    )
    assert "Opinion polls show that the majority of Russian people" in out
    assert "Remind me later" not in out
    assert "removed lines" not in out


def test_clean_show_removed_lists_every_removed_line(capsys):
    assert main(["clean", str(SEED), "--show-removed"]) == 0
    out = capsys.readouterr().out
    assert "--- removed lines (21) ---" in out
    assert "Remind me later." in out
    assert "[caption] Shinzo Abe and Vladimir Putin / Kremlin.ru" in out


def test_report_is_csv(capsys):
    assert main(["report", str(ROOT / "data/articles.csv")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("article_id,title,outlet,published")
    assert len(lines) == 3


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    assert main(["clean", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err == f"newsframe: error: {empty}: file is empty\n"


def test_unsupported_extension(tmp_path, capsys):
    doc = tmp_path / "article.docx"
    doc.write_bytes(b"PK\x03\x04")
    assert main(["clean", str(doc)]) == 2
    assert "unsupported file type '.docx'" in capsys.readouterr().err


def test_console_script_has_no_traceback(tmp_path):
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "newsframe.cli", "clean", str(missing)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"newsframe: error: {missing}: file not found"
    assert "Traceback" not in proc.stderr


# --- signals (issue 17, item 3) -----------------------------------------------------------


def children(pid):
    """The process ids whose parent is ``pid`` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid):
    """Whether ``pid`` is a running process (a zombie has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; workers fork")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_figures_are_written_stops_cleanly(tmp_path, signum):
    from test_report import write_story

    story = write_story(tmp_path / "story")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsframe.cli", "report", str(story), "--out", str(out),
               "--jobs", "2"]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers, start = [], time.monotonic()
    while not workers and proc.poll() is None and time.monotonic() - start < 300:
        time.sleep(0.02)  # the figures are written by forked workers into the staging folder
        if any(tmp_path.glob(".newsframe-report-*")):
            workers = children(proc.pid)
    assert workers, "the run ended before its workers wrote the figures"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum
    assert err == f"newsframe: stopped by {signal.Signals(signum).name}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]  # no staging, no lock
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, workers)), "worker processes outlived the run"


# --- checked before any computing (issue 17, item 7) ------------------------------------------


def test_bad_scheduler_jobs_and_file_names_fail_in_one_line_before_computing(tmp_path, capsys):
    import os

    from test_report import write_story

    story = write_story(tmp_path / "story")
    out = tmp_path / "out"
    assert main(["report", str(story), "--out", str(out), "--scheduler", "nonsense"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "newsframe: error: --scheduler 'nonsense' is neither 'local' nor a Dask scheduler "
        "address such as tcp://host:8786\n"
    )
    assert main(["report", str(story), "--out", str(out), "--jobs", "0"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["report", str(story), "--out", str(tmp_path / ("x" * 256))]) == 2
    assert "longer than 255 bytes" in capsys.readouterr().err
    # a file name whose bytes are not UTF-8 becomes a file name the tables cannot hold
    odd = tmp_path / "odd"
    odd.mkdir()
    for n, name in enumerate((b"art\xff1.txt", b"art2.txt")):
        path = os.path.join(os.fsencode(odd), name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f"Harbour Story {n}\n\nThe harbour closed on Monday. Repairs began.\n")
    assert main(["report", str(odd), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "art\\udcff1.txt: its file name is not valid UTF-8" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd", "story"]


def test_two_runs_to_one_out_the_second_fails_at_once(tmp_path, capsys):
    # issue 17, item 2: both used to exit 0, the later silently replacing the earlier
    from test_report import write_story

    story = write_story(tmp_path / "story")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsframe.cli", "report", str(story), "--out", str(out),
               "--jobs", "1"]  # fmt: skip
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    start = time.monotonic()
    while not any(tmp_path.glob(".newsframe-lock-*")) and time.monotonic() - start < 120:
        assert first.poll() is None, first.communicate()
        time.sleep(0.02)
    # the first run is paused while it holds the lock, so a loaded machine cannot let it finish
    # before the second run asks for the lock
    first.send_signal(signal.SIGSTOP)
    try:
        assert main(["report", str(story), "--out", str(out), "--force"]) == 2
    finally:
        first.send_signal(signal.SIGCONT)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another newsframe report is being written" in err
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    assert (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "story"]


def _two_texts(folder: Path) -> None:
    folder.mkdir()
    text = "Dam Opens Early\n\nThe new dam on the river opened on Monday, two weeks early.\n"
    (folder / "a.txt").write_text(text, "utf-8")
    (folder / "b.txt").write_text(text, "utf-8")  # the same wire copy under another name


def test_the_counts_table_names_each_row_skip_bad_left_out(tmp_path, capsys):
    _two_texts(tmp_path / "c")
    manifest = tmp_path / "c" / "articles.csv"
    manifest.write_text("article_id,file\na,a.txt\nz,gone.txt\n", "utf-8")
    assert main(["report", str(manifest), "--skip-bad", "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 2  # the header and article a
    assert err.splitlines() == [
        f"newsframe: left out {manifest}: row 3 (z): file 'gone.txt' not found "
        "(paths are relative to the manifest's folder)"
    ]


def test_the_counts_table_names_each_copy_dedupe_left_out(tmp_path, capsys):
    _two_texts(tmp_path / "c")
    assert main(["report", str(tmp_path / "c"), "--dedupe", "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert [line.split(",")[0] for line in out.splitlines()] == ["article_id", "a"]
    assert err.splitlines() == ["newsframe: left out b: not counted, same text as a"]


def test_report_within_names_a_bad_stratum_before_computing(tmp_path, capsys):
    """``--within`` reaches the report: the group column itself, or a column the articles lack,
    is one error naming the problem (and no report folder is written)."""
    articles = str(ROOT / "data/articles.csv")
    same = ["report", articles, "--out", str(tmp_path / "a"), "--group", "article_id"]
    assert main([*same, "--within", "article_id"]) == 2
    assert "--within 'article_id' is the group column" in capsys.readouterr().err
    assert main([*same, "--within", "desk"]) == 2
    assert "metadata column 'desk'" in capsys.readouterr().err
    assert not (tmp_path / "a" / "index.html").exists()
