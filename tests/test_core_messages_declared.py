"""The core's messages to people are declared with their English form.

The core (store, bundles, results, rubric, scoring; numbers.py, which reads what is typed; the window's context:
inspection.py and workspace*.py) speaks Chinese; the window may show what it raises, and
under English the window says it in English (inspector_app/ui/core_words.py). It can only do so for a message
it knows: one declared at module level as `Said("中文 {0}", "English {0}")` (inspector_app/said.py) and raised
as `raise SomeError(MESSAGE(value))`. The rule kept here: no message of these packages is made of Chinese
written in place. The scan looks at

- every argument of an error made: a `raise SomeError(...)` (an error class: a name in CapWords), and any call
  of a class named …Error or Reject (an error made to be returned or collected);
- every argument of a problem found but the first (the file, or the sheet of a roster file, which the file
  names): a call of a class named …Problem or Health, or of a `problem(...)` helper (rubric/reader.py);
- what a function named problem, …_message, …_text or …_problem returns (a word before the suffix:
  `_text(value)`, which turns a cell into text, is no message).

There a text is Chinese written in place when it is a string literal or f-string with a Chinese character, or
built from one: a concatenation (`"中文" + x`), a %-format, `"中文 {}".format(...)`, a join of a list holding
one, either branch of `a if c else b`, any part of `a or b`, an item of a list or tuple. A message built from a Said call, a variable
or another error's text is not looked at.

What stays Chinese by design is not in these places: the rubric's wording (indicator titles, rules) and names
come in as values; typed text is a value; the printed documents (inspector_app/reports/, and the 公示 notice of
results/summary_pdf.py, PRINTED below) are not scanned for returns; the policy words of award and consequence
flags are values of the rubric. EXEMPT lists the few left as they are, each with its reason: (module, the
Chinese text).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import inspector_app

PACKAGES = ("store", "bundles", "results", "rubric", "scoring", "numbers.py", "fsutil.py", "inspection.py", "workspace.py",
            "workspace_photos.py", "workspace_places.py")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ROOT = Path(inspector_app.__file__).parent

# None so far: every message these packages raise is declared. A raise of a plain noun handed to a helper
# (store/evidence_files.py: too_large(..., "佐证文件")) is not an error class's call and not looked at.
EXEMPT: frozenset[tuple[str, str]] = frozenset()
MAKERS = ("_message", "_text", "_problem")  # functions whose name says they make a message
PRINTED = ("results/summary_pdf.py",)  # the 公示 notice: a printed document, Chinese by design


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


def _chinese(node: ast.expr | None) -> str | None:
    """The Chinese written in place in an expression: a literal, or one built into a message."""
    if node is None:
        return None
    text = _chinese_literal(node)
    if text is not None:
        return text
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _chinese(node.left) or _chinese(node.right)
    if isinstance(node, ast.IfExp):
        return _chinese(node.body) or _chinese(node.orelse)
    if isinstance(node, ast.BoolOp):
        return next((t for t in map(_chinese, node.values) if t), None)
    if isinstance(node, (ast.List, ast.Tuple)):
        return next((t for t in map(_chinese, node.elts) if t), None)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "format":
            return _chinese(node.func.value)
        if node.func.attr == "join":
            return next((t for a in node.args for sub in ast.walk(a) if isinstance(sub, (ast.Constant, ast.JoinedStr))
                         for t in [_chinese_literal(sub)] if t), None)
    return None


def _is_problem(func: ast.expr) -> bool:
    name = _name(func)
    return name == "problem" or (name[:1].isupper() and name.endswith(("Problem", "Health")))


def _is_message_maker(node: ast.AST) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and \
        (node.name == "problem" or any(node.name.endswith(s) and node.name.strip("_") != s.strip("_") for s in MAKERS))


def undeclared(source: str, module: str) -> list[tuple[str, int, str]]:
    """(module, line, Chinese text) of each message written in Chinese in place (see the module's docstring)."""
    tree = ast.parse(source)
    raised = {id(node.exc) for node in ast.walk(tree) if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)}
    seen = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_error_class(node.func) and \
                (id(node) in raised or _name(node.func).endswith(("Error", "Reject"))):
            seen += [*node.args, *(k.value for k in node.keywords)]
        elif isinstance(node, ast.Call) and _is_problem(node.func):
            seen += [*node.args[1:], *(k.value for k in node.keywords)]
        if _is_message_maker(node) and module not in PRINTED:
            seen += [sub.value for sub in ast.walk(node) if isinstance(sub, ast.Return)]
    found = []
    for arg in seen:
        text = _chinese(arg)
        if text is not None and (module, text) not in EXEMPT:
            found.append((module, arg.lineno, text))
    return sorted(set(found), key=lambda f: f[1])


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


def test_the_scan_sees_a_chinese_message_built_or_returned():
    """Chinese built into an error's message, in a problem's detail, or returned by a function making a message."""
    source = ('from inspector_app.said import Said\n'
              'GONE = Said("找不到 {0}", "{0} not found")\n'
              'def f(p, n, rd, problems):\n'
              '    raise StoreError("数据库文件 " + str(p))\n'                         # 4: a concatenation
              '    raise BundleError("bad", "第 %d 项" % n)\n'                          # 5: a %-format
              '    errors.append(E.PhotoError("缺少 {} 张".format(n)))\n'               # 6: .format
              '    raise RosterError("；".join(["缺少列", str(p)]))\n'                  # 7: a join of Chinese parts
              '    raise StoreError(GONE(p) if p else "未知")\n'                        # 8: a branch
              '    problems.append(Problem(p, 1, "文件", f"无法读取: {p}"))\n'          # 9: field and detail
              '    problems.append(CellProblem("集团", 0, GONE(p)))\n'                  # the sheet: its name
              '    rd.problem(1, p or "(根)", GONE(p))\n'                               # 11: a place of `or`
              '    return Health(False, "是空的", "empty")\n'                            # 12: a health problem
              'def damaged_message(p):\n'
              '    text = GONE(p)\n'
              '    return text + "没有可用的自动备份"\n'                                # 15: returned, built
              'def name_problem(p):\n'
              '    return "空文件名" if not p else None\n'                              # 17: returned
              'def _text(value):\n'
              '    return "是" if value else "否"\n'                                     # a cell made text
              'def label(p):\n'
              '    return f"指标 {p}"\n'                                                 # no message maker
              'def size_text(n):\n'
              '    return GONE(n)\n')
    assert sorted((line, text) for _, line, text in undeclared(source, "x.py")) == \
        [(4, "数据库文件 "), (5, "第 %d 项"), (6, "缺少 {} 张"), (7, "缺少列"), (8, "未知"), (9, "文件"), (9, "无法读取: "),
         (11, "(根)"), (12, "是空的"), (15, "没有可用的自动备份"), (17, "空文件名")]
    printed = [(line, text) for _, line, text in undeclared(source, PRINTED[0])]
    assert (15, "没有可用的自动备份") not in printed and (17, "空文件名") not in printed  # a printed document's text
    assert (4, "数据库文件 ") in printed  # but what it raises is looked at


def test_every_exemption_is_still_needed():
    sources = _modules()
    for module, text in EXEMPT:
        assert text in sources.get(module, ""), f"exemption no longer needed: {module}: {text}"


def test_declared_messages_keep_their_places():
    """Each declared message has its English form with the same places (Said refuses others when made), and
    that form has no Chinese but what people write as it is: 是/否 typed into a field, the 指标/学校 columns of
    a register file, the 集团/学校 sheets of a roster file and the roles typed in it (核心校/成员校)."""
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
        for kept in ("是", "否", "指标", "学校", "集团", "核心校", "成员校"):
            english = english.replace(kept, "")
        assert not CJK.search(english), form


def test_each_chinese_text_has_one_english_form():
    """The window reads a Chinese text back to its English form; a text declared twice with two English forms
    would be said one way or the other depending on which module was imported first."""
    import collections
    import importlib
    import pkgutil
    from inspector_app.said import known
    for module in pkgutil.walk_packages(inspector_app.__path__, "inspector_app."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    forms = collections.defaultdict(set)
    for said in known():
        forms[said.zh].add(said.en)
    assert {zh: sorted(en) for zh, en in forms.items() if len(en) > 1} == {}
