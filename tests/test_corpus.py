"""Loading the bundled corpus: what the cleaner keeps and removes, manifests and their errors."""

from __future__ import annotations

import hashlib
import re

import pytest
from conftest import MANIFEST, ROOT, SEED_2016, SEED_2019

import newsframe as nf
from newsframe.errors import InputError

RAW_SHA256 = {
    "moscowtimes-2016-12-13-putin-no-territorial-conflicts.txt": "8aa82591de7969304fa2ba9b4fa53300f72f6fe35a07e647eb317d6a0ab81eed",
    "moscowtimes-2019-01-23-deal-needs-public-support.txt": "609628ac1932c0c37b9511ec6448d16860737828f9eb8b0ead82e42c00e340e7",
}

# Worked out by reading the raw files line by line: line number -> what the line is.
REMOVED_2016 = {
    1: "appeal", 2: "appeal", 3: "appeal", 4: "appeal", 5: "appeal",  # "Enjoying ad-free content?" box
    7: "headline",
    9: "caption",  # "... in the Kremlin in Moscow, Russia. Kremlin Press Service"
    31: "appeal", 33: "appeal", 35: "appeal",  # "... we have a small favor to ask" appeal
    37: "widget", 38: "widget", 39: "widget",  # paiment methods / Not ready ... / Remind me later.
    41: "link",  # Read more
}  # fmt: skip
REMOVED_2019 = {
    1: "appeal",  # Support The Moscow Times!
    3: "headline",
    5: "caption",  # Shinzo Abe and Vladimir Putin / Kremlin.ru
    27: "newsletter", 29: "newsletter", 30: "newsletter",
    32: "appeal", 34: "appeal", 36: "appeal", 38: "appeal", 40: "appeal", 42: "appeal", 44: "appeal",
    46: "widget", 47: "widget", 48: "widget", 49: "widget", 50: "widget", 51: "widget", 52: "widget",
    54: "link",
}  # fmt: skip
KIND = {
    "appeal": r"appeal|donation|support|subscri",
    "headline": r"^headline$",
    "caption": r"caption|credit",
    "widget": r"widget|payment|appeal",
    "link": r"link|navigation|chrome",
    "newsletter": r"newsletter|sign-up|subscri",
}


def test_raw_files_are_the_seeds_byte_for_byte():
    for name, digest in RAW_SHA256.items():
        assert hashlib.sha256((ROOT / "data" / "raw" / name).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    ("article_id", "expected"), [(SEED_2016, REMOVED_2016), (SEED_2019, REMOVED_2019)]
)
def test_seed_removed_lines_and_reasons(seeds, article_id, expected):
    article = seeds[article_id]
    got = {r.line_no: r.reason for r in article.removed}
    assert sorted(got) == sorted(expected)
    for line_no, kind in expected.items():
        assert re.search(KIND[kind], got[line_no], re.IGNORECASE), (line_no, got[line_no])


@pytest.mark.parametrize(
    ("article_id", "kept_lines"),
    [(SEED_2016, range(11, 30, 2)), (SEED_2019, [7, 9, 11, 13, 15, 17, 19, 21, 23, 25])],
)
def test_seed_body_is_every_article_paragraph(seeds, article_id, kept_lines):
    article = seeds[article_id]
    raw_lines = article.raw_text.splitlines()
    assert article.paragraphs == tuple(raw_lines[n - 1].strip() for n in kept_lines)
    # nothing is lost: every non-blank raw line is either kept, a caption, or removed with a reason
    accounted = set(kept_lines) | {r.line_no for r in article.removed}
    assert accounted == {n for n, line in enumerate(raw_lines, 1) if line.strip()}


def test_seed_titles_captions_and_metadata(seeds):
    a, b = seeds[SEED_2016], seeds[SEED_2019]
    assert a.title == "Russia Has \u2018No Territorial Conflicts with Japan,\u2019 Says Putin"
    assert b.title == "Putin Says Any Deal to End Land Row With Japan Needs Public Support"
    assert a.captions[0].endswith("in the Kremlin in Moscow, Russia. Kremlin Press Service")
    assert b.captions == ("Shinzo Abe and Vladimir Putin / Kremlin.ru",)
    assert a.outlet == b.outlet == "The Moscow Times"
    assert (a.published, b.published) == ("2016-12-13", "2019-01-23")
    assert a.sha256 == RAW_SHA256["moscowtimes-2016-12-13-putin-no-territorial-conflicts.txt"]
    assert a.lede.startswith('Russia has "no territorial conflicts with Japan,"')


def test_mismatched_quotes_are_normalised_but_original_kept(seeds):
    article = seeds[SEED_2016]
    original = article.paragraphs[6]
    assert '\u201danachronism pulled out of the past."' in original
    assert '"anachronism pulled out of the past."' in article.clean_paragraphs[6]
    assert article.clean_paragraphs[2].startswith(
        '"Japan believes that we have territorial disagreements,"'
    )


def test_cleaning_without_manifest_title_finds_the_same_headline():
    article = nf.load_article(
        ROOT / "data/raw/moscowtimes-2016-12-13-putin-no-territorial-conflicts.txt"
    )
    assert article.title == "Russia Has \u2018No Territorial Conflicts with Japan,\u2019 Says Putin"
    assert len(article.paragraphs) == 10


def test_corpus_frame_counts(seeds):
    frame = seeds.to_frame()
    assert frame.article_id.tolist() == [SEED_2016, SEED_2019]
    assert frame.paragraphs.tolist() == [10, 10]
    assert frame.sentences.tolist() == [10, 11]


def test_corpus_access(seeds):
    assert seeds.ids == [SEED_2016, SEED_2019]
    assert seeds[0] is seeds[SEED_2016]
    assert seeds.subset([SEED_2019]).ids == [SEED_2019]
    with pytest.raises(KeyError, match="no article with article_id 'nope'"):
        seeds["nope"]


def test_removed_frame_is_tidy(seeds):
    frame = seeds.removed_frame()
    assert frame.columns.tolist() == ["article_id", "line_no", "reason", "text"]
    assert len(frame) == len(REMOVED_2016) + len(REMOVED_2019)


def test_load_corpus_from_folder_and_paths(tmp_path):
    (tmp_path / "b.txt").write_text(
        "Talks Stall Again\n\nThe talks stalled again on Monday in Moscow.\n", "utf-8"
    )
    (tmp_path / "a.txt").write_text(
        "Leaders Meet Again\n\nThe two leaders met in Tokyo on Friday for talks.\n", "utf-8"
    )
    (tmp_path / "notes.json").write_text("{}", "utf-8")
    with pytest.warns(nf.NewsframeWarning, match=r"1 file\(s\) not read, .*: notes\.json$"):
        corpus = nf.load_corpus(tmp_path)  # the JSON file beside the pages is named, not read
    assert corpus.ids == ["a", "b"]
    assert corpus["a"].title == "Leaders Meet Again"
    assert nf.load_corpus([tmp_path / "b.txt"]).ids == ["b"]


def _manifest(tmp_path, text):
    (tmp_path / "raw").mkdir(exist_ok=True)
    (tmp_path / "raw" / "x.txt").write_text(
        "Headline Here Now\n\nA body sentence that is long enough.\n", "utf-8"
    )
    path = tmp_path / "articles.csv"
    path.write_text(text, "utf-8")
    return path


def test_manifest_missing_columns(tmp_path):
    path = _manifest(tmp_path, "id,path\nx,raw/x.txt\n")
    with pytest.raises(
        InputError, match=r"articles\.csv: manifest is missing column\(s\) article_id, file"
    ):
        nf.load_corpus(path)


def test_manifest_duplicate_ids(tmp_path):
    path = _manifest(tmp_path, "article_id,file\nx,raw/x.txt\nx,raw/x.txt\n")
    with pytest.raises(InputError, match=r"articles\.csv: duplicate article_id 'x'"):
        nf.load_corpus(path)


def test_manifest_path_outside_folder(tmp_path):
    path = _manifest(tmp_path, "article_id,file\nx,../x.txt\n")
    with pytest.raises(InputError, match="outside the manifest's folder"):
        nf.load_corpus(path)


def test_manifest_missing_file(tmp_path):
    # the error names the manifest and the line that lists the file, not only the absent path
    path = _manifest(tmp_path, "article_id,file\nx,raw/x.txt\ny,raw/missing.txt\n")
    with pytest.raises(
        InputError, match=r"articles\.csv: line 3: file 'raw/missing\.txt' not found \(paths"
    ):
        nf.load_corpus(path)


def test_manifest_missing_file_is_skipped_and_listed_with_skip_bad(tmp_path):
    path = _manifest(tmp_path, "article_id,file\nx,raw/x.txt\ny,raw/missing.txt\n")
    corpus = nf.load_corpus(path, skip_bad=True)
    assert corpus.ids == ["x"]
    skipped = corpus.skipped_rows()
    assert skipped[["file", "row", "article_id"]].values.tolist() == [[str(path), 3, "y"]]
    assert skipped.loc[0, "problem"].startswith("file 'raw/missing.txt' not found")


def test_manifest_not_found(tmp_path):
    with pytest.raises(InputError, match="manifest not found"):
        nf.load_corpus(tmp_path / "nope.csv")


def test_manifest_extra_columns_become_metadata(tmp_path):
    path = _manifest(tmp_path, "article_id,file,outlet,label\nx,raw/x.txt,Reuters,R1\n")
    article = nf.load_corpus(path)["x"]
    assert article.outlet == "Reuters"
    assert article.label == "R1"


def test_loading_never_writes_raw_files(tmp_path):
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (ROOT / "data" / "raw").iterdir()}
    nf.load_corpus(MANIFEST)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (ROOT / "data" / "raw").iterdir()}
    assert before == after


def test_duplicate_ids_in_corpus():
    a = nf.Article("same", "A", ("x.",))
    with pytest.raises(InputError, match="duplicate article_id 'same'"):
        nf.Corpus([a, a])


def _outlet_corpus(tmp_path, outlets, bodies, method="model"):
    lines = ["article_id,file,outlet"]
    for n, (outlet, body) in enumerate(zip(outlets, bodies, strict=True)):
        name = f"a{n}.txt"
        (tmp_path / name).write_text(f"Headline Number {n} Here\n\n" + "\n\n".join(body), "utf-8")
        lines.append(f"a{n},{name},{outlet}")
    (tmp_path / "articles.csv").write_text("\n".join(lines) + "\n", "utf-8")
    return nf.load_corpus(tmp_path / "articles.csv", method=method)


TAIL = "The Kuril Herald is published in Yuzhno-Sakhalinsk by a cooperative of local reporters."
SHARED = "Japan claims the four islands, which Soviet troops seized at the end of World War II."


def test_paragraph_repeated_at_the_edge_of_one_outlets_articles_is_removed(tmp_path):
    bodies = [
        ["Fishermen on Kunashir said the catch was poor this year.", SHARED,
         "Officials in Tokyo declined to comment on the report.", TAIL],
        ["A new pier opened on Shikotan on Monday, local officials said.", SHARED,
         "The pier cost 2 billion roubles, the regional government said.", TAIL],
    ]  # fmt: skip
    # the rules' edge pass and its reason
    corpus = _outlet_corpus(tmp_path, ["Kuril Herald", "Kuril Herald"], bodies, method="rules")
    for article, body in zip(corpus, bodies, strict=True):
        assert article.paragraphs == tuple(body[:3])  # the shared mid-body sentence stays
        assert [r.reason for r in article.removed if r.text == TAIL] == [
            "repeated at the edge of other articles of this outlet"
        ]


def test_repeated_paragraph_of_different_outlets_is_kept(tmp_path):
    bodies = [
        ["Fishermen on Kunashir said the catch was poor this year.", TAIL],
        ["A new pier opened on Shikotan on Monday, local officials said.", TAIL],
    ]
    corpus = _outlet_corpus(tmp_path, ["Kuril Herald", "Sakhalin Daily"], bodies)
    for article, body in zip(corpus, bodies, strict=True):
        assert article.paragraphs == tuple(body)


def test_parallel_cleaning_gives_the_serial_articles(tmp_path):
    # 256 articles or more are cleaned in forked worker processes, which must clean exactly as
    # one process does (the shipped rules, or the user's own)
    from newsframe.cleaning import load_rules

    rows = ["article_id,file,outlet"]
    seeds = sorted((ROOT / "data" / "raw").glob("*.txt"))
    for n in range(260):
        name = f"a{n:03d}.txt"
        (tmp_path / name).write_bytes(seeds[n % len(seeds)].read_bytes())
        rows.append(f"a{n:03d},{name},Outlet {n % 3}")
    manifest = tmp_path / "articles.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    own = tmp_path / "rules.toml"
    own.write_text((ROOT / "src/newsframe/data/boilerplate.toml").read_text("utf-8"), "utf-8")
    for rules in (None, load_rules(own)):
        serial = nf.load_corpus(manifest, rules=rules)
        parallel = nf.load_corpus(manifest, rules=rules, n_jobs=2)
        assert [a.paragraphs for a in parallel] == [a.paragraphs for a in serial]
        assert [a.removed for a in parallel] == [a.removed for a in serial]
        assert [a.title for a in parallel] == [a.title for a in serial]
