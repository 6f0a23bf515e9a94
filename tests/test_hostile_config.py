"""Hostile and odd inputs, round four: configuration files and tables written by hand (story
files, word tables, JSON records), each a reproducer found by ``benchmarks/fuzz_pipeline.py`` or
a leftover of round three, fixed at its cause. Every file is written here in ``tmp_path``;
texts are made up.
"""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe.errors import InputError
from newsframe.framing import Concept, Variant

P1 = "The foreign minister met his counterpart in the capital on Monday for talks on the islands."
P2 = "Both sides agreed to meet again in the spring, officials said after the meeting."


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


# --- JSON records: a key given twice ------------------------------------------------------------


def test_a_json_lines_row_with_a_key_twice_is_one_error_naming_the_line_and_key(tmp_path):
    good = f'{{"article_id": "a", "text": "{P1}"}}\n'
    twice = f'{{"article_id": "b", "text": "{P1}", "text": "{P2}"}}\n'
    path = write(tmp_path / "t.jsonl", good + twice)
    with pytest.raises(InputError, match=r"t\.jsonl: line 2: key 'text' appears twice"):
        nf.load_corpus(path)
    skipped = nf.load_corpus(path, skip_bad=True)
    assert skipped.ids == ["a"]  # and line 2 is in the table of skipped rows, not lost silently
    assert [row[1] for row in skipped.skipped_rows().itertuples(index=False)] == [2]


def test_a_key_twice_inside_a_nested_record_is_named_by_its_path(tmp_path):
    row = f'{{"text": "{P1}", "meta": [{{"x": 1}}, {{"y": 1, "y": 2}}]}}\n'
    path = write(tmp_path / "t.jsonl", row)
    with pytest.raises(InputError, match=r"line 1: key 'meta\.y' appears twice"):
        nf.load_corpus(path)


def test_a_news_please_file_with_a_key_twice_is_one_error_naming_the_file_and_key(tmp_path):
    one = f'{{"maintext": "{P1}", "title": "A", "title": "B", "filename": "x.json"}}'
    path = write(tmp_path / "x.json", one)
    with pytest.raises(InputError, match=r"x\.json: key 'title' appears twice"):
        nf.load_corpus(path)
    records = f'[{{"maintext": "{P1}"}}, {{"maintext": "{P2}", "url": "u", "url": "v"}}]'
    path = write(tmp_path / "y.json", records)
    with pytest.raises(InputError, match=r"y\.json: record 2: key 'url' appears twice"):
        nf.load_corpus(path)


def test_the_same_key_in_two_different_objects_is_no_error(tmp_path):
    row = f'{{"text": "{P1}", "a": {{"x": 1}}, "b": {{"x": 1}}}}\n'
    corpus = nf.load_corpus(write(tmp_path / "t.jsonl", row))
    assert len(corpus) == 1


# --- configuration files: every malformed entry is one error naming the file and the entry -------

ACTOR = '[actor.kim]\nname = "Kim Ode"\nkind = "person"\n'
CONCEPT = '[[concept.c.variant]]\nname = "the strait"\naliases = ["the strait"]\n'
LINE = '[[line]]\nreason = "promo"\npattern = "subscribe"\n'

BAD_FILES = [
    (
        "load_actors",
        "a.toml",
        '[actor.""]\naliases = ["Kim"]\n',
        '[actor.""]: an actor needs an id',
    ),
    (
        "load_story",
        "story.toml",
        '[[concept." ".variant]]\nname = "v"\n',
        '[concept." "]: a concept needs an id',
    ),
    # (loader, file name, file text, what the message must say after "<file>: ")
    ("load_actors", "a.toml", ACTOR, "[actor.kim] has no `aliases`"),
    (
        "load_actors",
        "a.toml",
        ACTOR + 'aliases = "Kim"\n',
        "[actor.kim] aliases must be a list of strings, got the text 'Kim'; write [\"Kim\"]",
    ),
    (
        "load_actors",
        "a.toml",
        ACTOR + "aliases = [3]\n",
        '[actor.kim] aliases must hold non-empty strings; item 1 is the number 3; write it in quotes: "3"',
    ),
    ("load_actors", "a.toml", ACTOR + "aliases = []\n", "[actor.kim] aliases is an empty list"),
    (
        "load_actors",
        "a.toml",
        ACTOR + 'aliases = ["Kim"]\nalias = ["K"]\n',
        "[actor.kim]: unknown key `alias`; the keys are name, kind, aliases",
    ),
    (
        "load_actors",
        "a.toml",
        '[actor.kim]\nname = 3\naliases = ["Kim"]\n',
        "[actor.kim] name must be non-empty text, got the number 3",
    ),
    (
        "load_actors",
        "a.toml",
        "[actor]\nkim = 3\n",
        "[actor.kim] must be a table of keys, got the number 3",
    ),
    (
        "load_actors",
        "a.toml",
        '[actors.kim]\naliases = ["Kim"]\n',
        "unknown section [actors]; the sections are [actor]",
    ),
    (
        "load_actors",
        "a.toml",
        ACTOR + 'aliases = ["(.)"]\n',
        "[actor.kim]: alias '(.)' has no letter or digit",
    ),
    (
        "load_actors",
        "a.toml",
        ACTOR + 'aliases = ["Kim"]\n[actor.ode]\naliases = ["KIM"]\n',
        "[actor.ode]: alias 'KIM' is also an alias of [actor.kim]",
    ),
    (
        "load_naming_concepts",
        "c.toml",
        '[concept.c]\nvariant = "x"\n',
        "[concept.c] needs [[concept.c.variant]] tables",
    ),
    (
        "load_naming_concepts",
        "c.toml",
        '[[concept.c.variant]]\nusage = "x"\n',
        "[concept.c] variant 1 has no `name`",
    ),
    (
        "load_naming_concepts",
        "c.toml",
        CONCEPT + CONCEPT,
        "[concept.c]: two variants are named 'the strait'",
    ),
    (
        "load_naming_concepts",
        "c.toml",
        CONCEPT + '[[concept.c.variant]]\nname = "x"\naliases = ["The Strait"]\n',
        "[concept.c] variant 'x': alias 'The Strait' is also an alias of variant 'the strait'",
    ),
    (
        "load_naming_concepts",
        "c.toml",
        '[[concept.c.variant]]\nname = "v"\nalias = ["v"]\n',
        "[concept.c] variant 1: unknown key `alias`; the keys are name, usage, aliases",
    ),
    (
        "load_naming_concepts",
        "c.toml",
        '[[concept.c.variant]]\nname = "v"\naliases = [{}]\n',
        "[concept.c] variant 'v' aliases must hold non-empty strings; item 1 is a table",
    ),
    (
        "load_reporting_verbs",
        "v.toml",
        "[class.x]\nnouns = ['remark']\n",
        "[class.x] has no `verbs`",
    ),
    (
        "load_reporting_verbs",
        "v.toml",
        "[class.x]\nverbs = 'say'\n",
        "[class.x] verbs must be a list of strings",
    ),
    (
        "load_reporting_verbs",
        "v.toml",
        "[class.x]\nverbs = ['say']\nstrict = ['claim']\n",
        "[class.x] strict: 'claim' is not one of its `verbs`",
    ),
    (
        "load_reporting_verbs",
        "v.toml",
        "[class.x]\nverbs = ['say']\nverb = ['tell']\n",
        "[class.x]: unknown key `verb`; the keys are description, verbs, nouns, strict, quote_only, after_quote",
    ),
    (
        "load_reporting_verbs",
        "v.toml",
        "[class.x]\nverbs = ['say']\n[speaker]\nperson = 'minister'\n",
        "[speaker] person must be a list of strings",
    ),
    (
        "load_reporting_verbs",
        "v.toml",
        "[speaker]\nperson = ['minister']\n",
        "no [class.<name>] tables",
    ),
    (
        "load_frame_dictionaries",
        "d.toml",
        '[scheme.x.frame.f]\nlabel = "F"\n',
        "[scheme.x.frame.f] has no `terms`",
    ),
    (
        "load_frame_dictionaries",
        "d.toml",
        "[scheme.x.frame.f]\nterms = [1]\n",
        "[scheme.x.frame.f] terms must hold non-empty strings; item 1 is the number 1",
    ),
    (
        "load_frame_dictionaries",
        "d.toml",
        "[scheme.x.frame.f]\nterm = ['a']\n",
        "[scheme.x.frame.f]: unknown key `term`; the keys are label, definition, terms, exclude",
    ),
    (
        "load_frame_dictionaries",
        "d.toml",
        "[scheme.x]\nframe = 3\n",
        "[scheme.x] frame must be a table of keys, got the number 3",
    ),
    ("load_distancing", "k.toml", "[kind.k]\nphrases = []\n", "[kind.k] phrases is an empty list"),
    ("load_distancing", "k.toml", "[kind.k]\ndescription = 'x'\n", "[kind.k] has no `phrases`"),
    (
        "load_rules",
        "r.toml",
        '[[line]]\npattern = "x"\n',
        "invalid boilerplate rules: [[line]] 1 has no `reason`",
    ),
    (
        "load_rules",
        "r.toml",
        LINE + 'max_words = "12"\n',
        "[[line]] 1 max_words must be a whole number of at least 1, got the text '12'",
    ),
    (
        "load_rules",
        "r.toml",
        LINE + 'strong = "yes"\n',
        "[[line]] 1 strong must be true or false, got the text 'yes'",
    ),
    (
        "load_rules",
        "r.toml",
        LINE + LINE.replace("subscribe", "("),
        "[[line]] 2 pattern '(' is not a regular expression (missing ), unterminated subpattern",
    ),
    (
        "load_rules",
        "r.toml",
        LINE + 'pattrn = "x"\n',
        "[[line]] 1: unknown key `pattrn`; the keys are pattern, reason,",
    ),
    (
        "load_rules",
        "r.toml",
        '[appeal]\ncues = "donate"\n',
        "invalid boilerplate rules: [appeal] cues must be a list of strings",
    ),
    (
        "load_rules",
        "r.toml",
        'line = "x"\n',
        "invalid boilerplate rules: [[line]] must be tables, got the text 'x'",
    ),
    (
        "load_story",
        "story.toml",
        '[story]\nname = ""\n',
        "[story] name must be non-empty text, got the text ''",
    ),
    (
        "load_story",
        "story.toml",
        '[story]\nnmae = "x"\n',
        "[story]: unknown key `nmae`; the keys are name, description, group, compare",
    ),
    (
        "load_story",
        "story.toml",
        '[story]\ncompare = ["a", "a"]\n',
        "[story] compare needs exactly two different groups or articles",
    ),
    (
        "load_story",
        "story.toml",
        "[story]\ngroup = 2024\n",
        '[story] group must be non-empty text, got the number 2024; write it in quotes: "2024"',
    ),
    (
        "load_story",
        "story.toml",
        '[terms]\nphrase = ["a b"]\n',
        "[terms]: unknown key `phrase`; the keys are phrases, stopwords",
    ),
    (
        "load_story",
        "story.toml",
        ACTOR.replace("kind", "kin"),
        "[actor.kim]: unknown key `kin`; the keys are name, kind, aliases",
    ),
    (
        "load_story",
        "story.toml",
        '[actor.kim]\naliases = ["Kim"]\n',
        "[actor.kim] has no `kind`: use one of person, organisation, country, group, place",
    ),
    (
        "load_story",
        "story.toml",
        '[actor.p]\nkind = "person"\naliases = ["Pia"]\n[actor.q]\nkind = "person"\naliases = ["pia"]\n',
        "[actor.q]: alias 'pia' is also an alias of [actor.p]",
    ),
]


@pytest.mark.parametrize(("loader", "name", "text", "problem"), BAD_FILES)
def test_every_malformed_entry_is_one_error_naming_the_file_and_entry(tmp_path, loader, name, text, problem):  # fmt: skip
    path = write(tmp_path / name, text)
    with pytest.raises(InputError) as caught:
        getattr(nf, loader)(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert problem in str(caught.value), str(caught.value)
    assert "Error(" not in str(caught.value)  # no exception's repr inside the message


def test_a_lemma_exception_without_a_lemma_names_the_row(tmp_path):
    from newsframe.text import load_lemma_exceptions

    path = write(tmp_path / "l.csv", "word,lemma,why\nmedia,media,x\ndata\n")
    with pytest.raises(InputError, match=r"l\.csv: row 2 \('data'\): no lemma"):
        load_lemma_exceptions(path)


@pytest.mark.parametrize(("alias", "what"), [("the", "a stop word"), ("It", "a stop word"), ("K", "one character")])  # fmt: skip
def test_an_alias_that_matches_nearly_everywhere_is_named_in_a_warning(tmp_path, alias, what):
    path = write(tmp_path / "story.toml", f'[actor.p]\nkind = "country"\naliases = ["{alias}", "Pland"]\n')  # fmt: skip
    with pytest.warns(nf.NewsframeWarning, match=rf"story\.toml: \[actor\.p\]: alias '{alias}' is {what}"):  # fmt: skip
        story = nf.load_story(path)
    assert story.actors[0].aliases == (alias, "Pland")  # still used as written: a right result


def test_a_repeated_alias_of_one_actor_counts_once(tmp_path):
    path = write(tmp_path / "story.toml", ACTOR + 'aliases = ["Kim", "Kim", " Kim "]\n')
    assert nf.load_story(path).actors[0].aliases == ("Kim",)


# --- aliases as users type them: typographic apostrophes, letters case-insensitive matching equates


def test_a_concept_alias_with_a_curly_apostrophe_is_found_not_a_key_error():
    # the text is normalised (’ -> ') before matching; the alias must be keyed the same way
    concept = Concept("c", "", (Variant("ivory", "x", ("Côte d’Ivoire",)),))
    article = nf.Article("a", "T", ("The Côte d’Ivoire team won.",))
    rows = nf.naming_evidence([article], [concept])[["variant", "matched"]].values.tolist()
    assert rows == [["ivory", "Côte d'Ivoire"]]


def test_a_long_s_or_final_sigma_in_the_text_matches_the_alias_instead_of_crashing():
    # Python's case-insensitive regex equates 'ſ' with 's' and 'σ' with 'ς'; their lowercase
    # differs, so the matched text was no key of the alias table (KeyError 'ſam')
    actors = (nf.Actor("sam", "Sam", "person", ("Sam",)), nf.Actor("o", "Odos", "place", ("Οδος",)))
    found = nf.find_mentions("Then ſam spoke of ΟΔΟΣ and οδοσ.", actors)
    assert [(m.actor_id, m.text) for m in found] == [("sam", "ſam"), ("o", "ΟΔΟΣ"), ("o", "οδοσ")]
    concept = Concept("c", "", (Variant("sam", "x", ("Sam",)),))
    rows = nf.naming_evidence([nf.Article("a", "T", ("Then ſam spoke.",))], [concept])
    assert rows["matched"].tolist() == ["ſam"]


def test_aliases_equal_once_case_folded_are_one_alias_of_two_actors(tmp_path):
    text = '[actor.a]\naliases = ["Straße"]\n[actor.b]\naliases = ["STRASSE"]\n'
    with pytest.raises(InputError, match=r"\[actor\.b\]: alias 'STRASSE' is also an alias of \[actor\.a\]"):  # fmt: skip
        nf.load_actors(write(tmp_path / "a.toml", text))


def test_an_alias_mixing_scripts_is_named_in_a_warning(tmp_path):
    # a Cyrillic capital em in "Minister" looks the same and matches no Latin "Minister"
    path = write(tmp_path / "story.toml", '[actor.p]\nkind = "person"\naliases = ["\u041cinister", "Café"]\n')  # fmt: skip
    with pytest.warns(nf.NewsframeWarning, match=r"alias 'Мinister' mixes cyrillic and latin letters") as caught:  # fmt: skip
        nf.load_story(path)
    assert len(caught) == 1  # "Café" is Latin throughout
    path = write(tmp_path / "story.toml", '[actor.t]\nkind = "organisation"\naliases = ["トヨタ自動車"]\n')  # fmt: skip
    assert nf.load_story(path).actors[0].aliases == ("トヨタ自動車",)  # kana and kanji: no warning


# --- --text-column naming a column of numbers ---------------------------------------------------


def test_a_text_column_of_numbers_is_one_error_asking_which_column_holds_the_texts(tmp_path):
    path = write(tmp_path / "t.csv", f'n,body\n7,{P1}\n8,"{P2}"\n')
    with pytest.raises(InputError, match=r"t\.csv: row 1: no words in the text .*'n' holds a number \(7\): is it the column of article texts\? name it with --text-column"):  # fmt: skip
        nf.load_corpus(path, text_column="n")
    path = write(tmp_path / "t.jsonl", f'{{"n": 7, "body": "{P1}"}}\n')
    with pytest.raises(InputError, match=r"t\.jsonl: line 1: text is not a string \(got int 7\); is 'n' the column of article texts\?"):  # fmt: skip
        nf.load_corpus(path, text_column="n")
    assert nf.load_corpus(path, text_column="body")[0].body == P1


# --- story files as editors save them ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b'\xef\xbb\xbf[story]\nname = "Dam"\n', "with a byte-order mark"),
        (b'[story]\r\nname = "Dam"\r\n', "with CR LF line ends"),
        (b'[story]\rname = "Dam"\r', "with CR line ends"),
    ],
)
def test_a_story_file_saved_by_a_windows_or_old_mac_editor_is_read(tmp_path, data, name):
    path = tmp_path / "story.toml"
    path.write_bytes(data)
    assert nf.load_story(path).name == "Dam", name


def test_a_utf16_story_file_says_to_save_it_as_utf8(tmp_path):
    path = tmp_path / "story.toml"
    path.write_bytes('[story]\nname = "Dam"\n'.encode("utf-16"))
    with pytest.raises(InputError, match=r"story\.toml: is saved as UTF-16 or UTF-32; save it as UTF-8"):  # fmt: skip
        nf.load_story(path)


# --- options typed by hand ---------------------------------------------------------------------


def test_comparing_an_article_with_its_own_group_is_one_error_naming_both():
    from newsframe.groups import comparison_pair

    meta = [{"group": "x"}, {"group": "y"}, {"group": "x"}, {"group": "y"}]
    corpus = nf.Corpus(nf.Article(i, "", ("t.",), metadata=m) for i, m in zip("abcd", meta, strict=True))  # fmt: skip
    with pytest.raises(InputError, match=r"compare: 'a' and 'x' share article\(s\) a; compare two"):
        comparison_pair(corpus, ["a", "x"])
    pair = comparison_pair(corpus, ["a", "y"])  # an article and a group it is not in
    assert (pair.corpus_a.ids, pair.corpus_b.ids) == (["a"], ["b", "d"])


def test_a_rule_pattern_is_compiled_as_written_spaces_and_all(tmp_path):
    # the checks strip names and aliases, never a regular expression: ' ad ' is not 'ad'
    path = write(tmp_path / "r.toml", '[[line]]\nreason = "ad"\npattern = " ad "\nstrong = true\n')
    rules = nf.load_rules(path)
    assert rules.lines[0].pattern.pattern == " ad "


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "word;valence\npeace;0\n",
            "no column 'word' in the header (columns: word;valence); write a header line such as word,valence",
        ),
        (
            "word,valence,why\npeace,0,topic,extra\n",
            "row 1: more fields than the header's 3 columns (word, valence, why)",
        ),
        ("word,valence\npeace,x\n", "row 1: valence of 'peace' is not a number"),
    ],
)
def test_a_sentiment_domain_table_with_a_wrong_header_or_row_names_it(tmp_path, text, problem):
    path = write(tmp_path / "d.csv", text)
    with pytest.raises(InputError) as caught:
        nf.load_domain_lexicon(path)
    assert str(caught.value) == f"{path}: {problem}"


def test_a_text_given_as_a_list_of_paragraphs_says_to_join_them(tmp_path):
    path = write(tmp_path / "t.jsonl", f'{{"text": ["{P1}", "{P2}"]}}\n')
    with pytest.raises(InputError, match=r"t\.jsonl: line 1: text is not a string \(got list .*\); join the paragraphs into one text"):  # fmt: skip
        nf.load_corpus(path)


def test_a_watch_list_without_a_word_column_names_the_header(tmp_path):
    from newsframe.sentiment.audit import load_watchlist

    path = write(tmp_path / "w.csv", "term,why\nclaim,sovereignty\n")
    with pytest.raises(InputError, match=r"w\.csv: no column 'word' in the header \(columns: term, why\)"):  # fmt: skip
        load_watchlist(path)


@pytest.mark.parametrize(("column", "role"), [("article_id", "ids"), ("date", "dates"), ("url", "links")])  # fmt: skip
def test_a_text_column_naming_the_ids_dates_or_links_is_one_error(tmp_path, column, role):
    # each article's text would have been its own id ('a0'), silently
    path = write(tmp_path / "t.csv", f"article_id,date,url,text\na0,2024-01-08,http://x.test/a,{P1}\n")  # fmt: skip
    with pytest.raises(InputError, match=rf"t\.csv: --text-column '{column}' names the column of {role}"):  # fmt: skip
        nf.load_corpus(path, text_column=column)
