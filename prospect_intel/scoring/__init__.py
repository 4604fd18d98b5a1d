"""Indicator scoring: rubric files (data) in, a graded, explained `Score` out.

    from scoring import bundled_rubric, load_rubric, score
    rubric = load_rubric("team.toml")          # or bundled_rubric() for the default
    result = score(evidence, rubric, as_of=crawl_date)
    result.grade, result.grade_range, result.to_verify, result.to_json()

    evidence, checks = combine(site_evidence, registry_evidence, rubric.registry)  # before score()

See scoring/README.md for the rubric format.
"""
from .errors import RubricError
from .registry import RegistryCheck, combine
from .result import EvidenceUse, IndicatorScore, KnockoutHit, Score
from .rubric import DEFAULT_RUBRIC, bundled_rubric, bundled_rubrics, load_rubric, parse_rubric
from .rubric_model import RegistrySettings, Rubric
from .scorer import score

__all__ = [
    "DEFAULT_RUBRIC", "EvidenceUse", "IndicatorScore", "KnockoutHit", "RegistryCheck", "RegistrySettings",
    "Rubric", "RubricError", "Score", "bundled_rubric", "bundled_rubrics", "combine", "load_rubric",
    "parse_rubric", "score",
]
