"""Shared fixtures: where the development data lives, and the real pipeline (loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_f09573eaaed5732b.txt"
EVAL_DIR = SHARED / "eval"
SAMPLE_DIR = REPO / "data" / "sample"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the seed article (../shared/seeds) is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL_DIR.exists():
        pytest.skip("the development gold data (../shared/eval) is not beside this checkout")
    return EVAL_DIR
