"""Roster files read into a plan spec: the YAML roster, the Excel roster (its cells checked by
results/roster.py, whose Roster the results reuse) and the experts named by --expert, with their key files."""
from __future__ import annotations

from pathlib import Path

from inspector_app.bundles.canonical import BundleError
from inspector_app.rubric.yamlnodes import YamlFileError, read_yaml_file
from inspector_app.scoring.answers import plain
from inspector_app.store import plans as P


def read_roster_file(path: Path, rubric, args) -> P.PlanSpec:
    """The roster named by `plan create`: an Excel workbook (.xlsx, .xlsm) or a YAML file."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_roster_workbook(path, rubric, args)
    return read_roster(path)


def read_roster(path: Path) -> P.PlanSpec:
    from inspector_app.cli.main import CommandError
    try:
        data = plain(read_yaml_file(path))
    except YamlFileError as exc:
        raise CommandError(f"名单文件有误:\n{exc}") from exc
    if not isinstance(data, dict):
        raise CommandError(f"{path}: 名单文件应为键值表")
    try:
        groups = [P.GroupSpec(
            name=g["name"], group_type=g.get("type") or None, id=g.get("id", ""),
            schools=[P.SchoolSpec(s["name"], s.get("role", "member"), s.get("kind", ""), s.get("head_role", ""),
                                  s.get("id", ""), str(s.get("short_name") or "")) for s in g.get("schools", [])],
            self_scores=g.get("self_scores") or {}) for g in data.get("groups", [])]
        experts = [expert_spec(path, e) for e in data.get("experts", [])]
        pub = data.get("publication") or None
        if pub is not None:
            unknown = set(pub) - set(P.Publication.FIELDS)
            if unknown:
                raise CommandError(f"{path}: publication 中没有 {'、'.join(sorted(unknown))}（可用：{'、'.join(P.Publication.FIELDS)}）")
            pub = P.Publication(**{k: str(v or "") for k, v in pub.items()})
        return P.PlanSpec(title=data["title"], school_year=data.get("school_year", ""), stage=data.get("stage", "复评"),
                          groups=groups, experts=experts, consensus=data.get("consensus", "mean"), publication=pub)
    except (KeyError, TypeError, AttributeError) as exc:
        raise CommandError(f"{path}: 名单文件缺少必填项 {exc}（见 docs/roster-format.md）") from exc


def read_roster_workbook(path: Path, rubric, args) -> P.PlanSpec:
    """An Excel roster: groups, schools, self-scores and last year's results, all checked before anything is stored."""
    from inspector_app.cli.main import CommandError
    from inspector_app.results.roster import RosterError, read_roster as read_xlsx
    if not args.title or not args.school_year or not args.expert:
        raise CommandError("用 Excel 名单新建计划时须给出 --title、--school-year 和至少一位 --expert", 2)
    try:
        roster = read_xlsx(path, rubric)
    except RosterError as exc:
        raise CommandError(f"名单有误（未导入任何内容）:\n{exc}") from exc
    groups = []
    for g in roster.groups:
        past = [(year, r) for year, r in roster.history.years.get(g.id, {}).items()]
        last = max(past, key=lambda x: x[0]) if past else None
        groups.append(P.GroupSpec(
            name=g.name, group_type=g.group_type or None, id=g.id,
            schools=[P.SchoolSpec(s.name, s.role, s.kind, s.head_role, s.id) for s in roster.schools.get(g.id, [])],
            self_scores={code: str(v) for code, v in roster.self_scores.get(g.id, {}).items()},
            last_year=None if last is None else {"year": f"{last[0]}—{last[0] + 1}", "total": last[1].total,
                                                 "grade": last[1].grade, "rank": last[1].rank}))
    experts = []
    for item in args.expert:
        experts.append(expert_spec(Path.cwd() / "roster", expert_option(item)))
    return P.PlanSpec(title=args.title, school_year=args.school_year, stage=args.stage, groups=groups, experts=experts)


def expert_option(item: str) -> dict:
    """`NAME[:lead][:KEY.pub]`; the key's path may hold colons of its own (`D:/keys/zhang.pub` on Windows)."""
    name, _, rest = item.partition(":")
    entry = {"name": name.strip(), "role": "member"}
    if rest == "lead" or rest.startswith("lead:"):
        entry["role"], rest = "lead", rest[5:]
    elif rest.endswith(":lead"):
        entry["role"], rest = "lead", rest[:-5]
    if rest:
        entry["key"] = rest
    return entry


def expert_spec(roster: Path, e: dict) -> P.ExpertSpec:
    """An expert of the roster; `key: FILE.pub` names the public key they exported (inspector keys export)."""
    spec = P.ExpertSpec(e["name"], e.get("role", "member"), e.get("id", ""))
    if e.get("key"):
        from inspector_app.bundles.public_keys import fingerprint, key_id, parse_public_file_full
        from inspector_app.cli.main import CommandError
        key_path = (roster.parent / e["key"]) if not Path(e["key"]).is_absolute() else Path(e["key"])
        where = f"{roster}: 专家 “{e['name']}” 的 key" if roster.name != "roster" else f"--expert {e['name']}"
        try:
            pub, _label, spec.encryption = parse_public_file_full(key_path.read_bytes())
        except OSError as exc:
            raise CommandError(f"{where}: 找不到或无法读取公钥文件 {key_path}（{exc.strerror or exc}）；"
                               "公钥文件由专家用 inspector keys export 导出，路径相对于名单文件") from None
        except BundleError as exc:
            raise CommandError(f"{where}: {key_path} 不是 Inspector 公钥文件：{exc.message}") from None
        spec.key_id, spec.public_key, spec.fingerprint = key_id(pub), pub, fingerprint(pub)
    return spec
