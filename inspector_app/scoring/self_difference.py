"""When a panel's score differs from the unit's own self-evaluation score (自评) enough to be flagged.

The seeds ask for a 自评 and compare it with the panel's score at the feedback
meeting but set no threshold; this program rule is the one the results
workbook states in its 说明 sheet, and the scoring screen flags by the same rule.
"""
from __future__ import annotations

from decimal import Decimal

SHARE = Decimal("0.2")  # a difference of a fifth of the indicator's maximum, or more


def differs(self_points: Decimal, points: Decimal, maximum: Decimal, share: Decimal = SHARE) -> bool:
    gap = abs(self_points - points)
    return gap > 0 and gap >= share * maximum
