"""The corpus's saved pages: recorded from a fetched repository, restored from one later.

The project keeps each site's labels and provenance (`corpus/<group>/manifest.json`,
`labels.json`); the pages are public repositories' files, which stay out of its commits. Each
page is recorded with its git blob id, so a later machine restores the very same bytes from a
fresh snapshot of the repository, whatever commit the snapshot's branch has moved to.

    python -m prospect_intel.evaluation.corpus_pages add GROUP --slug S --git GITDIR --repo OWNER/NAME \\
        --root FOLDER --language zh|en --category CATEGORY PAGE [PAGE ...]   # home page first
    python -m prospect_intel.evaluation.corpus_pages repos CORPUS            # what to fetch
    python -m prospect_intel.evaluation.corpus_pages restore CORPUS [--mirrors DIR]
    python -m prospect_intel.evaluation.corpus_pages text SITE_DIR [PAGE ...]  # visible text, to label

`--mirrors` is the folder fetched snapshots sit in, one `<owner>+<name>` folder each (a bare git
directory, or a clone's `.git`); default `/work/.mirror`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from prospect_intel.core.decoding import decode_html
from prospect_intel.core.document import parse_page
from prospect_intel.core.models import PageDoc

from .corpus import load_manifests

CATEGORIES = ("access_control", "security", "neighbour", "unrelated")
DEFAULT_MIRRORS = Path("/work/.mirror")


class CorpusPagesError(Exception):
    """A page or snapshot that cannot be had: the message says which and what to do."""


def _git(git_dir: Path, *args: str) -> bytes:
    done = subprocess.run(["git", f"--git-dir={git_dir}", *args], capture_output=True, check=False)
    if done.returncode:
        raise CorpusPagesError(f"git {' '.join(args)} in {git_dir}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def mirror_git_dir(mirrors: Path, repo: str) -> Path:
    """The git directory of a fetched snapshot of `repo` (owner/name)."""
    folder = mirrors / repo.replace("/", "+")
    for candidate in (folder / "repo" / ".git", folder / "repo", folder):
        if (candidate / "objects").is_dir():
            return candidate
    raise CorpusPagesError(f"no snapshot of {repo} under {mirrors}: fetch github:{repo} first")


def record_site(group: Path, git_dir: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """Save the pages of one site from `git_dir` into `group`/<slug>/ and its manifest entry
    (commit, blob ids, encoding) into `group`/manifest.json; returns the entry."""
    for page in entry["pages"]:
        _target(group / entry["slug"], page)
    commit = _git(git_dir, "rev-parse", "HEAD").decode().strip()
    blobs = {}
    for page in entry["pages"]:
        source = str(PurePosixPath(entry["root"] or ".") / page).removeprefix("./")
        blobs[page] = _git(git_dir, "rev-parse", f"{commit}:{source}").decode().strip()
    recorded = {**entry, "commit": commit, "blobs": blobs, "render": entry.get("render", "static")}
    _write_pages(group / entry["slug"], git_dir, blobs)
    home = (group / entry["slug"] / entry["pages"][0]).read_bytes()
    recorded["encoding"] = decode_html(home, None).encoding
    manifest_path = group / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.is_file() else []
    manifest = [e for e in manifest if e["slug"] != entry["slug"]] + [recorded]
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return recorded


def _write_pages(folder: Path, git_dir: Path, blobs: dict[str, str]) -> None:
    for page, blob in blobs.items():
        target = _target(folder, page)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(git_dir, "cat-file", "blob", blob))


def _target(folder: Path, page: str) -> Path:
    """Where a page is saved; a manifest is data, so a path leaving the site's folder is refused."""
    target = folder / page
    if not target.resolve().is_relative_to(folder.resolve()):
        raise CorpusPagesError(f"page {page!r} would be saved outside {folder}")
    return target


def restore(corpus: Path, mirrors: Path) -> tuple[int, list[str]]:
    """Write every recorded page of `corpus` from the snapshots under `mirrors`; returns the
    number of sites restored and one line for each site that could not be."""
    restored, missing = 0, []
    for group, entry in load_manifests(corpus):
        try:
            _write_pages(group / entry["slug"], mirror_git_dir(mirrors, entry["repo"]), entry["blobs"])
            restored += 1
        except CorpusPagesError as error:
            missing.append(f"{group.name}/{entry['slug']}: {error}")
    return restored, missing


def site_text(folder: Path, pages: Sequence[str]) -> str:
    """The visible text of a saved site's pages, each under a header naming it."""
    parts = []
    for page in pages:
        decoded = decode_html((folder / page).read_bytes(), None)
        parsed = parse_page(PageDoc(url=f"http://site.test/{page}", role="other", html=decoded.text))
        parts.append(f"===== {page} ({decoded.encoding}) title: {parsed.title}\n{parsed.text}")
    return "\n\n".join(parts)


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m prospect_intel.evaluation.corpus_pages",
                                     description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="record a site's pages from a fetched snapshot")
    add.add_argument("group", type=Path)
    add.add_argument("--slug", required=True)
    add.add_argument("--git", required=True, type=Path, help="the snapshot's git directory (what fetch printed)")
    add.add_argument("--repo", required=True, help="owner/name")
    add.add_argument("--root", default="", help="the site's folder in the repository ('' for the top)")
    add.add_argument("--language", required=True, choices=("zh", "en"))
    add.add_argument("--category", required=True, choices=CATEGORIES)
    add.add_argument("pages", nargs="+", help="paths under the root, home page first")
    for name in ("repos", "restore"):
        verb = verbs.add_parser(name)
        verb.add_argument("corpus", type=Path)
        verb.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS)
    text = verbs.add_parser("text", help="print a saved site's visible text")
    text.add_argument("site", type=Path)
    text.add_argument("pages", nargs="*")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except (CorpusPagesError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.verb == "add":
        entry = {"slug": args.slug, "repo": args.repo, "root": args.root.strip("/"), "pages": args.pages,
                 "language": args.language, "category": args.category}
        recorded = record_site(args.group, args.git, entry)
        print(f"{args.slug}: {len(recorded['pages'])} page(s), {recorded['encoding']}, "
              f"commit {recorded['commit'][:10]}")
    elif args.verb == "repos":
        print("\n".join(sorted({entry["repo"] for _, entry in load_manifests(args.corpus)})))
    elif args.verb == "restore":
        restored, missing = restore(args.corpus, args.mirrors)
        print("\n".join(missing + [f"{restored} site(s) restored, {len(missing)} not"]))
        return 1 if missing else 0
    else:
        pages = args.pages or _manifest_pages(args.site)
        print(site_text(args.site, pages))
    return 0


def _manifest_pages(site: Path) -> list[str]:
    for entry in json.loads((site.parent / "manifest.json").read_text("utf-8")):
        if entry["slug"] == site.name:
            return list(entry["pages"])
    raise CorpusPagesError(f"{site.name} is not in {site.parent / 'manifest.json'}")


if __name__ == "__main__":
    sys.exit(main())
