"""The whole flow in one screen: read → clean → parse → actors → events.

Each document is isolated: a document that cannot be read, cleaned, parsed or coded becomes a
``DocResult`` with an ``error`` and the batch goes on. Parsing uses ``nlp.pipe`` in batches; a
very long text is parsed and coded in sentence-aligned pieces whose event offsets are shifted
back, so every offset still points into the whole article.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from faultline import actors, events
from faultline.engine import (
    Engine,
    batched,
    clean_document,
    open_executor,
    ordered_map,
    workers_for,
)
from faultline.errors import InputError
from faultline.ingest import read
from faultline.model import Article, Event, RawDocument, event_id_for
from faultline.nlp.load import load_nlp
from faultline.tsv import DataFileError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Documents parsed together by nlp.pipe: large enough to amortise, small enough to stream.
BATCH_SIZE = 32
# A text longer than this (or than the parser's limit, ``nlp.max_length``) is parsed and coded
# in pieces: no news article is this long, and the parser's memory and the coder's time grow
# faster than a text's length (a 1,000,000-character text took 3.7 GB and over 10 minutes whole).
LONG_TEXT_CHARS = 100_000
# Longest piece of such a text: about a long article's length, ending at a paragraph or sentence.
CHUNK_CHARS = 10_000
_PARAGRAPH_END = re.compile(r"\n\s*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DocResult:
    """The outcome for one input document: an article and its events, or an error."""

    doc_ref: str
    article: Article | None = None
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None


def sentence_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters that join back to ``text`` exactly.

    Each piece ends at the last paragraph break that fits, else the last sentence end, else the
    last space; only a run of ``limit`` characters without any space is cut blind.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for boundary in (_PARAGRAPH_END, _SENTENCE_END, _SPACE_RUN):
            ends = [m.end() for m in boundary.finditer(window)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _parse_one(nlp: Language, text: str) -> Doc | Exception:
    try:
        return nlp(text)
    except Exception as e:  # isolation boundary: the parser failing on one text
        return e


def _parse(nlp: Language, texts: list[str]) -> list[Doc | Exception]:
    """Docs of a group of texts in one ``nlp.pipe`` call; when the call fails, one by one, so
    a failure costs only its own document."""
    try:
        return list(nlp.pipe(texts, batch_size=max(len(texts), 1)))
    except Exception:  # isolation boundary: find the text that fails, parse the rest
        log.exception("parsing a group of %d texts failed; parsing them one by one", len(texts))
    return [_parse_one(nlp, t) for t in texts]


def _code_one(doc: Doc | Exception, article: Article) -> list[Event] | InputError:
    if isinstance(doc, Exception):
        return InputError(article.doc_ref, f"parser failed: {doc!r}", "parser-error")
    try:
        return events.code(doc, article, actors.resolve(doc, article))
    except DataFileError:
        raise  # a broken lexicon or knowledge-base row breaks every article: stop, say where
    except Exception as e:  # isolation boundary: one bad article must not stop a batch
        log.exception("coding failed for %s", article.doc_ref)
        return InputError(article.doc_ref, f"coder failed: {e!r}", "coder-error")


def _shifted(event: Event, offset: int) -> Event:
    """An event found in a piece, with its evidence offsets (and so its id) in the whole text."""
    evidence = dataclasses.replace(event.evidence, start=event.evidence.start + offset,
                                   end=event.evidence.end + offset)
    event_id = event_id_for(event.article_id, evidence.start,
                            event.source.code if event.source else None,
                            event.target.code if event.target else None, event.cameo)
    return dataclasses.replace(event, evidence=evidence, event_id=event_id)


def _code_long(nlp: Language, article: Article) -> list[Event] | InputError:
    """Code a very long text piece by piece (actors are resolved within each piece)."""
    found: list[Event] = []
    offset = 0
    for piece in sentence_chunks(article.text, CHUNK_CHARS):
        outcome = _code_one(_parse_one(nlp, piece), dataclasses.replace(article, text=piece))
        if isinstance(outcome, InputError):
            return outcome
        shifted = [_shifted(e, offset) for e in outcome]
        new_ids = {e.event_id: s.event_id for e, s in zip(outcome, shifted, strict=True)}
        found.extend(dataclasses.replace(s, repeat_of=new_ids.get(s.repeat_of, s.repeat_of))
                     if s.repeat_of else s for s in shifted)  # a repeat points in its piece
        offset += len(piece)
    return found


def code_articles(
    articles: Iterable[Article], *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Article, list[Event] | InputError]]:
    """Parse and code cleaned articles; a parser or coder failure is that article's error."""
    nlp = load_nlp()
    long_text = min(LONG_TEXT_CHARS, nlp.max_length)
    iterator = iter(articles)
    while group := list(islice(iterator, batch_size)):
        docs = iter(_parse(nlp, [a.text for a in group if len(a.text) <= long_text]))
        for article in group:
            if len(article.text) > long_text:
                yield article, _code_long(nlp, article)
            else:
                yield article, _code_one(next(docs), article)


def code_batch(raws: list[RawDocument | InputError], date: str | None = None) -> list[DocResult]:
    """Clean and code one batch in input order; errors come back as results, never raised."""
    cleaned: list[DocResult] = []
    for raw in raws:
        if isinstance(raw, InputError):
            cleaned.append(DocResult(raw.source, error=raw))
            continue
        article = clean_document(raw, date)
        if isinstance(article, InputError):
            cleaned.append(DocResult(raw.doc_ref, error=article))
        else:
            cleaned.append(DocResult(raw.doc_ref, article=article))
    coded = iter(code_articles(r.article for r in cleaned if r.article is not None))
    results: list[DocResult] = []
    for result in cleaned:
        if result.article is None:
            results.append(result)
            continue
        article, outcome = next(coded)
        if isinstance(outcome, InputError):
            results.append(DocResult(result.doc_ref, article=article, error=outcome))
        else:
            results.append(DocResult(result.doc_ref, article=article, events=outcome))
    return results


def code_documents(
    raws: Iterable[RawDocument | InputError], *, date: str | None = None,
    batch_size: int = BATCH_SIZE, engine: Engine | None = None,
) -> Iterator[DocResult]:
    """Clean and code documents in input order; errors come back as results, never raised.

    ``engine`` spreads batches over processes or a cluster; the results are the same, in the
    same order, as in this process (the default: one process).
    """
    engine = engine or Engine(workers=1)
    workers, items = workers_for(engine, raws)
    with open_executor(engine, workers) as (executor, slots):
        for results in ordered_map(partial(code_batch, date=date), batched(items, batch_size),
                                   executor, slots):
            yield from results


def code_paths(
    paths: Iterable[str | Path], *, fmt: str | None = None, date: str | None = None
) -> Iterator[DocResult]:
    """Read, clean and code every document under ``paths`` (files, directories, ``-``)."""
    yield from code_documents(read(paths, fmt=fmt), date=date)


def code_text(
    text: str, *, date: str | None = None, doc_ref: str = "-", title: str | None = None
) -> tuple[Article, list[Event]]:
    """Code one plain-text article; raises InputError if it cannot be used."""
    result = next(code_documents([RawDocument(doc_ref, text, "text", title=title)], date=date))
    if result.error is not None:
        raise result.error
    assert result.article is not None
    return result.article, result.events


def code_file(path: str | Path, *, date: str | None = None) -> list[DocResult]:
    """Code every document in one file (a JSON Lines file may hold many)."""
    return list(code_paths([path], date=date))
