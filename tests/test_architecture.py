"""The core imports no Qt; Qt lives in inspector_app/ui/ alone; widgets run no SQL."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "inspector_app"


def core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if rel.parts[1] == "ui" or path.name == "__main__.py":
            continue
        names.append(".".join(rel.parts).removesuffix(".__init__"))
    return names


def test_core_imports_without_qt():
    # Qt is made unimportable in a fresh interpreter; every core module must still import.
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'):\n"
        "            raise ImportError('Qt is not allowed in the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
        "print('ok', len(sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert len(core_modules()) > 20


def test_qt_only_under_ui():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken\d)", re.M)
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                 if "ui" not in p.relative_to(PACKAGE).parts[:1] and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


SQL = re.compile(r"\.execute(many|script)?\(|\bSELECT\b.+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b"
                 r"|\bUPDATE\b\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|INDEX|TRIGGER)\b")


def test_sql_only_in_the_store():
    # The store owns its tables: views, bundles, reports and results ask it through named functions.
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in sorted(PACKAGE.rglob("*.py"))
                 if p.relative_to(PACKAGE).parts[0] != "store"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if SQL.search(line)]
    assert offenders == []


def test_the_sql_check_sees_sql():
    for line in ('store.conn.execute("SELECT 1")', "rows = conn.executemany(sql, rows)",
                 "q = 'INSERT OR REPLACE INTO entries (a) VALUES (?)'", "'DELETE FROM photos WHERE id = ?'",
                 "'UPDATE experts SET key_id = ?'"):
        assert SQL.search(line), line
    assert not SQL.search("select the rows from the sheet")  # prose in lower case is no SQL


def test_readme_commands_and_ci_agree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    install_and_start, run_tests = blocks[0].strip(), blocks[1].strip()
    assert install_and_start.endswith("inspector")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run_tests in ci.splitlines()


# ---------------------------------------------------------------------------- declared layers (import-linter)

def lint_imports(root: Path) -> subprocess.CompletedProcess:
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"
    env = {**__import__("os").environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env)


def contracts() -> dict[str, dict]:
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def top_level_names() -> set[str]:
    return {f"inspector_app.{p.stem if p.is_file() else p.name}" for p in PACKAGE.iterdir()
            if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").is_file()}


def test_declared_layers_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_contracts_name_every_package():
    declared = contracts()
    layered = {name.strip() for layer in declared["layers"]["layers"] for name in layer.split("|")}
    assert layered == top_level_names()
    qt_free = set(declared["qt-in-ui-only"]["source_modules"])
    assert qt_free == top_level_names() - {"inspector_app.ui"}


def _broken_copy(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess:
    import shutil
    shutil.copytree(PACKAGE, tmp_path / "inspector_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "inspector_app" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return lint_imports(tmp_path)


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path):
    result = _broken_copy(tmp_path, "store/entries.py", "from inspector_app.reports import model as _up")
    assert result.returncode != 0
    assert "inspector_app.store.entries -> inspector_app.reports.model" in result.stdout


def test_siblings_may_not_import_each_other(tmp_path):
    result = _broken_copy(tmp_path, "reports/model.py", "import inspector_app.results.model as _side")
    assert result.returncode != 0
    assert "inspector_app.reports.model -> inspector_app.results.model" in result.stdout


def test_qt_in_the_core_breaks_the_contract(tmp_path):
    result = _broken_copy(tmp_path, "numbers.py", "import PySide6.QtCore as _qt")
    assert result.returncode != 0
    assert "inspector_app.numbers -> PySide6" in result.stdout
