"""Snapshot every output a restructuring must leave unchanged, and compare two snapshots.

    python tools/outputs_snapshot.py write DIR     # run everything, write one file per output
    python tools/outputs_snapshot.py compare A B   # exit 1 and name the files that differ

The outputs: the demo's table (`make demo`'s steps in a scratch store), `prospect show --json`
of every demo prospect (fetch times masked), the extractors' evaluation of `../shared/realsites`
and of the fixture sites (report text), every site's full `extract_site` result (fields,
candidates, absences, notes) for both collections, and `prospect eval ../shared/realsites`
(the crawl over loopback). It imports whichever package layout the checkout has.
"""
from __future__ import annotations

import datetime as dt
import importlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALSITES = ROOT.parent / "shared" / "realsites"
FIXTURES = ROOT / "tests" / "fixtures" / "sites"
DAY = dt.date(2026, 12, 1)
PROSPECT = str(Path(sys.executable).parent / "prospect")
_TIMES = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")


def _module(*names: str):
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError:
            continue
    raise SystemExit(f"none of {names} imports")


def _run(args: list[str], db: Path) -> str:
    done = subprocess.run([PROSPECT, "--db", str(db), *args], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    return _TIMES.sub("<time>", done.stdout)


def demo_outputs(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        _run(["add", "--file", "demo/prospects.csv"], db)
        _run(["crawl", "--replay", "tests/fixtures/sites"], db)
        (out / "demo-list.txt").write_text(_run(["list"], db))
        shown = json.loads(_run(["export", "--format", "json"], db))
        (out / "demo-export.json").write_text(json.dumps(shown, ensure_ascii=False, indent=1, sort_keys=True))


def evaluation_outputs(out: Path) -> None:
    evaluation = _module("prospect_intel.evaluation.harness", "extractors.evaluation")
    for name, root in (("realsites", REALSITES), ("fixtures", FIXTURES)):
        report = evaluation.evaluate(root, crawled_at=DAY)
        (out / f"eval-{name}.txt").write_text(evaluation.format_report(report, mismatches=True))


def site_outputs(out: Path) -> None:
    goldsets = _module("prospect_intel.evaluation.goldsets", "extractors.goldsets")
    site = _module("prospect_intel.extractors.site", "extractors.site")
    for name, sites in (("realsites", goldsets.load_realsites(REALSITES)),
                        ("fixtures", goldsets.load_fixture_sites(FIXTURES))):
        result = {}
        for labelled in sites:
            found = site.extract_site(labelled.pages, crawled_at=DAY)
            result[labelled.slug] = {
                "fields": {k: v.to_json() for k, v in found.fields.items()},
                "candidates": {k: [e.to_json() for e in v] for k, v in found.candidates.items()},
                "absence": found.absence, "notes": {k: list(v) for k, v in found.notes.items()},
            }
        (out / f"sites-{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True))


def crawl_eval_output(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        text = _run(["eval", str(REALSITES)], Path(tmp) / "eval.db")
    (out / "prospect-eval-realsites.txt").write_text(re.sub(r"\d+\.\d+ ?s\b", "<s>", text))


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differing = [n for n in names if not (a / n).is_file() or not (b / n).is_file()
                 or (a / n).read_bytes() != (b / n).read_bytes()]
    for name in names:
        print(f"{'DIFFERS' if name in differing else 'same   '} {name}")
    return 1 if differing else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "write":
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        for step in (demo_outputs, evaluation_outputs, site_outputs, crawl_eval_output):
            step(out)
            print(f"wrote {step.__name__}", flush=True)
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
