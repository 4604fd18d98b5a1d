"""Rubric files shipped with the package (data only; a package so that installs include them)."""
