"""Properties of cleaning and reading on arbitrary and adversarial input (hypothesis).

Cleaning: no exception but InputError, the result's text is clean of what cleaning removes, and
cleaning cleaned text changes nothing. Reading: every reader, fed arbitrary bytes, yields
documents or named errors and never raises.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faultline.clean import article_from
from faultline.clean.repair import fix_encoding, restore_case
from faultline.errors import InputError
from faultline.ingest import read
from faultline.ingest.decode import decode
from faultline.model import RawDocument

EXAMPLES = 1000  # per property; each property takes several seconds, so all are slow-marked
pytestmark = pytest.mark.slow
PROPERTY = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Pieces real articles are made of, so examples reach the interesting rules (bylines, dates,
# datelines, bios, boilerplate, quotes, flattened text) rather than only random characters.
PIECES = [
    "By Amina Dosso", "By Tuesday, the army had left.", "Updated: 3 Feb 2025", "Updated figures",
    "NIAMEY, March 4 (Harbor Wire) —", "Share this article", "Facebook Twitter Email",
    "Amina Dosso is a reporter who covers the Sahel.", "See also: floods", "It was late.",
    "Niger's junta expelled French troops on Monday.", '"We will leave," he said.',
    "Gen. Tchiani met U.S. envoys.", "© 2025 Daily Sahel", "â€™", "Lomé", "\n", "\n\n", " ",
    "Benin and Togo agreed to reopen the border.", "ECOWAS", "the", "MALI", "chad",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=25).map(
    " ".join)


def _clean(text: str, title: str | None = None) -> str | None:
    try:
        return article_from(RawDocument("p.txt", text, title=title)).text
    except InputError:
        return None


@PROPERTY
@given(texts)
def test_cleaning_never_raises_and_is_idempotent(text: str) -> None:
    try:
        article = article_from(RawDocument("p.txt", text))
    except InputError:
        return
    assert article.text.strip() == article.text and article.text
    # The body again, its title known ("" when it had none: no first line is taken for one).
    again = article_from(RawDocument("p.txt", article.text, title=article.title or ""))
    assert again.text == article.text


@PROPERTY
@given(texts)
def test_repairs_are_idempotent(text: str) -> None:
    fixed, _ = fix_encoding(text)
    assert fix_encoding(fixed)[0] == fixed
    cased, _ = restore_case(fixed)
    assert restore_case(cased)[0] == cased


@PROPERTY
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text(data: bytes) -> None:
    decoded = decode(data)
    assert isinstance(decoded.text, str)
    assert (decoded.note is None) == _utf8(data)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _archive(kind: str, name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, data)
    elif kind == "tar":
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    else:
        return gzip.compress(data)
    return buffer.getvalue()


# Beginnings that steer the sniffer to each reader; what follows is arbitrary.
HEADS = {"a.txt": b"", "a.html": b"<html><body><p>", "a.jsonl": b'{"text": "',
         "a.csv": b"id,text\n", "a.rss": b"<rss><channel><item><description>",
         "a.warc": b"WARC/1.0\r\n", "noext": b""}


@PROPERTY
@given(st.sampled_from(sorted(HEADS)), st.binary(max_size=200),
       st.sampled_from(["plain", "gzip", "zip", "tar"]), st.booleans())
def test_every_reader_survives_arbitrary_bytes(name: str, tail: bytes, wrap: str,
                                               cut: bool) -> None:
    data = HEADS[name] + tail
    suffix = {"plain": "", "gzip": ".gz", "zip": ".zip", "tar": ".tar.gz"}[wrap]
    if wrap != "plain":
        data = _archive(wrap, name, data)
    if cut:
        data = data[: len(data) // 2]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (name + suffix)
        path.write_bytes(data)
        for found in read([path]):
            assert isinstance(found, RawDocument | InputError)
            if isinstance(found, RawDocument):
                _clean(found.content if isinstance(found.content, str)
                       else found.content.decode("utf-8", "replace"))
