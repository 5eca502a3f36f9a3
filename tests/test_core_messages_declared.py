"""The core's messages to people are declared with their English form.

The core (store, bundles, results, rubric, scoring) speaks Chinese; the window may show what it raises, and
under English the window says it in English (inspector_app/ui/core_words.py). It can only do so for a message
it knows: one declared at module level as `Said("中文 {0}", "English {0}")` (inspector_app/said.py) and raised
as `raise SomeError(MESSAGE(value))`. The rule kept here: no `raise SomeError(...)` of these packages passes a
Chinese string literal or f-string straight to the error (an error class: a name in CapWords). A message
built from a Said call, a variable or another error's text is not looked at.

EXEMPT lists the few raises left as they are, each with its reason: (module, the Chinese text).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import inspector_app

PACKAGES = ("store", "bundles", "results", "rubric", "scoring")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ROOT = Path(inspector_app.__file__).parent

# None so far: every message these packages raise is declared. A raise of a plain noun handed to a helper
# (store/evidence_files.py: too_large(..., "佐证文件")) is not an error class's call and not looked at.
EXEMPT: frozenset[tuple[str, str]] = frozenset()


def _is_error_class(func: ast.expr) -> bool:
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name[:1].isupper()


def _chinese_literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value):
        return node.value
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if CJK.search(text):
            return text
    return None


def undeclared(source: str, module: str) -> list[tuple[str, int, str]]:
    """(module, line, Chinese text) of each raise passing a Chinese literal straight to an error class."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _is_error_class(node.exc.func):
            for arg in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
                text = _chinese_literal(arg)
                if text is not None and (module, text) not in EXEMPT:
                    found.append((module, arg.lineno, text))
    return found


def test_the_core_raises_declared_messages_only():
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            found += undeclared(path.read_text(encoding="utf-8"), module)
    assert not found, "declare these with Said (inspector_app/said.py) and raise the declared message:\n" + \
        "\n".join(f"  {m}:{line}: {text[:60]}" for m, line, text in found)


def test_the_scan_sees_a_chinese_message_raised():
    source = ('from inspector_app.said import Said\n'
              'GONE = Said("找不到 {0}", "{0} not found")\n'
              'def f(p):\n'
              '    if p:\n'
              '        raise StoreError(f"找不到 {p}")\n'
              '    raise E.BundleError("bad", "格式不对")\n'
              '    raise StoreError(GONE(p))\n'
              '    raise ValueError("no Chinese here")\n'
              '    raise too_large(p, "佐证文件")\n')
    assert sorted((line, text) for _, line, text in undeclared(source, "x.py")) == [(5, "找不到 "), (6, "格式不对")]


def test_every_exemption_is_still_needed():
    sources = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
               for package in PACKAGES for path in (ROOT / package).rglob("*.py")}
    for module, text in EXEMPT:
        assert text in sources.get(module, ""), f"exemption no longer needed: {module}: {text}"


def test_declared_messages_keep_their_places():
    """Each declared message has its English form with the same places (Said refuses others when made)."""
    import importlib
    import pkgutil

    from inspector_app import said
    for package in PACKAGES:
        pkg = importlib.import_module(f"inspector_app.{package}")
        for info in pkgutil.walk_packages(pkg.__path__, f"inspector_app.{package}."):
            importlib.import_module(info.name)
    forms = said.known()
    assert len(forms) > 400
    for form in forms:
        assert not CJK.search(form.en.replace("指标", "").replace("学校", "")), form
