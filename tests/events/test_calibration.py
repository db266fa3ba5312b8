"""The confidence table has one calibration per context (a lone sentence, a whole article);
refitting one context keeps the other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from faultline.evaluation.events import Score, refit
from faultline.events import confidence


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "calibration.tsv"
    monkeypatch.setattr(confidence, "CALIBRATION_FILE", path)
    path.write_text(confidence.table_text({
        confidence.SENTENCE: [(0.0, 0.4, 5), (0.5, 0.9, 40)],
        confidence.ARTICLE: [(0.0, 0.2, 5), (0.5, 0.5, 40)],
    }, "written for a test"), encoding="utf-8")
    confidence.reload_calibration()
    yield path
    confidence.reload_calibration()


def test_each_context_reads_its_own_rows(table: Path) -> None:
    assert confidence.calibrated(0.1, confidence.SENTENCE) == pytest.approx(0.4)
    assert confidence.calibrated(0.1, confidence.ARTICLE) == pytest.approx(0.2)
    assert confidence.calibrated(0.7, confidence.ARTICLE) == pytest.approx(0.5)


def test_refitting_articles_keeps_the_sentence_rows(table: Path) -> None:
    seen: list[float] = []

    def measure() -> dict[int, Score]:
        seen.append(confidence.calibrated(0.62, confidence.ARTICLE))  # its bin, while fitting
        return {6: Score(hits=30, total=100), 3: Score(hits=2, total=20)}

    refit(confidence.ARTICLE, measure)
    fitted = confidence.read_table(table)
    assert seen == [0.65]  # the identity: the middle of the raw score's tenth
    assert fitted[confidence.SENTENCE] == [(0.0, 0.4, 5), (0.5, 0.9, 40)]
    article = dict((raw, observed) for raw, observed, _ in fitted[confidence.ARTICLE])
    assert article[0.6] == pytest.approx(0.3) and article[0.3] == pytest.approx(0.1)
    assert confidence.calibrated(0.65, confidence.ARTICLE) == pytest.approx(0.3)
    assert confidence.calibrated(0.65, confidence.SENTENCE) == pytest.approx(0.9)


def test_a_bad_row_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "calibration.tsv"
    path.write_text("context\traw\tobserved\tn\nparagraph\t0.1\t0.5\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"calibration.tsv:2"):
        confidence.read_table(path)
