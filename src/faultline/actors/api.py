"""``resolve_actor``: check how one mention is coded, optionally in its article's context."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from faultline.actors.kb import use_actor_files
from faultline.model import Actor, Article

# Mentions longer than this are not names; cutting them keeps the parse cheap on bad input.
MAX_MENTION_CHARS = 300


def _whole_word(text: str, mention: str) -> int | None:
    """Where ``mention`` first stands as whole words in ``text`` ("US" not inside "BUSES")."""
    found = re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", text)
    return found.start() if found else None


def resolve_actor(text: str, date: str | None = None, context: str | None = None,
                  actors: Sequence[str | Path] | None = None) -> Actor | None:
    """The actor ``text`` stands for on ``date``, or None; ``context`` is the article text.

    With a context, the mention is resolved where it occurs in the context (so "the junta"
    takes the country the article is about); without, it is parsed on its own. ``actors``:
    user actor dictionaries, ahead of the built-in knowledge base from now on in this process
    (``use_actor_files``).
    """
    from faultline.actors.resolve import resolve
    from faultline.nlp.load import load_nlp

    if actors is not None:
        use_actor_files(Path(p) for p in actors)

    mention = " ".join(text.split())[:MAX_MENTION_CHARS]
    if not mention:
        return None
    found_at = _whole_word(context, mention) if context else None
    if found_at is None:
        body = f"{context}\n\n{mention}" if context else mention
        start = len(body) - len(mention)
    else:
        body, start = context, found_at
    nlp = load_nlp()
    doc = nlp(body)
    article = Article(article_id="a-mention", doc_ref="-", text=body, published=date)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    if span is None or not len(span):
        return None
    actors = resolve(doc, article)
    found = actors.actor_for_span(span)
    return found if found is None else Actor(
        text=mention, code=found.code, country=found.country, role=found.role,
        name=found.name, entity=found.entity)
