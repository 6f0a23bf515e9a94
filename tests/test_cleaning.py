"""The cleaner's mechanisms on tiny hand-made pages: each test isolates one piece of evidence.

A test of a rule mechanism whose reason or verdict the default line model words or weighs
differently runs the rule cleaner alone (``method="rules"``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsframe.cleaning import CAPTION, _author_bios, clean_text, load_rules
from newsframe.errors import InputError

LEDE = "Russian and Japanese officials met in Moscow on Tuesday for talks on the islands."
SECOND = "The talks ended without agreement, both sides said in separate statements."


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def test_short_rule_never_removes_a_long_sentence():
    page = f"Islands Talks Resume\n\n{LEDE}\n\nRead more about the history of the dispute, which began in 1945 when Soviet troops landed on the islands.\n\n{SECOND}"
    result = clean_text(page)
    assert len(result.paragraphs) == 3


def test_phrase_inside_quotes_is_reported_speech():
    quoted = 'The fund\'s newsletter ends with the line "Sign up for our updates and support our Kurils," and a bank account.'
    result = clean_text(f"Fund Newsletter Under Scrutiny\n\n{LEDE}\n\n{quoted}\n\n{SECOND}")
    assert quoted in result.paragraphs
    # the same phrase outside quotes, on a short line, is a sign-up box
    box = clean_text(
        f"Fund Newsletter Under Scrutiny\n\n{LEDE}\n\n{SECOND}\n\nSign up for our updates"
    )
    assert reasons(box)["Sign up for our updates"] == "newsletter sign-up"


def test_third_person_cookie_sentence_is_kept_but_a_cookie_banner_is_not():
    prose = "The fund's website asks visitors to accept cookies before they can read its annual reports."
    banner = "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies."
    result = clean_text(f"Fund Website Criticised\n\n{LEDE}\n\n{prose}\n\n{SECOND}\n\n{banner}")
    assert prose in result.paragraphs
    assert reasons(result)[banner] == "cookie notice"


def test_list_label_takes_its_items_along_but_stops_at_prose():
    page = f"Islands Talks Resume\n\n{LEDE}\n\nRead more\nJapan protests drills near disputed isles\n\n{SECOND}\n\nTags\nKuril Islands\nJapan"
    result = clean_text(page)
    got = reasons(result)
    assert got["Japan protests drills near disputed isles"] == "linked headline"
    assert got["Kuril Islands"] == got["Japan"] == "tag or topic list"
    assert result.paragraphs == (LEDE, SECOND)


def test_end_of_story_mark_closes_the_story_only_after_it_began():
    bio = "Guy is Moscow bureau chief and has covered Russia for more than a decade."
    page = f"Islands Talks Resume\n\n{LEDE}\n\n{SECOND}\n\nReporting by Guy Faulconbridge; Editing by Andrew Osborn\n\n{bio}"
    assert (
        reasons(clean_text(page, method="rules"))[bio] == "page chrome after the end of the story"
    )
    # a credit line before two paragraphs of the article closes nothing
    early = f"Islands Talks Resume\n\nStory by Alexandra Sivtsova\n\n{LEDE}\n\n{SECOND}"
    assert clean_text(early, method="rules").paragraphs == (LEDE, SECOND)


def test_hard_wrapped_paragraphs_are_joined():
    page = (
        "Islands Talks Resume\n\n"
        "Russian and Japanese officials met in Moscow on Tuesday for talks\n"
        "Kremlin officials described as constructive, the first such meeting\n"
        "since 2022.\n\n"
        f"{SECOND}"
    )
    result = clean_text(page)
    assert result.paragraphs[0].startswith("Russian and Japanese officials met")
    assert result.paragraphs[0].endswith("the first such meeting since 2022.")
    assert len(result.paragraphs) == 2


def test_lines_of_a_list_are_not_mistaken_for_wrapping():
    page = f"Islands Talks Resume\n\n{LEDE}\n\n{SECOND}\n\nOnce\nMonthly\nAnnual\nContinue"
    assert {r.reason for r in clean_text(page).removed} == {"headline", "payment widget"}


def test_page_without_headline_keeps_everything_before_a_subheading():
    page = f"23 January 2024\n{LEDE}\n{SECOND}\nA history rewritten\n{LEDE.replace('Tuesday', 'Friday')}"
    result = clean_text(page)
    assert result.title == ""
    assert result.paragraphs[:2] == (LEDE, SECOND)
    assert "A history rewritten" in result.paragraphs


def test_outlet_name_is_not_taken_for_the_headline():
    page = f"The Asahi Shimbun\nPOLITICS\n\nFormer islanders fear they will never visit graves\n\n{LEDE}"
    assert clean_text(page).title == "Former islanders fear they will never visit graves"


def test_standfirst_under_the_headline_is_body_but_a_credited_caption_is_not():
    dek = "Moscow will not discuss the status of the islands, the spokeswoman has said"
    caption = "Iturup Island, one of the South Kuril Islands. © Sputnik / Ekaterina Chesnokova"
    result = clean_text(f"Japan's Claims Revanchist, Says Moscow\n\n{dek}\n\n{caption}\n\n{LEDE}")
    assert result.paragraphs == (dek, LEDE)
    assert result.captions == (caption,)


def test_caption_label_sends_the_next_line_to_captions():
    caption = "Fumio Kishida has said a peace treaty remains Japan's goal."
    result = clean_text(f"Islands Talks Resume\n\n{LEDE}\n\nImage caption,\n{caption}\n\n{SECOND}")
    assert result.captions == (caption,)
    assert reasons(result)[caption] == CAPTION


def test_final_paragraph_with_agency_tag_stays_body_and_the_tag_is_split_off():
    last = "The talks will resume in March, officials said. (Kyodo)"
    result = clean_text(f"Islands Talks Resume\n\n{LEDE}\n\n{SECOND}\n\n{last}")
    assert result.paragraphs[-1] == "The talks will resume in March, officials said."
    assert [(r.text, r.reason, r.part) for r in result.removed][-1] == (
        "(Kyodo)",
        "wire credit",
        True,
    )


def test_appeal_box_at_the_end_is_removed_whole():
    page = (
        f"Islands Talks Resume\n\n{LEDE}\n\n{SECOND}\n\n"
        "... we have a small favour to ask. Millions rely on our journalism, and we need your support.\n\n"
        "Unlike many others, the paper has no shareholders and no billionaire owner.\n\n"
        "Every contribution powers our journalism. If you can, please support us. Thank you.\n\n"
        "Monthly\nContinue"
    )
    assert clean_text(page).paragraphs == (LEDE, SECOND)


def test_body_quotes_addressing_someone_are_kept():
    quote = '"We will never give them away," the official said. "You cannot sell your homeland."'
    assert quote in clean_text(f"Islands Talks Resume\n\n{LEDE}\n\n{quote}\n\n{SECOND}").paragraphs


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Updated 6:12 AM GMT+3, January 23, 2024", "timestamp"),
        ("Tue 22 Jan 2019 08.30 GMT", "timestamp"),
        ("12:45 pm, January 23, 2024", "timestamp"),
        ("January 23, 20242:53 PM GMT+3Updated 2 hours ago", "timestamp"),
        ("23.01.2024", "timestamp"),
        ("By MARI YAMAGUCHI", "byline"),
        ("By Junko Ogura and Helen Regan, CNN", "byline"),
        ("Justin McCurry in Tokyo and Andrew Roth in Moscow", "byline"),
        ("Tokyo CNN —", "dateline"),
        # a byline saying where the reporter is, and a date and a byline on one line: bylines,
        # not photo captions (five or more unpunctuated words under a headline read as one)
        ("By Oskar Lindqvist in Selna", "byline"),
        ("By Oskar Lindqvist in Port Selna and Ada Murn in Kelby", "byline"),
        ("Posted March 3, 2024 | By Oskar Lindqvist", "byline"),
        ("By Oskar Lindqvist · 3 March 2024", "byline"),
    ],
)
def test_chrome_line_kinds(line, reason):
    result = clean_text(f"Islands Talks Resume\n\n{line}\n\n{LEDE}\n\n{SECOND}")
    assert reasons(result)[line] == reason
    assert result.paragraphs == (LEDE, SECOND)


def test_joined_lines_are_audited_line_by_line():
    page = "Japan, Russia fishery talks on salmon catch\ndelayed again\n\n" + LEDE
    result = clean_text(page)
    assert [(r.line_no, r.text, r.reason) for r in result.removed] == [
        (1, "Japan, Russia fishery talks on salmon catch", "headline"),
        (2, "delayed again", "headline"),
    ]


def test_user_rules_extend_the_defaults(tmp_path):
    shipped = load_rules().source
    assert shipped.endswith("boilerplate.toml")
    path = tmp_path / "rules.toml"
    path.write_text(
        '[[line]]\nreason = "house promo"\npattern = "^listen to our podcast"\nmax_words = 8\n'
    )
    rules = load_rules(path)
    result = clean_text(
        f"Islands Talks Resume\n\n{LEDE}\n\nListen to our podcast\n\n{SECOND}", rules=rules
    )
    assert reasons(result)["Listen to our podcast"] == "house promo"


def test_invalid_rules_file_names_the_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[line]]\nreason = "x"\npattern = "("\n')
    with pytest.raises(InputError, match=r"bad\.toml: invalid boilerplate rules"):
        load_rules(path)


@pytest.mark.parametrize(
    "headline",
    ["Putin Meets Abe in Moscow", "Abe Arrives in Moscow for Talks", "Putin Visits Japan"],
)
def test_title_case_headlines_are_not_bylines(headline):
    byline = "Justin McCurry in Tokyo"
    result = clean_text(f"{headline}\n\n{byline}\n\n{LEDE}\n\n{SECOND}", method="rules")
    assert result.title == headline
    assert reasons(result)[byline] == "byline, date or section label"
    assert result.paragraphs == (LEDE, SECOND)


def test_bullet_list_ending_the_article_is_kept():
    items = ("- patriotic education in schools", "- housing for servicemen", "- a new museum")
    page = f"Fund Sets Goals\n\n{LEDE}\n\nThe fund listed three goals:\n" + "\n".join(items)
    result = clean_text(page + "\n\nShare\nTweet", method="rules")
    assert all(item in result.paragraphs for item in items)
    assert reasons(result)["Tweet"] == "share buttons"


def test_end_mark_mid_article_does_not_end_the_story():
    body = [
        "Russian and Japanese officials met in Moscow on Tuesday for a new round of talks.",
        "The talks covered joint economic activity on the disputed islands, officials said.",
    ]
    later = [
        "Japan wants the four islands returned before a peace treaty is signed.",
        "Russia says the islands became Soviet territory after World War II.",
        "The two sides agreed to meet again in February, the ministry said.",
    ]
    page = "\n\n".join(
        ["Talks Resume Over Disputed Islands", *body, "© Sputnik / Ivan Petrov 2019", *later]
    )
    result = clean_text(page)
    assert result.paragraphs == (*body, *later)


def test_a_line_with_a_separator_is_chrome_only_when_every_piece_is():
    line = "Posted March 3, 2024 | Harbour cranes stand idle at Selna"  # a date and a caption
    result = clean_text(f"Islands Talks Resume\n\n{line}\n\n{LEDE}\n\n{SECOND}", method="rules")
    assert reasons(result)[line] == "photo caption or credit"
    assert result.captions == (line,)


# --- the literal prefilter of the rules ------------------------------------------------------


@pytest.mark.parametrize(
    "pattern,needles",
    [
        (r"\b(we|this site) uses? cookies\b", (" cookies",)),  # the longest literal run
        (r"(acquire|purchase) licensing", (" licensing",)),
        (r"\b(donate|subscribe)\b", ("donate", "subscribe")),  # one needle per branch
        (r"(read more|more)\s*:", ("more",)),  # "read more" contains "more": dropped
        (r"\bnews(letter)?\b", ("news",)),  # an optional group needs nothing
        (r"(ab|cd)x?", ("ab", "cd")),
        (r"\b(ad-free|ads|advertis\w+)\b", ("ad-free", "ads", "advertis")),  # "ad" factored out
        (r"for (just|only) \d", ("for just", "for only")),  # a run and the branch after it
        (r"news ?[ab]", ("news",)),
        (r"^read more", ()),  # anchored: fails fast without help
        (r"(^\d+|b)", ()),  # one branch needs no literal
        (r"\w+\s\d+", ()),  # no literal at all
        (r"Cookies", ()),  # matched ignoring case: literals could miss
    ],
)
def test_needles_are_the_literals_every_match_contains(pattern, needles):
    from newsframe.cleaning import _compile, _needles

    assert _needles(_compile(pattern)) == needles


@pytest.mark.parametrize(
    "pattern,openings",
    [
        (r"^(read more|tags?|[0-9]+ comments)", "0123456789rt"),
        (r"^[A-C]\w+", "ABC"),
        (r"(^a|^b)", "ab"),
        (r"^\(?by", None),  # the first character may be "(" or "b": not worked out
        (r"(^a|b)", None),  # not every match starts the line
        (r"^\w+", None),
    ],
)
def test_openings_are_the_characters_an_anchored_match_starts_with(pattern, openings):
    from newsframe.cleaning import _compile, _openings

    found = _openings(_compile(pattern, case_sensitive=True))
    assert found == (None if openings is None else frozenset(openings))


def test_the_prefilter_never_skips_a_line_a_rule_matches():
    from newsframe.cleaning import _needles, _openings

    rules = load_rules()
    pages = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.txt"))
    lines = {line.strip() for page in pages for line in page.read_text("utf-8").splitlines()}
    lines = {line for line in lines if line} | {line.lower() for line in lines}
    patterns = [r.pattern for r in rules.lines] + list(rules.cues) + list(rules.credits)
    checked = 0
    for pattern in patterns:
        needles, openings = _needles(pattern), _openings(pattern)
        for line in lines:
            if (needles or openings) and pattern.search(line):
                checked += 1
                assert not needles or any(n in line for n in needles), (pattern.pattern, line)
                assert not openings or line[:1] in openings, (pattern.pattern, line)
    assert checked > 100  # the fixture pages do exercise the prefiltered rules


@pytest.mark.parametrize(
    "mark",
    ["[1]", " [2]", "*", "\u2020", "\u00b9", " #islands", " \U0001f54a\ufe0f", " \u2714", "\u2713"],
)
def test_a_mark_after_each_final_stop_leaves_the_body_body(mark):
    """Issue 17 item 9: a footnote, asterisk, dagger, hashtag, emoji or check mark set after each
    sentence's stop made every paragraph unpunctuated, hence "photo caption or credit"."""
    third = "Fishermen on the islands said prices for crab had fallen by a third since then."
    fourth = "A spokesman for the ministry declined to comment on the report on Wednesday."
    body = [p + mark for p in (LEDE, SECOND, third, fourth)]
    result = clean_text("Islands Talks Resume\n\n" + "\n\n".join(body) + "\n")
    assert result.title == "Islands Talks Resume"
    assert result.paragraphs == tuple(body)
    assert result.captions == ()
    assert [r.reason for r in result.removed] == ["headline"]


def test_the_line_model_keeps_a_list_that_ends_the_article_to_its_last_item():
    # the default cleaner: the three items under "The fund listed three goals:" (a line the
    # rules keep, ending with a colon) are a list the body introduces, the last one beside the
    # share buttons included
    items = ("- patriotic education in schools", "- housing for servicemen", "- a new museum")
    page = f"Fund Sets Goals\n\n{LEDE}\n\nThe fund listed three goals:\n" + "\n".join(items)
    result = clean_text(page + "\n\nShare\nTweet")
    assert result.paragraphs[-3:] == items
    assert set(reasons(result)) == {"Fund Sets Goals", "Share", "Tweet"}


def test_the_line_model_leaves_a_reporters_bio_after_the_end_mark_out():
    bio = "Guy is Moscow bureau chief and has covered Russia for more than a decade."
    page = f"Islands Talks Resume\n\n{LEDE}\n\n{SECOND}\n\nReporting by Guy Faulconbridge; Editing by Andrew Osborn\n\n{bio}"
    result = clean_text(page)  # the default cleaner, the line model
    assert reasons(result)[bio] == "page chrome after the end of the story"
    assert result.paragraphs == (LEDE, SECOND)


def test_an_authors_bio_opens_with_a_name_credited_under_the_story():
    end = "page chrome after the end of the story"
    texts = ["The talks ended without agreement.", "Reporting by Guy Faulconbridge",
             "Guy is Moscow bureau chief.", "Putin is expected to reply on Friday.",
             "Guy covers Russia.", "Faulconbridge reported from Moscow."]  # fmt: skip
    lines = [(n, t, t) for n, t in enumerate(texts, 1)]
    reasons_ = [None, "credit line", end, end, end, end]
    # the words credited for a line: those of the lines between the last body line and it.
    # "Guy is": Guy is credited by the sign-off, "is" a biography's verb; "Putin is": no line
    # above it names Putin; "Guy covers": credited, a biography's verb; "Faulconbridge
    # reported": credited, but "reported" opens no biography
    assert _author_bios(lines, reasons_) == [False, False, True, False, True, False]
    # a line the end mark did not close is not a biography, whatever it says
    assert _author_bios(lines, [None, "credit line", None, None, None, None]) == [False] * 6


# --- comment-section notices and the headline's neighbours (hand-made pages) -----------------

BRIDGE = "Bridge Vote Passes In Council"
VOTE = "The council approved the new bridge on Monday after a long debate about its cost."
WORKS = "Work on the bridge starts in May and should take two years, the mayor said."


@pytest.mark.parametrize(
    "notice",
    [
        "This site uses a spam filter to reduce spam. Learn how your comment data is processed.",
        "Comments are moderated and appear once approved.",
        "The comment section is closed for this article.",
        "By commenting, you agree to our community guidelines.",
        "Please read our comment policy before you post.",
        "We reserve the right to remove comments that break these rules.",
    ],
)
def test_a_comment_section_notice_is_chrome_in_the_rules_and_with_the_model(notice):
    page = f"{BRIDGE}\n\n{VOTE}\n\n{WORKS}\n\n{notice}"
    for method in ("rules", "model"):
        result = clean_text(page, method=method)
        assert notice not in result.paragraphs, method
        assert result.paragraphs == (VOTE, WORKS), method
    assert reasons(clean_text(page, method="rules"))[notice] == "comment-section notice"


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said comments are closed to the public until the inquiry ends next month.",
        "The post broke the platform's community guidelines, a spokesperson said on Tuesday.",
        "The mayor said the city uses new software to filter spam from its inbox every day.",
    ],
)
def test_a_story_sentence_about_comments_or_guidelines_stays(sentence):
    page = f"{BRIDGE}\n\n{VOTE}\n\n{sentence}\n\n{WORKS}"
    for method in ("rules", "model"):
        assert sentence in clean_text(page, method=method).paragraphs, method


def test_a_lowercase_byline_under_the_headline_is_not_part_of_the_title():
    # no blank line between them: a line opening in lowercase would otherwise continue the one above
    page = f"{BRIDGE}\nby Ann Lee and Tom Ito from City news\n\n{VOTE}\n\n{WORKS}"
    for method in ("rules", "model"):
        result = clean_text(page, method=method)
        assert result.title == BRIDGE, method
        assert result.paragraphs == (VOTE, WORKS), method


def test_a_standfirst_under_the_headline_and_its_byline_stays():
    standfirst = "Councillors split over the cost as residents press for a quicker start"
    page = f"{BRIDGE}\nby Ann Lee\n{standfirst}\n\n{VOTE}\n\n{WORKS}"
    result = clean_text(page, method="rules")
    assert result.title == BRIDGE
    assert standfirst in result.paragraphs


def test_a_title_case_headline_with_an_initialism_is_no_photo_credit():
    # "U.S. Lawmakers ...": the full stop is the initialism's, so no caption with a credit after it
    head = "Bridge Funds Approved As U.S. Lawmakers Back Plan"
    page = f"{head}\n\nMay 3, 2021: {head}\n\n{VOTE}\n\n{WORKS}"
    for method in ("rules", "model"):
        result = clean_text(page, method=method)
        assert result.title == head, method
        assert result.paragraphs == (VOTE, WORKS), method


def test_a_site_name_under_a_date_marker_is_not_preferred_to_a_longer_headline():
    # "date ... Riverside Town Hall" has five words with its marker, three without it
    head = "Council backs new bridge after long debate on costs"
    page = f"date 2021-05-03 Riverside Town Hall\n\n{head}\n\n{VOTE}\n\n{WORKS}"
    assert clean_text(page, method="rules").title == head


def test_a_headline_with_a_pipe_before_its_second_half_is_no_photo_credit():
    # after a pipe, a credit is a name of a few words; nine words with "gives update on" are not
    head = "'A day we will not forget' | Mayor Ann Lee gives update on the river bridge vote"
    page = f"Breaking News\n\n{head}\n\n{VOTE}\n\n{WORKS}"
    for method in ("rules", "model"):
        result = clean_text(page, method=method)
        assert result.title == head, method
        assert head not in result.captions, method
    # a short name after the pipe is still a credit
    caption = "The new bridge seen from the river bank on Monday | Ann Lee/City Wire"
    result = clean_text(f"{BRIDGE}\n\n{VOTE}\n\n{caption}\n\n{WORKS}", method="rules")
    assert caption in result.captions


def test_a_first_line_that_opens_with_a_full_sentence_and_goes_on_is_text_not_a_headline():
    # a standfirst of two sentences, the second without a final stop, at the top of the page
    lede = (
        "The council approved the new river bridge at its meeting on Monday night. "
        "The mayor said: 'A good day for the town'"
    )
    page = f"{lede}\n\n{VOTE}\n\n{WORKS}"
    for method in ("rules", "model"):
        result = clean_text(page, method=method)
        assert result.title == "", method
        assert lede in result.paragraphs, method
