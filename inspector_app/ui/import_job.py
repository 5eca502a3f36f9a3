"""Adding files to an indicator from the window: checked, hashed and stored on a worker, then named in the
store on the window's thread, and the outcome said in one line. Shared by the photos and the evidence files."""
from __future__ import annotations

from typing import Any, Callable

from inspector_app.store.db import StoreError
from inspector_app.ui.operation import Operation


def import_on_worker(view, work: Callable[[Any], list], record: Callable[[list, bool], Any], *, title: str,
                     label: str, done: Callable[[Any], None],
                     failed: Callable[[], None] | None = None) -> Operation:
    """An Operation (not started) running `work(progress)` off the window's thread; `record(results, cancelled)`
    then writes the rows here, a cancelled import included (what was stored before Cancel is kept or refused
    by `record`). A StoreError from `record` is said on `view.message`; otherwise `done(result)` follows."""
    def recorded(results, cancelled: bool) -> None:
        try:
            result = record(results or [], cancelled)
        except StoreError as exc:
            if failed is not None:
                failed()
            view.message.emit(str(exc), True)
            return
        done(result)

    job = Operation(view, title, work, label=label)
    job.on_success(lambda results: recorded(results, False)).on_cancel(lambda results: recorded(results, True))
    return job


def say_imported(view, result, *, cancelled: str, added: str, refused: str) -> None:
    """The import's outcome in one line (`added` takes the count, `refused` the count and the first reason),
    then the view redrawn and told changed and saved."""
    view.last_import = result
    if result.cancelled:
        view.message.emit(cancelled, False)
    else:
        text = added.format(len(result.added))
        if result.refused:
            text += refused.format(len(result.refused), str(result.refused[0]))
        view.message.emit(text, bool(result.refused))
    view.refresh()
    view.changed.emit()
    view.saved.emit()
