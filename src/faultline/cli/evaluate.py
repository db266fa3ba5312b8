"""``faultline eval events``, ``eval articles``: the accuracy harnesses, as tables or Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from faultline.cli.app import eval_app

DEFAULT_EVAL_DIR = Path("..") / "shared" / "eval"
EVAL_DIR_ENV = "FAULTLINE_EVAL_DIR"


def require_eval_file(eval_dir: Path, relative: str) -> None:
    """Stop with a message that says where the gold data comes from: a pip user has none."""
    if not (eval_dir / relative).is_file():
        Console(stderr=True).print(
            f"faultline: {eval_dir}: no {relative} here. The development gold data (CAMEO "
            "examples, PLOVER gold records) does not ship with the package: pass --eval-dir or "
            f"set {EVAL_DIR_ENV} to the folder holding cameo/ and plover-gsr/ (in a source "
            "checkout it is ../shared/eval, beside the repository).", markup=False)
        raise typer.Exit(2)


@eval_app.command("events")
def eval_events(
    eval_dir: Annotated[Path, typer.Option(
        help="Folder with cameo/ and plover-gsr/.", envvar=EVAL_DIR_ENV)] = DEFAULT_EVAL_DIR,
    report: Annotated[Path | None, typer.Option(help="Also write the tables as Markdown.")] = None,
    calibrate: Annotated[bool, typer.Option(
        help="Refit the confidence calibration table first, then report.")] = False,
) -> None:
    """Score the event coder on the CAMEO examples and the PLOVER gold records."""
    require_eval_file(eval_dir, "cameo/examples.jsonl")
    from faultline.evaluation.events import evaluate_events, fit_calibration  # loads spaCy

    if calibrate:
        fit_calibration(eval_dir)
    result = evaluate_events(eval_dir)
    table = Table(title="Event coding accuracy")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in result.rows():
        table.add_row(name, value)
    console = Console()
    console.print(table)
    confusion = Table(title="Most frequent root confusions (gold → coded)")
    for column in ("gold root", "coded root", "count"):
        confusion.add_column(column)
    for (gold, coded), count in result.errors().most_common(10):
        if count:
            confusion.add_row(gold, coded, str(count))
    console.print(confusion)
    matrix = Table(title="Root confusion matrix, CAMEO examples (rows gold, columns coded)")
    roots = [f"{n:02d}" for n in range(1, 21)]
    matrix.add_column("gold")
    for root in roots:
        matrix.add_column(root, justify="right")
    for gold in roots:
        matrix.add_row(gold, *(str(result.root_confusion.get((gold, c), "") or "")
                               for c in roots))
    console.print(matrix)
    per_root = Table(title="Per gold root, CAMEO examples: found, right root and 3-digit")
    for column in ("gold root", "found", "right root (of found)", "3-digit (of found)"):
        per_root.add_column(column, justify="left" if column == "gold root" else "right")
    for root, scores in sorted(result.per_root.items()):
        per_root.add_row(root, str(scores.found), str(scores.root), str(scores.digit3))
    console.print(per_root)
    reliability = Table(title="Confidence reliability (coded confidence → observed precision)")
    for column in ("confidence bin", "observed precision"):
        reliability.add_column(column)
    for bin_, score in sorted(result.reliability.items()):
        reliability.add_row(f"{bin_ / 10:.1f}–{(bin_ + 1) / 10:.1f}", str(score))
    console.print(reliability)
    if report is not None:
        report.write_text(result.to_markdown(), encoding="utf-8")


DEFAULT_ARTICLES_DIR = Path("eval") / "articles"
ARTICLE_FORMATS = ("table", "markdown", "json")


@eval_app.command("articles")
def eval_articles(
    articles_dir: Annotated[Path, typer.Option(
        help="Folder with the article .txt files and their .gold.jsonl.")] = DEFAULT_ARTICLES_DIR,
    split: Annotated[str, typer.Option(help="fit, test or all.")] = "all",
    fmt: Annotated[str, typer.Option("--format", help="table, markdown or json.")] = "table",
    calibrate: Annotated[bool, typer.Option(
        help="Refit the article confidence calibration on the fit half first, then report."
    )] = False,
) -> None:
    """Score counted events on whole articles: precision, recall, failure kinds, each error."""
    from faultline.errors import InputError
    from faultline.evaluation.articles import KINDS, SPLITS

    err = Console(stderr=True)
    if split not in (*SPLITS, "all") or fmt not in ARTICLE_FORMATS:
        err.print(f"faultline: --split is one of {', '.join(SPLITS)}, all; --format one of "
                  f"{', '.join(ARTICLE_FORMATS)}", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    from faultline.evaluation.articles import evaluate_articles, fit_article_calibration

    try:
        if calibrate:
            fit_article_calibration(articles_dir)
        result = evaluate_articles(articles_dir, split)
    except InputError as e:
        err.print(f"faultline: {e}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if fmt == "json":
        typer.echo(json.dumps(result.to_json(), indent=1, ensure_ascii=False))
        return
    if fmt == "markdown":
        typer.echo(result.to_markdown())
        return
    console = Console()
    names = list(result.splits)
    table = Table(title="Counted events on whole articles")
    for column in ("measure", *names):
        table.add_column(column, justify="left" if column == "measure" else "right")
    rows = {n: result.splits[n].rows() for n in names}
    for i, (label, _) in enumerate(rows[names[0]]):
        table.add_row(label, *(rows[n][i][1] for n in names))
    console.print(table)
    kinds = Table(title="Failure kind of every counted event not fully correct")
    for column in ("kind", *names):
        kinds.add_column(column)
    for kind, label in KINDS.items():
        kinds.add_row(f"{kind}. {label}", *(str(result.splits[n].kinds.get(kind, 0))
                                             for n in names))
    console.print(kinds)
    as_json = result.to_json()
    reliability = Table(title="Confidence bin → share of counted events fully correct")
    for column in ("confidence", *names):
        reliability.add_column(column)
    bins = sorted({b for n in names for b in as_json["splits"][n]["reliability"]})
    for bin_ in bins:
        reliability.add_row(bin_, *(as_json["splits"][n]["reliability"].get(bin_, "—")
                                    for n in names))
    console.print(reliability)
    for error in as_json["errors"]:
        typer.echo(f"[{error['kind']}] {error['article']}: {error['event']}  gold: "
                   f"{error['gold'] or '—'}\n    {error['sentence']}")
        if error["trace"]:
            typer.echo(f"    trace: {'; '.join(error['trace'])}")
    for miss in as_json["missed"]:
        typer.echo(f"[missed] {miss['article']}: {miss['gold']}")
