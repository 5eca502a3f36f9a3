"""Bundles encrypted to their recipients (age v1, X25519): a bundle for the lead and the bureau opens at
both and on no third laptop; a flipped byte of the ciphertext or of its envelope is refused with the
damaged-signature message and changes nothing; a bundle encrypted to a key revoked here is refused; a
plan's --plain bundles say so; a passphrase protects the private keys."""
from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from inspector_app.bundles.bag import read_bag
from inspector_app.bundles.verification import verify_file
from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.sealing import DAMAGED, PAYLOAD, read_envelope
from inspector_app.cli.main import main
from inspector_app.store.db import DB_NAME

ROSTER = """\
title: 加密测试考核
school_year: 2024—2025
stage: 复评
groups:
  - id: g4
    name: 中卫市第四中学教育集团
    schools:
      - {id: s0, name: 中卫市第四中学教育集团总校, role: lead, kind: 初中}
experts:
  - {id: lead, name: 张组长, role: lead, key: lead.pub}
  - {id: x1, name: 李专家, key: x1.pub}
"""
NOTE = "走教课表齐全，见教务处记录"


def run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def digest(folder: Path) -> str:
    files = [folder / DB_NAME, folder / "keys" / "trusted.json"]
    return hashlib.sha256(b"".join(f.read_bytes() for f in files if f.exists())).hexdigest()


def make_chain(root: Path, *plan_options: str) -> dict[str, Path]:
    usb = root / "usb"
    folders = {name: root / name for name in ("bureau", "lead", "x1", "third")}
    for name in ("lead", "x1"):
        assert run(folders[name], "keys", "export", "--name", name, "--out", str(root / f"{name}.pub")) == 0
    (root / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    assert run(folders["bureau"], "plan", "create", "--rubric", "suizhou-jlt", *plan_options,
               "--roster", str(root / "roster.yaml")) == 0
    assert run(folders["bureau"], "package", "--out", str(usb)) == 0
    fp = KeyStore(folders["bureau"]).own_key().fingerprint
    for name in ("lead", "x1"):
        assert run(folders[name], "keys", "trust", fp, "--name", "教育局") == 1  # never seen: the package is read first
        assert run(folders[name], "merge", *map(str, usb.glob("考核计划-*.zip"))) == 1  # held: fingerprint not compared
        assert run(folders[name], "keys", "trust", fp, "--name", "教育局") == 0
        assert run(folders[name], "merge", *map(str, usb.glob("考核计划-*.zip"))) == 0
    # 004 C6 "建立紧缺学科师资共享" (5 分): 李专家 says yes, with a note that must not be readable on the stick.
    assert run(folders["x1"], "entry", "set", "--group", "g4", "--indicator", "C6", "met=是", "--note", NOTE) == 0
    assert run(folders["x1"], "export", "--out", str(usb)) == 0
    return {**folders, "usb": usb}


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    return make_chain(tmp_path_factory.mktemp("sealed"))


def expert_bundle(chain) -> Path:
    return next(chain["usb"].glob("李专家-*.zip"))


def test_a_bundle_for_the_lead_and_the_bureau_opens_at_both_and_nowhere_else(chain, capsys):
    bundle = expert_bundle(chain)
    raw = bundle.read_bytes()
    assert NOTE.encode() not in raw and b"entries.json" not in raw  # nothing of the payload in clear
    with zipfile.ZipFile(bundle) as zf:
        assert sorted(zf.namelist()) == ["envelope.ed25519", "envelope.json", PAYLOAD]
    envelope = read_envelope(bundle)  # anyone can read whom it is for, and check it is whole
    assert [(r.name, r.role) for r in envelope.recipients] == [("张组长", "组长"), ("教育局", "教育局")]
    for laptop in ("lead", "bureau"):
        bag = read_bag(bundle, KeyStore(chain[laptop]), remember_unknown=False)
        assert NOTE in bag.files["entries.json"].decode("utf-8")
        ok, said = verify_file(bundle, KeyStore(chain[laptop]))
        assert ok and "已加密，接收人：张组长、教育局" in said
    # The expert who made it is no recipient, nor is a third laptop: both say plainly whom it is for.
    for laptop in ("x1", "third"):
        before = digest(chain[laptop])
        capsys.readouterr()
        assert run(chain[laptop], "verify", str(bundle)) == 1
        said = capsys.readouterr().err
        assert "此数据包不是发给本机的：接收人为 张组长（组长，指纹" in said and "教育局（指纹" in said
        assert run(chain[laptop], "merge", str(bundle)) == 1
        assert digest(chain[laptop]) == before or laptop == "third"  # the third laptop's store is new, and empty
    assert run(chain["lead"], "merge", str(bundle)) == 0


def _flipped(data: bytes, offsets: list[int], out: Path) -> list[Path]:
    made = []
    for offset in offsets:
        copy = bytearray(data)
        copy[offset] ^= 0x01
        path = out / f"flip-{offset}.inspector.zip"
        path.write_bytes(bytes(copy))
        made.append(path)
    return made


def test_any_flipped_byte_of_the_ciphertext_or_envelope_is_the_damaged_signature_and_changes_nothing(chain, tmp_path,
                                                                                                        capsys):
    bundle = expert_bundle(chain)
    data = bundle.read_bytes()
    with zipfile.ZipFile(bundle) as zf:
        payload, envelope = zf.getinfo(PAYLOAD), zf.getinfo("envelope.json")
    start = payload.header_offset + 30 + len(PAYLOAD)
    # every byte of the age header, then bytes spread over the encrypted chunks, the last tag and the envelope
    offsets = list(range(start, start + 200)) + list(range(start + 200, start + payload.compress_size, 97))
    offsets += [start + payload.compress_size - 1]
    env_start = envelope.header_offset + 30 + len("envelope.json")
    offsets += list(range(env_start, env_start + envelope.compress_size, 11))
    lead = tmp_path / "lead"
    shutil.copytree(chain["lead"], lead)
    before = digest(lead)
    capsys.readouterr()
    for path in _flipped(data, offsets, tmp_path):
        assert run(lead, "merge", str(path)) == 1, path.name
        said = capsys.readouterr().err
        assert DAMAGED in said, (path.name, said)
        with pytest.raises(BundleError) as err:
            read_bag(path, KeyStore(lead), remember_unknown=False)
        assert err.value.code == "bad_signature"
        path.unlink()
    assert digest(lead) == before


def test_a_bundle_encrypted_to_a_key_revoked_here_is_refused(chain, tmp_path, capsys):
    bureau = tmp_path / "bureau"
    shutil.copytree(chain["bureau"], bureau)
    lead_key = KeyStore(chain["lead"]).own_key()
    KeyStore(bureau).revoke(lead_key.key_id, "组长的电脑丢失")
    before = digest(bureau)
    capsys.readouterr()
    assert run(bureau, "verify", str(expert_bundle(chain))) == 1
    said = capsys.readouterr().err
    assert "已被吊销" in said and "张组长" in said
    assert digest(bureau) == before
    # And nobody here encrypts to it: the next plan package is refused before anything is written.
    out = tmp_path / "out"
    assert run(bureau, "package", "--out", str(out)) == 1
    assert "已被吊销" in capsys.readouterr().err
    assert not out.exists() or not list(out.iterdir())


def test_a_plain_plan_says_so_in_the_bundle_and_on_screen(tmp_path, capsys):
    folders = make_chain(tmp_path, "--plain")
    bundle = expert_bundle(folders)
    assert NOTE.encode() in zipfile.ZipFile(bundle).read("data/entries.json")
    ok, said = verify_file(bundle, KeyStore(folders["lead"]))
    assert ok and "未加密（考核计划选择了明文数据包）" in said
    import json
    head = json.loads(zipfile.ZipFile(bundle).read("data/bundle.json"))
    assert head["encryption"] == {"format": "plain"}


def test_an_old_public_key_file_without_an_encryption_key_is_named_and_the_package_refused(tmp_path, capsys):
    root = tmp_path
    for name in ("lead", "x1"):
        assert run(root / name, "keys", "export", "--name", name, "--out", str(root / f"{name}.pub")) == 0
    old = "".join(line for line in (root / "x1.pub").read_text(encoding="utf-8").splitlines(keepends=True)
                  if not line.startswith("Encryption-Key"))
    (root / "x1.pub").write_text(old, encoding="utf-8")
    (root / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    capsys.readouterr()
    assert run(root / "bureau", "plan", "create", "--rubric", "suizhou-jlt", "--roster", str(root / "roster.yaml")) == 0
    assert "李专家 的公钥文件来自加密功能之前的版本" in capsys.readouterr().err
    assert run(root / "bureau", "package", "--out", str(root / "usb")) == 1
    said = capsys.readouterr().err
    assert "李专家" in said and "加密公钥" in said and "keys export" in said
    # An encryption key not signed by its signing key is refused outright.
    tampered = (root / "lead.pub").read_text(encoding="utf-8").replace(
        KeyStore(root / "lead").own_encryption()[0], KeyStore(root / "x1").own_encryption()[0])
    (root / "lead.pub").write_text(tampered, encoding="utf-8")
    assert run(root / "third", "keys", "trust", str(root / "lead.pub")) == 1
    assert "加密公钥没有该签名密钥的有效签名" in capsys.readouterr().err


def test_a_passphrase_protects_both_keys_and_a_wrong_one_is_a_clear_message(chain, tmp_path, capsys, monkeypatch):
    lead = tmp_path / "lead"
    shutil.copytree(chain["lead"], lead)
    monkeypatch.setenv("INSPECTOR_NEW_KEY_PASSPHRASE", "督导口令 2024")
    assert run(lead, "keys", "passphrase") == 0
    monkeypatch.delenv("INSPECTOR_NEW_KEY_PASSPHRASE")
    for name in ("own.key", "own-encryption.key"):
        assert (lead / "keys" / name).read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    before = digest(lead)
    capsys.readouterr()
    assert run(lead, "merge", str(expert_bundle(chain))) == 1  # no terminal, no passphrase given: locked
    said = capsys.readouterr().err
    assert "口令" in said and "INSPECTOR_KEY_PASSPHRASE" in said and "Traceback" not in said
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "错误的口令")
    assert run(lead, "merge", str(expert_bundle(chain))) == 1
    said = capsys.readouterr().err
    assert "口令不正确" in said and "Traceback" not in said
    assert digest(lead) == before
    monkeypatch.setenv("INSPECTOR_KEY_PASSPHRASE", "督导口令 2024")
    assert run(lead, "verify", str(expert_bundle(chain))) == 0
    assert run(lead, "keys", "passphrase", "--remove") == 0
    monkeypatch.delenv("INSPECTOR_KEY_PASSPHRASE")
    assert run(lead, "verify", str(expert_bundle(chain))) == 0
    assert os.stat(lead / "keys" / "own-encryption.key").st_mode & 0o077 == 0


def test_the_window_asks_for_the_passphrase_on_its_own_thread_and_says_a_wrong_one(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

    from inspector_app.store.db import open_store
    from inspector_app.ui.bundle_actions import BundleActions
    keys = KeyStore(tmp_path / "d")
    keys.own_encryption()
    keys.set_passphrase("正确的口令")
    store = open_store(tmp_path / "d")
    window = QWidget()
    qtbot.addWidget(window)
    window.store = store
    actions = BundleActions(window)
    typed = iter([("错误的口令", True), ("正确的口令", True)])
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[1:3]) or next(typed))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    unlocked = actions.unlocked_keystore()
    assert unlocked is not None and not unlocked.needs_passphrase()
    assert len(asked) == 2 and "口令" in asked[0][0] and warned == ["口令不正确，本机密钥没有解锁。"]
    assert actions.unlocked_keystore() is unlocked and len(asked) == 2  # asked once per session
    unlocked.decryption_identity()  # both keys open
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    actions._keystore = None
    assert actions.unlocked_keystore() is None  # cancelled: nothing is exported or imported
    store.close()
