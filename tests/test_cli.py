"""The command line: clean output, the removed-lines audit, and one-line errors."""

from __future__ import annotations

import subprocess
import sys

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
