"""Tests of the scoring package: rubric files, validation, the scorer and its grade range."""
