"""Properties of coding on arbitrary and adversarial short texts (hypothesis, real spaCy model).

Coding never raises (a text is coded or refused with an InputError), every event's evidence
lies inside the cleaned text and holds its trigger, and coding the same text twice gives the
same events with the same ids. Texts are short so 1,000 examples stay within a minute.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faultline import resolve_actor
from faultline.errors import InputError
from faultline.pipeline import code_text

pytestmark = pytest.mark.slow
PROPERTY = settings(max_examples=1000, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

ACTORS = ["Niger", "Niger's army", "the junta", "Benin", "They", "he", "the United States",
          "ECOWAS", "Russian military trainers", "police in Dakar", "the two countries", "it",
          "Gen. Tchiani", "rebels", "The foreign ministry"]
VERBS = ["met", "accused", "expelled", "did not attack", "threatened to sanction", "praised",
         "signed an accord with", "said it would help", "refused to meet", "bombed", "urged"]
TAILS = ["on Monday.", "in Niamey.", ".", "last week,", '," he said.', "?", "near Diffa",
         "and", "—", "\n\n", ""]
sentence = st.builds(lambda a, v, b, t: f"{a} {v} {b} {t}", st.sampled_from(ACTORS),
                     st.sampled_from(VERBS), st.sampled_from(ACTORS), st.sampled_from(TAILS))
texts = st.lists(st.one_of(sentence, st.text(max_size=30)), min_size=1, max_size=4).map(" ".join)


@PROPERTY
@given(texts)
def test_coding_is_well_formed_and_deterministic(text: str) -> None:
    try:
        article, events = code_text(text, date="2024-04-12")
    except InputError:
        return
    for event in events:
        evidence = event.evidence
        assert 0 <= evidence.start < evidence.end <= len(article.text)
        assert article.text[evidence.start:evidence.end] == evidence.sentence
        assert evidence.trigger and evidence.trigger in evidence.sentence
    again_article, again = code_text(text, date="2024-04-12")
    assert again_article.article_id == article.article_id
    assert [e.to_dict() for e in again] == [e.to_dict() for e in events]


@PROPERTY
@given(st.one_of(st.sampled_from(ACTORS), st.text(max_size=40)),
       st.one_of(st.none(), texts))
def test_actor_resolution_never_raises(mention: str, context: str | None) -> None:
    found = resolve_actor(mention, date="2024-04-12", context=context)
    assert found is None or found.text == " ".join(mention.split())[:300]
