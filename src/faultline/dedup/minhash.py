"""MinHash signatures of word shingles, computed with numpy so 100k articles take seconds.

Words are hashed once each with a stable hash (crc32, the same in every process and run, so
signatures stored in a database stay comparable); shingle hashes combine word hashes
arithmetically; the ``NUM_PERM`` permutations are applied to all shingles of a text at once.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import lru_cache

import numpy as np

# Words per shingle: 3 keeps unrelated texts on one topic apart (shared words, few shared
# triples) while a changed word costs a copy only three shingles.
SHINGLE_WORDS = 3
# Permutations per signature: Jaccard estimates within about ±0.04 (1/sqrt(128) / 2).
NUM_PERM = 128
# Fixed seed: signatures written by one run must match those computed by the next.
SEED = 1
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+")
# Multipliers that mix word hashes into one shingle hash (odd 64-bit constants).
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(SEED)
    a = gen.randint(1, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    b = gen.randint(0, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    return a, b


_A, _B = _permutations(NUM_PERM)


@lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def words(text: str) -> list[str]:
    """Lower-cased word tokens (Unicode-normalised), the units shingles are made of."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """32-bit hashes of the distinct ``size``-word shingles of ``text`` (short text: one)."""
    hashed = np.fromiter((_word_hash(w) for w in words(text)), dtype=np.uint64)
    if hashed.size == 0:
        return hashed
    if hashed.size < size:
        size = hashed.size
    n = hashed.size - size + 1
    with np.errstate(over="ignore"):
        combined = np.zeros(n, dtype=np.uint64)
        for offset in range(size):
            combined = combined * _MIX[offset % len(_MIX)] + hashed[offset:offset + n]
    return np.unique((combined >> np.uint64(16)) & _MAX_HASH)


def signature(text: str) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a text's word shingles.

    Same scheme as datasketch's classic MinHash (``(a*h + b) mod p``, 32 bits kept), so the
    values feed ``datasketch.MinHashLSH`` directly. An empty text gets an all-max signature.
    """
    hashes = shingle_hashes(text)
    if hashes.size == 0:
        return np.full(NUM_PERM, _MAX_HASH, dtype=np.uint32)
    with np.errstate(over="ignore"):
        permuted = (np.outer(hashes, _A) + _B) % _MERSENNE & _MAX_HASH
    return permuted.min(axis=0).astype(np.uint32)


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal positions."""
    return float(np.count_nonzero(first == second)) / first.size


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as 512 little-endian bytes, for a BLOB column."""
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
