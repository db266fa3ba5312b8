"""How documents flow through the coder: the document boundary, and the engines that run it.

Every stage that touches one document runs behind ``clean_document`` or the coder's own
boundary (``pipeline.code_articles``): whatever fails there is that document's ``InputError``,
and the batch goes on. ``local`` spreads batches over processes on one machine.
"""

from __future__ import annotations

import logging

from faultline.clean import article_from
from faultline.errors import InputError
from faultline.model import Article, RawDocument
from faultline.tsv import DataFileError

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


def clean_document(raw: RawDocument, date: str | None = None) -> Article | InputError:
    """``article_from`` behind the document boundary: any failure is this document's error."""
    try:
        return article_from(raw, date=date)
    except InputError as e:
        return e
    except DataFileError:
        raise  # a broken rule file breaks every document: stop and say where
    except Exception as e:  # isolation boundary: a cleaner bug on one document
        log.exception("cleaning failed for %s", raw.doc_ref)
        return InputError(raw.doc_ref, f"cleaner failed: {e!r}", "cleaner-error")
