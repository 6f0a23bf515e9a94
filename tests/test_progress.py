"""Progress bars start no background thread (newsframe.progress): forked workers must never
inherit a lock that a thread of the parent held at the moment of the fork."""

from __future__ import annotations

import io
import subprocess
import sys

from conftest import ROOT

from newsframe.progress import progress_bar

_SCORE_WITH_A_BAR = """
import threading
import newsframe as nf
from newsframe.corpus import Article

article = Article(article_id="a", title="t", paragraphs=("A fine day. A terrible loss.", "Nothing else."))
before = threading.active_count()
nf.sentence_sentiment([article], progress=True, n_jobs=1)
nf.sentence_sentiment([article], progress=False, n_jobs=1)
print(before, threading.active_count())
"""


def test_scoring_with_and_without_a_bar_leaves_only_the_main_thread():
    # a fresh interpreter: tqdm's own bar would leave its monitor thread running (2 threads)
    done = subprocess.run([sys.executable, "-c", _SCORE_WITH_A_BAR], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1"]
    assert "VADER" in done.stderr  # the bar was shown


def test_a_shown_bar_counts_its_steps():
    out = io.StringIO()
    with progress_bar(4, desc="steps", file=out) as bar:
        bar.update(1)
        bar.update(3)
    assert bar.n == 4
    assert "steps" in out.getvalue() and "4/4" in out.getvalue()
