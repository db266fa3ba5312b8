"""Cleaning never deletes the story: one-paragraph and flattened articles (our own text)."""

from __future__ import annotations

import pytest

from faultline.clean import article_from
from faultline.clean.boilerplate import filter_paragraphs
from faultline.clean.paragraphs import blocks, is_flat, sentences
from faultline.model import RawDocument

ONE_PARAGRAPH = {
    "name": "Moussa Diallo, a farmer near Gao, said the journalist who visited his village on "
            "Monday saw the burnt granaries that soldiers of Mali's army had left behind.",
    "it-was": "It was the third meeting between the foreign ministers of Benin and Togo this "
              "year, a reporter at the talks said, and both promised to reopen the border.",
    "by-tuesday": "By Tuesday, Chad's army had withdrawn from the border town and the governor "
                  "said aid convoys could return within the week.",
    "updated": "Updated figures from the health ministry of Niger show that 40 people died in "
               "the floods, the ministry said in a statement on Friday.",
    "by-name-like": "By Wednesday Evening Niger and Benin had signed the trade accord that "
                    "their ministers negotiated over two months.",
}


@pytest.mark.parametrize("key", sorted(ONE_PARAGRAPH))
def test_one_paragraph_article_is_kept_whole(key: str) -> None:
    text = ONE_PARAGRAPH[key]
    article = article_from(RawDocument(f"{key}.txt", text))
    assert article.text == text
    assert article.byline is None


def _flat_story(closing: str) -> str:
    """A flattened article (no paragraph breaks) of about 200 words ending with ``closing``."""
    body = [
        "Amina Sow, the mayor of Kayes, told a reporter on Monday that the town had no water.",
        "The drought began in March and has emptied every well in the district.",
        "Farmers have sold their cattle to buy grain at prices that doubled since January.",
        '"We have never seen a dry season this long," said Oumar Ba, a herder.',
        '"The young people are leaving for the cities," he added.',
        "Mali's government announced a relief plan for the region last week.",
        "Trucks carrying water tanks are expected to arrive from Bamako before the rains.",
        "Aid groups said the plan covered only a third of the families in need.",
        "The World Food Programme asked donors for 12 million dollars to feed the district.",
        "Officials in Senegal said they would open two border crossings for traders.",
        "Traders from Kayes have relied on markets across the border for years.",
        "The mayor said the town council would meet again on Thursday to discuss rationing.",
        "Schools in three villages have closed because children walk hours to fetch water.",
        "A teacher said only a dozen pupils came to class last week.",
    ]
    return " ".join([*body, closing])


def test_flattened_article_starting_with_a_name_and_naming_a_reporter_is_kept() -> None:
    text = _flat_story("The council has not said how long the rationing would last.")
    article = article_from(RawDocument("flat.txt", text))
    assert " ".join(article.text.split()) == text  # every word kept
    assert article.text.count("\n\n") >= 4  # paragraph-like blocks
    lead = article.text.split("\n\n")[0]
    assert lead.startswith("Amina Sow, the mayor") and lead.endswith("no water.")


def test_flattened_article_loses_only_its_trailing_bio() -> None:
    bio = "Fatou Ndiaye is a freelance reporter based in Dakar who covers the Sahel."
    article = article_from(RawDocument("flat-bio.txt", _flat_story(bio)))
    assert "Fatou Ndiaye" not in article.text
    assert "A teacher said only a dozen pupils came" in article.text


def test_real_byline_and_date_line_still_go() -> None:
    text = ("Chad pulls back\n\nBy Amina Dosso, Sahel correspondent\n\n"
            "Updated: 3 Feb 2025, 08:10 GMT\n\n"
            + ONE_PARAGRAPH["by-tuesday"])
    article = article_from(RawDocument("dated.txt", text))
    assert article.byline == "Amina Dosso"
    assert article.published == "2025-02-03"
    assert article.text == ONE_PARAGRAPH["by-tuesday"]


def test_no_rule_removes_most_of_a_document() -> None:
    long_line = ("Follow the money, the auditors told Ghana's parliament on Tuesday, and you will "
                 "find that the new port contract was signed without a tender or the approval "
                 "of the finance ministry, which says it saw no papers.")
    found = filter_paragraphs([[long_line]])
    assert found.paragraphs == (long_line,)


def test_bio_only_judges_a_short_last_paragraph() -> None:
    story = "Mali's army said it had retaken the town of Ber after two days of fighting."
    closing = ("Amina Dosso, a reporter who was in Ber, saw " + "the soldiers " * 30).strip()
    found = filter_paragraphs([[story], [closing]])
    assert found.paragraphs == (story, closing)


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = ("Gen. Tchiani met U.S. envoys in Niamey. J. Smith of the U.N. attended. "
            '"We agreed," he said. The talks end on Jan. 5 in Dakar.')
    assert sentences(text) == [
        "Gen. Tchiani met U.S. envoys in Niamey.",
        "J. Smith of the U.N. attended.",
        '"We agreed," he said.',
        "The talks end on Jan. 5 in Dakar.",
    ]


def test_short_paragraphs_are_never_split() -> None:
    paragraph = "Benin closed the border. Togo protested. Ghana called for talks."
    assert not is_flat(paragraph)
    assert blocks(paragraph) == [paragraph]


def test_quotations_get_their_own_block() -> None:
    parts = blocks(_flat_story("The council will meet on Thursday."))
    quoted = [p for p in parts if '"' in p]
    assert quoted and all(p.startswith('"') for p in quoted)
