"""The given-name gender table is derived from the installed package once, then read from the
user's cache folder; values checked by hand against the package's own rows."""

from __future__ import annotations

import json

from newsframe import name_genders


def _fake_package(tmp_path, monkeypatch, rows: dict) -> None:
    source = tmp_path / "name_data.json"
    source.write_text(json.dumps(rows), encoding="utf-8")
    monkeypatch.setattr(name_genders, "_source", lambda: (source, "9.9"))
    monkeypatch.setenv("NEWSFRAME_CACHE", str(tmp_path / "cache"))


def test_derived_once_then_read_from_the_cache(tmp_path, monkeypatch):
    # sources, bearers, share of women: kept only with >= 3 sources, >= 100 bearers and a
    # share <= 0.05 or >= 0.95, written in letters
    _fake_package(tmp_path, monkeypatch, {
        "mary": [10, 5000, 0.996, 1], "john": [10, 5000, 0.004, 1], "alex": [10, 5000, 0.3, 1],
        "zoe": [2, 5000, 1.0, 1], "ian": [5, 99, 0.0, 1], "o'neil": [4, 100, 0.05, 1],
        "j.": [9, 900, 0.0, 1],
    })  # fmt: skip
    text = name_genders.table_text()
    assert text == "name,female_share,count\njohn,0.004,5000\nmary,0.996,5000\no'neil,0.050,100\n"
    cached = tmp_path / "cache" / "given_genders-9.9-s3-c100-p0.05.csv"
    assert cached.read_text(encoding="utf-8") == text
    cached.write_text("name,female_share,count\nkim,1.000,100\n", encoding="utf-8")
    assert name_genders.table_text().splitlines()[1] == "kim,1.000,100"  # the cache is read
    out = tmp_path / "mine.csv"
    assert name_genders.write_table(out) == 1 and out.read_text(encoding="utf-8").endswith(
        "kim,1.000,100\n"
    )


def test_without_the_package_the_table_is_empty(monkeypatch):
    monkeypatch.setattr(name_genders, "_source", lambda: None)
    assert name_genders.table_text() == "name,female_share,count\n"


def test_an_unwritable_cache_still_gives_the_table(tmp_path, monkeypatch):
    _fake_package(tmp_path, monkeypatch, {"ann": [3, 100, 1.0, 1]})
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    assert name_genders.table_text() == "name,female_share,count\nann,1.000,100\n"
