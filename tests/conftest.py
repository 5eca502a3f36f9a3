"""Shared test set-up: headless Qt, and a private data folder for every test."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest

from inspector_app import paths


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder; nothing touches the user's real one."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_VAR, str(folder))
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def inline_operations(request, monkeypatch):
    """Window tests run each operation's gather, work and record on the test's thread, in order."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from inspector_app.ui.operation import Operation
    monkeypatch.setattr(Operation, "inline", True)
    yield
    Operation.running.clear()
