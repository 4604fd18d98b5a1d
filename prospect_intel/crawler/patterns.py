"""Where the crawler's keyword patterns are: the attributes of its modules (bot walls, parked
domains), walked by the tests. No pattern of the crawler is built on first use."""
from __future__ import annotations

import sys

from prospect_intel.core import patternwalk
from prospect_intel.core.patternwalk import Builder, Pattern

BUILT_LATER: tuple[Builder, ...] = ()


def every_pattern() -> list[tuple[str, Pattern]]:
    """(name, pattern) for every Gated, Started and TermAlternation of the crawler."""
    package = sys.modules[__package__]
    return patternwalk.walk(patternwalk.modules_of(package), BUILT_LATER)
