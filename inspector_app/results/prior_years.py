"""Last year's results, read as a `History`: from a results workbook or from an earlier data folder."""
from __future__ import annotations

from pathlib import Path

from inspector_app.results.model import History
from inspector_app.store.db import DB_NAME, Store, StoreError, open_store
from inspector_app.store.plans import list_plans
from inspector_app.said import Said

HOLDS_INSPECTION = Said('{0} 中没有考核计划',
                         '{0} holds no inspection')
INSPECTOR_DATA_FOLDER_HAS = Said('{0} 不是 Inspector 的数据文件夹（其中没有 {1}），没有可导入的上年结果',
                                  '{0} is not an Inspector data folder (it has no {1}): no prior-year results to import')


def history_from_source(source: Path) -> History:
    """A results workbook (.xlsx) or an earlier data folder, read as a History."""
    if source.is_dir():
        if not (source / DB_NAME).is_file():
            raise StoreError(INSPECTOR_DATA_FOLDER_HAS(source, DB_NAME))
        old = open_store(source)
        try:
            return _folder_history(old, source)
        finally:
            old.close()
    from inspector_app.results.history import read_history  # openpyxl, only when a workbook is read
    return read_history(source)


def _folder_history(old: Store, source: Path) -> History:
    from inspector_app.results.from_store import plan_results
    plans = [p for p in list_plans(old) if not p.demo]
    if not plans:
        raise StoreError(HOLDS_INSPECTION(source))
    return plan_results(old, plans[0]).to_history()
