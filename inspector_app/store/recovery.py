"""What the start after an unclean exit tells the expert: that the program stopped, whether the database is whole,
what was kept and the last change saved, and, if the WAL was lost, how many saved changes are gone (sequence numbers
it forgot are put back, so none is signed twice)."""
from __future__ import annotations

import json

from inspector_app.said import Said
from inspector_app.store.db import DB_NAME, Store, commit_state

# The account of an unclean exit, shown at the next start (sentence by sentence, so the window can say each).
UNCLEAN = Said("上次 Inspector 没有正常退出（可能是断电、死机或被强制关闭）",
               "Inspector did not close properly last time (a power cut, a freeze or a forced close)")
WAL_LOST = Said("数据库的日志文件（{0}）丢失或损坏：上次退出前已保存的 {1} 项修改没有了",
                "The database's log file ({0}) is missing or damaged: {1} change(s) saved before the last exit are gone")
RESTORE_NEWER = Said("可用“inspector backup list”查看备份、“inspector backup restore 文件”恢复较新的一份（当前数据库会改名保留）",
                     "See the backups with “inspector backup list” and restore a newer one with “inspector backup restore FILE” "
                     "(the present database is renamed and kept)")
SEQUENCES_NOT_REUSED = Said("已用过的数据包序号不会再用", "Bundle sequence numbers already used will not be used again")
CHECK_PASSED = Said("数据库完整性检查通过", "The database passed its integrity check")
KEPT_SINCE = Said("上次启动（{0}）以来保存的 {1} 项修改全部保留",
                  "All {1} change(s) saved since the last start ({0}) are kept")
LAST_SAVED_ENTRY = Said("最后保存的是指标 {1} 的{2}（{0}）", "The last change saved was the {2} of indicator {1} (at {0})")
LAST_KEPT_ENTRY = Said("现存最后保存的是指标 {1} 的{2}（{0}）", "The last change still here is the {2} of indicator {1} (at {0})")
LAST_SAVED_OTHER = Said("最后保存的是{1}的{2}（{0}）", "The last change saved was to {1}: {2} (at {0})")
LAST_KEPT_OTHER = Said("现存最后保存的是{1}的{2}（{0}）", "The last change still here was to {1}: {2} (at {0})")
TYPING_LOST = Said("屏幕上显示“已保存”之前正在输入、尚未保存的内容无法恢复",
                   "What was being typed before the screen showed “saved” cannot be recovered")
INPUT_WORD = Said("输入项", "inputs")
CONTENT_WORD = Said("内容", "the content")
RECORD_WORD = Said("记录", "a record")
_FIELD_WORDS = {k: Said(zh, en)() for k, (zh, en) in {
    "points": ("得分", "score"), "note": ("备注", "note"), "evidence": ("佐证材料", "evidence"),
    "methods": ("评价方式", "ways of evaluating"), "cleared": ("清除", "clearing"), "text": ("意见", "opinion"),
    "caption": ("照片说明", "the photo caption"), "added": ("照片", "photo"), "removed": ("照片删除", "photo removed"),
    "value": ("否决项", "veto item"), "version": ("版本", "version"), "created": ("建立", "creation"),
    "amended": ("修订", "amendment"), "key_id": ("公钥", "public key"), "issuer_key_id": ("发布机关公钥", "issuer's public key"),
    "me": ("身份", "identity")}.items()}
_KIND_WORDS = {k: Said(zh, en)() for k, (zh, en) in {
    "finding": ("考核组意见", "the panel's findings"), "photo": ("照片", "photo"), "evidence": ("佐证文件", "evidence file"),
    "veto": ("一票否决", "a veto"), "consensus": ("合议得分", "an agreed score"), "plan": ("考核计划", "the inspection plan"),
    "bundle": ("数据包", "a bundle"), "finalisation": ("定稿", "the finalisation"),
    "rectification": ("整改事项", "rectification items"), "register": ("登记表", "a register"),
    "feedback_meeting": ("反馈会记录", "the feedback meeting record"), "expert": ("专家", "experts"),
    "identity": ("本机身份", "this computer's identity"), "prior_result": ("上年结果", "last year's results")}.items()}


def recovery_account(store: Store, previous: dict) -> tuple[str, bool]:
    """(the account of an unclean exit, whether saved changes were lost)."""
    conn = store.conn
    started_at = previous.get("started_at", "") if isinstance(previous.get("started_at"), str) else ""
    saved = conn.execute("SELECT COUNT(*) FROM history WHERE at >= ?", (started_at,)).fetchone()[0] if started_at else 0
    last = conn.execute("SELECT at, entity, key, field FROM history ORDER BY id DESC LIMIT 1").fetchone()
    parts = [UNCLEAN() + "。"]
    lost = _lost_since(store, previous)
    if lost:
        parts += [WAL_LOST(f"{DB_NAME}-wal", lost) + "。", RESTORE_NEWER() + "。", SEQUENCES_NOT_REUSED() + "。"]
    else:
        parts.append(CHECK_PASSED() + "。")
        if started_at:
            parts.append(KEPT_SINCE(started_at[:19].replace('T', ' '), saved) + "。")
    if last:
        parts.append(_last_saved(last[0][11:19], last[1], last[2], last[3], lost=bool(lost)) + "。")
    parts.append(TYPING_LOST() + "。")
    return "".join(parts), bool(lost)


def _lost_since(store: Store, previous: dict) -> int:
    """How many recorded history rows the database no longer has; sequence numbers it forgot are put back."""
    now_state = commit_state(store.conn)
    had = previous.get("history")
    lost = had - now_state["history"] if isinstance(had, int) and had > now_state["history"] else 0
    seqs = previous.get("sequences")
    forgotten = []
    if isinstance(seqs, dict):
        for key, last in seqs.items():
            if isinstance(key, str) and "\t" in key and isinstance(last, int) and \
                    last > now_state["sequences"].get(key, 0):
                forgotten.append((*key.split("\t", 1), last))
    if forgotten:
        with store.tx():
            store.conn.executemany(
                "INSERT INTO sequences (plan_id, kind, last) VALUES (?, ?, ?) ON CONFLICT (plan_id, kind)"
                " DO UPDATE SET last = MAX(last, excluded.last)", forgotten)
    return max(lost, 1 if forgotten else 0)


def _last_saved(at: str, entity: str, key: str, field_name: str, *, lost: bool) -> str:
    """The sentence naming the last change still in the database, as the expert knows it."""
    try:
        data = json.loads(key)
    except ValueError:
        data = {}
    # A name the list does not hold stays out of the sentence: the message is read by the expert, not a developer.
    what = _FIELD_WORDS.get(field_name, INPUT_WORD() if field_name.startswith("inputs.") else CONTENT_WORD())
    if entity == "entry" and isinstance(data, dict):
        return (LAST_KEPT_ENTRY if lost else LAST_SAVED_ENTRY)(at, data.get('indicator', ''), what)
    return (LAST_KEPT_OTHER if lost else LAST_SAVED_OTHER)(at, _KIND_WORDS.get(entity, RECORD_WORD()), what)
