"""The history rows of a merged bundle are made from the texts its entries were encoded in; they must be the very
text encoding the key and the values would give (history is read back and compared by that text)."""
from __future__ import annotations

import json

from hypothesis import given, strategies as st

from inspector_app.store import entries as E
from inspector_app.store.history import Encoded, _dump

text = st.text(max_size=12)  # any characters: quotes, backslashes, control characters, Chinese
inputs = st.dictionaries(text, st.one_of(st.booleans(), st.integers(), text, st.none()), max_size=4)


def _sorted(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@given(text, text, text, text, text)
def test_the_key_text_is_the_key_encoded(plan, group, expert, school, code):
    made = E._key_texts(plan, group, expert)(school, code)
    assert isinstance(made, Encoded)
    assert made == _sorted(E._key(plan, group, expert, school, code))


def test_an_entry_merged_writes_history_text_equal_to_its_values_encoded(tmp_path):
    """Through the store: a bundle's entries replaced, then each history row read back is the JSON of the values
    the entry now holds, as `record` would have written them."""
    from test_review_fixes import Machine, make_plan
    m = Machine(tmp_path, "x")
    plan, rubric, groups = make_plan(m, None, "")
    group = groups["g4"]
    rows = [E.EntryValues("", "C6", {"met": True}, (), ("查阅资料",), '说明 "引号" \\ 与换行\n', None, ("第一步",), "2026-01-01"),
            E.EntryValues("", "C7", {"count": "2"}, (), (), "", None, (), "2026-01-01")]
    with m.store.tx():
        E.replace_expert_entries(m.store, plan.id, group.id, "e1", rows, "测试")
    history = m.store.conn.execute("SELECT key, new FROM history WHERE entity = 'entry' ORDER BY id").fetchall()
    assert len(history) == 2
    for (key, new), row in zip(history, rows):
        assert key == _sorted(E._key(plan.id, group.id, "e1", row.school_id, row.indicator))
        assert new == _dump({"inputs": E.jsonable_inputs(row.inputs), "evidence": list(row.evidence),
                             "methods": list(row.methods), "note": row.note, "points": E.stored_points(row.points)})
    m.close()
