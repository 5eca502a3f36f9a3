"""backup now / list / restore: the data folder's backups from the command line."""
from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.output import print_json
from inspector_app.cli.store_cmd import opened
from inspector_app.store import backup as B
from inspector_app.store.db import StoreError


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="备份：立即备份、列出、恢复")
    bs = b.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    bs.add_parser("now", help="立即备份").set_defaults(func=cmd_backup_now)
    bl = bs.add_parser("list", help="列出备份")
    bl.add_argument("--json", action="store_true")
    bl.set_defaults(func=cmd_backup_list)
    br = bs.add_parser("restore", help="用一个备份替换当前数据库（当前数据库另行保留）")
    br.add_argument("backup", help="备份文件，或 latest")
    br.set_defaults(func=cmd_backup_restore)


def cmd_backup_now(args) -> int:
    with opened() as store:
        made = B.backup_now(store)
        print(f"已备份到 {made.path}")
    return 0


def cmd_backup_list(args) -> int:
    from inspector_app import paths
    backups = B.list_backups(paths.data_dir())
    if getattr(args, "json", False):
        print_json([{"made_at": f"{b.made_at:%Y-%m-%d %H:%M:%S}", "size": b.size, "path": str(b.path)}
                    for b in backups])
        return 0
    for b in backups:
        print(f"{b.made_at:%Y-%m-%d %H:%M:%S}\t{b.size}\t{b.path}")
    return 0


def cmd_backup_restore(args) -> int:
    from inspector_app import paths
    from inspector_app.cli.main import CommandError
    data_dir = paths.data_dir()
    if args.backup == "latest":
        good = B.newest_good_backup(data_dir)
        if good is None:
            raise CommandError(f"{B.backup_dir(data_dir)} 中没有通过校验的备份，未恢复" if B.list_backups(data_dir)
                               else "没有备份")
        source = good.path
    else:
        source = Path(args.backup)
    try:
        aside = B.restore(data_dir, source)
    except (StoreError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    print(f"已从 {source} 恢复，恢复后的数据库已通过完整性检查。" +
          (f"原数据库保留在 {aside}" if aside else "原来没有数据库。"))
    return 0
