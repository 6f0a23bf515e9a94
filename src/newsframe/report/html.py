"""Render the report's sections as one self-contained HTML page (no network, no scripts needed).

Figures are embedded as PNG data URIs; tables are short HTML previews with a link to the full
CSV beside the page. The stylesheet fits a 1280-pixel laptop screen and prints on A4/Letter.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["Block", "Section", "render_page"]

_CSS = """
*{box-sizing:border-box}
body{font:15px/1.5 "DejaVu Sans",Arial,sans-serif;color:#1a1a1a;margin:0 auto;max-width:1180px;
padding:0 24px 48px}
h1{font-size:26px;margin:28px 0 4px}h2{font-size:21px;border-bottom:2px solid #0072B2;
margin:36px 0 10px;padding-bottom:4px}h3{font-size:16px;margin:22px 0 6px}
p.lead{color:#444;margin-top:0}nav ol{columns:2;margin:8px 0 0}
figure{margin:12px 0 18px;text-align:center}figure img{max-width:100%;height:auto;
border:1px solid #ddd}figcaption{font-size:13px;color:#444;text-align:left;margin-top:4px}
table{border-collapse:collapse;font-size:12.5px;margin:6px 0 4px;display:block;overflow-x:auto;
max-width:100%}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;
word-break:normal;overflow-wrap:normal;hyphens:none}td{max-width:420px;min-width:4em}
th{background:#f1f5f9;white-space:nowrap}td.num{text-align:right;white-space:nowrap;
font-variant-numeric:tabular-nums}td.key,span.nw{white-space:nowrap}p.more{font-size:12.5px;color:#555;margin:0 0 12px}
ul.caveats li{margin:4px 0}.warn{background:#fff7e6;border-left:4px solid #E69F00;padding:8px 12px}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}figure,table{break-inside:avoid}
nav{display:none}}
"""


@dataclass
class Block:
    """One item of a section: a paragraph, a list, a figure or a table preview."""

    kind: str  # "text", "list", "figure", "table", "warning"
    text: str = ""
    items: Sequence[str] = ()
    image: Path | None = None
    table: pd.DataFrame | None = None
    csv: str = ""
    rows: int = 12
    per_group: int = 0  # > 0: show this many rows of each group (a table with a group column)


@dataclass
class Section:
    """A titled part of the report with its blocks in reading order."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)


def _formats(table: pd.DataFrame) -> list[str]:
    """Per column: ``"int"`` (integers, or floats that are all whole numbers: counts), ``"float"``,
    ``"bool"`` or ``"text"`` (identifiers and short labels are ``"key"``: never wrapped)."""
    kinds = []
    for name in table.columns:
        column = table[name]
        if pd.api.types.is_bool_dtype(column):
            kinds.append("bool")
        elif pd.api.types.is_integer_dtype(column):
            kinds.append("int")
        elif pd.api.types.is_float_dtype(column):
            finite = column[np.isfinite(column.to_numpy(float))]
            whole = len(finite) > 0 and bool((finite % 1 == 0).all()) and finite.abs().max() < 1e15
            kinds.append("int" if whole and not str(name).startswith(_FRACTIONS) else "float")
        else:
            words = column.astype(str).str.split().str.len()
            kinds.append("key" if len(column) and words.max() <= 1 else "text")
    return kinds


#: Columns that hold fractions, rates or scores even when every shown value is whole.
_FRACTIONS = ("share", "per_", "mean", "median", "p_", "log", "g2", "ci_", "value", "difference",
              "similarity", "effect", "compound", "score", "z")  # fmt: skip


#: A text cell of a table preview shows at most this many characters (cut at a space, with
#: " …"); a reprint's shared span ran to 2,000 characters in one cell.
MAX_CELL_CHARS = 300


def _cell(value: object, kind: str) -> tuple[str, str]:
    """Return (cell text, CSS class) for ``value`` in a column of ``kind``."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "", "num"
    if kind == "int" and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value)), "num"
    if isinstance(value, bool):
        return str(value), "key"
    if isinstance(value, float):
        return (f"{value:.2g}" if 0 < abs(value) < 0.001 else f"{value:.3f}"), "num"
    if isinstance(value, int):
        return str(value), "num"
    if kind == "key":
        return html.escape(str(value)), "key"
    text = str(value)
    if len(text) > MAX_CELL_CHARS:  # a page shows the start; the CSV file keeps it whole
        cut = text.rfind(" ", 0, MAX_CELL_CHARS)
        text = text[: cut if cut > 0 else MAX_CELL_CHARS] + " …"
    parts = _SPACE.split(text)  # words at even positions, the spaces between at odd ones
    return "".join(f'<span class="nw">{html.escape(part)}</span>'
                   if k % 2 == 0 and _HYPHENATED.search(part) else html.escape(part)
                   for k, part in enumerate(parts)), ""  # fmt: skip


#: A word with a hyphen or a digit in it (an article id, a date, "cross-border", "9.5"): the
#: browser may break a line at its hyphen, so it is kept on one line (found before escaping;
#: both patterns are linear in the text).
_SPACE = re.compile(r"(\s+)")
_HYPHENATED = re.compile(r"[-\d]")


def _table(block: Block) -> str:
    table = block.table if block.table is not None else pd.DataFrame()
    if block.per_group and "group" in table.columns:
        shown = table.groupby("group", sort=False).head(block.per_group)
        # each group's rows together, groups in the order they first appear
        order = np.argsort(pd.factorize(shown["group"])[0], kind="stable")
        shown = shown.iloc[order]
        more = (f"first {block.per_group} rows of each of {table['group'].nunique()} groups "
                f"shown ({len(shown)} of {len(table)} rows)")  # fmt: skip
    else:
        shown = table.head(block.rows)
        more = (f"{len(shown)} of {len(table)} rows shown" if len(table) > len(shown)
                else f"{len(table)} rows")  # fmt: skip
    kinds = _formats(shown)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    body = []
    for row in shown.itertuples(index=False):
        cells = []
        for value, kind in zip(row, kinds, strict=True):
            text, css = _cell(value.item() if hasattr(value, "item") else value, kind)
            cells.append(f'<td class="{css}">{text}</td>' if css else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    out = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    if block.csv:
        more += f'; full table: <a href="{html.escape(block.csv)}">{html.escape(block.csv)}</a>'
    return out + f'<p class="more">{more}</p>'


def _figure(block: Block) -> str:
    assert block.image is not None
    data = base64.b64encode(block.image.read_bytes()).decode("ascii")
    name = html.escape(block.image.stem)
    caption = html.escape(block.text)
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{name}">'
        f"<figcaption><b>{name}</b>. {caption}</figcaption></figure>"
    )


def _block(block: Block) -> str:
    if block.kind == "text":
        return f"<p>{html.escape(block.text)}</p>"
    if block.kind == "warning":
        return f'<p class="warn">{html.escape(block.text)}</p>'
    if block.kind == "list":
        items = "".join(f"<li>{html.escape(i)}</li>" for i in block.items)
        return f'<ul class="caveats">{items}</ul>'
    if block.kind == "figure":
        return _figure(block)
    if block.kind == "table":
        return (f"<h3>{html.escape(block.text)}</h3>" if block.text else "") + _table(block)
    raise ValueError(f"unknown block kind {block.kind!r}")


def render_page(title: str, lead: str, sections: Sequence[Section]) -> str:
    """Return the whole HTML page for ``sections`` (deterministic: no dates, no versions).

    >>> page = render_page("T", "lead", [Section("a", "Alpha", [Block("text", "x < y")])])
    >>> '<section id="a">' in page and "x &lt; y" in page
    True
    """
    nav = "".join(f'<li><a href="#{s.key}">{html.escape(s.title)}</a></li>' for s in sections)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f'<h1>{html.escape(title)}</h1><p class="lead">{html.escape(lead)}</p>',
        f"<nav><ol>{nav}</ol></nav>",
    ]
    for section in sections:
        parts.append(f'<section id="{html.escape(section.key)}">')
        parts.append(f"<h2>{html.escape(section.title)}</h2>")
        parts.extend(_block(b) for b in section.blocks)
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
