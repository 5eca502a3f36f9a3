"""Signed bundles: round trip, BagIt cross-check, key statuses, canonical JSON."""
from __future__ import annotations

import io
import os
import shutil
import stat
import threading
import zipfile
from decimal import Decimal
from pathlib import Path

import bagit
import pytest
from hypothesis import given, settings, strategies as st

from inspector_app.bundles import bag as bagmod
from inspector_app.bundles import canonical
from inspector_app.bundles.bag import BundleCancelled, BundleError, read_bag, read_json
from inspector_app.bundles.verification import verify_file
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.tagfiles import make_info
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import fingerprint, key_id, normalize_fingerprint, parse_public_file, verify_signature


@pytest.fixture()
def ks(tmp_path_factory):
    return KeyStore(tmp_path_factory.mktemp("keys"))


def _payload(tmp_path: Path) -> dict:
    photo = tmp_path / "src" / "p1.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(200_000) + b"\xff\xd9")
    return {
        "scores.json": canonical.dumps({"C1": {"points": Decimal("8.5"), "note": "教学楼整洁"}}),
        "photos/p1.jpg": photo,
        "photos/p2.jpg": os.urandom(50_000),
        "notes/空.txt": b"",
    }


INFO = make_info("expert", plan_id="2024-督导-01", rubric_id="004", rubric_version="2024.1",
                 rubric_hash="ab" * 32, group="第一组", sequence=7, previous_bundle_hash="cd" * 32)


def test_round_trip(tmp_path, ks):
    payload = _payload(tmp_path)
    seen = []
    path = write_bag(tmp_path / "out", "e1.zip", payload, INFO, ks, progress=lambda d, t: seen.append((d, t)))
    assert path == tmp_path / "out" / "e1.zip"
    assert [p.name for p in path.parent.iterdir()] == ["e1.zip"]  # no temporary left
    b = read_bag(path, ks)
    assert b.signer_key_id == ks.own_key().key_id
    assert b.signer_status == "own"
    assert set(b.files) == set(payload)
    for name, value in payload.items():
        want = value.read_bytes() if isinstance(value, Path) else value
        assert b.files[name] == want
    assert read_json(b, "scores.json") == {"C1": {"points": "8.5", "note": "教学楼整洁"}}
    assert b.info["Inspector-Group"] == "第一组"
    assert b.field("sequence") == "7"
    assert b.kind == "expert"
    assert b.info["Inspector-Signer-Key-Id"] == b.signer_key_id
    assert len(b.bundle_hash) == 64
    assert seen and seen[-1][0] == seen[-1][1]
    ok, message = verify_file(path, ks)
    assert ok and "完整" in message
    buf = io.BytesIO()
    b.copy_to("photos/p2.jpg", buf)
    assert buf.getvalue() == payload["photos/p2.jpg"]


def test_photos_stored_json_deflated(tmp_path, ks):
    path = write_bag(tmp_path, "a.zip", _payload(tmp_path), INFO, ks)
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("data/photos/p2.jpg").compress_type == zipfile.ZIP_STORED
        assert zf.getinfo("data/scores.json").compress_type == zipfile.ZIP_DEFLATED
        names = zf.namelist()
    assert names[0] == "bagit.txt"
    assert {"bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
            "signer.pub", "signature.ed25519"} <= set(names)


def test_validates_with_bagit_package(tmp_path, ks):
    path = write_bag(tmp_path, "a.zip", _payload(tmp_path), INFO, ks)
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(path) as zf:
        zf.extractall(folder)  # our own, just verified bundle
    cwd = os.getcwd()
    try:
        b = bagit.Bag(str(folder))
        b.validate()
        assert b.info["Inspector-Kind"] == "expert"
        assert "signer.pub" in b.tagfile_entries()
    finally:
        os.chdir(cwd)


def test_same_bytes_same_hash_and_deterministic(tmp_path, ks):
    payload = _payload(tmp_path)
    info = dict(INFO, **{"Bagging-Date": "2024-05-01"})
    a = write_bag(tmp_path / "a", "x.zip", payload, info, ks)
    b = write_bag(tmp_path / "b", "x.zip", payload, info, ks)
    assert a.read_bytes() == b.read_bytes()  # Ed25519 is deterministic, zip dates fixed
    copy = tmp_path / "copy.zip"
    shutil.copyfile(a, copy)
    assert read_bag(a, ks).bundle_hash == read_bag(copy, ks).bundle_hash == read_bag(b, ks).bundle_hash
    other = write_bag(tmp_path / "c", "x.zip", payload, dict(info, **{"Inspector-Sequence": "8"}), ks)
    assert read_bag(other, ks).bundle_hash != read_bag(a, ks).bundle_hash


def test_key_statuses(tmp_path, ks):
    path = write_bag(tmp_path, "a.zip", {"a.json": b"{}"}, INFO, ks)
    own = ks.own_key()
    assert ks.status(own.key_id) == "own"

    panel = KeyStore(tmp_path / "panel")
    assert panel.status(own.key_id) == "unknown"
    with pytest.raises(BundleError) as err:
        read_bag(path, panel)
    assert err.value.code == "unknown_key"
    assert own.fingerprint in err.value.message
    # the unknown signer was remembered: trust by the fingerprint read aloud (any spacing/case)
    spoken = own.fingerprint.replace("-", " ").lower()
    assert panel.trust_fingerprint(spoken, "王专家") == own.key_id
    assert panel.status(own.key_id) == "trusted"
    assert read_bag(path, panel).signer_status == "trusted"
    assert panel.name_of(own.key_id) == "王专家"

    panel.revoke(own.key_id, "电脑丢失")
    assert panel.status(own.key_id) == "revoked"
    with pytest.raises(BundleError) as err:
        read_bag(path, panel)
    assert err.value.code == "revoked_key"
    with pytest.raises(BundleError) as err:
        panel.trust(own.public_key, "again")
    assert err.value.code == "revoked_key"
    records = {r.key_id: r for r in panel.records()}
    assert records[own.key_id].status == "revoked" and records[own.key_id].reason == "电脑丢失"


def test_trust_from_public_file(tmp_path, ks):
    data = ks.export_public("张三")
    pub, name = parse_public_file(data)
    assert pub == ks.own_key().public_key and name == "张三"
    f = tmp_path / "z.pub"
    f.write_bytes(data)
    other = KeyStore(tmp_path / "bureau")
    pub2, name2 = other.import_public(f)
    kid = other.trust(pub2, name2, role="专家")
    assert other.status(kid) == "trusted"
    tampered = data.replace(b"Fingerprint: ", b"Fingerprint: AAAA-")
    with pytest.raises(BundleError):
        parse_public_file(tampered)


def test_unknown_fingerprint_refused(tmp_path, ks):
    with pytest.raises(BundleError) as err:
        ks.trust_fingerprint("AAAA-BBBB-CCCC-DDDD", "x")
    assert err.value.code == "unknown_fingerprint"
    with pytest.raises(BundleError) as err:
        ks.trust_fingerprint("hello", "x")
    assert err.value.code == "bad_fingerprint"


def test_key_files(tmp_path, ks):
    own = ks.own_key()
    assert stat.S_IMODE(ks.private_path.stat().st_mode) == 0o600
    assert own.key_id == key_id(own.public_key)
    assert own.fingerprint == fingerprint(own.public_key)
    assert len(own.fingerprint) == 19 and normalize_fingerprint(own.fingerprint) == own.fingerprint
    again = KeyStore(ks.data_dir)
    assert again.own_key() == own  # the key is made once
    ks.trust(KeyStore(tmp_path / "x").own_key().public_key, "x")
    assert canonical.loads(ks.trust_path.read_bytes())["format"] == "inspector-trust/1"
    assert not [p for p in ks.folder.iterdir() if p.name.endswith(".part")]


def test_passphrase_protected_key(tmp_path):
    locked = KeyStore(tmp_path / "d", passphrase="正确的口令")
    own = locked.own_key()
    assert locked.is_encrypted()
    held = locked.private_path.read_bytes()
    assert held.startswith(b"age-encryption.org/v1\n-> scrypt ") and b"PRIVATE KEY" not in held  # age, scrypt
    path = write_bag(tmp_path, "a.zip", {"a.json": b"{}"}, INFO, locked)
    assert read_bag(path, locked).signer_key_id == own.key_id

    no_pass = KeyStore(tmp_path / "d")
    assert no_pass.own_key().key_id == own.key_id  # the public key needs no passphrase
    assert verify_file(path, no_pass)[0]
    with pytest.raises(BundleError) as err:
        write_bag(tmp_path, "b.zip", {"a.json": b"{}"}, INFO, no_pass)
    assert err.value.code == "key_locked"
    wrong = KeyStore(tmp_path / "d", passphrase="错误")
    with pytest.raises(BundleError) as err:
        wrong.sign(b"x")
    assert err.value.code == "bad_passphrase"
    assert not (tmp_path / "b.zip").exists()


def test_a_key_protected_in_the_older_encrypted_pem_form_still_opens_and_is_rewritten_with_scrypt(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    folder = tmp_path / "d" / "keys"
    folder.mkdir(parents=True)
    signing, x25519 = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    for key, name in ((signing, "own.key"), (x25519, "own-encryption.key")):  # as written before age's scrypt
        (folder / name).write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption("旧口令".encode())))
    old = KeyStore(tmp_path / "d")
    assert old.needs_passphrase()
    with pytest.raises(BundleError) as err:
        old.unlock("不对")
    assert err.value.code == "bad_passphrase"
    old.unlock("旧口令")
    own = old.own_key()
    assert verify_signature(own.public_key, old.sign(b"x"), b"x")
    recipient = old.own_encryption()[0]
    old.set_passphrase("新口令")  # the next change writes both keys in the new form
    for name in ("own.key", "own-encryption.key"):
        assert (folder / name).read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    again = KeyStore(tmp_path / "d", passphrase="新口令")
    assert again.sign(b"y") and again.own_key() == own and again.own_encryption()[0] == recipient
    with pytest.raises(BundleError) as err:
        KeyStore(tmp_path / "d", passphrase="旧口令").sign(b"y")
    assert err.value.code == "bad_passphrase"


def test_refuses_to_overwrite_and_cancel_leaves_nothing(tmp_path, ks):
    payload = {"big.jpg": os.urandom(3 << 20)}
    write_bag(tmp_path, "a.zip", payload, INFO, ks)
    with pytest.raises(BundleError) as err:
        write_bag(tmp_path, "a.zip", payload, INFO, ks)
    assert err.value.code == "exists"
    write_bag(tmp_path, "a.zip", {"x.json": b"{}"}, INFO, ks, overwrite=True)
    assert set(read_bag(tmp_path / "a.zip", ks).files) == {"x.json"}

    calls = []
    with pytest.raises(BundleCancelled):
        write_bag(tmp_path, "c.zip", payload, INFO, ks,
                  progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 2)
    event = threading.Event()
    event.set()
    with pytest.raises(BundleCancelled):
        write_bag(tmp_path, "d.zip", payload, INFO, ks, cancelled=event)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.zip"]


@pytest.mark.parametrize("name", ["../x", "/abs", "C:\\x", "a\\b", "a/./b", "", "a%b", "x/", "a:b", "CON."])
def test_writer_refuses_bad_names(tmp_path, ks, name):
    with pytest.raises(BundleError) as err:
        write_bag(tmp_path, "a.zip", {name: b"x"}, INFO, ks)
    assert err.value.code == "bad_name"
    assert list(tmp_path.iterdir()) == []


def test_writer_refuses_case_collisions_and_bad_info(tmp_path, ks):
    with pytest.raises(BundleError) as err:
        write_bag(tmp_path, "a.zip", {"A.jpg": b"1", "a.jpg": b"2"}, INFO, ks)
    assert err.value.code == "duplicate_name"
    for info in ({"Inspector-Kind": "other"}, dict(INFO, **{"Payload-Oxum": "1.1"}),
                 dict(INFO, **{"Inspector-Group": "a\nb"}), dict(INFO, **{"Inspector-Sequence": "-1"})):
        with pytest.raises(BundleError) as err:
            write_bag(tmp_path, "a.zip", {"a.json": b"{}"}, info, ks)
        assert err.value.code == "bad_bag_info"
    assert list(tmp_path.iterdir()) == []


def test_file_changed_after_verify_is_caught_on_read(tmp_path, ks):
    path = write_bag(tmp_path, "a.zip", {"p.jpg": b"A" * 1000}, INFO, ks)
    b = read_bag(path, ks)
    data = path.read_bytes()
    path.write_bytes(data.replace(b"A" * 1000, b"B" + b"A" * 999))
    with pytest.raises(BundleError) as err:
        b.files["p.jpg"]
    assert err.value.code == "bad_hash"


# --------------------------------------------------------------------------- canonical JSON

def test_canonical_dumps():
    assert canonical.dumps({"b": 1, "a": [True, None, "中文"], "c": Decimal("84.50")}) == \
        '{"a":[true,null,"中文"],"b":1,"c":"84.50"}'.encode()
    for bad in (float("nan"), float("inf"), Decimal("NaN"), "\ud800", "a\x00b", {1: 2}, {"k\x00": 1}, object()):
        with pytest.raises(BundleError):
            canonical.dumps(bad)


@pytest.mark.parametrize("data,code", [
    (b'{"a":1,"a":2}', "json_duplicate_key"),
    (b'{"a":NaN}', "json_nan"),
    (b'[Infinity]', "json_nan"),
    (b'[-Infinity]', "json_nan"),
    (b'["\\ud800"]', "json_surrogate"),
    (b'{"\\udfff":1}', "json_surrogate"),
    (b'["a\\u0000b"]', "json_nul"),
    (b'{"a\\u0000":1}', "json_nul"),
    (b'\xef\xbb\xbf{}', "json_encoding"),
    (b'["\xff"]', "json_encoding"),
    (b'[' * 100 + b']' * 100, "json_too_deep"),
    (b'[' * 100000 + b']' * 100000, "json_too_deep"),
    (b'{"a":', "json_syntax"),
    (b'[1' + b'0' * 5000 + b']', "json_number"),    # refused before conversion, not by Python's limit
    (b'[1e999999999]', "json_number"),              # would spin when scaled
    (b'{"sequence":-1e-999999999}', "json_number"),
    (b'[' + b'9' * 41 + b']', "json_number"),
])
def test_canonical_loads_refuses(data, code):
    with pytest.raises(BundleError) as err:
        canonical.loads(data)
    assert err.value.code == code
    assert err.value.message


def test_canonical_loads_size_limit():
    with pytest.raises(BundleError) as err:
        canonical.loads(b'"' + b"x" * 1000 + b'"', max_bytes=100)
    assert err.value.code == "json_too_large"
    assert canonical.loads(b'{"a":1.50}') == {"a": Decimal("1.50")}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12)
    | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=8),
        children, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_canonical_round_trip(value):
    data = canonical.dumps(value)
    assert canonical.loads(data) == value
    assert canonical.dumps(canonical.loads(data)) == data


def test_two_processes_trusting_at_once_lose_nothing(tmp_path):
    """The window and a command line may both change the trust list; every change must survive."""
    import subprocess
    import sys
    worker = (
        "import sys\n"
        "from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey\n"
        "from inspector_app.bundles.keys import KeyStore\n"
        "ks = KeyStore(sys.argv[1])\n"
        "for i in range(int(sys.argv[3])):\n"
        "    ks.trust(Ed25519PrivateKey.generate().public_key().public_bytes_raw(), f'{sys.argv[2]}-{i}')\n")
    each = 25
    root = Path(__file__).resolve().parents[1]
    procs = [subprocess.Popen([sys.executable, "-c", worker, str(tmp_path), name, str(each)], cwd=root)
             for name in ("window", "cli")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    names = {r.name for r in KeyStore(tmp_path).records() if r.status == "trusted"}
    assert names == {f"{who}-{i}" for who in ("window", "cli") for i in range(each)}


_TEXT = st.characters(blacklist_categories=("Cs",))  # NUL and control characters included (written escaped)


def _judged(data: bytes, fast: bool) -> str:
    """'ok' or the refusal code, by loads (fast) or by the full walk over every parsed value."""
    import json as _json
    try:
        if fast:
            canonical.loads(data)
        else:
            canonical._walk(_json.loads(data.decode("utf-8")), canonical.MAX_DEPTH)
    except BundleError as exc:
        return exc.code
    return "ok"


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.integers(-5, 5) | st.text(_TEXT, max_size=6),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(_TEXT, max_size=3),
                                                                                      children, max_size=3),
                    max_leaves=12),
       st.integers(60, 68), st.booleans(), st.sampled_from(["", "\\u0000", "\\ud800", "\\u4e2d", "\\\\u", "\\\""]))
def test_canonical_loads_judges_depth_and_text_as_the_full_walk(value, depth, empty, escape):
    """loads checks nesting on the brackets and skips the string walk when no \\u escape is present:
    it refuses exactly what a walk over every value refuses, at and around the depth limit."""
    inner = ("[]" if empty else f'["x{escape}"]').encode() if escape else (b"[]" if empty else b"[1]")
    data = b"[" * depth + inner + b"]" * depth
    assert _judged(data, True) == _judged(data, False)
    import json as _json
    mixed = _json.dumps([value, "a]b[{c}"], ensure_ascii=False).encode().replace(b'"a]b', f'"{escape}a]b'.encode())
    assert _judged(mixed, True) == _judged(mixed, False)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("aZ09_-./\\: 中\x01"), max_size=12) | st.just("a" * 256) | st.just("a/" * 100 + "b"))
def test_zip_name_fast_path_agrees_with_every_check(name):
    """A plain ASCII name is passed without the full list of checks, which would pass it too."""
    from inspector_app.bundles import zipsafe
    if zipsafe.name_problem(name) is None:
        assert zipsafe.full_name_problem(name) is None
    else:
        assert zipsafe.name_problem(name) == zipsafe.full_name_problem(name)
