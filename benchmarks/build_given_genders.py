"""Write ``src/newsframe/data/given_genders.csv``: given names whose bearers are nearly all women
or nearly all men, with the share of women and the number of bearers counted.

Source: the name-gender table of the ``nomquamgender`` package (MIT licence; Van Buskirk,
Clauset & Larremore 2023, "An open-source cultural consensus approach to name-based gender
classification", ICWSM; 36 name-gender sources pooled). The package is read as data, never
imported, and is needed only to write the table again:

    pip install nomquamgender==0.1.4
    python benchmarks/build_given_genders.py [--min-count 100] [--min-sources 3] [--share 0.05]

A row is kept when the name is written in letters (a hyphen or an apostrophe inside allowed),
at least ``--min-sources`` sources and ``--min-count`` bearers count it, and its share of women
is at most ``--share`` or at least ``1 - share``. Rows are sorted by name, so the file is the
same for the same package.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsframe" / "data" / "given_genders.csv"
_NAME = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
HEADER = """\
# Given names whose bearers are nearly all women or nearly all men: the share of women among the
# bearers counted (female_share, 0 to 1) and how many bearers were counted (count). The gender
# evidence for pronoun agreement (newsframe.framing.gender) reads the first word of a person's
# full name here to correct what the article's pronouns say of that person: a name at or below
# 0.05 is read "he", at or above 0.95 "she"; a title or gendered role in the article wins.
# Derived from the name-gender table of the nomquamgender package 0.1.4 (Van Buskirk, Clauset &
# Larremore 2023, ICWSM; MIT licence, Copyright (c) 2022 Ian Van Buskirk, permission notice:
# "Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files ..., to deal in the Software without restriction ...";
# the full notice ships with that package) by benchmarks/build_given_genders.py: names written in
# letters counted by at least {sources} sources and {count} bearers, share at most {share} or at
# least {high}. Add rows (lowercase name) for the names of your own corpus.
name,female_share,count
"""


def _source() -> Path:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("nomquamgender is not installed: pip install nomquamgender==0.1.4")
    return Path(next(iter(spec.submodule_search_locations))) / "name_data.json"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-count", type=int, default=100)
    parser.add_argument("--min-sources", type=int, default=3)
    parser.add_argument("--share", type=float, default=0.05)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = json.loads(_source().read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, share, *_) in data.items():
        if not _NAME.fullmatch(name) or sources < args.min_sources or count < args.min_count:
            continue
        if share <= args.share or share >= 1 - args.share:
            rows.append(f"{name},{share:.3f},{count}")
    header = HEADER.format(sources=args.min_sources, count=args.min_count, share=args.share,
                           high=round(1 - args.share, 3))  # fmt: skip
    args.out.write_text(header + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{args.out.name}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
