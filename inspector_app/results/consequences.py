"""Which consequences (结果运用) a rubric's results carry, as data.

Each seed lists its own: 003 names 进步单位 and 末位, 004 a yellow card, 000
an award list. A `Policy` is a list of `Consequence` entries (a kind from
`ranking.CONSEQUENCE_RULES` plus its label, parameters and the seed sentence); the policy
for a rubric is looked up by rubric id, then by the seed file the rubric cites,
and can always be passed in explicitly. Adding a city is adding a policy here,
not a branch in the ranking code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from inspector_app.rubric.model import Rubric
from inspector_app.scoring import self_difference


@dataclass(frozen=True)
class Consequence:
    kind: str  # progress | last | last_twice | fail | fail_twice | award | grade_title
    label: str  # the text in the 标记 column
    basis: str  # the seed sentence, quoted
    places: int = 3  # progress: places moved up
    share: Decimal = Decimal("0.3")  # award: at most this share …
    grades: tuple[str, ...] = ()  # award: … of units in these grades; grade_title: the grade
    pool: str = "per_grade"  # award: "per_grade" (each grade its own 30%) or "combined"
    group_type: str = ""  # grade_title: only for this group type
    action: str = ""  # what follows, for the detail text


@dataclass(frozen=True)
class Policy:
    name: str
    consequences: tuple[Consequence, ...] = ()
    vetoed_last: bool = True  # a vetoed unit ranks below every unit that was not vetoed
    self_diff_share: Decimal = self_difference.SHARE  # an indicator differs when |自评 − 考核组| ≥ share × max
    self_diff_total: Decimal = Decimal("5")  # a unit differs when its totals differ by this much
    note: str = ""
    extra: dict = field(default_factory=dict, compare=False)


SEED_000 = "000_c9ec9c596e4dff75.txt"
SEED_003 = "003_6c3cd84a11c0c6e3.txt"
SEED_004 = "004_76207db0799b5310.txt"

POLICIES: dict[str, Policy] = {
    "basic": Policy("仅排名（未规定结果运用）"),
    "000": Policy("安康（000）", (
        Consequence("award", "奖励对象", "在考核评价确定为“优秀”和“良好”等次的教育集团中，依据总评分从高到低，"
                    "分别按不超过30%的比例确定奖励对象进行资金奖补。（000 六、2）",
                    grades=("优秀", "良好"), pool="per_grade", action="资金奖补"),
        Consequence("grade_title", "高级岗位+5%", "对考核评价确定为“优秀”的一体型教育集团，高级教师岗位设置比例"
                    "在原结构比例控制标准的基础上提高5%。（000 六、1）",
                    grades=("优秀",), group_type="一体型", action="高级教师岗位设置比例提高5%"),
        Consequence("fail", "督促整改", "对考核评价“不合格”的教育集团，由教育主管部门督促整改提升（000 六、3）",
                    action="由教育主管部门督促整改提升"),
        Consequence("fail_twice", "连续两年不合格", "连续两年“不合格”的，由教育主管部门优化组合，核心校及成员校"
                    "主要负责人当年不得获评“优秀”等次。（000 六、3）",
                    action="由教育主管部门优化组合；核心校及成员校主要负责人当年不得获评“优秀”等次"),
    )),
    "003": Policy("三亚（003）", (
        Consequence("grade_title", "先进单位", "被评为“A”等次的单位授予市（区）级学区化集团化办学先进单位称号。（003 七、(2)）",
                    grades=("A",), action="授予先进单位称号"),
        Consequence("progress", "进步单位", "考核评估综合排序比上年前进三位或以上的单位，授予学区化集团化办学"
                    "进步单位称号。（003 七、(2)）", places=3, action="授予进步单位称号"),
        Consequence("last", "末位", "考核评估末位的学区或集团向市（区）教育局作出情况说明。（003 七、(2)）",
                    action="向市（区）教育局作出情况说明"),
        Consequence("last_twice", "连续两年末位", "对连续两年排名末尾的教育共同体成员学校予以通报批评（003 七、(2)）",
                    action="成员学校予以通报批评"),
    )),
    "004": Policy("随州（004）", (
        Consequence("grade_title", "奖补候选", "对县（市、区）年度考核评价为“优秀”的教联体由随州市教育局组织考核，"
                    "择优发放奖补资金 5 万元、教联体核心校或牵头校校长奖励 2000 元。（004 五）",
                    grades=("优秀",), action="由市教育局组织考核，择优发放奖补资金"),
        Consequence("fail", "黄牌", "对“不合格”等次的教联体和成员学校予以通报，实行“一年亮黄牌、两年对教联体核心校"
                    "或牵头校校长予以调整”。（004 五）", action="予以通报，亮黄牌"),
        Consequence("fail_twice", "两年不合格", "实行“一年亮黄牌、两年对教联体核心校或牵头校校长予以调整”。（004 五）",
                    action="对核心校或牵头校校长予以调整"),
    )),
}

# Rubric ids whose policy is not found through the seed they cite.
RUBRIC_POLICY: dict[str, str] = {"suizhou-jlt": "004"}
SEED_POLICY: dict[str, str] = {SEED_000: "000", SEED_003: "003", SEED_004: "004"}


def policy_for(rubric: Rubric) -> Policy:
    """By rubric id, then by the seed file the rubric cites, else ranks only."""
    key = RUBRIC_POLICY.get(rubric.id) or SEED_POLICY.get(rubric.source.seed)
    if key is None:
        prefix = (rubric.source.seed or "")[:3]
        key = prefix if prefix in POLICIES and prefix != "basic" else "basic"
    return POLICIES[key]
