"""`prospect eval`: measure the crawler and the extractors on labelled saved sites."""
from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from prospect_intel.app.cli.console import field_title, out, print_json
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.i18n import _, word
from prospect_intel.app.review_accuracy import LEVELS, ReviewAccuracy, review_accuracy
from prospect_intel.core.errors import ProspectError


@click.command("eval")
@click.argument("root", type=click.Path(file_okay=False), default="../shared/realsites")
@click.option("--reviews", is_flag=True,
              help="Measure on the reps' reviews in this store instead: how often each field was confirmed, "
                   "corrected or rejected, per confidence level.")
@click.option("--json", "as_json", is_flag=True, help="With --reviews: the figures as JSON.")
@click.option("--pages-per-site", type=click.IntRange(min=1, max=1000), default=30, show_default=True)
@click.option("--mismatches/--no-mismatches", default=True, help="List per-site mismatches.")
@click.option(
    "--corrections/--no-corrections",
    default=True,
    show_default=True,
    help="Apply the project's documented label corrections"
    " (prospect_intel/evaluation/data/realsites_label_corrections.json).",
)
@pass_ctx
def evaluate(ctx: Context, root: str, reviews: bool, as_json: bool, pages_per_site: int, mismatches: bool,
             corrections: bool) -> None:
    """Serve labelled saved sites on loopback, crawl and extract them, compare with the labels,
    and grade them with the store's default rubric; or, with --reviews, measure the research on
    what the reps confirmed, corrected and rejected in this store."""
    if reviews:
        found = review_accuracy(ctx.store)
        if as_json:
            print_json(found.to_json())
        else:
            out.print(Text("\n".join(review_lines(found))))
        return
    from prospect_intel.app.crawl_eval import evaluate as run_evaluation
    from prospect_intel.app.crawl_eval import format_grades, format_recall
    from prospect_intel.evaluation.harness import format_report
    from prospect_intel.evaluation.labelfix import DEFAULT_CORRECTIONS

    folder = Path(root)
    if folder.is_dir() and not any(folder.glob("labels_*.json")) and any(folder.glob("*/labels.json")):
        _saved_entries(folder, mismatches)  # `prospect fixture` entries, or the fixture sites
        return
    if not folder.is_dir() or not any(folder.glob("labels_*.json")):
        raise ProspectError(f"{folder} holds no labels_*.json (see ../shared/realsites/README.md)")
    result = run_evaluation(folder, pages_per_site=pages_per_site,
                            corrections=DEFAULT_CORRECTIONS if corrections else None)
    out.print("key pages kept (crawler)\n" + format_recall(result), markup=False)
    out.print("\nevidence against labels (extractors)\n" + format_report(result.extraction, mismatches=mismatches),
              markup=False)
    out.print("\ngrades (default rubric)\n" + format_grades(result), markup=False)


def _saved_entries(folder: Path, mismatches: bool) -> None:
    """Extract a folder of saved-site entries (`prospect fixture`) and compare with their labels."""
    from prospect_intel.evaluation.harness import evaluate as evaluate_saved
    from prospect_intel.evaluation.harness import format_report

    out.print(format_report(evaluate_saved(folder, corrections=None), mismatches=mismatches), markup=False)


def review_lines(found: ReviewAccuracy) -> list[str]:
    """The reviews report as text: per field and confidence, right / judged; what reps add; why."""
    if not found.fields:
        return [_("no reviews in this store yet: confirm, correct or reject fields (`prospect review URL`)")]
    lines = [_("%(count)s reviewed prospect(s); share of the extracted values reps confirmed, by confidence",
               count=found.prospects)]
    for name, tally in sorted(found.fields.items()):
        counts = [(level, *tally.right(level)) for level in LEVELS]
        cells = [f"{word(level)} {right}/{judged}" for level, right, judged in counts if judged]
        if cells:
            lines.append(f"  {field_title(name)}: {', '.join(cells)}")
    totals = [f"{word(level)} {right}/{judged} ({right / judged:.0%})" for level, (right, judged)
              in found.totals().items() if judged]
    lines.append(_("all fields: %(cells)s", cells=", ".join(totals) or "-"))
    added = found.most_added()
    if added:
        lines.append(_("added by hand (what the research missed): %(fields)s",
                       fields=", ".join(f"{field_title(n)} {count}" for n, count in added)))
    reasons = found.reasons()
    if reasons:
        lines.append(_("why values were corrected or rejected: %(reasons)s",
                       reasons=", ".join(f"{word(r)} {count}" for r, count in reasons.most_common())))
    if found.stale:
        lines.append(_("%(count)s review(s) left out: a later crawl read another value", count=found.stale))
    return lines


@click.command("fixture")
@click.argument("urls", nargs=-1)
@click.option("--to", "target", type=click.Path(file_okay=False), required=True,
              help="Folder of corpus entries to write into (one folder per prospect).")
@click.option("--all-reviewed", is_flag=True, help="Every crawled prospect with at least one review.")
@click.option("--force", is_flag=True, help="Replace an entry that exists.")
@pass_ctx
def fixture(ctx: Context, urls: tuple[str, ...], target: str, all_reviewed: bool, force: bool) -> None:
    """Save reviewed prospects as labelled corpus entries: their pages as a replayable saved site,
    labels from the reviews (confirmed and corrected site values; rejected ones as "not this
    value"; unreviewed fields unlabelled). Replay with `crawl --replay`, measure with
    `prospect eval FOLDER`."""
    from prospect_intel.app.fixture_export import export_fixture, reviewed_urls

    store = ctx.store
    chosen = list(dict.fromkeys([*urls, *(reviewed_urls(store) if all_reviewed else [])]))
    if not chosen:
        raise click.UsageError(_("name prospects by URL, or give --all-reviewed"))
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    for url in chosen:
        done = export_fixture(store, url, folder, force=force)
        out.print(Text(_("%(url)s -> %(folder)s: %(labels)s label(s), %(nots)s \"not this value\"", url=done.url,
                         folder=str(done.folder), labels=done.labels, nots=done.not_values)))


@click.command("calibrate")
@click.option("--to", "target", type=click.Path(dir_okay=False),
              help="Calibration file to write (default: $PROSPECT_CALIBRATION, else calibration.json beside "
                   "the store).")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True),
              help="Also learn from a folder of labelled saved-site entries (`prospect fixture`).")
@click.option("--min-reviews", type=click.IntRange(min=1), default=20, show_default=True,
              help="Judged values a field's method needs before its level is re-fitted.")
@click.option("--dry-run", is_flag=True, help="Show the fit; write nothing.")
@pass_ctx
def calibrate(ctx: Context, target: str | None, corpus: str | None, min_reviews: int, dry_run: bool) -> None:
    """Re-fit the confidence levels from the reps' reviews: per field and method, the share right,
    and the level it earns (high from 97 percent right, medium from 85 percent); before and after
    shown."""
    import datetime as dt
    import os

    from prospect_intel.app.calibrate import corpus_observations, fit, review_observations, write
    from prospect_intel.extractors.calibration import ENV

    observations = review_observations(ctx.store)
    if corpus:
        observations += corpus_observations(Path(corpus), dt.date.today())
    found = fit(observations, min_reviews)
    for name, methods in sorted(found.levels.items()):
        for method, level in sorted(methods.items()):
            right, judged = found.shares[name][method]
            out.print(Text(f"  {field_title(name)} / {method or '-'}: {right}/{judged} right -> {word(level)}"))
    for title, table in ((_("before"), found.before), (_("after"), found.after)):
        cells = ", ".join(f"{word(level)} {right}/{judged} ({right / judged:.0%})"
                          for level, (right, judged) in table.items())
        out.print(Text(_("%(when)s: %(cells)s", when=title, cells=cells)))
    if dry_run:
        return
    where = Path(target or os.environ.get(ENV) or Path(ctx.db_path).resolve().parent / "calibration.json")
    write(found, where, min_reviews)
    out.print(Text(_("written to %(file)s; the extractors read it when $%(env)s names it (then `prospect extract` "
                     "re-reads the stored pages)", file=str(where), env=ENV)))


COMMANDS = [evaluate, fixture, calibrate]
