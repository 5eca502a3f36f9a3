"""The core's messages to people are declared with their English form.

The core (store, bundles, results, rubric, scoring; numbers.py, which reads what is typed; the window's context:
inspection.py and workspace*.py) speaks Chinese; the window may show what it raises, and
under English the window says it in English (inspector_app/ui/core_words.py). It can only do so for a message
it knows: one declared at module level as `Said("中文 {0}", "English {0}")` (inspector_app/said.py) and raised
as `raise SomeError(MESSAGE(value))`. The rule kept here: no error of these packages is made with a Chinese
string literal or f-string passed straight to it: not in a `raise SomeError(...)` (an error class: a name in
CapWords), nor in any call of a class named …Error or Reject (an error made to be returned or collected). A
message built from a Said call, a variable or another error's text is not looked at.

EXEMPT lists the few raises left as they are, each with its reason: (module, the Chinese text).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import inspector_app

PACKAGES = ("store", "bundles", "results", "rubric", "scoring", "numbers.py", "inspection.py", "workspace.py",
            "workspace_photos.py", "workspace_places.py")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ROOT = Path(inspector_app.__file__).parent

# None so far: every message these packages raise is declared. A raise of a plain noun handed to a helper
# (store/evidence_files.py: too_large(..., "佐证文件")) is not an error class's call and not looked at.
EXEMPT: frozenset[tuple[str, str]] = frozenset()


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _is_error_class(func: ast.expr) -> bool:
    return _name(func)[:1].isupper()


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
    tree = ast.parse(source)
    raised = {id(node.exc) for node in ast.walk(tree) if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_error_class(node.func) and \
                (id(node) in raised or _name(node.func).endswith(("Error", "Reject"))):
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                text = _chinese_literal(arg)
                if text is not None and (module, text) not in EXEMPT:
                    found.append((module, arg.lineno, text))
    return found


def _modules() -> dict[str, str]:
    """module path → source of every module scanned."""
    paths = [p for package in PACKAGES for p in
             ([ROOT / package] if package.endswith(".py") else sorted((ROOT / package).rglob("*.py")))]
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in paths}


def test_the_core_raises_declared_messages_only():
    found = []
    for module, source in _modules().items():
        found += undeclared(source, module)
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
              '    raise too_large(p, "佐证文件")\n'
              '    errors.append(E.PhotoError(f"已损坏 {p}"))\n'
              '    print(Path("目录"))\n')
    assert sorted((line, text) for _, line, text in undeclared(source, "x.py")) == \
        [(5, "找不到 "), (6, "格式不对"), (10, "已损坏 ")]


def test_every_exemption_is_still_needed():
    sources = _modules()
    for module, text in EXEMPT:
        assert text in sources.get(module, ""), f"exemption no longer needed: {module}: {text}"


def test_declared_messages_keep_their_places():
    """Each declared message has its English form with the same places (Said refuses others when made), and
    that form has no Chinese but what people write as it is: 是/否 typed into a field, the 指标/学校 columns of
    a register file."""
    import importlib
    import pkgutil

    from inspector_app import said
    for package in PACKAGES:
        pkg = importlib.import_module(f"inspector_app.{package.removesuffix('.py')}")
        if not hasattr(pkg, "__path__"):
            continue
        for info in pkgutil.walk_packages(pkg.__path__, f"inspector_app.{package}."):
            importlib.import_module(info.name)
    forms = said.known()
    assert len(forms) > 400
    for form in forms:
        english = form.en
        for kept in ("是", "否", "指标", "学校"):
            english = english.replace(kept, "")
        assert not CJK.search(english), form
