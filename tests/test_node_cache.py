"""The parsed-rubric cache: it saves the parse and the PyYAML import, and never changes what is loaded."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.rubric import node_cache
from inspector_app.rubric.loader import RubricError, load_rubric_bytes

ROOT = Path(__file__).resolve().parents[1]
RUBRICS = sorted((ROOT / "rubrics").glob("*.yaml"))


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: p.stem)
def test_cached_rubric_equals_the_parsed_one(tmp_path, path, monkeypatch):
    raw = path.read_bytes()
    parsed = load_rubric_bytes(raw, path.name)
    first = load_rubric_bytes(raw, path.name, cache=tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 1

    def no_parse(*_args):
        raise AssertionError("parsed again although cached")

    monkeypatch.setattr(node_cache, "parse_yaml_bytes", no_parse)
    second = load_rubric_bytes(raw, path.name, cache=tmp_path)
    assert parsed == first == second


def test_problems_keep_their_lines_through_the_cache(tmp_path):
    # a file that parses as YAML but breaks a rubric rule: the reader's line must survive the cache
    raw = (ROOT / "rubrics" / "ankang-2022.yaml").read_bytes().replace(b"total: 100", b"total: lots", 1)
    assert raw != (ROOT / "rubrics" / "ankang-2022.yaml").read_bytes()
    with pytest.raises(RubricError) as direct:
        load_rubric_bytes(raw, "a.yaml")
    for _ in range(2):  # the second time from the cache
        with pytest.raises(RubricError) as cached:
            load_rubric_bytes(raw, "a.yaml", cache=tmp_path)
        assert str(cached.value) == str(direct.value)
        assert "a.yaml:" in str(cached.value) and "total" in str(cached.value)


def test_broken_yaml_is_reported_and_not_cached(tmp_path):
    with pytest.raises(RubricError) as caught:
        load_rubric_bytes(b"id: x\nareas: [\n", "broken.yaml", cache=tmp_path)
    assert "broken.yaml:" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("damage", ["truncate", "garbage", "other-file", "old-format", "bad-node"])
def test_a_damaged_or_foreign_cache_file_is_parsed_again_and_replaced(tmp_path, damage):
    path = ROOT / "rubrics" / "suizhou-2022.yaml"
    raw = path.read_bytes()
    expected = load_rubric_bytes(raw, path.name)
    load_rubric_bytes(raw, path.name, cache=tmp_path)
    (cached,) = tmp_path.glob("*.json")
    text = cached.read_text(encoding="utf-8")
    stored = json.loads(text)
    if damage == "truncate":
        cached.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "garbage":
        cached.write_bytes(b"\x00\xff" * 50)
    elif damage == "other-file":  # another rubric's tree under this file's name
        other = ROOT / "rubrics" / "ankang-2022.yaml"
        load_rubric_bytes(other.read_bytes(), other.name, cache=tmp_path)
        (tmp_path / f"{stored['sha256']}.json").write_text(
            next(p for p in tmp_path.glob("*.json") if p != cached).read_text(encoding="utf-8"), encoding="utf-8")
    elif damage == "old-format":
        stored["format"] = node_cache.FORMAT + 1
        cached.write_text(json.dumps(stored), encoding="utf-8")
    else:
        stored["root"] = ["x", 1, []]
        cached.write_text(json.dumps(stored), encoding="utf-8")
    assert load_rubric_bytes(raw, path.name, cache=tmp_path) == expected
    assert json.loads(cached.read_text(encoding="utf-8"))["sha256"] == stored["sha256"]
    assert node_cache.decode(json.loads(cached.read_text(encoding="utf-8"))["root"]) is not None


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_cache_folder_only_costs_the_parse(request, tmp_path):
    from permissions import rerun_without_overrides
    if rerun_without_overrides(request):  # root writes to read-only folders
        return
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        path = ROOT / "rubrics" / "suizhou-2022.yaml"
        assert load_rubric_bytes(path.read_bytes(), path.name, cache=folder).id == "suizhou-jlt"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_an_unwritable_cache_path_only_costs_the_parse(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    path = ROOT / "rubrics" / "suizhou-2022.yaml"
    assert load_rubric_bytes(path.read_bytes(), path.name, cache=blocker).id == "suizhou-jlt"


def test_opening_a_plan_seen_before_does_not_import_pyyaml(tmp_path):
    # The window's start opens the plan's rubric; once parsed, that must not load PyYAML again.
    code = (
        "import sys\n"
        "from inspector_app.store.db import open_store\n"
        "from inspector_app.store.demo import make_demo\n"
        "from inspector_app.workspace import Workspace\n"
        "store = open_store()\n"
        "plan = make_demo(store)\n"
        "Workspace(store, plan)\n"
        "print('yaml' in sys.modules)\n")
    env = dict(os.environ, INSPECTOR_DATA_DIR=str(tmp_path))
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "False"
    assert list((tmp_path / "cache" / "rubrics").glob("*.json"))
