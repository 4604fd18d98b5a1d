"""Make `import extractors` resolve to the package in the repository root.

The editable install's finder recorded `extractors` as a namespace package (it was an empty
folder at install time), so under pytest, where the repository root is not on sys.path,
`from extractors import extract_site` would fail. Putting the root first fixes it for this
folder; re-running `pip install -e .` fixes it for good.
"""
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
loaded = sys.modules.get("extractors")
if loaded is not None and getattr(loaded, "__file__", None) is None:
    for name in [n for n in sys.modules if n == "extractors" or n.startswith("extractors.")]:
        del sys.modules[name]
