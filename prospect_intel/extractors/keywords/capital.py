"""Registered-capital labels (read by extractors/capital.py).

Concept: EN_LABELS, the English label before a registered capital ("registered capital of RMB 10
million"). The Chinese labels (注册资金, 注册资本, 资本额, 实收资本) stay in capital.py's pattern: it
tries 注册资本 before 注册资本金 on purpose.
"""

VERSION = 1

EN_LABELS = ("registered capital",)
