"""The whole flow in one screen: read → clean → parse → actors → events.

Each document is isolated: a document that cannot be read, cleaned or coded becomes a
``DocResult`` with an ``error`` and the batch goes on. Parsing uses ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from faultline import actors, events
from faultline.clean import article_from
from faultline.errors import InputError
from faultline.ingest import read
from faultline.model import Article, Event, RawDocument
from faultline.nlp.load import load_nlp
from faultline.tsv import DataFileError

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Documents parsed together by nlp.pipe: large enough to amortise, small enough to stream.
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class DocResult:
    """The outcome for one input document: an article and its events, or an error."""

    doc_ref: str
    article: Article | None = None
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None


def code_articles(
    articles: Iterable[Article], *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Article, list[Event] | InputError]]:
    """Parse and code cleaned articles; a coder failure is returned as that article's error."""
    nlp = load_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield article, events.code(doc, article, actors.resolve(doc, article))
        except DataFileError:
            raise  # a broken lexicon or knowledge-base row breaks every article: stop, say where
        except Exception as e:  # isolation boundary: one bad article must not stop a batch
            log.exception("coding failed for %s", article.doc_ref)
            yield article, InputError(article.doc_ref, f"coder failed: {e!r}", "coder-error")


def code_documents(
    raws: Iterable[RawDocument | InputError], *, date: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[DocResult]:
    """Clean and code documents in input order; errors come back as results, never raised."""
    iterator = iter(raws)
    while batch := list(islice(iterator, batch_size)):
        cleaned: list[DocResult] = []
        for raw in batch:
            if isinstance(raw, InputError):
                cleaned.append(DocResult(raw.source, error=raw))
                continue
            try:
                cleaned.append(DocResult(raw.doc_ref, article=article_from(raw, date=date)))
            except InputError as e:
                cleaned.append(DocResult(raw.doc_ref, error=e))
        coded = iter(code_articles(r.article for r in cleaned if r.article is not None))
        for result in cleaned:
            if result.article is None:
                yield result
                continue
            article, outcome = next(coded)
            if isinstance(outcome, InputError):
                yield DocResult(result.doc_ref, article=article, error=outcome)
            else:
                yield DocResult(result.doc_ref, article=article, events=outcome)


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
