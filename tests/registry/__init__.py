"""Tests of the registry package: reading business-registry exports and their cells."""
