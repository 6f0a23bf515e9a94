"""The cleaner on pages in the style of other outlets: what is kept, removed, and why.

Each fixture in ``tests/fixtures/pages/`` was written by hand in the style of one outlet family
(Russian state media, Japanese outlets, Western wires and papers, independent Russian media),
with its typical page chrome. For each page the expected headline, every paragraph of the
article body, the chrome lines (with the kind of reason expected) and the captions are listed
here by hand. The hard rule: no sentence of the article body is ever dropped. The expected
reasons and captions are the rule cleaner's (``method="rules"``); the default line model is held
to the hard rule on the same pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import newsframe as nf

PAGES = Path(__file__).parent / "fixtures" / "pages"

# reason kinds: a regex the removal reason must match
APPEAL = r"appeal|donation|subscri|newsletter"
NAV = r"navigation|linked headline|chrome"
SHARE = r"share"
TIME = r"timestamp|date"
BYLINE = r"byline"
CREDIT = r"credit line|end mark"
COPYRIGHT = r"copyright"
BEFORE = r"before the headline|navigation|subscri|section"
AFTER = r"after the (article|end of the story)|navigation|tag|linked|share"
TAGS = r"tag or topic"
COOKIE = r"cookie"
AD = r"advertisement"
LABEL = r"label|byline|date"
CAPTION_LABEL = r"caption label|gallery"


@dataclass(frozen=True)
class Page:
    file: str
    title: str
    body: tuple[str, ...]
    removed: dict[str, str] = field(default_factory=dict)  # start of a raw line -> reason regex
    captions: tuple[str, ...] = ()  # start of each caption


TASS = Page(
    "tass-lavrov-peace-treaty.txt",
    "Lavrov: Moscow sees no basis for peace treaty talks while Tokyo pursues hostile course",
    (
        'The Russian foreign minister said Japan had "put itself among the unfriendly countries" by joining Western sanctions.',
        "MOSCOW, January 23. /TASS/. Moscow sees no basis for resuming talks on a peace treaty with Tokyo as long as Japan pursues an openly hostile course towards Russia, Foreign Minister Sergey Lavrov said on Tuesday.",
        '"We cannot discuss a peace treaty with a country that declares our strategic defeat to be its goal," Lavrov told reporters after talks with his Indonesian counterpart. "You cannot demand friendship and impose sanctions at the same time."',
        'According to the minister, the Japanese side "unilaterally froze" the joint economic activity on the South Kuril Islands that the two countries\' leaders agreed on in 2016.',
        'Lavrov added that Russia remained open to contacts with Japanese business people who "have not forgotten the benefits of cooperation."',
        "The Kremlin earlier said the status of the Kuril Islands as Russian territory was enshrined in the country's Constitution and was not subject to discussion.",
    ),
    {
        "TASS": BEFORE,
        "Russian News Agency": BEFORE,
        "Military & Defense": BEFORE,
        "Russian Politics & Diplomacy": LABEL,
        "January 23, 2024, 18:45 UTC+3": TIME,
        "Share": SHARE,
        "Tweet": SHARE,
        "Read more": NAV,
        "Russia to build new military infrastructure": r"linked headline",
        "Tags": TAGS,
        "Russia-Japan relations": TAGS,
        "Sergey Lavrov": TAGS,
        "More news": NAV,
        "Putin to hold talks with Indonesian president": r"linked headline",
        "© TASS 1999-2024": COPYRIGHT,
    },
)

RT = Page(
    "rt-zakharova-revanchist.txt",
    "Japan's claims to Kuril Islands 'revanchist' – Zakharova",
    (
        "Moscow will not discuss the status of the islands, the Foreign Ministry spokeswoman has said",
        'Tokyo\'s renewed claims to the southern Kuril Islands are "revanchist" and contradict the outcome of World War II, Russian Foreign Ministry spokeswoman Maria Zakharova said on Tuesday.',
        'Speaking at a weekly briefing, Zakharova said the islands had become Russian territory "legally and irreversibly" and that Moscow would not negotiate on their status.',
        '"We have told our Japanese colleagues many times: this is not a topic for discussion," she said. "If you want normal relations, start by respecting the results of the war."',
        "Japanese Prime Minister Fumio Kishida said earlier this month that his government remained committed to signing a peace treaty and resolving the territorial issue, despite the sanctions imposed on Russia.",
        "Moscow suspended peace treaty talks in March 2022 after Tokyo joined Western sanctions over the conflict in Ukraine.",
    ),
    {
        "Follow RT on Telegram": r"share prompt",
        "Op-ed": BEFORE,
        "23 Jan, 2024 14:05": TIME,
        "Get short URL": SHARE,
        "Japan's claims to Kuril Islands 'revanchist' – Zakharova": r"headline",
        "Read more": NAV,
        "Russia rejects Japan's 'illegal occupation' claim": r"linked headline",
        "You can share this story on social media:": r"share prompt",
        "Subscribe to RT newsletter": APPEAL,
        "RSS": NAV,
        "Site Map": NAV,
        "© Autonomous Nonprofit Organization": COPYRIGHT,
        "This website uses cookies.": COOKIE,
    },
    (
        "FILE PHOTO: Iturup Island, one of the South Kuril Islands. © Sputnik / Ekaterina Chesnokova",
    ),
)

SPUTNIK = Page(
    "sputnik-no-blank-lines.txt",
    "Japan Seeks to Resolve Kuril Dispute 'Through Dialogue' Despite Frozen Talks",
    (
        "TOKYO (Sputnik) - Japan intends to resolve the territorial issue with Russia through dialogue, even though peace treaty negotiations remain suspended, Chief Cabinet Secretary Yoshimasa Hayashi said on Tuesday.",
        '"Our position is unchanged: we will resolve the territorial issue and conclude a peace treaty," Hayashi told a regular press conference.',
        "The official did not say when talks could resume.",
        "Russia and Japan have never signed a peace treaty after World War II because of the dispute over the southern Kuril Islands.",
        "Tokyo claims the islands of Iturup, Kunashir, Shikotan and the Habomai group, calling them the Northern Territories. Moscow says the islands became part of the Soviet Union after the war and that Russia's sovereignty over them is beyond doubt.",
    ),
    {
        "Sputnik International": BEFORE,
        "Military": BEFORE,
        "Subscribe": r"subscri",
        "India": LABEL,
        "Subscribe to Sputnik on Telegram": r"share prompt",
        "Add comment": NAV,
        "Site map": NAV,
        "Copyright © 2024 Sputnik International": COPYRIGHT,
    },
    ("© Sputnik / Sergey Guneev / Go to the mediabank",),
)

JAPAN_TIMES = Page(
    "japantimes-drills-protest.txt",
    "Japan protests Russian military drills on disputed northern isles",
    (
        "Japan's Foreign Ministry lodged the protest through diplomatic channels on Tuesday",
        "Japan has lodged a protest with Russia over military exercises on the disputed islands off Hokkaido, the government's top spokesman said Tuesday, calling the drills \"unacceptable\" and at odds with Tokyo's legal position.",
        'Chief Cabinet Secretary Yoshimasa Hayashi said the drills, which involved more than 1,500 troops and artillery units on Etorofu and Kunashiri, "run counter to Japan\'s position on the four islands."',
        "Russia has stepped up its military presence on the islands, known in Japan as the Northern Territories, since the start of the war in Ukraine, deploying coastal missile systems and fighter jets.",
        '"We will keep calling on Russia to act in line with our position," Hayashi said. "Japan\'s stance that the islands are an inherent part of our territory has not changed."',
        "Moscow has said the deployments are a response to what it calls Japan's growing military cooperation with the United States.",
    ),
    {
        "Skip to main content": NAV,
        "The Japan Times": BEFORE,
        "SUBSCRIBE": r"subscri",
        "LOGIN": r"subscri",
        "BY JESSE JOHNSON": BYLINE,
        "STAFF WRITER": BYLINE,
        "Jan 23, 2024": TIME,
        "SHARE": SHARE,
        "PHOTO GALLERY (CLICK TO ENLARGE)": r"gallery",
        "In a time of both misinformation": APPEAL,
        "By subscribing, you can help us": APPEAL,
        "SUBSCRIBE NOW": r"subscri",
        "KEYWORDS": TAGS,
        "Russia, Kuril Islands, Northern Territories": TAGS,
        "YOUR PRIVACY": COOKIE,
        "We use cookies and similar technologies": COOKIE,
        "ACCEPT": COOKIE,
    },
    (
        "Russian soldiers take part in an exercise on Iturup Island in 2021. | RUSSIAN DEFENSE MINISTRY",
        "A Russian coast guard vessel sails near Kunashiri Island",
    ),
)

KYODO = Page(
    "kyodo-salmon-talks-wrapped.txt",
    "Japan, Russia fishery talks on salmon catch off disputed isles delayed again",
    (
        "TOKYO - Japan and Russia have again postponed intergovernmental talks on this year's salmon and trout catch in waters off the Russian-held islands near Hokkaido, the Fisheries Agency said Tuesday, leaving fishermen in Nemuro uncertain about the start of the season.",
        "The annual talks, which usually begin in March, set catch quotas and the fees Japanese fishing boats pay for operating in the area. Russia has not given a reason for the delay, an agency official said.",
        'Fishermen\'s groups in Hokkaido have urged the government to keep the talks separate from the broader dispute over the islands. "We have no other place to fish," said a local cooperative official. "If you close these waters, the town will not survive."',
        "Relations between the two countries have soured since Tokyo joined Western sanctions against Moscow over its invasion of Ukraine in February 2022.",
    ),
    {
        "KYODO NEWS - Jan 23, 2024 - 18:45": TIME,
        "Japan, Russia fishery talks on salmon catch": r"^headline$",
        "delayed again": r"^headline$",
        "Related coverage:": NAV,
        "Japan, Russia agree on salmon fishing quotas": r"linked headline",
        "Russia suspends visa-free visits": r"linked headline",
        "==Kyodo": CREDIT,
    },
)

ASAHI = Page(
    "asahi-former-islanders.txt",
    "Former islanders fear they will never again visit family graves",
    (
        "NEMURO, Hokkaido--Former residents of the Russian-held islands off Hokkaido say they are running out of time to visit the graves of their relatives.",
        "The visa-free exchange program, which allowed former islanders and their descendants to travel to the islands without passports, has been suspended since 2022.",
        '"We are all over 80 now," said Hiroshi Tanaka, 88, who was born on Shikotan Island. "If you wait another five years, there will be nobody left to go."',
        "Life after the war",
        "About 17,000 Japanese lived on the four islands before Soviet troops occupied them in August and September 1945. Fewer than 5,000 of them are still alive, according to the League of Residents of Chishima and Habomai Islands.",
        "The league has sent petitions to both governments asking for grave visits to resume on humanitarian grounds.",
    ),
    {
        "The Asahi Shimbun": BEFORE,
        "ASIA & JAPAN": BEFORE,
        "Click Here to Subscribe": r"subscri",
        "By KENJI SATO/ Staff Writer": BYLINE,
        "January 23, 2024 at 18:45 JST": TIME,
        "Photo/Illutration": CAPTION_LABEL,
        "Ready for Takeoff? Read more about travel in Japan": AFTER,
        "Copyright © The Asahi Shimbun Company": COPYRIGHT,
    },
    ("Former residents of the Northern Territories pray toward Kunashiri Island",),
)

REUTERS = Page(
    "reuters-kishida-treaty.txt",
    "Russia says Japan must drop sanctions before any talks on islands",
    (
        "MOSCOW (Reuters) - Russia said on Tuesday that Japan would have to lift its sanctions before Moscow would consider returning to talks on a formal peace treaty and the future of four islands seized by Soviet forces at the end of World War Two.",
        'Foreign Minister Sergei Lavrov told reporters that Tokyo had "destroyed" the basis for dialogue by siding with the West over Ukraine.',
        '"Our Japanese colleagues know very well what needs to be done," Lavrov said.',
        "Japan's top government spokesman said Tokyo's position on the islands, which it calls the Northern Territories, had not changed.",
        "The dispute has prevented the two countries from signing a peace treaty for almost 80 years. Russia controls the islands, which it calls the Southern Kurils.",
    ),
    {
        "Skip to main content": NAV,
        "Exclusive news, data and analytics": BEFORE,
        "Asia Pacific": BEFORE,
        "By Guy Faulconbridge and Kiyoshi Takenaka": BYLINE,
        "January 23, 20242:53 PM GMT+3Updated 2 hours ago": TIME,
        "Get a look at the day ahead": APPEAL,
        "Reporting by Guy Faulconbridge in Moscow": CREDIT,
        "Our Standards: The Thomson Reuters Trust Principles.": CREDIT,
        "Acquire Licensing Rights": r"licensing|after the end",
        "Guy is Moscow bureau chief": r"after the end of the story",
    },
    ("Item 1 of 2 Russian Foreign Minister Sergei Lavrov attends a news conference",),
)

AP = Page(
    "ap-drills-protest.txt",
    "Russia and Japan trade protests over military drills near disputed islands",
    (
        "TOKYO (AP) — Japan protested on Tuesday against Russian military drills on islands claimed by both countries, and Moscow in turn accused Tokyo of stoking tensions in the region.",
        "The exercises on Iturup and Kunashir involved about 1,500 troops, according to Russia's Eastern Military District.",
        "Japan's Chief Cabinet Secretary Yoshimasa Hayashi said the drills were \"unacceptable.\" Russia's Foreign Ministry said Japan's own military buildup was the real threat.",
        "The islands, seized by the Soviet Union in the final days of World War II, are home to about 20,000 Russians. Japanese residents were expelled in the following years.",
    ),
    {
        "AP": BEFORE,
        "Entertainment": BEFORE,
        "By MARI YAMAGUCHI": BYLINE,
        "Updated 6:12 AM GMT+3, January 23, 2024": TIME,
        "Share": SHARE,
        "ADVERTISEMENT": AD,
        "Associated Press writer Dasha Litvinova": CREDIT,
        "Copyright 2024 The Associated Press": COPYRIGHT,
    },
    ("FILE - Russian President Vladimir Putin, right, and Japanese Prime Minister Shinzo Abe",),
)

BBC = Page(
    "bbc-why-no-peace-treaty.txt",
    "Kuril Islands: Why Russia and Japan still have not signed a WW2 peace treaty",
    (
        "Nearly 80 years after the end of World War Two, Russia and Japan have still not signed a peace treaty.",
        "The reason is a chain of islands north of Hokkaido that Soviet troops seized in 1945.",
        "Why do the islands matter?",
        'The four islands sit at the entrance to the Sea of Okhotsk, giving Russia\'s Pacific Fleet access to the open ocean. "We will never give them away," a Russian official told me last year.',
        "Japan says the islands are an inherent part of its territory and were occupied illegally. For years, Tokyo hoped that closer economic ties would persuade Moscow to compromise.",
        "That hope has faded since Japan joined Western sanctions against Russia.",
    ),
    {
        "Skip to content": NAV,
        "British Broadcasting Corporation": BEFORE,
        "Published": TIME,
        "23 January 2024": TIME,
        "Share": SHARE,
        "Image caption,": CAPTION_LABEL,
        "By Steve Rosenberg": BYLINE,
        "Russia editor, Moscow": BYLINE,
        "Related Topics": TAGS,
        "Vladimir Putin": TAGS,
        "More on this story": NAV,
        "Putin visits Japan for island talks": r"linked headline",
        "15 December 2016": TIME,
        "Top stories": NAV,
    },
    (
        "Image source, Getty Images",
        "Russian troops have staged drills on the islands, which Japan calls the Northern Territories",
        "Image source, Reuters",
        "Image caption, Fumio Kishida has said a peace treaty remains Japan's goal",
    ),
)

GUARDIAN = Page(
    "guardian-kurils-fishermen.txt",
    "'The islands are our home': Kuril residents shrug off talk of a deal with Japan",
    (
        "Fishermen on Shikotan say a handover is unthinkable, even as Moscow and Tokyo edge towards a compromise",
        "Residents of the Russian-held Kuril Islands have reacted with disbelief to reports that Vladimir Putin could hand two of them back to Japan as part of a peace deal.",
        '"We were born here, our children were born here," said Nikolai, a fisherman on Shikotan who asked that his surname not be published. "You can\'t just give people away with the land."',
        "The 1956 declaration signed by the Soviet Union and Japan promised the return of Shikotan and the Habomai islets once a peace treaty was concluded. It was never implemented.",
        "A frozen dispute",
        "Shinzo Abe has made a deal with Russia a priority of his final years in office. He is due to meet Putin in Moscow on Tuesday.",
    ),
    {
        "Skip to navigation": NAV,
        "Print subscriptions": BEFORE,
        "Sign in": BEFORE,
        "The Guardian - Back to home": BEFORE,
        "This article is more than 5 years old": r"age notice|before the headline",
        "Justin McCurry in Tokyo and Andrew Roth in Moscow": BYLINE,
        "Tue 22 Jan 2019 08.30 GMT": TIME,
        "Last modified on Tue 22 Jan 2019 10.15 GMT": TIME,
        "Sign up to First Edition": APPEAL,
        "Privacy Notice: Newsletters may contain": APPEAL,
        "after newsletter promotion": APPEAL,
        "... we have a small favour to ask": APPEAL,
        "Unlike many others, the Guardian has no shareholders": APPEAL,
        "And we provide all this for free": APPEAL,
        "Every contribution, however big or small": APPEAL,
        "Single": r"payment",
        "£4 per month": r"payment",
        "Remind me in May": r"payment",
        "Accepted payment methods": r"payment",
        "Explore more on these topics": TAGS,
        "Shinzo Abe": TAGS,
        "Reuse this content": SHARE,
        "Most viewed": NAV,
    },
    ("Shikotan, one of four islands claimed by Japan. Photograph: Yuri Smityuk/TASS",),
)

CNN = Page(
    "cnn-kishida-putin.txt",
    "Japan's Kishida says he wants to meet Putin despite war in Ukraine",
    (
        "Japanese Prime Minister Fumio Kishida said Tuesday he was open to meeting Russian President Vladimir Putin to discuss the disputed islands, even as relations between the two countries sink to their lowest point in decades.",
        'Kishida told lawmakers that Japan\'s goal of resolving the territorial issue and signing a peace treaty "remains unchanged."',
        "Russia has said it sees no point in talks while Japan supports Ukraine with aid and sanctions.",
        "The islands, called the Northern Territories in Japan and the Southern Kurils in Russia, have been held by Moscow since the end of World War II.",
    ),
    {
        "CNN": BEFORE,
        "By Junko Ogura and Helen Regan, CNN": BYLINE,
        "4 minute read": r"reading time",
        "Updated 5:12 AM EST, Tue January 23, 2024": TIME,
        "Link Copied!": SHARE,
        "Ad Feedback": AD,
        "Tokyo CNN —": r"dateline",
        "Video Ad Feedback": AD,
        "Why Japan and Russia never signed a peace treaty after WWII": r"video",
        "02:31 - Source: CNN": r"video",
        "CNN's Anna Chernova contributed to this report.": CREDIT,
        "Sign up for our newsletter": APPEAL,
        "© 2024 Cable News Network": COPYRIGHT,
    },
)

MEDUZA = Page(
    "meduza-kurils-outpost.txt",
    "'Nobody asked us' How Moscow turned the Kuril Islands into a military outpost — and what the islanders think about it",
    (
        "For decades, the Kremlin promised the residents of the southern Kuril Islands new roads, new schools, and a new hospital. What they got instead was a garrison.",
        "Since 2022, the Defense Ministry has doubled the number of troops on Iturup, according to local officials interviewed by Meduza. Several residents say they first learned about the new missile batteries from the news.",
        "'We just live next to it'",
        '"We don\'t talk about it much," said Tatyana, a teacher in Kurilsk. "You get used to the helicopters. What you don\'t get used to is that nobody asks your opinion."',
        "The regional government in Yuzhno-Sakhalinsk did not respond to Meduza's request for comment.",
    ),
    {
        "We use cookies to make Meduza better.": COOKIE,
        "OK": COOKIE,
        "Meduza": BEFORE,
        "Donate": r"payment|before the headline",
        "12:45 pm, January 23, 2024": TIME,
        "Source: Meduza": r"source|label",
        "Support Meduza": APPEAL,
        'Meduza has been designated an "undesirable organization"': APPEAL,
        "Story by Alexandra Sivtsova": CREDIT,
        "Translation by Sam Breazeale": CREDIT,
        "Sign up for The Beet": APPEAL,
        "Subscribe to The Beet": APPEAL,
        "Your email": APPEAL,
    },
    ("Alexander Ryumin / TASS / Scanpix / LETA",),
)

NOVAYA = Page(
    "novaya-europe-no-headline.txt",
    "",
    (
        'The governor of Sakhalin region, Valery Limarenko, announced on Monday that a new "patriotic" museum about the defence of the Kuril Islands would open in Yuzhno-Kurilsk this summer.',
        "The museum will be financed from the regional budget and donations from state companies, Limarenko wrote on his Telegram channel. He did not say how much it would cost.",
        'Local journalists who asked about the budget were told to "wait for the official announcement".',
        "A history rewritten",
        'Historians say the exhibition plan repeats the Kremlin\'s line that the islands were "returned" to Russia in 1945. "They are writing Japan out of the story," one Sakhalin historian told Novaya Gazeta Europe.',
    ),
    {
        "23 January 2024": TIME,
        "Irina Garina, Novaya Gazeta Europe": BYLINE,
        "Novaya Gazeta Europe is a media outlet of journalists": APPEAL,
        "Subscribe to our newsletter": APPEAL,
    },
)

INSIDER = Page(
    "theinsider-fund-donations.txt",
    "A fund for the Kurils: how a patriotic charity collects donations from schoolchildren",
    (
        "The Kremlin-backed Kuril Islands Development Fund has spent more than 40 million rubles on patriotic media projects since 2022, according to documents obtained by The Insider.",
        'Among them is a newsletter, "Our Kurils," which is sent to some 12,000 subscribers every week and urges them to donate to a fund for the families of servicemen stationed on Iturup.',
        "Donations can be made by bank transfer or through a subscription on the VK social network, and the fund's website asks visitors to accept cookies before they can read its reports.",
        '"We are not asking for much: if you love your country, you will support us," the fund\'s director, Andrei Volkov, told a local television station in December.',
        "Independent journalism about the islands is almost impossible. Reporters from outside the region need a permit from the border service, and local outlets depend on subsidies from the regional government.",
        '"You cannot write about the Kurils without mentioning the military," said one journalist in Sakhalin. "We censor ourselves every day."',
        'Schools in the region were asked to collect money for the fund. One teacher said pupils were told that every contribution "brings victory closer" and that subscribing to the newsletter was "a duty of every patriot."',
        'The fund\'s newsletter ends each issue with the line "Sign up for our updates and support our Kurils," followed by a bank account number.',
        "Support for the fund comes mostly from state companies, which gave it 31 million rubles last year, The Insider found.",
        "The fund did not respond to a request for comment sent by email.",
    ),
    {
        "The Insider": BEFORE,
        "Support The Insider": APPEAL,
        "Text by Sergei Ezhov": BYLINE + "|" + CREDIT,
        "23.01.2024": TIME,
        "Share": SHARE,
        "Telegram": SHARE,
        "Facebook": SHARE,
        "If you want to support The Insider's investigations": APPEAL,
    },
)

NHK_HTML = Page(
    "nhk-world-patrol-vessel.html",
    "Japan protests Russian patrol vessel near Hokkaido",
    (
        "Japan has lodged a protest with Russia after a Russian patrol vessel seized a Japanese fishing boat in waters off Hokkaido.",
        "The Japan Coast Guard says the boat, with five crew members aboard, was operating near the Russian-held island of Kunashiri on Tuesday morning.",
        "Chief Cabinet Secretary Yoshimasa Hayashi told reporters that the government is urging Russia to release the crew and the boat as soon as possible.",
        "Russia's border service says the boat was fishing illegally in Russian waters.",
    ),
    {"Jan. 23, 2024 20:15 JST": TIME},
    ("A Japanese fishing boat in the port of Nemuro, Hokkaido",),
)

MAINICHI_HTML = Page(
    "mainichi-grave-visits.html",
    "Former residents of Russian-held islands renew call for grave visits",
    (
        "SAPPORO -- Former residents of the Russian-held islands off Hokkaido on Jan. 22 asked the government to press Moscow to resume visa-free grave visits, which have been suspended since Russia's invasion of Ukraine.",
        "Representatives of a league of former islanders met with officials of the Hokkaido Prefectural Government in Sapporo and handed over a petition signed by more than 3,000 people.",
        '"Our parents are buried there. We only want to visit them while we still can," said Masako Suzuki, 86, who was born on Etorofu Island.',
        "Average age over 88",
        "The average age of the former islanders has risen to over 88, according to the league.",
    ),
    {"(Japanese original by Taro Yamada, Hokkaido News Department)": CREDIT},
)

# Pages reproducing the chrome of aggregators, portals and small independent sites: headlines
# with a site suffix or under a breadcrumb and a "Latest news" menu, credits and link labels
# glued to body sentences, embedded posts, app and comment boxes, repeated and alt-text captions,
# a masthead on a page without headline, access pitches, newsletter blurbs, the outlet's
# description of itself, syndication and developing-story notices, bracketed copyright.
AGGREGATOR = Page(
    "aggregator-ferry-storm.txt",
    "Storm halts ferry crossings on the northern coast",
    (
        "PORT ALDER — Ferry crossings between Port Alder and the outer islands were suspended on Monday as gale-force winds battered the northern coast, the regional transport office said.",
        "About 1,200 passengers were stranded overnight at the two terminals, and volunteers handed out blankets and hot drinks, officials said.",
        '"We will not send a boat out until the swell drops below four metres," harbour master Ines Okafor told reporters. "Nobody wants to take that risk."',
        "Forecasters expect the wind to ease by Wednesday, the weather service said.",
        "The operator said it would add two extra sailings once the service resumes.",
        "Services on the southern route were running normally, the office added.",
    ),
    {
        "Storm halts ferry crossings on the northern coast | Coastline Daily": r"headline",
        "Home » Regional": NAV,
        "Latest news": NAV,
        "Markets open higher": r"linked headline",
        "By Mara Ellison": BYLINE,
        "Read more: Ten Celebrities": r"navigation|promoted link",
        "Credit: Coastline Weather Desk": r"credit",
        "(More storm stories.)": r"link label",
        "Queues at the terminal": r"embedded",
        "— Port Alder Harbour (@PortAlderHarbour)": r"embedded",
        "[Wire Services, Coast TV]": r"source credit",
        "Download our app": r"app",
        "Tap to install our app.": r"app",
        "1. Tap in your browser menu.": r"app",
        "2. Tap Add to Home Screen.": r"app",
        "Leave a Reply": r"comment",
        "Your email address will not be published.": r"comment",
    },
)

PORTAL = Page(
    "portal-bridge-captions.txt",
    "",  # a masthead in capitals is not a headline: the page has none
    (
        "Engineers closed the Halden river bridge to all traffic on Sunday after inspectors found cracks in two of its support piers, the county roads department said.",
        "The closure adds about 40 minutes to the commute for some 9,000 drivers a day, according to the department's own traffic counts.",
        '"The piers are not going to fail tomorrow, but we are not taking chances," county engineer Tomas Reyes said.',
        "Repairs are expected to take at least six weeks.",
    ),
    {
        "THE VALLEY COURIER": r"masthead",
        "Monday, 11 March 2024": TIME,
        "Image may contain": r"image description",
    },
    (
        "Aerial view of the Halden river bridge",
        "Aerial view of the Halden river bridge",
        "Workers set up barriers at the eastern approach to the bridge on Sunday.",
        "Workers set up barriers at the eastern approach to the bridge on Sunday. Photo:",
        "A detour sign on the road to Halden",
        "View image in full screen A map of the detour",
    ),
)

INDEPENDENT = Page(
    "independent-quota-appeals.txt",
    "Fishing quotas cut for second year running",
    (
        "Regional authorities have cut the spring fishing quota for cod by 15 percent, the second cut in two years, the fisheries board announced on Thursday.",
        "The board said stocks in the northern grounds had fallen to their lowest level since records began in 1992.",
        'Local skippers said the decision would force some crews to tie up their boats for weeks. "We are being asked to carry the whole burden," one skipper, Ola Brandt, said.',
        "The board will review the quota again in September.",
    ),
    {
        "Harbour Watch": BEFORE,
        "You have 2 free articles left": r"subscription",
        "The Morning Tide": r"newsletter",
        "This story is developing": r"developing",
        "Contact the reporter at": r"reporter contact",
        "-30-": CREDIT,
        "Harbour Watch is an independent": r"self-description|after the end",
        "This article was auto-generated": r"syndication|after the end",
        "[Copyright 2024 Harbour Watch.": COPYRIGHT,
    },
)

RECALL = Page(
    "recall-short-paragraphs.txt",
    "Search Ends Off Cape Verran",
    (
        "Rescue boats and two helicopters searched the waters off Cape Verran for a second day on Tuesday after a fishing vessel sank in heavy seas, the coastguard said.",
        "Search teams found no survivors.",
        "Register offices in the three districts open on Saturday.",
        "Premium crab exports have been suspended.",
        "3 of 5 ferries were cancelled.",
        "The coastguard asked people to follow Sokol on Telegram for official information.",
        "The fishing company said a new privacy policy stopped it from naming the crew.",
        "The report on the sinking may not be published before the inquiry ends, the maritime authority said.",
        "Copyright rules for the inquiry's photographs will be set by the court, a spokesman added.",
        "Investigators expect to interview the vessel's owner next week.",
    ),
)

LIVE = Page(
    "live-updates-separators.txt",
    "Flood Warnings Extended Along the River Senn",
    (
        "The latest on the flooding along the River Senn (all times local):",
        "Water levels at the Marrow gauge rose another 20 centimetres in the afternoon, the river authority said.",
        "Two schools in the lower town will stay closed on Wednesday.",
        "The regional government has extended flood warnings to four more villages downstream.",
        "Residents of the riverside streets were advised to move cars to higher ground before nightfall.",
        "Volunteers filled about 3,000 sandbags at the town hall car park.",
        "The river authority said the peak was expected early on Thursday.",
    ),
    {"6:40 p.m.": TIME, "------": CREDIT, "5:15 p.m.": TIME, "4:00 p.m.": TIME},
)

ALL = [
    TASS, RT, SPUTNIK, JAPAN_TIMES, KYODO, ASAHI, REUTERS, AP, BBC, GUARDIAN, CNN, MEDUZA,
    NOVAYA, INSIDER, NHK_HTML, MAINICHI_HTML, AGGREGATOR, PORTAL, INDEPENDENT, RECALL, LIVE,
]  # fmt: skip
IDS = [p.file.split("-")[0] + ("-html" if p.file.endswith(".html") else "") for p in ALL]


def _flat(text: str) -> str:
    return " ".join(nf.normalise(text).split())


@pytest.fixture(scope="module")
def articles() -> dict[str, nf.Article]:
    # the pages the rule cleaner was written against, with its reasons: the rules alone
    return {p.file: nf.load_article(PAGES / p.file, method="rules") for p in ALL}


@pytest.fixture(scope="module")
def model_articles() -> dict[str, nf.Article]:
    # the default cleaner, the line model
    return {p.file: nf.load_article(PAGES / p.file) for p in ALL}


def test_every_fixture_is_covered():
    assert sorted(p.file for p in ALL) == sorted(f.name for f in PAGES.iterdir())


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_headline_is_found(articles, page):
    assert _flat(articles[page.file].title) == _flat(page.title)


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_the_default_line_model_finds_the_headline(model_articles, page):
    assert _flat(model_articles[page.file].title) == _flat(page.title)


def _assert_every_body_sentence_kept(article: nf.Article, page) -> None:
    body = _flat(" ".join(article.paragraphs))
    for paragraph in page.body:
        for sentence in nf.split_sentences(nf.normalise(paragraph)):
            assert _flat(sentence) in body, sentence


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_no_body_sentence_is_dropped(articles, page):
    _assert_every_body_sentence_kept(articles[page.file], page)


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_the_default_line_model_drops_no_body_sentence(model_articles, page):
    _assert_every_body_sentence_kept(model_articles[page.file], page)


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_body_is_the_article_and_nothing_else(articles, page):
    got = _flat(" ".join(articles[page.file].paragraphs))
    assert got == _flat(" ".join(page.body))


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_chrome_is_removed_with_a_sensible_reason(articles, page):
    removed = articles[page.file].removed
    for start, reason in page.removed.items():
        hits = [r for r in removed if _flat(r.text).startswith(_flat(start))]
        assert hits, f"not removed: {start!r}"
        assert any(re.search(reason, r.reason) for r in hits), (start, [r.reason for r in hits])


@pytest.mark.parametrize("page", ALL, ids=IDS)
def test_captions_are_kept_apart(articles, page):
    article = articles[page.file]
    captions = [_flat(c) for c in article.captions]
    assert len(captions) == len(page.captions)
    for start in page.captions:
        assert any(c.startswith(_flat(start)) for c in captions), start
    body = _flat(" ".join(article.paragraphs))
    assert not any(c in body for c in captions)


TEXT_PAGES = [p for p in ALL if p.file.endswith(".txt")]


@pytest.mark.parametrize("page", TEXT_PAGES, ids=[p.file.split("-")[0] for p in TEXT_PAGES])
def test_every_page_line_is_body_or_removed(articles, page):
    """The audit accounts for every line: a line not listed as removed is in the body."""
    article = articles[page.file]
    body = _flat(" ".join(article.paragraphs))
    parts = {r.line_no: r.text for r in article.removed if r.part}
    for row in article.line_audit().itertuples():
        if row.status == "body":
            kept = row.text.removesuffix(parts.get(row.line_no, "")).rstrip()
            assert _flat(kept) in body, row.text
