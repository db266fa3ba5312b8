"""The full-article harness: gold loading, matching, failure kinds (fast, on hand-made Event
records), and one slow run of the real coder on two articles of ``eval/articles``."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.model.test_model import make_event
from typer.testing import CliRunner

from faultline.cli import app
from faultline.evaluation.articles import (
    KINDS,
    GoldArticle,
    GoldError,
    GoldEvent,
    SplitReport,
    date_ok,
    evaluate_articles,
    failure_kind,
    judge,
    load_article,
    load_articles,
    match,
    tally,
)
from faultline.model import Actor, Event, Evidence

ARTICLES = REPO / "eval" / "articles"
PUBLISHED = "2025-03-14"
FIRST = "Chad accused Sudan of arming the rebels on Thursday."
SECOND = "Sudan had closed the border in 2019."
TEXT = f"{FIRST} {SECOND}"
CHAD = Actor("Chad", "TCD", "TCD", None, "Chad")
SUDAN = Actor("Sudan", "SDN", "SDN", None, "Sudan")


def coded(source: Actor | None, cameo: str, target: Actor | None, *, sentence: str = FIRST,
          date: str | None = "2025-03-13", trigger: str = "accused") -> Event:
    start = TEXT.index(sentence)
    return make_event(source=source, target=target, cameo=cameo, cameo_root=cameo[:2],
                      date=date, evidence=Evidence(sentence, start, start + len(sentence),
                                                   trigger))


def gold(source: str, cameo: str, target: str, *, quote: str = FIRST,
         date: str | None = "2025-03-13", status: str = "counted") -> GoldEvent:
    expand = {"TCD": ("TCD", "TCDGOV"), "SDN": ("SDN", "SDNGOV")}
    return GoldEvent(expand.get(source, (source,)), expand.get(target, (target,)),
                     (cameo,), date, (quote,), status)  # type: ignore[arg-type]


ACCUSATION = gold("TCD", "112", "SDN")


def write_article(folder: Path, gold_rows: list[dict], split: str = "fit") -> Path:
    path = folder / "chad.txt"
    path.write_text(f"title: A test\ndate: {PUBLISHED}\nsplit: {split}\nkind: wire\n\n{TEXT}\n",
                    encoding="utf-8")
    (folder / "chad.gold.jsonl").write_text(
        "\n".join(json.dumps(row) for row in gold_rows) + "\n", encoding="utf-8")
    return path


def test_an_article_loads_with_its_header_and_gold(tmp_path: Path) -> None:
    path = write_article(tmp_path, [{"source": "TCD", "target": "SDN", "cameo": "112",
                                     "date": "2025-03-13", "quote": "accused Sudan"}])
    article = load_article(path)
    assert (article.published, article.split, article.title) == (PUBLISHED, "fit", "A test")
    assert article.text.startswith("Chad accused")
    (row,) = article.gold
    assert row.source == ("TCD", "TCDGOV")  # a bare country also means its government
    assert row.roots == {"11"} and row.status == "counted"


def test_a_government_and_its_bare_country_are_one_actor(tmp_path: Path) -> None:
    path = write_article(tmp_path, [{"source": "TCDGOV", "target": "SDNMIL|IGOUNO",
                                     "cameo": "112", "date": "2025", "quote": "accused Sudan"}])
    (row,) = load_article(path).gold
    assert set(row.source) == {"TCD", "TCDGOV"}
    assert set(row.target) == {"SDNMIL", "IGOUNO"}


@pytest.mark.parametrize(("row", "reason"), [
    ({"source": "TCD", "target": "SDN", "cameo": "112", "date": "2025-03-13",
      "quote": "Chad praised Sudan"}, "quote not in the article"),
    ({"source": "TCD", "target": "SDN", "cameo": "112", "quote": "accused Sudan"},
     "a counted event needs a date"),
    ({"source": "TCD", "target": "SDN", "cameo": "112", "date": "13 March",
      "quote": "accused Sudan"}, "is not YYYY"),
    ({"source": "TCD", "cameo": "112", "date": "2025", "quote": "accused Sudan"},
     "missing target"),
    ({"source": "TCD", "target": "SDN", "cameo": "1129", "date": "2025",
      "quote": "accused Sudan"}, "not a CAMEO code: 1129"),
    ({"source": "TCDXYZ", "target": "SDN", "cameo": "112", "date": "2025",
      "quote": "accused Sudan"}, "source 'TCDXYZ' is not country"),
])
def test_a_bad_gold_row_is_named_by_file_and_line(tmp_path: Path, row: dict,
                                                  reason: str) -> None:
    path = write_article(tmp_path, [row])
    with pytest.raises(GoldError, match=reason) as error:
        load_article(path)
    assert "chad.gold.jsonl:1" in str(error.value)


def test_a_split_outside_fit_and_test_is_refused(tmp_path: Path) -> None:
    write_article(tmp_path, [], split="train")
    with pytest.raises(GoldError, match="split must be one of"):
        load_articles(tmp_path)


def test_the_event_with_the_gold_root_and_dyad_takes_the_gold_row() -> None:
    closing = coded(CHAD, "191", SUDAN, trigger="arming")
    accusing = coded(CHAD, "112", SUDAN)
    assert match(TEXT, [closing, accusing], [ACCUSATION]) == {1: ACCUSATION}


def test_a_row_for_each_member_matches_one_event_per_country() -> None:
    both = replace(ACCUSATION, target=("SDN", "SDNGOV", "EGY"), each=True)
    egypt = Actor("Egypt", "EGY", "EGY", None, "Egypt")
    events = [coded(CHAD, "112", SUDAN), coded(CHAD, "112", egypt), coded(CHAD, "112", SUDAN)]
    assert match(TEXT, events, [both]) == {0: both, 1: both}
    assert match(TEXT, events, [replace(both, each=False)]) == {0: replace(both, each=False)}
    union = Actor("the AU", "IGOAFU", None, "GOV", "African Union")
    europe = Actor("the EU", "IGOEUR", None, "GOV", "European Union")
    bodies = replace(ACCUSATION, source=("IGOAFU", "IGOEUR"), each=True)
    welcomed = [coded(union, "112", SUDAN), coded(europe, "112", SUDAN)]
    assert match(TEXT, welcomed, [bodies]) == {0: bodies, 1: bodies}


def test_a_row_with_another_root_matches_only_the_same_dyad() -> None:
    egypt = Actor("Egypt", "EGY", "EGY", None, "Egypt")
    other_happening = coded(CHAD, "072", egypt, trigger="arming")
    same_dyad = coded(SUDAN, "072", CHAD, trigger="arming")  # sides swapped: still a candidate
    assert match(TEXT, [other_happening], [ACCUSATION]) == {}
    assert match(TEXT, [same_dyad], [ACCUSATION]) == {0: ACCUSATION}


def test_a_gold_row_only_matches_events_of_its_own_sentence() -> None:
    elsewhere = coded(CHAD, "112", SUDAN, sentence=SECOND)
    assert match(TEXT, [elsewhere], [ACCUSATION]) == {}


def test_dates_agree_at_the_coarser_precision() -> None:
    month = replace(ACCUSATION, date="2025-03")
    assert date_ok(coded(CHAD, "112", SUDAN), month)
    assert not date_ok(coded(CHAD, "112", SUDAN, date=PUBLISHED), ACCUSATION)
    vague = replace(coded(CHAD, "112", SUDAN, date="2025-03-01"), date_precision="month")
    assert date_ok(vague, ACCUSATION)


HE = Actor("He", "USAGOV", "USA", "GOV", None)
UNKNOWN = Actor("the Front's envoy", None)
BORDER = gold("SDN", "191", "TCD", quote=SECOND, date="2019", status="background")


@pytest.mark.parametrize(("event", "gold_row", "kind"), [
    (coded(CHAD, "112", None), ACCUSATION, 4),
    (coded(CHAD, "112", SUDAN, date=PUBLISHED), replace(BORDER, cameo=("112",)), 1),
    (coded(CHAD, "112", HE), ACCUSATION, 5),
    (coded(SUDAN, "112", CHAD), ACCUSATION, 3),
    (coded(UNKNOWN, "112", SUDAN), ACCUSATION, 8),
    (coded(CHAD, "112", SUDAN), replace(ACCUSATION, source=("TCDMIL",)), 8),
    (coded(CHAD, "072", SUDAN), ACCUSATION, 6),
    (coded(CHAD, "112", SUDAN), replace(ACCUSATION, status="not_event"), 2),
    (coded(SUDAN, "191", CHAD, sentence=SECOND, date=PUBLISHED), None, 1),
    (coded(CHAD, "072", SUDAN, trigger="arming"), None, 2),
])
def test_each_error_gets_its_failure_kind(event: Event, gold_row: GoldEvent | None,
                                          kind: int) -> None:
    assert failure_kind(event, gold_row, PUBLISHED, [(event, gold_row)]) == kind
    assert kind in KINDS


@pytest.mark.parametrize(("status", "kind"), [("background", 1), ("not_event", 2)])
def test_an_unmatched_event_takes_its_kind_from_the_rows_of_its_sentence(status: str,
                                                                        kind: int) -> None:
    event = coded(CHAD, "072", SUDAN, trigger="arming")
    row = replace(ACCUSATION, status=status)
    assert failure_kind(event, None, PUBLISHED, [(event, None)], [row]) == kind


def test_a_second_path_to_one_happening_is_a_duplicate() -> None:
    first, second = coded(CHAD, "112", SUDAN), coded(CHAD, "111", SUDAN, trigger="arming")
    assert failure_kind(second, None, PUBLISHED, [(first, ACCUSATION), (second, None)]) == 7


def test_judge_scores_counted_events_and_lists_the_missed_news() -> None:
    article = GoldArticle("chad", None, PUBLISHED, "fit", "wire", TEXT, (ACCUSATION, BORDER))
    right = coded(CHAD, "112", SUDAN)
    negated = replace(coded(SUDAN, "191", CHAD, sentence=SECOND), negated=True)
    judged, missed = judge(article, TEXT, [right, negated])
    assert [(j.correct, j.kind) for j in judged] == [(True, None)]  # the negated one is not counted
    assert missed == []  # the background row is optional
    judged, missed = judge(article, TEXT, [])
    assert judged == [] and missed == [ACCUSATION]


def test_a_background_event_dated_to_the_publication_day_is_counted_as_news() -> None:
    old = replace(BORDER, cameo=("19",))
    article = GoldArticle("chad", None, PUBLISHED, "test", "wire", TEXT, (ACCUSATION, old))
    today = coded(SUDAN, "191", CHAD, sentence=SECOND, date=PUBLISHED)
    judged, missed = judge(article, TEXT, [coded(CHAD, "112", SUDAN), today])
    report = SplitReport()
    tally(report, article, judged, missed)
    assert (report.precision.hits, report.precision.total) == (1, 2)
    assert (report.recall.hits, report.recall.total) == (1, 1)
    assert (report.background_today.hits, report.background_today.total) == (1, 1)
    assert report.kinds == {1: 1}
    assert report.reliability[8].total == 2  # both events have confidence 0.8


@pytest.mark.parametrize(("args", "message"), [
    (["--split", "train"], "--split is one of fit, test, all"),
    (["--format", "csv"], "--format one of table, markdown, json"),
])
def test_the_command_refuses_a_bad_option_before_any_work(args: list[str],
                                                          message: str) -> None:
    result = CliRunner().invoke(app, ["eval", "articles", *args])
    assert result.exit_code == 2 and message in result.output


def test_the_command_names_a_bad_gold_file(tmp_path: Path) -> None:
    write_article(tmp_path, [{"source": "TCD", "target": "SDN", "cameo": "112",
                              "date": "2025", "quote": "not in the text"}])
    result = CliRunner().invoke(app, ["eval", "articles", "--articles-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "chad.gold.jsonl:1" in result.output and "quote not in the article" in result.output


@pytest.mark.slow
def test_the_harness_runs_the_coder_on_real_articles(tmp_path: Path) -> None:
    for name in ("sudan_el_fasher", "drc_m23_rwanda"):
        for suffix in (".txt", ".gold.jsonl"):
            shutil.copy(ARTICLES / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    report = evaluate_articles(tmp_path)
    assert set(report.splits) == {"fit", "test", "all"}
    figures = report.splits["all"]
    assert figures.precision.total == len(report.judged) > 0
    assert figures.recall.total == sum(
        g.status == "counted" for a in load_articles(tmp_path) for g in a.gold)
    assert sum(figures.kinds.values()) == len(report.errors())
    # "its aircraft struck RSF positions east of the city on Friday morning"
    strike = [j for a, j in report.judged if a.name == "sudan_el_fasher" and j.correct
              and j.gold is not None and j.gold.roots == {"19"} and j.gold.date == "2025-03-14"]
    assert strike, "the army's air strike on the RSF is not matched"
    as_json = report.to_json()
    assert {"splits", "errors", "missed"} <= set(as_json)
    assert all(e["sentence"] and e["kind"] in KINDS for e in as_json["errors"])
    sudan = as_json["articles"]["sudan_el_fasher"]
    assert sudan["fully_correct"] >= 1 and sudan["gold_news"] >= sudan["missed"]
    assert "| precision: counted events fully correct |" in report.to_markdown()
    shown = CliRunner().invoke(app, ["eval", "articles", "--articles-dir", str(tmp_path),
                                     "--split", "test", "--format", "json"])
    assert shown.exit_code == 0
    assert set(json.loads(shown.output)["splits"]) == {"test"}
