"""Spiders of the prospect crawler."""
