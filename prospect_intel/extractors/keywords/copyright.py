"""Copyright marks: what a copyright line starts with (read by extractors/site.py).

Concept: MARKS, the marks and words a copyright notice opens with, in both languages (the sign,
"(c)", "copyright", 版权所有). Matched in any case; the year that follows dates the site.
"""

VERSION = 1

MARKS = ("©", "(c)", "copyright", "版权所有")
