"""Stores the API tests read: the constructed relations store (fast) and the sample corpus
ingested once per session with the real coder (slow)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import SAMPLE_DIR
from tests.relations.conftest import constructed_specs
from tests.relations.store_builder import build_store

from faultline.api import create_app


@pytest.fixture(scope="session")
def constructed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "c.duckdb", constructed_specs())


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from faultline.store.ingest import ingest_paths

    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    ingest_paths([SAMPLE_DIR], path)
    return path


@pytest.fixture
def client(constructed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(constructed_db)) as test_client:
        yield test_client


@pytest.fixture
def sample_client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db)) as test_client:
        yield test_client
