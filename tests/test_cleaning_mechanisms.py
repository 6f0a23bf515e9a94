"""The cleaner's mechanisms one at a time, on tiny hand-made pages whose answer is read off by eye.

Recall first (nothing of the article is silently lost: the reproducers of the "nothing silently
lost" report), then precision (glued credits, headlines, captions, notices), then text in other
scripts, which is kept and flagged rather than dropped.
"""

from __future__ import annotations

import re

import pytest

import newsframe as nf
from newsframe.cleaning import NON_ENGLISH, clean_text
from newsframe.errors import NewsframeWarning

HEAD = "Harbour Talks Resume After Storm"
LEDE = "Officials from the two port authorities met on Monday to resume talks on sharing the new harbour, the regional government said."
SECOND = "The talks had been suspended for three weeks after a storm damaged the northern pier."
LAST = "A second round is planned for next month in the capital."


def _page(*paragraphs: str) -> str:
    return "\n\n".join((HEAD, *paragraphs))


# --- recall: one weak signal never removes a paragraph -----------------------------------------

ONE_WEAK_SIGNAL = [
    "Russian readers can follow Zakharova on Telegram, where she comments daily.",
    "The ministry said a new privacy policy prevented it from naming the crew.",
    "Search teams found no survivors.",
    "Register offices in the three districts open on Saturday.",
    "Premium crab exports have been suspended.",
    "3 of 5 ferries were cancelled.",
]


@pytest.mark.parametrize("sentence", ONE_WEAK_SIGNAL)
def test_body_paragraph_with_one_weak_signal_stays_mid_article(sentence):
    result = clean_text(_page(LEDE, sentence, SECOND, LAST))
    assert result.paragraphs == (LEDE, sentence, SECOND, LAST)


@pytest.mark.parametrize("sentence", ONE_WEAK_SIGNAL)
def test_body_paragraph_with_one_weak_signal_stays_at_the_end(sentence):
    result = clean_text(_page(LEDE, SECOND, sentence))
    assert result.paragraphs == (LEDE, SECOND, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The inquiry's report may not be published before the election, the minister said.",
        "Copyright holders of the port's old photographs have agreed to their use, the museum said.",
    ],
)
def test_a_copyright_phrase_in_a_body_sentence_does_not_end_the_article(sentence):
    result = clean_text(_page(LEDE, SECOND, sentence, LAST))
    assert result.paragraphs == (LEDE, SECOND, sentence, LAST)
    assert result.removed[0].reason == "headline"
    assert len(result.removed) == 1


@pytest.mark.parametrize(
    "line",
    ["Sign up for the morning newsletter.", "Log in to comment.", "Read more about the talks."],
)
def test_an_instruction_to_the_reader_is_a_second_signal(line):
    result = clean_text(_page(LEDE, SECOND, line, LAST))
    assert result.paragraphs == (LEDE, SECOND, LAST)


def test_a_real_copyright_line_after_the_article_is_still_removed():
    # two cues on one line (a (c) year and "all rights reserved") are a second signal
    notice = "© 2024 Harbour Daily. All rights reserved."
    result = clean_text(_page(LEDE, SECOND, LAST, notice))
    assert result.paragraphs == (LEDE, SECOND, LAST)
    assert [r.reason for r in result.removed] == ["headline", "copyright notice"]


def test_a_headline_starting_with_a_menu_word_is_still_the_headline():
    page = "Search Ends Off Cape Verran\n\n" + LEDE + "\n\n" + SECOND
    assert clean_text(page).title == "Search Ends Off Cape Verran"


def test_a_separator_between_entries_of_a_live_page_does_not_end_it():
    page = _page(
        LEDE, SECOND, "------", LAST, "The harbour stays open.", "------", LEDE[:-1] + " again."
    )
    result = clean_text(page)
    assert LAST in result.paragraphs
    assert result.paragraphs[-1] == LEDE[:-1] + " again."


# --- precision: glued pieces, headlines, captions ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "sentence", "piece"),
    [
        (f"{SECOND} [Wire Services, Coast TV]", SECOND, "[Wire Services, Coast TV]"),
        (f"{SECOND} (More storm stories.)", SECOND, "(More storm stories.)"),
        (
            "The pier was closed on Friday, the port authority said. Credit: Port Authority via Newsfeed",
            "The pier was closed on Friday, the port authority said.",
            "Credit: Port Authority via Newsfeed",
        ),
        (f"{SECOND} - HARBOURWIRE", SECOND, "- HARBOURWIRE"),
        (f"{SECOND} \u2014 Coast Wire", SECOND, "\u2014 Coast Wire"),
    ],
)
def test_a_credit_glued_to_a_body_sentence_is_split_off(line, sentence, piece):
    result = clean_text(_page(LEDE, line, LAST))
    assert result.paragraphs == (LEDE, sentence, LAST)
    assert result.captions == ()
    parts = [r for r in result.removed if r.part]
    assert [(r.line_no, r.text) for r in parts] == [(5, piece)]


def test_a_wire_credit_after_a_dash_on_the_last_paragraph_leaves_the_paragraph():
    # issue 18: the agency's name glued after the last paragraph's full stop took the whole
    # paragraph to the captions; split off, the paragraph stays in the body
    last = f"{LAST} - HARBOURWIRE"
    result = clean_text(_page(LEDE, SECOND, last))
    assert result.paragraphs == (LEDE, SECOND, LAST)
    assert [(r.text, r.reason) for r in result.removed if r.part] == [
        ("- HARBOURWIRE", "wire credit")
    ]
    # a spaced dash inside a sentence, or three words after it, is no credit
    for line in (f"{LAST[:-1]} - and then some.", f"{LAST} - The talks went on."):
        result = clean_text(_page(LEDE, SECOND, line))
        assert result.paragraphs[-1] == line and not [r for r in result.removed if r.part]


def test_a_wire_tag_mid_article_leaves_the_sentence_in_the_body_not_in_captions():
    tagged = "The pier reopened on Friday, officials said. (Harbour News)"
    result = clean_text(_page(LEDE, tagged, SECOND, LAST))
    assert result.paragraphs == (LEDE, tagged[: -len(" (Harbour News)")], SECOND, LAST)
    assert result.captions == ()


def test_an_appeal_sentence_glued_to_the_lede_is_split_off():
    appeal = "Please support our newsroom. Your donation keeps us reporting every day."
    glued = "Your support makes all the difference." + LEDE
    result = clean_text(f"{appeal}\n{glued}\n\n{SECOND}")
    assert result.paragraphs == (LEDE, SECOND)
    assert [(r.text, r.part) for r in result.removed] == [
        (appeal, False),
        ("Your support makes all the difference.", True),
    ]


def test_a_run_of_other_stories_headlines_inside_the_body_is_removed():
    run = ["Ten Stars Who Moved To The Countryside", "Celebrity Chef Opens Floating Restaurant"]
    result = clean_text(_page(LEDE, *run, SECOND, LAST))
    assert result.paragraphs == (LEDE, SECOND, LAST)
    assert {r.text: r.reason for r in result.removed if r.text in run} == dict.fromkeys(
        run, "linked headline"
    )


def test_a_single_subheading_in_the_body_stays():
    result = clean_text(_page(LEDE, "Talks Over The Pier", SECOND, LAST))
    assert result.paragraphs == (LEDE, "Talks Over The Pier", SECOND, LAST)


def test_a_split_line_stays_body_in_the_audit_with_a_note():
    page = _page(LEDE, f"{SECOND} [Wire Services]", LAST)
    article = nf.Article(
        "a", "", clean_text(page).paragraphs, page_text=page, removed=clean_text(page).removed
    )
    row = article.line_audit().set_index("line_no").loc[5]
    assert row.status == "body"
    assert row.reason == "source credit split off: [Wire Services]"


def test_a_lede_about_a_picture_is_not_a_caption():
    lede = "A picture of the damaged pier circulated widely on social media on Monday."
    assert clean_text(_page(lede, SECOND)).paragraphs == (lede, SECOND)


def test_a_caption_naming_its_image_between_headline_and_lede_is_a_caption():
    caption = "Ferries wait in the harbour during the storm - composite image."
    result = clean_text(_page(caption, LEDE, SECOND))
    assert result.paragraphs == (LEDE, SECOND)
    assert result.captions == (caption,)


def test_a_photo_caption_with_a_credit_is_not_split_into_the_body():
    caption = "Workers clear the pier on Sunday. Photo: Lena Varga/Harbour Daily"
    result = clean_text(_page(LEDE, caption, SECOND))
    assert result.paragraphs == (LEDE, SECOND)
    assert result.captions == (caption,)


@pytest.mark.parametrize(
    "line",
    [f"date 2024-03-04 {HEAD}", f"{HEAD} | Harbour Daily", f"Updated 04.03.2024 {HEAD}"],
)
def test_headline_line_with_a_date_or_site_name(line):
    page = f"{line}\n\n{LEDE}\n\n{SECOND}"
    guessed = clean_text(page)
    assert guessed.title == HEAD
    assert guessed.paragraphs == (LEDE, SECOND)
    given = clean_text(page, title=HEAD)
    assert given.paragraphs == (LEDE, SECOND)
    assert given.removed[0].reason == "headline"


def test_manifest_title_removes_its_line_with_a_marker_on_it():
    page = f"Mar 4, 2024 {HEAD}\n\n{LEDE}\n\n{SECOND}"
    result = clean_text(page, title=HEAD)
    assert result.paragraphs == (LEDE, SECOND)


def test_a_body_line_that_extends_the_headline_with_words_is_not_the_headline():
    line = f"{HEAD}, Ministers Say"
    result = clean_text(f"{HEAD}\n\n{LEDE}\n\n{line}\n\n{SECOND}", title=HEAD)
    assert result.paragraphs == (LEDE, line, SECOND)


def test_no_headline_is_invented():
    assert clean_text(f"HARBOUR DAILY\n\n{LEDE}\n\n{SECOND}").title == ""
    assert clean_text(f"{LEDE}\n\n{SECOND}").title == ""


def test_a_breadcrumb_is_not_the_headline():
    page = f"Home » Ports » {HEAD}\n\n{HEAD}\n\n{LEDE}\n\n{SECOND}"
    result = clean_text(page)
    assert result.title == HEAD
    assert result.paragraphs == (LEDE, SECOND)


def test_a_caption_repeated_in_the_body_is_not_the_headline():
    caption = "Aerial view of the northern pier"
    page = f"{caption}\n\n{HEAD}\n\n{LEDE}\n\n{caption}\n{caption}\n\n{SECOND}"
    result = clean_text(page)
    assert result.title == HEAD
    assert result.paragraphs == (LEDE, SECOND)
    assert result.captions == (caption, caption)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more: Ten Stars Who Moved To The Countryside", r"navigation|promoted"),
        ("Also read: Police Seize Boat In Night Raid", r"navigation|promoted"),
        ("\u2022 Read also: Police Seize Boat In Night Raid", r"promoted link"),
        ("— Harbour Office (@HarbourOffice) March 4, 2024", r"embedded"),
        ("This is a breaking news story. More as we get it...", r"developing"),
        ("This story was auto-generated from a syndicated feed.", r"syndication"),
        ("Harbour Daily is an independent news outlet funded by its readers.", r"self-description"),
        ("You have 2 free articles left. Subscribe for just $1 a week.", r"subscription"),
        ("Our top stories, delivered to your inbox every morning.", r"newsletter"),
        ("Contact the reporter at desk@harbourdaily.example", r"reporter contact"),
        ("[Copyright 2024 Harbour Daily]", r"copyright"),
        ("Please enter your comment!", r"comment"),
        ("Image may contain: boat, sea and sky", r"image description"),
        ("You can continue to follow our live coverage of the storm here.", r"promoted link"),
        ("Publishers named above are responsible for their own content.", r"syndication"),
        ("To address comments or complaints, please contact us.", r"contact"),
        ("Follow Harbour Daily", r"share prompt"),
        ("90 Posts", r"live page control"),
        ("(This article was written by Hana Ito, staff writer.)", r"credit line"),
        ("This article is for subscribers only.", r"subscription"),
        ("Click here to read the full story.", r"promoted link|app promotion"),
        ("MORE: Police Seize Boat In Night Raid", r"promoted link"),
        ("Story continues below advertisement", r"advertisement"),
        ("Correction: An earlier version misstated the date of the talks.", r"correction"),
        ("Reporter: hana.ito@harbourdaily.example", r"reporter contact"),
    ],
)
def test_chrome_inside_the_body_is_removed_with_its_reason(line, reason):
    result = clean_text(_page(LEDE, line, SECOND, LAST))
    assert result.paragraphs == (LEDE, SECOND, LAST)
    assert any(r.text == line and re.search(reason, r.reason) for r in result.removed)


# --- other scripts: kept, flagged, warned about ------------------------------------------------

JAPANESE = "運航会社によると、来週から増便する予定だ。"


def test_a_japanese_paragraph_is_kept_with_a_note():
    result = clean_text(_page(LEDE, SECOND, JAPANESE))
    assert result.paragraphs == (LEDE, SECOND, JAPANESE)
    assert [(r.line_no, r.reason) for r in result.notes] == [(7, NON_ENGLISH)]


def test_loading_warns_naming_the_file_and_the_audit_flags_the_line(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(_page(LEDE, SECOND, JAPANESE), encoding="utf-8")
    with pytest.warns(
        NewsframeWarning, match=r"ferry\.txt: 1 of 3 paragraph\(s\) are not in English"
    ):
        article = nf.load_article(path)
    audit = article.line_audit().set_index("line_no")
    assert (audit.loc[7].status, audit.loc[7].reason) == ("body", NON_ENGLISH)


def test_a_japanese_only_article_loads_with_a_warning_not_as_all_boilerplate(tmp_path):
    path = tmp_path / "minato.txt"
    path.write_text(
        "港の再開\n\n嵐で止まっていた定期船が月曜日に再開した。\n\n" + JAPANESE, encoding="utf-8"
    )
    with pytest.warns(NewsframeWarning, match=r"minato\.txt: the whole text is not in English"):
        article = nf.load_article(path)
    assert len(article.paragraphs) == 3
    assert article.title == ""


def test_a_video_title_above_its_player_line_goes_with_it():
    page = (
        f"{HEAD}\n\nHarbour Talks: Ministers Meet\n01:39 - Source: Harbour TV\n\n{LEDE}\n\n{SECOND}"
    )
    result = clean_text(page)
    assert result.title == HEAD
    assert [r.reason for r in result.removed] == ["headline", "video title", "video player"]


def test_an_ad_skip_control_is_not_a_headline():
    assert clean_text(f"Skip in Skip\n{LEDE}\n\n{SECOND}").title == ""


def test_edge_lines_are_the_lines_an_outlets_repeats_could_take():
    page = _page(LEDE, SECOND, LAST, "Harbour Desk")
    result = clean_text(page, method="rules")  # the rules' edge pass
    assert result.paragraphs == (LEDE, SECOND, LAST)
    assert result.removed[-1].reason == "page chrome after the article"
    # the first and last paragraph, and the short chrome under the last
    assert result.edge_lines == {LEDE.lower(), LAST.lower(), "harbour desk"}
    # repeats that miss them change nothing (a repeated middle paragraph stays) ...
    assert clean_text(page, edge_repeats=frozenset({SECOND.lower()}), method="rules") == result
    # ... a repeated last paragraph goes, and the chrome under it is relabelled
    again = clean_text(page, edge_repeats=frozenset({LAST.lower(), "harbour desk"}), method="rules")
    assert again.paragraphs == (LEDE, SECOND)
    assert [r.reason for r in again.removed[-2:]] == [
        "repeated at the edge of other articles of this outlet"
    ] * 2


@pytest.mark.parametrize("method", ["rules", "model"])
def test_words_quoted_in_single_quotes_are_reported_speech_not_an_appeal(method):
    # British outlets quote in single quotes: the "you" and "your support" of a quotation are
    # the speaker's, not the page addressing its reader (two appeal cues and reader address
    # outside quotes would make the line an appeal); the same words in the page's own voice are
    page = ("Town Hall Reopens After Flood\n\n"
            "The town hall reopened on Monday after months of repairs to the flooded building.\n\n"
            "The mayor ended her speech by saying: 'Thank you for your support'.\n\n"
            "Hundreds of residents attended the ceremony in the square outside.\n\n"
            "Thank you for your support: subscribe to our newsletter today.")  # fmt: skip
    result = clean_text(page, method=method)
    assert "The mayor ended her speech by saying: 'Thank you for your support'." in (
        result.paragraphs
    )
    assert "Thank you for your support: subscribe to our newsletter today." not in (
        result.paragraphs
    )


@pytest.mark.parametrize("method", ["rules", "model"])
def test_a_headline_above_story_highlights_is_the_headline_not_the_first_highlight(method):
    # the headline is followed by a label and five highlights without final stops (running
    # text of twelve words or more, mostly lowercase), then the prose; six kept lines after
    # the headline hold no paragraph, but the highlights are the article's text: the headline
    # is the title, and (with the line model; the rules send lines without a final stop
    # between headline and prose to the captions) the first highlight stays in the body
    page = ("Flood Victims: The Lives the Town Lost\n\n"
            "Story highlights\n\n"
            "Three people died when the river burst its banks in the town on Monday night\n\n"
            "One of the victims was a teacher who had lived by the river for twenty years\n\n"
            "Another was a retired nurse who was known for her work with the local choir\n\n"
            "The town council has opened a book of condolence at the library on the square\n\n"
            "Volunteers from three nearby villages have joined the clean-up along the river\n\n"
            "The river rose by two metres in an hour after days of heavy rain, officials said.\n\n"
            "Friends of those who died said the town was devastated by the loss.")  # fmt: skip
    result = clean_text(page, method=method)
    assert result.title == "Flood Victims: The Lives the Town Lost"
    assert (
        method == "rules"
        or "Three people died when the river burst its banks in the town on Monday night"
        in (result.paragraphs)
    )


@pytest.mark.parametrize("method", ["rules", "model"])
def test_a_list_items_words_wrapped_after_its_first_join_the_item(method):
    # a bullet whose text wrapped after one word: the lowercase line after it is the same item
    # (a line of fewer than four words without a bullet is not joined: "Share" then "via ...")
    page = ("River Floods the Town Centre Overnight\n\n"
            "- Emergency\n"
            "crews worked through the night to pump water from the flooded streets\n"
            "- About two hundred homes were left without power on Monday morning\n\n"
            "The river burst its banks after three days of heavy rain, officials said.")  # fmt: skip
    result = clean_text(page, method=method)
    assert (
        "- Emergency crews worked through the night to pump water from the flooded streets"
        in result.paragraphs
    )
