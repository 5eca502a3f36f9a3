"""An expert's signed work checked against the rubric before it is merged: each entry's place, its inputs rescored
by the indicator's rule (the points it carries must be what the rule gives), its ticks from the rubric's lists;
each photo's place and caption; each veto. Whatever fails is a `Reject`, said in words; nothing is written here."""
from __future__ import annotations

from typing import Any

from inspector_app.bundles.merge_checks import Reject
from inspector_app.numbers import NumberError, parse_decimal
from inspector_app.rubric.model import METHODS
from inspector_app.said import Said
from inspector_app.store import entries as E
from inspector_app.store import photo_markup
from inspector_app.store import photo_records as PR
from inspector_app.store import plans as P
from inspector_app.store.db import now

ENTRIES_JSON_RIGHT_FORMAT = Said('entries.json 格式不对',
                                  'entries.json is not in the right format')
ENTRIES_JSON_HOLDS_SCORE = Said('entries.json 中有格式不对的评分',
                                 'entries.json holds a score in the wrong format')
ENTRIES_JSON_HOLDS_SCORE_2 = Said('entries.json 中有评分的指标或学校编号格式不对',
                                   'entries.json holds a score whose indicator or school id is in the wrong format')
ENTRIES_JSON_HOLDS_SAME = Said('entries.json 中指标 {0} 的同一评分出现了两次',
                                'entries.json holds the same score of indicator {0} twice')
BUNDLE_SCORES_INVALID = Said('数据包中的评分无效：{0}',
                              "The bundle's scores are invalid: {0}")
IN_THE_BUNDLE = Said('数据包中{0}',
                      'In the bundle: {0}')
BUNDLE_SCORE_INDICATOR_DIFFERS = Said('数据包中指标 {0} 的得分与评分规则算出的不一致',
                                       "The bundle's score of indicator {0} differs from the one its scoring rule gives")
BUNDLE_NOTE_INDICATOR_RIGHT = Said('数据包中指标 {0} 的备注格式不对',
                                    "The bundle's note on indicator {0} is not in the right format")
BUNDLE_INDICATOR_RUBRIC_LIST = Said('数据包中指标 {0} 的{1}不在指标体系的清单中',
                                     "The bundle's {1} of indicator {0} is not in the rubric's list")
EVIDENCE_LIST = Said("佐证材料", "evidence")
METHODS_LIST = Said("评价方式", "ways of evaluating")
PHOTOS_JSON_SCHOOL_INDICATOR = Said('photos.json 中照片 {0} 的学校、指标或说明格式不对',
                                     'In photos.json, the school, indicator or caption of photo {0} is not in the right format')
PHOTOS_JSON_PLACE_PHOTO = Said('photos.json 中照片 {0} 的位置无效：{1}',
                                'In photos.json, the place of photo {0} is invalid: {1}')
PHOTOS_JSON_CAPTION_PHOTO = Said('photos.json 中照片 {0} 的说明过长（{1} 字，最多 {2} 字）',
                                  'In photos.json, the caption of photo {0} is too long ({1} characters, at most {2})')
PHOTOS_JSON_PHOTO = Said('photos.json 中照片 {0} 的{1}',
                          'In photos.json, photo {0}: {1}')
VETOES_JSON_HOLDS_VETO = Said('vetoes.json 中有格式不对的否决项',
                               'vetoes.json holds a veto in the wrong format')
VETO_VETOES_JSON_RUBRIC = Said('vetoes.json 中的否决项 “{0}” 不在指标体系中',
                                'The veto "{0}" in vetoes.json is not in the rubric')
VETO_APPEARS_TWICE_VETOES = Said('vetoes.json 中否决项 “{0}” 出现了两次',
                                  'The veto "{0}" appears twice in vetoes.json')


# A rule's outcome depends on its inputs alone, and a province's bundles repeat the same inputs (a
# checklist, a round percentage) thousands of times: each distinct one is scored once per process.
_SCORED: dict[tuple[str, str, str], tuple[dict, Any, E.EntryTexts]] = {}
_SCORED_MAX = 5_000  # a few MB: a long merge's memory stays flat (50,000 held ~35 MB at the province)


def scored(rubric, ind, inputs: dict) -> tuple[dict, Any, E.EntryTexts]:
    """The rule's typed inputs and outcome, with the texts the store keeps of them (encoded once)."""
    # repr tells apart every value a bundle's JSON can hold (text from numbers, 1 from True, each Decimal as
    # written), so equal keys are equal inputs; the same inputs in another key order only miss the cache
    key = (rubric.content_hash, ind.code, repr(inputs))
    hit = _SCORED.get(key)
    if hit is not None:
        return hit
    typed = ind.rule.normalise(inputs)
    outcome = ind.rule.score(typed)
    result = (typed, outcome, E.entry_texts(typed, outcome.points, outcome.lines))
    if len(_SCORED) >= _SCORED_MAX:
        _SCORED.clear()
    _SCORED[key] = result
    return result


def check_entries(rubric, group: P.Group, rows: Any) -> list[dict]:
    if not isinstance(rows, list):
        raise Reject(ENTRIES_JSON_RIGHT_FORMAT())
    checked = []
    seen = set()
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("inputs"), dict):
            raise Reject(ENTRIES_JSON_HOLDS_SCORE())
        code, school = row.get("indicator"), row.get("school", "")
        if not isinstance(code, str) or not isinstance(school, str):
            raise Reject(ENTRIES_JSON_HOLDS_SCORE_2())
        if (school, code) in seen:
            raise Reject(ENTRIES_JSON_HOLDS_SAME(code))
        seen.add((school, code))
        try:
            ind = E.check_place(rubric, group, school, code)
            typed, outcome, texts = scored(rubric, ind, row["inputs"])
        except (E.EntryError, ValueError) as exc:
            raise Reject(BUNDLE_SCORES_INVALID(exc)) from None
        points = row.get("points")
        if points != texts.points or points is None:  # the points as stored are the rule's outcome; else compare values
            try:
                given = None if points is None else parse_decimal(points, what=f"指标 {code} 的得分")
            except NumberError as exc:
                raise Reject(IN_THE_BUNDLE(exc)) from None
            if given != outcome.points:
                raise Reject(BUNDLE_SCORE_INDICATOR_DIFFERS(code))
        if not isinstance(row.get("note", ""), str):
            raise Reject(BUNDLE_NOTE_INDICATOR_RIGHT(code))
        for key, allowed in (("evidence", ind.evidence), ("methods", METHODS)):
            values = row.get(key, [])
            if not isinstance(values, list) or any(not isinstance(v, str) or v not in allowed for v in values):
                raise Reject(BUNDLE_INDICATOR_RUBRIC_LIST(code, EVIDENCE_LIST() if key == 'evidence' else METHODS_LIST()))
        checked.append({**row, "typed": typed, "outcome": outcome, "texts": texts})
    return checked


def entry_values(row: dict) -> E.EntryValues:
    """A checked row (`check_entries`) as the store takes it; its lists hold text only, as checked."""
    outcome = row["outcome"]
    return E.EntryValues(row.get("school", ""), row["indicator"], row["typed"], tuple(row.get("evidence", ())),
                         tuple(row.get("methods", ())), row.get("note", ""), outcome.points, tuple(outcome.lines),
                         str(row["updated_at"]) if "updated_at" in row else now(), row["texts"])


def check_photo_place(rubric, group: P.Group, meta: dict) -> None:
    """A photo belongs to an indicator at a place of this group, as one taken in the window does."""
    school, code, caption = meta.get("school", ""), meta.get("indicator", ""), meta.get("caption", "")
    if not isinstance(school, str) or not isinstance(code, str) or not isinstance(caption, str):
        raise Reject(PHOTOS_JSON_SCHOOL_INDICATOR(meta['file']))
    try:
        E.check_place(rubric, group, school, code)
    except E.EntryError as exc:
        raise Reject(PHOTOS_JSON_PLACE_PHOTO(meta['file'], exc)) from None
    if len(caption) > PR.MAX_CAPTION:
        raise Reject(PHOTOS_JSON_CAPTION_PHOTO(meta['file'], len(caption), PR.MAX_CAPTION))
    try:
        photo_markup.parse(meta.get("markup", ""))
    except photo_markup.MarkupError as exc:
        raise Reject(PHOTOS_JSON_PHOTO(meta['file'], exc)) from None


def check_vetoes(rubric, vetoes: list) -> None:
    keys = {v.key for v in rubric.vetoes}
    seen = set()
    for v in vetoes:
        if not isinstance(v, dict) or not isinstance(v.get("key"), str) or not isinstance(v.get("reason", ""), str):
            raise Reject(VETOES_JSON_HOLDS_VETO())
        if v["key"] not in keys:
            raise Reject(VETO_VETOES_JSON_RUBRIC(v['key']))
        if v["key"] in seen:
            raise Reject(VETO_APPEARS_TWICE_VETOES(v['key']))
        seen.add(v["key"])
