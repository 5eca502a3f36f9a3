"""The shape of every JSON file inside a bundle, checked before any field is used.

One small schema per file and bundle kind. `check(kind, name, value)` is called
by `bag.read_json` for every file it parses, so a merge, a plan import or a
verification never meets a string where an object belongs, a list where an
indicator code belongs, a missing id or a 20 MB note: each is refused with the
file and the place named (`entries.json 第 3 项 → inputs：应为键值表`).

Objects are open: a field this version does not know is left alone (a newer
program may add one), but every known field is checked. Numbers are bounded in
`canonical.loads` before conversion; here they are bounded in range.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from inspector_app.bundles.canonical import BundleError
from inspector_app.said import Said

# The steps of a place in a bundle's file ("第 3 项 → 得分"), each declared: the window says each step.
ITEM = Said("第 {0} 项", "item {0}")
KEY_STEP = Said("键 {0}", "key {0}")
REPEATS = Said("的 {0} “{1}”与前面重复", "its {0} “{1}” is the same as one before it")
SCHOOL_ID_TWICE = Said("中学校编号 “{0}” 出现了两次（{1}、{2}）", "school id “{0}” appears twice ({1}, {2})")
_WORDS = {said.zh: said for said in (
    Said('考核计划', 'the inspection plan'),
    Said('集团', 'groups'),
    Said('学校', 'schools'),
    Said('专家', 'experts'),
    Said('自评分', 'self-assessment scores'),
    Said('得分', 'score'),
    Said('指标', 'indicator'),
    Said('输入项', 'inputs'),
    Said('备注', 'note'),
    Said('佐证材料', 'evidence'),
    Said('评价方式', 'ways of evaluating'),
    Said('照片说明', 'the photo caption'),
    Said('照片标注', 'photo markup'),
    Said('大小', 'size'),
    Said('校验值', 'checksum'),
    Said('理由', 'reason'),
    Said('编号', 'id'),
    Said('名称', 'name'),
    Said('角色', 'role'),
    Said('考核名称', 'inspection title'),
    Said('否决项', 'veto item'),
    Said('取值', 'value'),
    Said('文件', 'file'),
    Said('序号', 'sequence number'),
    Said('指标体系', 'rubric'),
    Said('各专家得分', "experts' scores"),
    Said('分工', 'assignments'),
    Said('公钥', 'public key'),
    Said('基数', 'baselines'),
    Said('上年结果', "last year's results"),
    Said('得分说明', 'explanation of the score'),
    Said('合议方式', 'way of consensus'),
    Said('类型', 'kind'),
    Said('整改事项', 'rectification items'),
    Said('变更记录', 'changes'),
    Said('内容', 'the content'),
    Said('整改时限', 'deadline'),
    Said('状态', 'status'),
    Said('佐证文件', 'evidence file'),
    Said('记录人', 'recorded by'),
    Said('整改事项编号', 'rectification item id'),
    Said('记录编号', 'record id'),
)}

WRONG_FORMAT_YES_TRUE = Said('格式不对，应为是或否（true/false）',
                              'wrong format: must be yes or no (true/false)')
WRONG_FORMAT_SCORE_NUMBER = Said('格式不对，应为分数（数字或数字文字）',
                                  'wrong format: must be a score (a number, or a number as text)')
VALID_SCORE = Said('不是有效的分数',
                    'not a valid score')
NUMBER_TOO_LARGE = Said('数值过大',
                         'the number is too large')
SCORE_LEAD_DECIDED_REASON = Said('是组长决定的得分，但没有写理由',
                                  'a score the lead decided, with no reason written')
WRONG_FORMAT_TEXT = Said('格式不对，应为文字',
                          'wrong format: must be text')
TOO_LONG_CHARACTERS_MOST = Said('过长（{0} 字，最多 {1} 字）',
                                 'too long ({0} characters, at most {1})')
HOLDS_NUL_CHARACTERS = Said('含有空字符（NUL）',
                             'holds NUL characters')
MUST_NOT_BE_EMPTY = Said('不能为空',
                          'must not be empty')
WRONG_FORMAT_ONE = Said('格式不对，应为 {0} 之一',
                         'wrong format: must be one of {0}')
WRONG_FORMAT = Said('格式不对',
                     'wrong format')
WRONG_FORMAT_WHOLE_NUMBER = Said('格式不对，应为整数',
                                  'wrong format: must be a whole number')
MUST_BE_FROM_TO = Said('应在 {0}–{1} 之间',
                        'must be from {0} to {1}')
TOO_MANY_ITEMS = Said('项数过多',
                       'too many items')
WRONG_FORMAT_LIST = Said('格式不对，应为列表',
                          'wrong format: must be a list')
TOO_MANY_ITEMS_MOST = Said('项数过多（{0}，最多 {1}）',
                            'too many items ({0}, at most {1})')
HAVE_LEAST_ITEM_S = Said('至少应有 {0} 项',
                          'must have at least {0} item(s)')
WRONG_FORMAT_TABLE_KEYS = Said('格式不对，应为键值表',
                                'wrong format: must be a table of keys and values')
WRONG_FORMAT_TABLE_KEYS_2 = Said('格式不对，应为键值表（对象）',
                                  'wrong format: must be a table of keys and values (an object)')
IS_MISSING = Said('缺少 {0}',
                   '{0} is missing')

BUNDLE_WRONG_FORMAT_REFUSED = Said('数据包中的 {0}：格式不对，已拒绝。',
                                    '{0} in the bundle: wrong format; refused.')
BUNDLE_REFUSED = Said('数据包中的 {0}{1}：{2}，已拒绝。',
                       '{0}{1} in the bundle: {2}; refused.')
BUNDLE_REFUSED_FILE = Said('数据包中的 {0}：{1}，已拒绝。', '{0} in the bundle: {1}; refused.')
BUNDLE_REFUSED_AT = Said('数据包中的 {0} {1}：{2}，已拒绝。',  # a place in the file: "第 3 项 → 得分"
                          '{0} {1} in the bundle: {2}; refused.')

ID_LEN, NAME_LEN, SHORT_LEN = 200, 500, 100
NOTE_LEN = 200_000        # store.entries.MAX_NOTE: a bundle carries no longer note than the window accepts
TEXT_LEN = 500_000        # findings (store.findings.MAX_TEXT)
REASON_LEN = 20_000
MARKUP_LEN = 40_000       # a photo's shapes as JSON (store.photo_markup: at most 100 shapes)
MAX_ROWS = 100_000
HEX = re.compile(r"[0-9a-f]*")
_POINTS = re.compile(r"[+-]?\d{1,12}(\.\d{1,12})?")


class SchemaError(Exception):
    def __init__(self, where: list[str], expected: str):
        super().__init__(expected)
        self.where, self.expected = where, expected


Check = Callable[[Any, list[str]], None]


def _fail(where: list[str] | None, expected: str) -> None:
    raise SchemaError(list(where or ()), expected)


def text(max_len: int = NAME_LEN, *, nonempty: bool = False, choices: tuple[str, ...] = (),
         pattern: re.Pattern | None = None) -> Check:
    def check(value: Any, where: list[str]) -> None:
        if not isinstance(value, str):
            _fail(where, WRONG_FORMAT_TEXT())
        if len(value) > max_len:
            _fail(where, TOO_LONG_CHARACTERS_MOST(len(value), max_len))
        if "\x00" in value:
            _fail(where, HOLDS_NUL_CHARACTERS())
        if nonempty and not value.strip():
            _fail(where, MUST_NOT_BE_EMPTY())
        if choices and value not in choices:
            _fail(where, WRONG_FORMAT_ONE('、'.join(choices)))
        if pattern is not None and not pattern.fullmatch(value):
            _fail(where, WRONG_FORMAT())
    if nonempty or choices or pattern is not None:
        return check

    def plain(value: Any, where: list[str]) -> None:  # most fields: one test, the full check only when it fails
        if type(value) is not str or len(value) > max_len or "\x00" in value:
            check(value, where)
    return plain


def integer(lo: int = 0, hi: int = 2 ** 53) -> Check:
    def check(value: Any, where: list[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(where, WRONG_FORMAT_WHOLE_NUMBER())
        if not lo <= value <= hi:
            _fail(where, MUST_BE_FROM_TO(lo, hi))
    return check


def flag(value: Any, where: list[str]) -> None:
    if not (isinstance(value, bool) or (isinstance(value, int) and value in (0, 1))):
        _fail(where, WRONG_FORMAT_YES_TRUE())


def points(value: Any, where: list[str]) -> None:
    """A score as text ("8.5") or a number, of sensible size; its range is the rubric's business."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        _fail(where, WRONG_FORMAT_SCORE_NUMBER())
    if isinstance(value, str) and (len(value) > 30 or not _POINTS.fullmatch(value.strip())):
        _fail(where, VALID_SCORE())
    if isinstance(value, (int, Decimal)) and not (-10 ** 12 < value < 10 ** 12):
        _fail(where, NUMBER_TOO_LARGE())


_KEY = text(ID_LEN)
_INPUT_TEXT = text(NOTE_LEN)  # made once: scalar() runs for every input value of every entry


def scalar(value: Any, where: list[str] | None) -> None:
    """An input value as a form holds it: text, a number, yes/no, nothing, or a short list or table of these
    (a register's rows)."""
    if isinstance(value, dict):
        if len(value) > 1000:
            _fail(where, TOO_MANY_ITEMS())
        for k, item in value.items():
            _KEY(k, None if where is None else where + [KEY_STEP(repr(k[:40]))])
            scalar(item, None if where is None else where + [str(k)[:40]])
        return
    if isinstance(value, list):
        if len(value) > 1000:
            _fail(where, TOO_MANY_ITEMS())
        for i, item in enumerate(value):
            scalar(item, None if where is None else where + [ITEM(i + 1)])
        return
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, (int, Decimal)):
        if not -10 ** 15 < value < 10 ** 15:
            _fail(where, NUMBER_TOO_LARGE())
        return
    _INPUT_TEXT(value, where)


def anything(value: Any, where: list[str]) -> None:
    """Left to the code that reads it (sizes and depth are already bounded by canonical.loads)."""


def optional(inner: Check) -> Check:
    def check(value: Any, where: list[str]) -> None:
        if value is not None:
            inner(value, where)
    return check


def listof(inner: Check, *, max_len: int = MAX_ROWS, min_len: int = 0, unique: str | None = None) -> Check:
    def check(value: Any, where: list[str]) -> None:
        if not isinstance(value, list):
            _fail(where, WRONG_FORMAT_LIST())
        if len(value) > max_len:
            _fail(where, TOO_MANY_ITEMS_MOST(len(value), max_len))
        if len(value) < min_len:
            _fail(where, HAVE_LEAST_ITEM_S(min_len))
        if where is None and unique is None:  # the first pass: nothing to track
            for item in value:
                inner(item, None)
            return
        seen: set = set()
        for i, item in enumerate(value):
            inner(item, None if where is None else where + [ITEM(i + 1)])
            if unique is not None:
                key = item.get(unique) if isinstance(item, dict) else item
                if key in seen:
                    _fail(None if where is None else where + [ITEM(i + 1)], REPEATS(unique, key))
                seen.add(key)
    return check


def mapping(value_check: Check, *, max_len: int = MAX_ROWS, key: Check | None = None) -> Check:
    key = key or text(ID_LEN)

    def check(value: Any, where: list[str]) -> None:
        if not isinstance(value, dict):
            _fail(where, WRONG_FORMAT_TABLE_KEYS())
        if len(value) > max_len:
            _fail(where, TOO_MANY_ITEMS_MOST(len(value), max_len))
        if where is None:  # the first pass: nothing to track
            for k, v in value.items():
                key(k, None)
                value_check(v, None)
            return
        for k, v in value.items():
            key(k, where + [KEY_STEP(repr(k[:40]))])
            value_check(v, where + [str(k)[:40]])
    return check


@dataclass
class Obj:
    fields: dict[str, Check]
    required: tuple[str, ...] = ()
    rule: Callable[[dict, list[str]], None] | None = field(default=None)

    def __call__(self, value: Any, where: list[str]) -> None:
        if not isinstance(value, dict):
            _fail(where, WRONG_FORMAT_TABLE_KEYS_2())
        for name in self.required:
            if name not in value:
                _fail(where, IS_MISSING(name))
        if where is None:  # the first pass (see check): no places kept
            for name, check in self.fields.items():
                if name in value:
                    check(value[name], None)
        else:
            for name, check in self.fields.items():
                if name in value:
                    check(value[name], where + [name])
        if self.rule is not None:
            self.rule(value, where)


# --------------------------------------------------------------------------- the files

ID = text(ID_LEN, nonempty=True)
CODE = text(SHORT_LEN, nonempty=True)
STAMP = text(SHORT_LEN)
ROLE = text(SHORT_LEN, choices=("lead", "member"))

HEAD = Obj({
    "format": integer(1, 1000), "kind": text(SHORT_LEN, nonempty=True), "created_at": STAMP,
    "sequence": integer(0, 2 ** 53), "previous": text(ID_LEN), "signer_key_id": ID,
    "plan": Obj({"id": ID, "title": text(NAME_LEN), "school_year": text(SHORT_LEN), "stage": text(SHORT_LEN),
                 "demo": flag}, required=("id",)),
    "rubric": Obj({"id": text(ID_LEN), "version": text(SHORT_LEN), "hash": ID}, required=("hash",)),
    "group": Obj({"id": ID, "name": text(NAME_LEN)}, required=("id",)),
    "expert": Obj({"id": ID, "name": text(NAME_LEN), "role": ROLE}, required=("id",)),
    "encryption": Obj({"format": text(SHORT_LEN, choices=("age-v1", "plain")),
                       "recipients": listof(Obj({"key_id": text(64, pattern=HEX), "fingerprint": text(ID_LEN),
                                                 "name": text(NAME_LEN), "role": text(SHORT_LEN)},
                                                required=("key_id",)), max_len=10_000, min_len=1)},
                      required=("format",)),
}, required=("kind", "sequence", "signer_key_id", "plan"))

ENTRY = Obj({
    "school": text(ID_LEN), "indicator": CODE, "inputs": mapping(scalar, max_len=1000),
    "evidence": listof(text(NAME_LEN), max_len=1000), "methods": listof(text(SHORT_LEN), max_len=100),
    "note": text(NOTE_LEN), "points": optional(points), "explanation": listof(text(REASON_LEN), max_len=1000),
    "updated_at": STAMP, "typed_by": text(ID_LEN), "source": text(ID_LEN),
}, required=("indicator", "inputs"))
ENTRIES = listof(ENTRY)

VETOES = listof(Obj({"key": CODE, "value": flag, "reason": text(REASON_LEN)}, required=("key",)), max_len=1000)
FINDINGS = mapping(text(TEXT_LEN), max_len=20)
PHOTOS = listof(Obj({
    "file": text(ID_LEN, nonempty=True), "sha256": text(64, pattern=HEX), "original_sha256": text(64, pattern=HEX),
    "school": text(ID_LEN), "indicator": text(SHORT_LEN), "expert": text(ID_LEN), "caption": text(REASON_LEN),
    "taken_at": optional(text(SHORT_LEN)), "mime": text(SHORT_LEN), "chosen": flag, "removed": flag,
    "name": text(NAME_LEN), "markup": text(MARKUP_LEN), "file_time": optional(text(SHORT_LEN)),
}, required=("file",)), max_len=20_000)
FILES = listof(Obj({
    "file": text(ID_LEN, nonempty=True), "sha256": text(64, nonempty=True, pattern=HEX),
    "name": text(NAME_LEN, nonempty=True), "school": text(ID_LEN), "indicator": CODE, "expert": text(ID_LEN),
    "kind": text(SHORT_LEN, choices=("document", "spreadsheet", "audio")), "mime": text(SHORT_LEN),
    "size": integer(1, 2 ** 40), "removed": flag,
}, required=("file", "sha256", "name", "indicator")), max_len=20_000, unique="file")
HISTORY = listof(mapping(anything, max_len=50), max_len=1_000_000)


def _lead_decision_has_reason(row: dict, where: list[str]) -> None:
    if row.get("method") == "lead" and not str(row.get("reason") or "").strip():
        _fail(where, SCORE_LEAD_DECIDED_REASON())


CONSENSUS = listof(Obj({
    "school": text(ID_LEN), "indicator": CODE, "points": optional(points), "method": text(SHORT_LEN),
    "reason": text(REASON_LEN), "scores": mapping(optional(points), max_len=1000),
}, required=("indicator",), rule=_lead_decision_has_reason))
MEMBERS = listof(text(ID_LEN, nonempty=True), min_len=1, max_len=1000, unique=None)
TRANSCRIBED = mapping(ENTRIES, max_len=1000)

DATE = text(SHORT_LEN, pattern=re.compile(r"(\d{4}-\d{2}-\d{2})?"))
RECTIFY_STATUS = text(SHORT_LEN, choices=("未整改", "整改中", "已整改", "复查通过", "复查未通过"))
EVIDENCE_FILE = Obj({"sha256": text(64, nonempty=True, pattern=HEX), "name": text(NAME_LEN, nonempty=True),
                     "mime": text(SHORT_LEN), "size": integer(0, 2 ** 40), "stored": text(ID_LEN)},
                    required=("sha256", "name", "stored"))
RECTIFY_FIELDS = Obj({
    "plan": text(ID_LEN), "group": text(ID_LEN), "position": integer(0, 10 ** 6), "text": text(REASON_LEN),
    "indicators": listof(CODE, max_len=100), "schools": listof(text(ID_LEN), max_len=1000),
    "area": text(SHORT_LEN), "deadline": DATE, "unit": text(NAME_LEN), "person": text(NAME_LEN),
    "status": RECTIFY_STATUS, "old_status": optional(RECTIFY_STATUS), "response": text(REASON_LEN),
    "files": listof(EVIDENCE_FILE, max_len=1000), "recheck_points": mapping(points, max_len=100),
})
RECTIFY_EVENT = Obj({
    "eid": text(64, nonempty=True, pattern=HEX), "at": text(SHORT_LEN, nonempty=True), "n": integer(0, 10 ** 6),
    "on": DATE, "actor": text(NAME_LEN), "expert": text(ID_LEN), "key_id": text(ID_LEN),
    "action": text(SHORT_LEN, choices=("created", "edited", "status", "evidence", "removed")),
    "fields": RECTIFY_FIELDS, "reason": text(REASON_LEN), "plan": text(ID_LEN),
}, required=("eid", "at", "action", "fields"))
RECTIFICATION = Obj({
    "items": listof(Obj({"uid": text(64, nonempty=True, pattern=HEX), "plan": ID, "group": ID,
                         "events": listof(RECTIFY_EVENT, min_len=1, max_len=10_000, unique="eid")},
                        required=("uid", "plan", "group", "events")), max_len=100_000, unique="uid"),
    "files": listof(Obj({"file": text(ID_LEN, nonempty=True), "sha256": text(64, nonempty=True, pattern=HEX),
                         "name": text(NAME_LEN, nonempty=True)}, required=("file", "sha256", "name")),
                    max_len=100_000, unique="file"),
    "links": listof(Obj({"uid": text(64, nonempty=True, pattern=HEX),
                         "role": text(SHORT_LEN, choices=("recheck", "carried"))}, required=("uid", "role")),
                    max_len=100_000),
    "recheck_of": text(ID_LEN), "rescore": flag,
}, required=("items",))
MEETING = Obj({"held_at": text(REASON_LEN), "place": text(REASON_LEN), "attendees": text(REASON_LEN),
               "response": text(REASON_LEN)})

SCHOOL = Obj({"id": ID, "name": text(NAME_LEN, nonempty=True), "role": ROLE, "kind": text(SHORT_LEN),
              "head_role": text(SHORT_LEN), "short_name": text(NAME_LEN)}, required=("id", "name", "role"))
GROUP = Obj({
    "id": ID, "name": text(NAME_LEN, nonempty=True), "type": optional(text(SHORT_LEN)),
    "schools": listof(SCHOOL, max_len=1000, unique="id"),
    "self_scores": listof(Obj({"school": text(ID_LEN), "indicator": CODE, "points": points},
                              required=("indicator", "points")), max_len=10_000),
    "baselines": mapping(mapping(scalar, max_len=1000), max_len=1000),
    "prior_results": listof(mapping(anything, max_len=100), max_len=100),
}, required=("id", "name", "schools"))
EXPERT = Obj({
    "id": ID, "name": text(NAME_LEN, nonempty=True), "role": ROLE, "key_id": optional(text(ID_LEN)),
    "fingerprint": optional(text(ID_LEN)), "public_key": optional(text(128, pattern=HEX)),
    "encryption_key": optional(text(ID_LEN)), "encryption_binding": optional(text(ID_LEN)),
    "assignments": listof(listof(text(ID_LEN), max_len=3, min_len=1), max_len=10_000),
}, required=("id", "name"))


def _ids_unique_across_groups(body: dict, where: list[str]) -> None:
    seen: dict[str, str] = {}
    for group in body.get("groups", []):
        for school in group.get("schools", []):
            if school["id"] in seen:
                _fail(None if where is None else where + ["groups"], SCHOOL_ID_TWICE(school['id'], seen[school['id']], group['name']))
            seen[school["id"]] = group["name"]


PLAN = Obj({
    "plan": Obj({"id": ID, "title": text(NAME_LEN, nonempty=True), "school_year": text(SHORT_LEN),
                 "stage": text(SHORT_LEN), "consensus": text(SHORT_LEN), "spread_limit": points, "demo": flag,
                 "export_location": flag, "encrypted": flag, "publication": mapping(anything, max_len=100)},
                required=("id", "title", "school_year", "stage")),
    "groups": listof(GROUP, max_len=10_000, unique="id"),
    "experts": listof(EXPERT, max_len=10_000, unique="id"),
}, required=("plan", "groups", "experts"), rule=_ids_unique_across_groups)

OBJECT = mapping(anything, max_len=MAX_ROWS)
LIST_OF_OBJECTS = listof(mapping(anything, max_len=MAX_ROWS))

SCHEMAS: dict[tuple[str, str], Check] = {
    ("expert", "entries.json"): ENTRIES, ("expert", "vetoes.json"): VETOES, ("expert", "findings.json"): FINDINGS,
    ("expert", "photos.json"): PHOTOS, ("expert", "files.json"): FILES, ("expert", "history.json"): HISTORY,
    ("panel", "consensus.json"): CONSENSUS, ("panel", "members.json"): MEMBERS, ("panel", "findings.json"): FINDINGS,
    ("panel", "result.json"): OBJECT, ("panel", "finalised.json"): OBJECT, ("panel", "versions.json"): LIST_OF_OBJECTS,
    ("panel", "transcribed.json"): TRANSCRIBED,
    ("panel", "rectification.json"): RECTIFICATION, ("panel", "meeting.json"): MEETING,
    ("plan", "plan.json"): PLAN, ("plan", "rectification.json"): RECTIFICATION,
}


LABELS = {"plan": "考核计划", "groups": "集团", "schools": "学校", "experts": "专家", "self_scores": "自评分",
          "points": "得分", "indicator": "指标", "school": "学校", "inputs": "输入项", "note": "备注",
          "evidence": "佐证材料", "methods": "评价方式", "caption": "照片说明", "markup": "照片标注",
          "size": "大小", "sha256": "校验值", "reason": "理由", "id": "编号",
          "name": "名称", "role": "角色", "title": "考核名称", "key": "否决项", "value": "取值", "file": "文件",
          "sequence": "序号", "expert": "专家", "group": "集团", "rubric": "指标体系", "scores": "各专家得分",
          "assignments": "分工", "public_key": "公钥", "baselines": "基数", "prior_results": "上年结果",
          "explanation": "得分说明", "method": "合议方式", "kind": "类型",
          "items": "整改事项", "events": "变更记录", "fields": "内容", "deadline": "整改时限", "status": "状态",
          "files": "佐证文件", "actor": "记录人", "uid": "整改事项编号", "eid": "记录编号"}


def check(kind: str, name: str, value: Any) -> None:
    """Raise BundleError("schema") naming the file and the place when `value` does not have its file's shape."""
    schema = HEAD if name == "bundle.json" else SCHEMAS.get((kind, name))
    if schema is None:
        return  # a file this version does not read
    try:
        schema(value, None)  # the places are not tracked on the way (most files are fine) ...
    except SchemaError:
        try:
            schema(value, [])  # ... but found again, named, when one is not
        except SchemaError as exc:
            place = " → ".join(_WORDS[LABELS[step]]() if step in LABELS else step for step in exc.where)
            raise BundleError("schema", BUNDLE_REFUSED_AT(name, place, exc.expected) if place else
                              BUNDLE_REFUSED_FILE(name, exc.expected)) from None
        raise BundleError("schema", BUNDLE_WRONG_FORMAT_REFUSED(name)) from None


def files_of(kind: str, names) -> list[str]:
    """The JSON files of a bundle that have a schema."""
    return [n for n in sorted(names) if n == "bundle.json" or (kind, n) in SCHEMAS]
