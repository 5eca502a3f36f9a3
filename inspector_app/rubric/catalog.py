"""Finding rubrics: the shipped ones under `rubrics/` and any dropped into the data folder."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inspector_app import paths
from inspector_app.rubric.loader import RubricError, load_rubric
from inspector_app.rubric.model import Rubric
from inspector_app.rubric.yamlnodes import Problem
from inspector_app.said import Said

ID_TWICE_IN_FOLDER = Said("编号 {0} 与同一文件夹中的 {1} 重复，未载入", "the id {0} is also that of {1} in the same folder: not loaded")

RUBRIC_FOUND_THERE = Said('找不到考核指标 “{0}”；已有: {1}',
                           'Rubric "{0}" not found; there are: {1}')


@dataclass
class Catalog:
    rubrics: dict[str, Rubric] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # broken files, reported but not fatal

    def get(self, key: str) -> Rubric:
        """By id, or by a path to a rubric file."""
        if key in self.rubrics:
            return self.rubrics[key]
        path = Path(key)
        if path.suffix in (".yaml", ".yml") or path.exists():
            return load_rubric(path)
        known = "、".join(sorted(self.rubrics)) or "（无）"
        raise KeyError(RUBRIC_FOUND_THERE(key, known))


def rubric_dirs() -> list[Path]:
    return [paths.shipped_rubrics_dir(), paths.data_dir() / "rubrics"]


def load_catalog(dirs: list[Path] | None = None) -> Catalog:
    """Load every rubric; a broken file is listed in `problems` and the rest still load.

    A file in the data folder with the same id as a shipped one replaces it: that
    is how a bureau issues a corrected rubric without a new release.
    """
    catalog = Catalog()
    for folder in dirs if dirs is not None else rubric_dirs():
        if not folder.is_dir():
            continue
        seen: dict[str, Path] = {}  # ids within this folder; a later folder may replace them
        for path in sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml"))):
            try:
                rubric = load_rubric(path)
            except RubricError as exc:
                catalog.problems.extend(exc.problems)
                continue
            if rubric.id in seen:
                catalog.problems.append(Problem(str(path), 1, "id",
                                                ID_TWICE_IN_FOLDER(rubric.id, seen[rubric.id].name)))
                continue
            seen[rubric.id] = path
            catalog.rubrics[rubric.id] = rubric
    return catalog
