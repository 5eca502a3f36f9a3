"""`inspector keys ...` (this install's key and the trust list) and `inspector verify FILE...`."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from inspector_app.cli.output import print_json

PASSPHRASE_ENV = "INSPECTOR_KEY_PASSPHRASE"
NEW_PASSPHRASE_ENV = "INSPECTOR_NEW_KEY_PASSPHRASE"

_STATUS_ZH = {"own": "本机", "trusted": "已信任", "revoked": "已吊销", "seen": "待核对"}


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="本机签名密钥与信任列表（查看、导出、信任、吊销）")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION")
    ksub.required = True

    p = ksub.add_parser("show", help="显示本机密钥的指纹（首次使用时生成密钥）；教育局据此让各方当面核对")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = ksub.add_parser("export", help="导出本机公钥文件（.pub），交给组长或教育局")
    p.add_argument("--out", metavar="FILE", help="写入的文件（默认输出到屏幕）")
    p.add_argument("--name", default="", help="写在公钥文件中的姓名（省略时取本机在考核计划中的身份，或在终端询问）")
    p.set_defaults(func=cmd_export)

    p = ksub.add_parser("trust", help="信任一把密钥：公钥文件，或暂存数据包上显示的指纹")
    p.add_argument("source", metavar="FILE_OR_FINGERPRINT")
    p.add_argument("--name", default="", help="持有人姓名")
    p.add_argument("--role", default="", help="角色（专家、组长、教育局）")
    p.set_defaults(func=cmd_trust)

    p = ksub.add_parser("revoke", help="吊销一把密钥（此后它签名的数据包一律不接受）")
    p.add_argument("key", metavar="KEY", help="指纹、密钥编号或已信任的姓名")
    p.add_argument("--reason", default="", help="吊销原因（如：电脑丢失）")
    p.set_defaults(func=cmd_revoke)

    p = ksub.add_parser("passphrase", help="设置、更改或取消本机私钥（签名密钥和加密密钥）的口令")
    p.add_argument("--remove", action="store_true", help="取消口令（私钥以明文保存在本机密钥文件夹中）")
    p.set_defaults(func=cmd_passphrase)

    p = ksub.add_parser("list", help="列出本机、已信任、已吊销和待核对的密钥")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("verify", help="校验数据包：完整、未被改动、签名人已登记（全部通过时退出码为 0）")
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def open_keystore():
    """The key store; a protected key's passphrase comes from INSPECTOR_KEY_PASSPHRASE (scripts), or is asked
    at the terminal the first time a private key is needed (never echoed)."""
    from inspector_app import paths
    from inspector_app.bundles.keys import KeyStore
    return KeyStore(paths.data_dir(), passphrase=os.environ.get(PASSPHRASE_ENV) or None, ask=_ask_passphrase)


def unlocked_keystore():
    """The key store with its private keys unlocked before any file is touched: a protected key's passphrase
    from INSPECTOR_KEY_PASSPHRASE or the terminal; a missing or wrong one stops the command with the remedy."""
    from inspector_app.bundles.canonical import BundleError
    ks = open_keystore()
    if not ks.is_encrypted():
        return ks
    given = os.environ.get(PASSPHRASE_ENV) or _ask_passphrase()
    if not given:
        raise _fail(BundleError("key_locked", "本机密钥设有口令，请先输入口令。"))
    try:
        ks.unlock(given)
    except BundleError as exc:
        raise _fail(exc) from None
    return ks


def _ask_passphrase(prompt: str = "本机密钥的口令：") -> str | None:
    import getpass
    if not sys.stdin.isatty():
        return None  # the key stays locked: the refusal says how to give the passphrase
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        return None


def cmd_passphrase(args) -> int:
    from inspector_app.bundles.canonical import BundleError
    from inspector_app.cli.main import CommandError
    ks = open_keystore()
    try:
        ks.own_encryption()  # both keys exist (and the current passphrase is right) before anything changes
        if args.remove:
            new = ""
        elif os.environ.get(NEW_PASSPHRASE_ENV):
            new = os.environ[NEW_PASSPHRASE_ENV]
        else:
            new = _ask_passphrase("新口令：") or ""
            if not new:
                raise CommandError(f"没有输入新口令（在脚本中可用环境变量 {NEW_PASSPHRASE_ENV}；取消口令用 --remove）", 2)
            if _ask_passphrase("再输入一次新口令：") != new:
                raise CommandError("两次输入的新口令不一致，口令没有改变", 2)
        ks.set_passphrase(new)
    except BundleError as exc:
        raise _fail(exc) from None
    print("已取消本机私钥的口令。" if not new else "已设置本机私钥的口令：签名和打开数据包前会询问。"
          f"（脚本中可用环境变量 {PASSPHRASE_ENV}）")
    return 0


def _fail(exc) -> Exception:
    from inspector_app.cli.main import CommandError
    if exc.code in ("key_locked", "bad_passphrase"):
        return CommandError(f"{exc.message}在终端运行时会询问口令；在脚本中请设置环境变量 {PASSPHRASE_ENV}。")
    return CommandError(exc.message)


def cmd_show(args) -> int:
    from inspector_app.bundles.canonical import BundleError
    ks = open_keystore()
    try:
        own = ks.own_key()
        recipient = ks.own_encryption()[0]
    except BundleError as exc:
        raise _fail(exc) from None
    if args.json:
        print_json({"fingerprint": own.fingerprint, "key_id": own.key_id, "passphrase": ks.is_encrypted(),
                    "encryption_key": recipient, "folder": str(ks.folder)})
        return 0
    print(f"本机密钥指纹: {own.fingerprint}")
    print(f"密钥编号:     {own.key_id}")
    print(f"加密公钥:     {recipient}（由签名密钥签名，指纹同上）")
    print(f"口令保护:     {'是' if ks.is_encrypted() else '否'}")
    print(f"密钥文件夹:   {ks.folder}")
    return 0


def cmd_export(args) -> int:
    from inspector_app.bundles.canonical import BundleError
    from inspector_app.fsutil import StorageError, write_atomic
    ks = open_keystore()
    name = args.name.strip() or _derived_name()
    try:
        data = ks.export_public(name)
    except BundleError as exc:
        raise _fail(exc) from None
    if args.out:
        try:
            write_atomic(Path(args.out), data)
        except StorageError as exc:
            from inspector_app.cli.main import CommandError
            raise CommandError(str(exc)) from None
        print(f"已导出公钥到 {args.out}（指纹 {ks.own_key().fingerprint}）")
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0


def cmd_trust(args) -> int:
    from inspector_app.bundles.canonical import BundleError
    from inspector_app.bundles.public_keys import fingerprint_of_id
    ks = open_keystore()
    source = args.source
    try:
        if Path(source).is_file():
            pub, name_in_file, encryption = ks.import_public_full(Path(source))
            kid = ks.trust_many([(pub, args.name or name_in_file, args.role, encryption)])[0]
            if encryption is None:
                from inspector_app.cli.main import say
                say("注意：这个公钥文件来自加密功能之前的版本，没有加密公钥；加密的数据包无法发给这把密钥的持有人，"
                    "请对方用新版本重新导出公钥文件")
        else:
            kid = ks.trust_fingerprint(source, args.name, args.role)
    except BundleError as exc:
        raise _fail(exc) from None
    print(f"已信任密钥 {fingerprint_of_id(kid)}（{ks.name_of(kid) or '未命名'}）。")
    return 0


def cmd_revoke(args) -> int:
    from inspector_app.bundles.canonical import BundleError
    from inspector_app.bundles.public_keys import fingerprint_of_id
    ks = open_keystore()
    try:
        kid = ks.resolve(args.key)
        if ks.has_own_key() and kid == ks.own_key().key_id:
            from inspector_app.cli.main import CommandError
            raise CommandError("这是本机自己的密钥，不能在这里吊销。")
        ks.revoke(kid, args.reason)
    except BundleError as exc:
        raise _fail(exc) from None
    print(f"已吊销密钥 {fingerprint_of_id(kid)}（{ks.name_of(kid) or '未命名'}）。此后它签名的数据包一律不接受。")
    return 0


def cmd_list(args) -> int:
    from inspector_app.bundles.canonical import BundleError
    ks = open_keystore()
    try:
        records = ks.records()
    except BundleError as exc:
        raise _fail(exc) from None
    if args.json:
        print_json([{"status": r.status, "status_text": _STATUS_ZH.get(r.status, r.status), "fingerprint": r.fingerprint,
                     "key_id": r.key_id, "name": r.name, "role": r.role, "added": r.added, "revoked": r.revoked,
                     "reason": r.reason, "source": r.source} for r in records])
        return 0
    if not records:
        print("还没有任何密钥。运行 inspector keys show 生成本机密钥。")
    for r in records:
        line = f"{_STATUS_ZH.get(r.status, r.status)}  {r.fingerprint}  {r.name or '未命名'}"
        if r.role:
            line += f"（{r.role}）"
        if r.status == "trusted" and r.added:
            line += f"  添加于 {r.added}"
        if r.status == "revoked":
            line += f"  吊销于 {r.revoked}，原因：{r.reason}"
        if r.status == "seen":
            line += f"  首次见于 {r.source or '?'}（{r.added}）；核对后运行 inspector keys trust {r.fingerprint} --name 姓名"
        print(line)
    return 0


def cmd_verify(args) -> int:
    from inspector_app.bundles.verification import verify_file
    from inspector_app.bundles.canonical import BundleError
    try:
        ks = unlocked_keystore()
    except BundleError as exc:
        raise _fail(exc) from None
    from inspector_app.cli.main import say
    results = []
    for name in args.files:
        ok, message = verify_file(name, ks)
        results.append({"file": name, "ok": ok, "message": message})
        if not args.json:
            print(f"通过  {name}: {message}") if ok else say(f"未通过  {name}: {message}")
    if args.json:
        print_json(results)
    return 0 if all(r["ok"] for r in results) else 1


def _derived_name() -> str:
    """The name this laptop's user chose in its plans, or one typed at the terminal; never a blank name."""
    from inspector_app.cli.main import CommandError
    names = set()
    try:
        from inspector_app.store import identity as I
        from inspector_app.store import plans as P
        from inspector_app.store.db import open_store
        from inspector_app import paths
        if (paths.data_dir() / "inspector.db").exists():
            with contextlib.closing(open_store()) as store:
                for plan in P.list_plans(store):
                    who = I.current(store, plan.id)
                    if who is not None and who.expert is not None:
                        names.add(who.expert.name)
    except Exception:  # noqa: BLE001 - a name is a convenience; the key export must not fail for it
        names = set()
    if len(names) == 1:
        return names.pop()
    if sys.stdin.isatty():
        typed = input("写在公钥文件中的姓名：").strip()
        if typed:
            return typed
    import getpass
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = ""
    if not account:
        raise CommandError("请用 --name 写上公钥持有人的姓名（教育局和组长据此核对）", 2)
    from inspector_app.cli.main import say
    say(f"未给 --name，公钥文件中的姓名暂用本机账户名“{account}”；可用 --name 姓名 重新导出")
    return account
