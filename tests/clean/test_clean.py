"""Cleaning keeps every story sentence and drops the furniture around it (hand-made articles)."""

from __future__ import annotations

import pytest

from faultline.clean import article_from
from faultline.clean.boilerplate import load_rules
from faultline.errors import InputError
from faultline.model import RawDocument

STORY = [
    "The defence ministry of Chad said on Monday that it had received two transport planes "
    "from its partners.",
    "Officials in N'Djamena described the delivery as a sign of closer ties.",
]

PLAIN = f"""Chad receives transport planes from partners

Amina Dosso
By Amina Dosso
3 Min Read
Published: 2025-02-03

{STORY[0]}

Related: Floods displace thousands along the river

{STORY[1]}

Follow us on Google News, Twitter and join our WhatsApp channel of dailysahel.net

Share This Article
Facebook Twitter Email
By Amina Dosso
Amina Dosso, a reporter with ten years on the Sahel beat, holds a degree in journalism.
"""

HTML = f"""<html><head><title>Chad receives planes</title>
<meta name="author" content="Amina Dosso">
<meta property="article:published_time" content="2025-02-03T08:00:00Z">
<meta property="og:site_name" content="Daily Sahel"></head>
<body><nav>Home | World | Africa</nav><article>
<h1>Chad receives planes</h1>
<p>4 min read</p>
<p>{STORY[0]}</p>
<p>See also: Floods displace thousands along the river</p>
<p>{STORY[1]}</p>
<p>Share this article</p>
<p>Subscribe to our newsletter for daily updates</p>
<p>Amina Dosso is a correspondent who covers security across the Sahel.</p>
</article><footer><p>© 2025 Daily Sahel. All rights reserved.</p></footer></body></html>"""


def test_plain_text_keeps_story_and_metadata() -> None:
    article = article_from(RawDocument("chad.txt", PLAIN))
    assert article.text == "\n\n".join(STORY)
    assert article.title == "Chad receives transport planes from partners"
    assert article.byline == "Amina Dosso"
    assert article.published == "2025-02-03"
    assert article.outlet == "dailysahel.net"


def test_html_keeps_story_and_drops_plain_paragraph_boilerplate() -> None:
    article = article_from(RawDocument("chad.html", HTML, fmt="html"))
    assert article.text == "\n\n".join(STORY)
    assert article.title == "Chad receives planes"
    assert article.published == "2025-02-03"
    assert article.byline == "Amina Dosso"


def test_date_option_overrides_published() -> None:
    assert article_from(RawDocument("c.txt", PLAIN), date="2025-03-01").published == "2025-03-01"


def test_dateline_gives_outlet_and_leaves_the_sentence() -> None:
    text = ("ABUJA, May 2 (Harbor Wire) — Nigeria's army said it had freed forty hostages held "
            "by insurgents in the northeast.")
    article = article_from(RawDocument("w.txt", text))
    assert article.outlet == "Harbor Wire"
    assert article.meta["dateline"] == "Abuja"
    assert article.text.startswith("Nigeria's army said")


def test_short_story_without_title_is_kept() -> None:
    article = article_from(RawDocument("s.txt", "Ghana recalled its envoy from Togo."))
    assert article.text == "Ghana recalled its envoy from Togo."
    assert article.title is None


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("", "empty"),
        ("Share This Article\n\nFacebook Twitter", "empty"),
        ("Le gouvernement du Niger a annoncé lundi la suspension des vols militaires "
         "étrangers au-dessus de son territoire national pendant trois mois.", "not-english"),
        (b"\x00\x01\x02binary\x00\x00\x00\x03\x04" * 20, "binary"),
    ],
)
def test_unusable_input_names_file_and_reason(content: str | bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        article_from(RawDocument("bad.txt", content))
    assert caught.value.code == code
    assert str(caught.value).startswith("bad.txt: ")


def test_html_without_body_is_an_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from(RawDocument("empty.html", "<html><head></head></html>", fmt="html"))


@pytest.mark.parametrize(
    "line",
    ["See also  Court hears arguments in a long-running case", "Read more: Talks stall again",
     "Share This Article", "Follow us on Google News", "2 Min Read", "© 2025 Example Media",
     "Tags: Niger, Sahel", "Advertisement", "Facebook Twitter WhatsApp Email"],
)
def test_boilerplate_rules_drop_furniture(line: str) -> None:
    assert any(r.kind == "drop" and r.pattern.search(line) for r in load_rules())


@pytest.mark.parametrize(
    "line",
    ["Russia and Niger agreed to deepen military cooperation.",
     "The ministry said it would share more information next week.",
     "Protesters followed the convoy to the border.",
     "By the end of the week, the army had withdrawn from the town."],
)
def test_boilerplate_rules_keep_story_lines(line: str) -> None:
    assert not any(r.pattern.search(line) for r in load_rules())


@pytest.mark.parametrize(
    ("text", "place", "outlet"),
    [
        ("DAKAR, Senegal (Coast Wire) — Senegal's army said it had closed the border.", "Dakar",
         "Coast Wire"),
        ("KYIV, Ukraine — Ukraine's air force said it had shot down drones overnight.", "Kyiv",
         None),
        ("NEW YORK (Harbor Wire) -- The Security Council met on Tuesday to discuss Sudan.",
         "New York", "Harbor Wire"),
    ],
)
def test_dateline_variants(text: str, place: str, outlet: str | None) -> None:
    article = article_from(RawDocument("w.txt", text))
    assert article.meta["dateline"] == place
    assert article.outlet == outlet
    assert not article.text.startswith(place.upper())


def test_latin1_and_stray_bytes_are_decoded_and_noted() -> None:
    text = "Benin’s president met Togo’s envoy in Lomé on Monday to discuss the border."
    cp1252 = article_from(RawDocument("w.txt", text.encode("cp1252")))
    assert cp1252.text == text.replace("’", "'")  # quotes normalised
    assert cp1252.notes[0] == "decoded as cp1252 (not UTF-8)"
    stray = article_from(RawDocument("s.txt", text.encode("utf-8") + b" \xff\xfe"))
    assert stray.text.startswith(text.replace("’", "'"))
    assert stray.notes[0] == "2 invalid UTF-8 byte sequence(s) replaced with U+FFFD"
