"""Shared fixtures: where the development data and the seed article live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_f09573eaaed5732b.txt"
EVAL_DIR = SHARED / "eval"
SAMPLE_DIR = REPO / "src" / "faultline" / "data" / "sample"


def require(path: Path, what: str) -> Path:
    """``path`` if it exists; else skip locally, but fail in CI, where shared/ must be present."""
    if not path.exists():
        message = f"{what} ({path.relative_to(REPO.parent)}) is not beside this checkout"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return require(SEED, "the seed article")


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    return require(EVAL_DIR, "the development gold data")
