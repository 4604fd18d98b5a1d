"""Prospect research: queue company websites, crawl them, extract evidence, grade them."""
