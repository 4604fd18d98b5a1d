"""Registered-capital labels (read by extractors/capital.py).

Concept: the label before a registered capital. EN_LABELS ("registered capital of RMB 10
million"); ZH_LABELS (注册资金, 注册资本 …, tried in their order: 注册资本 before 注册资本金 on purpose)
and ZH_GATE, literals one of which every Chinese label holds.
"""

VERSION = 1

EN_LABELS = ("registered capital",)
ZH_LABELS = ("注册资金", "注册资本", "注册资本金", "资本额", "实收资本")
ZH_GATE = ("注册资", "资本额", "实收资本")
