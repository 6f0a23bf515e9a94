"""The report page in a real browser: headless Chromium loads it and a probe reports what it saw.

The probe (injected into a copy of the page) records script and resource errors and
``console.error`` calls, whether every image decoded (natural width > 0), which sections exist
and how wide the page is in a 1280-pixel window. Chromium is Debian's package, started by the
test; without it the test is skipped with one message (``.ci/run`` installs it where it can).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest
from test_report import ARTICLES, built  # noqa: F401  (fixture)
from test_report_rail import rail16  # noqa: F401  (fixture)

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
    "--virtual-time-budget=15000",
    "--dump-dom",
]
HEAD_PROBE = """<script>
window.__problems = [];
window.addEventListener('error', function (e) {
  window.__problems.push(String(e.message || (e.target && (e.target.src || e.target.href)) || e));
}, true);
var __consoleError = console.error;
console.error = function () { window.__problems.push([].slice.call(arguments).join(' ')); };
</script>"""
TAIL_PROBE = """<script>
// every word of every table cell (header or body) must sit on one line: a word whose
// characters land on two lines was broken mid-word
function splitWords() {
  var out = [];
  document.querySelectorAll('td, th').forEach(function (cell) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var re = /\\S+/g, m;
      while ((m = re.exec(node.data)) !== null) {
        var range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        var tops = Array.prototype.map.call(range.getClientRects(), function (r) {
          return Math.round(r.top); });
        if (new Set(tops).size > 1 && out.length < 20) { out.push(m[0]); }
      }
    }
  });
  return out;
}
window.addEventListener('load', function () {
  var imgs = Array.prototype.slice.call(document.images);
  var out = {
    problems: window.__problems,
    images: imgs.length,
    sections: Array.prototype.map.call(document.querySelectorAll('section'), function (s) {
      return s.id; }),
    width: document.documentElement.scrollWidth,
    broken: imgs.filter(function (i) { return !(i.complete && i.naturalWidth > 0); })
                .map(function (i) { return i.alt; }),
    split: splitWords(),
    cells: document.querySelectorAll('td, th').length
  };
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


NEEDS_CHROMIUM = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium not installed (apt-get install chromium); the browser check is skipped",
)


def _probe(out, tmp_path) -> dict:
    """Load ``out/index.html`` (with the probes) in headless Chromium; return what they saw."""
    page = (out / "index.html").read_text("utf-8")
    assert "<script" not in page  # the report itself needs no scripts
    probe = tmp_path / "probe.html"
    probe.write_text(
        page.replace("</head>", HEAD_PROBE + "</head>").replace("</body>", TAIL_PROBE + "</body>"),
        "utf-8",
    )
    proc = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", probe.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    found = re.search(r'<pre id="probe">(.*?)</pre>', proc.stdout, re.S)
    assert found, f"the probe did not report (exit {proc.returncode}): {proc.stderr[-800:]}"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.slow
@NEEDS_CHROMIUM
def test_report_renders_in_chromium(built, tmp_path):  # noqa: F811
    _, out = built
    seen = _probe(out, tmp_path)
    assert seen["problems"] == []
    assert seen["images"] == len(list((out / "figures").glob("*.png"))) > 0
    assert seen["broken"] == []
    assert seen["sections"] == ["corpus", "terms", "sentiment", "framing", "selection", "caveats"]
    assert seen["width"] <= 1280
    assert len(ARTICLES) == 6


@pytest.mark.slow
@NEEDS_CHROMIUM
def test_four_group_report_breaks_no_word_in_a_table(rail16, tmp_path):  # noqa: F811
    out, _, _ = rail16
    seen = _probe(out, tmp_path)
    assert seen["problems"] == [] and seen["broken"] == []
    assert seen["cells"] > 1000  # the 16-article page has many table cells, all looked at
    assert seen["split"] == []
    assert seen["width"] <= 1280  # wide tables scroll inside themselves, not the page
