"""The exact-name gazetteer: case- and accent-insensitive where the text allows, acronyms and
pronouns told apart, surnames after a full mention."""

from __future__ import annotations

import spacy

from faultline.actors.gazetteer import Gazetteer, fold

ENTRIES = [("Democratic Party", "ORG", "group:USAOPP"), ("US", "GPE", "country:USA"),
           ("Niger", "GPE", "country:NER"),
           ("ISIS", "ORG", "group:IRQREBISL"), ("GIA", "ORG", "group:DZAREBGIA"),
           ("al-Qaeda", "ORG", "group:AQ"), ("Recep Tayyip Erdoğan", "PERSON", "person:rte"),
           ("Amadou Testman", "PERSON", "person:at"), ("New York", "GPE", "place:USA")]
NLP = spacy.blank("en")  # the tokenizer only: the gazetteer reads tokens, not the parse
GAZETTEER = Gazetteer.build(ENTRIES)


def found(text: str) -> list[tuple[str, str]]:
    return [(span.text, span.id_) for span in GAZETTEER.spans(NLP(text))]


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("Recep  Tayyip ERDOĞAN") == fold("recep tayyip erdogan")


def test_ordinary_text_needs_a_capital_the_pronoun_is_no_country() -> None:
    assert found("The US told us to wait.") == [("US", "country:USA")]
    assert found("Niger's army met al-Qaeda envoys in New York.") == [
        ("Niger", "country:NER"), ("al-Qaeda", "group:AQ"), ("New York", "place:USA")]


def test_spellings_outlets_use_resolve() -> None:
    assert found("Isis fighters and ISIS envoys") == [("Isis", "group:IRQREBISL"),
                                                      ("ISIS", "group:IRQREBISL")]
    assert found("Recep Tayyip Erdogan spoke.") == [("Recep Tayyip Erdogan", "person:rte")]


def test_short_acronyms_need_capitals_in_ordinary_text() -> None:
    assert found("Minister Tran Xuan Gia met the GIA.") == [("GIA", "group:DZAREBGIA")]


def test_lower_and_upper_case_text_is_matched_without_stop_words() -> None:
    assert found("troops from niger met isis envoys in new york and told us.") == [
        ("niger", "country:NER"), ("isis", "group:IRQREBISL"), ("new york", "place:USA")]
    assert found("THE US SENT AID TO NIGER") == [("US", "country:USA"), ("NIGER", "country:NER")]


def test_a_surname_alone_follows_a_full_mention_only() -> None:
    assert found("Testman arrived. Amadou Testman said Testman would stay.") == [
        ("Amadou Testman", "person:at"), ("Testman", "person:at")]


def test_an_organisation_inside_a_longer_unknown_name_is_not_matched() -> None:
    assert found("Kenya's Liberal Democratic Party met.") == []
    assert found("The Democratic Party met.") == [("Democratic Party", "group:USAOPP")]
