"""Story files and actors found in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsframe as nf
from newsframe import Article
from newsframe.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
DAM = Path(__file__).parent / "fixtures" / "story_dam"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "story.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_fixture_story_sections():
    story = nf.load_story(DAM / "story.toml")
    assert story.name == "Velt river dam"
    assert story.group == "group" and story.compare == ("norland", "sudovia")
    assert story.concept == "velt_dam"
    assert [v.name for v in story.concepts[0].variants] == [
        "Veltra Dam",
        "Kessin Barrage",
        "the dam",
    ]
    assert {a.actor_id: a.kind for a in story.actors}["farmers_union"] == "organisation"
    assert story.reporting_verbs["evaluative"] == ("condemn",)
    assert "River Basin Commission" in story.phrases
    assert story.stopwords == ("monday", "tuesday")
    assert story.frames_add["mfc/economic"] == ("jobs", "hydropower")
    assert story.sentiment_exclude == ("energy", "clean")


def test_bundled_story_holds_the_kuril_configuration():
    story = nf.load_story(ROOT / "data" / "story.toml")
    assert [a.actor_id for a in story.actors] == ["putin", "abe", "russia", "japan", "islands"]
    assert story.concept == "disputed_islands"
    assert {a.actor_id: a.kind for a in story.actors}["russia"] == "country"
    assert "Kuril Islands" in story.phrases


def test_load_corpus_attaches_story(tmp_path):
    corpus = nf.load_corpus(DAM / "articles.csv", story=DAM / "story.toml")
    assert corpus.story.name == "Velt river dam"
    assert corpus.groups()["wire"].story is corpus.story  # subsets keep the story
    assert corpus[:2].story is corpus.story


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[storyy]\nname = 'x'\n", "unknown section [storyy]"),
        ("[actor.x]\nkind = 'robot'\naliases = ['X']\n", "kind 'robot'"),
        ("[actor.x]\nkind = 'person'\naliases = 'X'\n", "must be a list"),
        ("[story]\ncompare = ['a', 'b', 'c']\n", "exactly two"),
        ("[concept.c]\ndescription = 'no variants'\n", "needs [[concept.c.variant]]"),
        ("[frames.mfc.economic]\nadd = ['x']\ndrop = ['y']\n", "only `add` and `exclude`"),
        ("[sentiment]\nexclude = [1]\n", "non-empty strings"),
        ("[story\nname = 'x'\n", "invalid TOML"),
    ],
)
def test_bad_story_files_name_the_file_and_section(tmp_path, text, problem):
    path = _write(tmp_path, text)
    with pytest.raises(InputError, match=r"story\.toml") as info:
        nf.load_story(path)
    assert problem in str(info.value)


def test_actor_without_aliases_is_one_clear_error(tmp_path):
    # the story-file format (data/story.toml, load_story) requires aliases: no silent default
    path = _write(tmp_path, "[actor.kim]\nname = 'Kim Ode'\nkind = 'person'\n")
    with pytest.raises(InputError) as info:
        nf.load_story(path)
    message = str(info.value)
    assert str(path) in message or "story.toml" in message
    assert "[actor.kim]" in message and "aliases" in message
    assert "list of names" in message and '"Kim Ode"' in message
    assert "None" not in message


def test_missing_story_file(tmp_path):
    with pytest.raises(InputError, match="story file not found"):
        nf.load_story(tmp_path / "nope.toml")


def test_actors_found_without_a_story_file():
    corpus = nf.load_corpus(DAM / "articles.csv")
    actors = {a.name: a for a in nf.discover_actors(corpus, top_n=12)}
    # people named with a title or quoted in the fixture articles (read by eye)
    for person in ["Anja Brekke", "Tomas Halvik", "Lars Odegaard", "Petra Lund", "Mira Castell"]:
        assert actors[person].kind == "person"
    assert actors["Tomas Halvik"].aliases == ("Tomas Halvik", "Halvik")  # surname merged
    for org in ["River Basin Commission", "Ministry of Water Resources", "Veltra Power Inc"]:
        assert actors[org].kind == "organisation"
    assert "Monday" not in actors  # a weekday: no name
    # the invented countries act ("Norland stopped", "Sudovia says"): governments that speak
    assert {"Norland", "Sudovia"} <= set(actors)
    # Brekke and Halvik: the people named in most articles, first with Norland; top_n cuts
    # the same ranking
    ranked = [a.name for a in nf.discover_actors(corpus, top_n=2)]
    assert {"Anja Brekke", "Tomas Halvik"} <= set(list(actors)[:3])
    assert ranked == list(actors)[:2]


def test_discovered_actors_work_as_an_actor_table():
    corpus = nf.load_corpus(DAM / "articles.csv")
    actors = nf.discover_actors(corpus)
    prominence = nf.actor_prominence(corpus, actors)
    halvik = prominence[prominence["actor_id"] == "tomas_halvik"]
    # by eye: Halvik is in the body of these six articles, twice in daily-03-19
    named = halvik.loc[halvik["mentions"] > 0, ["article_id", "mentions"]].values.tolist()
    assert named == [["herald-03-18", 1], ["daily-03-05", 1], ["daily-03-12", 1],
                     ["daily-03-19", 2], ["wire-03-04", 1], ["wire-03-19", 1]]  # fmt: skip


def test_discovery_on_the_bundled_articles_finds_the_leaders():
    corpus = nf.load_corpus(ROOT / "data" / "articles.csv")
    actors = nf.discover_actors(corpus)
    people = [a.name for a in actors if a.kind == "person"]
    assert people[:2] == ["Vladimir Putin", "Shinzo Abe"]
    # the two governments are actors too (capitals and demonyms stand for them)
    states = {a.name: a.aliases for a in actors if a.kind == "country"}
    assert {"Japan", "Russia"} <= set(states) and "Moscow" in states["Russia"]


def test_discovery_ranks_entities_never_fragments():
    # by eye: Xi Jinping 1 + 2 uses of "Xi" (family name first), Moon Jae-in 1 + 1 of "Moon",
    # the Coastal Safety Agency twice; "Party", "Inc" and "The Harbour Times" (an outlet) alone
    # are fragments; "Russian President" is a demonym with a title, not a person; Beijing and
    # Chinese are China's government
    articles = [
        Article("a", "T", ("President Xi Jinping met President Moon Jae-in in Beijing. Xi said "
                           "the Party and Inc would wait, The Harbour Times reported.",)),
        Article("b", "T", ("Xi spoke to Moon. The Coastal Safety Agency said the Chinese side "
                           "agreed. Russian President said nothing.",)),
        Article("c", "T", ("The Coastal Safety Agency told The Harbour Times it was calm.",)),
        Article("d", "T", ("Beijing said the talks went well.",)),  # China acts a second time
    ]  # fmt: skip
    # the rules' list (the entities and their names; the actor model only reorders and drops)
    actors = {a.name: a for a in nf.discover_actors(articles, min_mentions=1, ranking="rules")}
    assert actors["Xi Jinping"].aliases == ("Xi Jinping", "Xi")
    assert actors["Moon Jae-in"].aliases == ("Moon Jae-in", "Moon")
    assert actors["Coastal Safety Agency"].kind == "organisation"
    assert actors["China"].kind == "country" and set(actors["China"].aliases) == {
        "China", "Beijing", "Chinese",
    }  # fmt: skip
    assert not {"Party", "Inc", "Harbour Times", "The Harbour Times", "Russian President"} & set(
        actors
    )


def test_shipped_data_files_are_story_neutral():
    data = ROOT / "src" / "newsframe" / "data"
    for path in sorted(data.iterdir()):
        if path.suffix in (".toml", ".txt", ".csv"):
            text = path.read_text("utf-8").lower()
            for word in ("kuril", "putin", "shinzo", "northern territories"):
                assert word not in text, f"{path.name} mentions {word!r}"
    assert nf.load_actors() == () and nf.load_naming_concepts() == ()


def test_story_resources_overlay_the_defaults():
    story = nf.load_story(DAM / "story.toml")
    res = story.resources
    base = nf.default_resources()
    assert res is story.resources  # one object per story: analyses cache per resources
    assert res.stopwords == base.stopwords | {"monday", "tuesday"}
    assert ("veltra", "dam") in res.phrases and set(base.phrases) <= set(res.phrases)
    assert [a.actor_id for a in res.actors] == [a.actor_id for a in story.actors]
    assert res.reporting_verbs.verbs[("condemn",)] == "evaluative"
    assert res.reporting_verbs.verbs[("say",)] == "neutral"  # shipped verbs kept
    economic = next(f for f in res.frames if f.frame == "economic")
    assert economic.terms[-2:] == ("jobs", "hydropower")
    assert res.sentiment_exclude == frozenset({"energy", "clean"})


def test_unknown_frame_or_verb_class_in_a_story(tmp_path):
    path = _write(tmp_path, "[frames.mfc.nonsense]\nadd = ['x']\n")
    with pytest.raises(InputError, match="no frame 'mfc/nonsense'"):
        _ = nf.load_story(path).resources
    path = _write(tmp_path, "[reporting_verbs]\ngossip = ['whisper']\n")
    with pytest.raises(InputError, match="class 'gossip'"):
        _ = nf.load_story(path).resources


def test_a_corpus_without_story_shows_its_own_actors():
    corpus = nf.with_text_actors(nf.load_corpus(DAM / "articles.csv"))
    prominence = nf.actor_prominence(corpus)
    assert "tomas_halvik" in set(prominence["actor_id"])
    assert prominence.groupby("actor_id")["mentions"].sum().min() > 0  # no rows of zeros


def test_cli_story_option_and_actor_table(capsys):
    from newsframe.cli import main

    assert main(["actors", str(DAM / "articles.csv"), "--story", str(DAM / "story.toml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "actor_id,name,kind,aliases,mentions,articles"
    assert [line.split(",")[0] for line in lines[1:]] == [
        a.actor_id for a in nf.load_story(DAM / "story.toml").actors
    ]
    assert main(["actors", str(DAM / "articles.csv")]) == 0  # no story: found in the text
    assert "tomas_halvik,Tomas Halvik,person" in capsys.readouterr().out
    assert main(["report", str(DAM / "articles.csv"), "--story", str(DAM / "missing.toml")]) == 2
    assert "story file not found" in capsys.readouterr().err


def test_frame_changes_for_every_frame(tmp_path):
    path = _write(
        tmp_path,
        '[frames."*"]\nexclude = ["velt river"]\n[frames.sv.conflict]\nadd = ["barrage"]\n',
    )
    story = nf.load_story(path)
    assert story.frames_exclude == {"*": ("velt river",)}
    assert story.frames_add == {"sv/conflict": ("barrage",)}
    conflict = next(f for f in story.resources.frames if f.frame == "conflict")
    assert conflict.terms[-1] == "barrage"


def test_story_group_column_missing_from_the_manifest_warns(tmp_path):
    path = _write(tmp_path, '[story]\ngroup = "country"\n')
    with pytest.warns(nf.NewsframeWarning, match="group column 'country' is missing"):
        corpus = nf.load_corpus(DAM / "articles.csv", story=path)
    assert corpus.group_column == "group"  # falls back to the manifest's own group column
