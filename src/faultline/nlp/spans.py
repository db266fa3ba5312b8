"""Entity lookups by token index, built once per parsed document.

``Span.ents`` and a scan of ``doc.ents`` walk every entity of the whole document; asked once per
event or mention, they made coding time grow with the square of an article's length.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_INDEX_KEY = "faultline.entity_index"


def entity_index(doc: Doc) -> dict[int, Span]:
    """Token index → the entity span holding it (entities are final once the pipeline ran)."""
    index = doc.user_data.get(_INDEX_KEY)
    if index is None:
        index = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.user_data[_INDEX_KEY] = index
    return index


def entity_at(token: Token) -> Span | None:
    """The entity span ``token`` is part of, if any."""
    return entity_index(token.doc).get(token.i)


def sentence_ents(sentence: Span) -> list[Span]:
    """The entities wholly inside ``sentence``, in order (what ``sentence.ents`` gives)."""
    index = entity_index(sentence.doc)
    found = []
    for i in range(sentence.start, sentence.end):
        ent = index.get(i)
        if ent is not None and ent.start == i and ent.end <= sentence.end:
            found.append(ent)
    return found
