"""`prospect eval`: measure the crawler and the extractors on labelled saved sites."""
from __future__ import annotations

from pathlib import Path

import click

from prospect_intel.app.cli.console import out
from prospect_intel.core.errors import ProspectError


@click.command("eval")
@click.argument("root", type=click.Path(file_okay=False, exists=True), default="../shared/realsites")
@click.option("--pages-per-site", type=click.IntRange(min=1, max=1000), default=30, show_default=True)
@click.option("--mismatches/--no-mismatches", default=True, help="List per-site mismatches.")
@click.option(
    "--corrections/--no-corrections",
    default=True,
    show_default=True,
    help="Apply the project's documented label corrections"
    " (prospect_intel/evaluation/data/realsites_label_corrections.json).",
)
def evaluate(root: str, pages_per_site: int, mismatches: bool, corrections: bool) -> None:
    """Serve labelled saved sites on loopback, crawl and extract them, compare with the labels,
    and grade them with the store's default rubric."""
    from prospect_intel.app.crawl_eval import evaluate as run_evaluation
    from prospect_intel.app.crawl_eval import format_grades, format_recall
    from prospect_intel.evaluation.harness import format_report
    from prospect_intel.evaluation.labelfix import DEFAULT_CORRECTIONS

    folder = Path(root)
    if not any(folder.glob("labels_*.json")):
        raise ProspectError(f"{folder} holds no labels_*.json (see ../shared/realsites/README.md)")
    result = run_evaluation(folder, pages_per_site=pages_per_site,
                            corrections=DEFAULT_CORRECTIONS if corrections else None)
    out.print("key pages kept (crawler)\n" + format_recall(result), markup=False)
    out.print("\nevidence against labels (extractors)\n" + format_report(result.extraction, mismatches=mismatches),
              markup=False)
    out.print("\ngrades (default rubric)\n" + format_grades(result), markup=False)


COMMANDS = [evaluate]
