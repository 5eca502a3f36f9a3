"""A corpus of damaged and hostile bundles, all made here; each must be refused with its own code.

`forge` builds bundles from docs/bundle-format.md independently of the writer,
so that hostile bundles can be signed properly where the point is that only a
later check (a hash, the key list, the JSON reader) catches them.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import stat
import struct
import time
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from inspector_app.bundles.bag import BundleError, read_bag, read_json
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.tagfiles import make_info
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import public_pem

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
PHOTO = bytes(range(256)) * 400          # 100 KiB, deterministic
SCORES = '{"C1":{"points":"8.5","note":"整洁"}}'.encode()


@dataclass
class World:
    me: KeyStore          # the expert who signs
    panel: KeyStore       # the reader: trusts `me` and `old`, has revoked `old`
    stranger: KeyStore
    old: KeyStore
    base: bytes           # a good bundle made by write_bag
    folder: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    root = tmp_path_factory.mktemp("hostile")
    me, panel = KeyStore(root / "me"), KeyStore(root / "panel")
    stranger, old = KeyStore(root / "stranger"), KeyStore(root / "old")
    panel.trust(me.own_key().public_key, "专家甲")
    panel.trust(old.own_key().public_key, "专家乙")
    panel.revoke(old.own_key().key_id, "电脑丢失")
    path = write_bag(root / "good", "good.zip", {"photos/ab.jpg": PHOTO, "scores.json": SCORES},
                     make_info("expert", plan_id="P1", sequence=1), me)
    return World(me, panel, stranger, old, path.read_bytes(), root)


# --------------------------------------------------------------------------- forging

def sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def zip_of(entries: list[tuple], *, stored_suffixes=(".jpg",)) -> bytes:
    """entries: (name, data) or (name, data, ZipInfo tweak)."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(buf, "w") as zf:
            for entry in entries:
                name, data = entry[0], entry[1]
                zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                zi.create_system = 3
                zi.external_attr = (stat.S_IFREG | 0o644) << 16
                zi.compress_type = (zipfile.ZIP_STORED if name.endswith(stored_suffixes)
                                    else zipfile.ZIP_DEFLATED)
                if len(entry) > 2:
                    entry[2](zi)
                zf.writestr(zi, data)
    return buf.getvalue()


def forge(signer: KeyStore, payload: dict[str, bytes] | None = None, *, bagit_txt: bytes = BAGIT_TXT,
          info_extra: str = "", info_override: str | None = None, oxum: str | None = None,
          manifest: bytes | None = None, tag_list: list[str] | None = None,
          sign: Callable[[bytes], bytes] | None = None, signer_pub: bytes | None = None,
          claimed_id: str | None = None, drop: tuple = (), extra: list[tuple] = (),
          signature: bytes | None = None) -> bytes:
    payload = {"photos/ab.jpg": PHOTO, "scores.json": SCORES} if payload is None else payload
    names = sorted(payload)
    if manifest is None:
        manifest = "".join(f"{sha(payload[n])}  data/{n}\n" for n in names).encode()
    if oxum is None:
        oxum = f"{sum(len(v) for v in payload.values())}.{len(payload)}"
    pub = signer.own_key().public_key if signer_pub is None else signer_pub
    kid = claimed_id or hashlib.sha256(pub).hexdigest()
    info = info_override if info_override is not None else (
        f"Bagging-Date: 2024-05-01\nPayload-Oxum: {oxum}\nInspector-Format: 1\n"
        f"Inspector-Signer-Key-Id: {kid}\nInspector-Kind: expert\n{info_extra}")
    tags = {"bagit.txt": bagit_txt, "bag-info.txt": info.encode(), "manifest-sha256.txt": manifest,
            "signer.pub": public_pem(pub)}
    listed = sorted(tags) if tag_list is None else tag_list
    tagmanifest = "".join(f"{sha(tags[n])}  {n}\n" for n in listed).encode()
    sig = (sign or signer.sign)(tagmanifest)
    sig_file = base64.b64encode(sig) + b"\n" if signature is None else signature
    entries = [("bagit.txt", bagit_txt)]
    entries += [(f"data/{n}", payload[n]) for n in names]
    entries += [(n, tags[n]) for n in ("manifest-sha256.txt", "bag-info.txt", "signer.pub")]
    entries += [("tagmanifest-sha256.txt", tagmanifest), ("signature.ed25519", sig_file)]
    entries = [e for e in entries if e[0] not in drop] + list(extra)
    return zip_of(entries)


# raw zip surgery ---------------------------------------------------------------------------
CD = "<4s4B4HL2L5H2L"
LH = "<4s2B4HL2L2H"


def patch_entry(data: bytes, name: str, *, flag_or: int = 0, method: int | None = None,
                usize: int | None = None, crc: int | None = None, local_only_name: bytes | None = None) -> bytes:
    buf = bytearray(data)
    eocd = buf.rfind(b"PK\x05\x06")
    cd_size, cd_off = struct.unpack("<LL", buf[eocd + 12:eocd + 20])
    pos = cd_off
    while pos < cd_off + cd_size:
        f = list(struct.unpack(CD, buf[pos:pos + 46]))
        nlen, elen, clen, local = f[12], f[13], f[14], f[18]
        if bytes(buf[pos + 46:pos + 46 + nlen]) == name.encode():
            lf = list(struct.unpack(LH, buf[local:local + 30]))
            f[5] |= flag_or
            lf[3] |= flag_or
            if method is not None:
                f[6] = lf[4] = method
            if usize is not None:
                f[11] = lf[9] = usize
            if crc is not None:
                f[9] = lf[7] = crc
            buf[pos:pos + 46] = struct.pack(CD, *f)
            buf[local:local + 30] = struct.pack(LH, *lf)
            if local_only_name is not None:
                assert len(local_only_name) == nlen
                buf[local + 30:local + 30 + nlen] = local_only_name
            return bytes(buf)
        pos += 46 + nlen + elen + clen
    raise KeyError(name)


def rename_raw(data: bytes, old: bytes, new: bytes) -> bytes:
    assert len(old) == len(new) and data.count(old) == 2
    return data.replace(old, new)


def data_offset(data: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    nlen, elen = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    return info.header_offset + 30 + nlen + elen


def flip(data: bytes, offset: int) -> bytes:
    buf = bytearray(data)
    buf[offset] ^= 0x20
    return bytes(buf)


def flip_in(data: bytes, name: str, at: int = 10) -> bytes:
    return flip(data, data_offset(data, name) + at)


def deflated_zeros(total: int) -> bytes:
    """A raw deflate stream of `total` zero bytes (a multiple of 1 MiB), built without inflating it."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    mib = bytes(1 << 20)
    first = c.compress(mib) + c.flush(zlib.Z_SYNC_FLUSH)
    middle = c.compress(mib) + c.flush(zlib.Z_SYNC_FLUSH)
    assert c.compress(mib) + c.flush(zlib.Z_SYNC_FLUSH) == middle  # steady state
    return first + middle * (total // (1 << 20) - 1) + c.flush()


def bomb(w: World, declared: int, actual: int) -> bytes:
    stream = deflated_zeros(actual)
    raw = forge(w.me, extra=[("data/zeros.bin.jpg", stream)])  # written stored, then relabelled
    return patch_entry(raw, "data/zeros.bin.jpg", method=8, usize=declared, crc=0)


def bomb_lying(w: World, declared: int, actual: int) -> bytes:
    """Signed and listed, but the directory claims `declared` bytes for a stream of `actual` zeros."""
    stream = deflated_zeros(actual)
    claimed = bytes(declared)
    manifest = f"{sha(PHOTO)}  data/photos/ab.jpg\n{sha(claimed)}  data/zeros.bin.jpg\n".encode()
    raw = forge(w.me, {"photos/ab.jpg": PHOTO, "zeros.bin.jpg": stream}, manifest=manifest,
                oxum=f"{len(PHOTO) + declared}.2")
    return patch_entry(raw, "data/zeros.bin.jpg", method=8, usize=declared, crc=zlib.crc32(claimed))


def many_entries(n: int) -> bytes:
    return zip_of([("bagit.txt", BAGIT_TXT)] + [(f"data/{i}.json", b"{}") for i in range(n)],
                  stored_suffixes=(".json",))


def sign_other(w: World):
    return w.stranger.sign


def symlink(zi: zipfile.ZipInfo) -> None:
    zi.external_attr = (stat.S_IFLNK | 0o777) << 16


def bzip2(zi: zipfile.ZipInfo) -> None:
    zi.compress_type = zipfile.ZIP_BZIP2


def truncate_at(fraction: float) -> Callable[[World], bytes]:
    return lambda w: w.base[:int(len(w.base) * fraction)]


# --------------------------------------------------------------------------- the corpus
# name -> (maker, expected code, check JSON payloads too)
CASES: dict[str, tuple[Callable[[World], bytes], str, bool]] = {
    # truncation (copy interrupted)
    "truncated_1_byte": (lambda w: w.base[:1], "truncated", False),
    "truncated_10_bytes": (lambda w: w.base[:10], "truncated", False),
    "truncated_100_bytes": (lambda w: w.base[:100], "truncated", False),
    "truncated_half": (truncate_at(0.5), "truncated", False),
    "truncated_90pct": (truncate_at(0.9), "truncated", False),
    "truncated_in_central_directory": (lambda w: w.base[:-200], "truncated", False),
    "truncated_in_end_record": (lambda w: w.base[:-10], "truncated", False),
    "truncated_last_byte": (lambda w: w.base[:-1], "truncated", False),
    "empty_file": (lambda w: b"", "empty", False),
    "not_a_zip_text": (lambda w: "这不是数据包\n".encode() * 100, "not_zip", False),
    "not_a_zip_jpeg": (lambda w: b"\xff\xd8\xff\xe0" + PHOTO, "not_zip", False),
    "empty_zip": (lambda w: zip_of([]), "not_bag", False),
    "zip_without_bagit_txt": (lambda w: zip_of([("data/a.json", b"{}")]), "not_bag", False),
    "prepended_garbage": (lambda w: b"PK\x03\x04" + b"\x00" * 60 + w.base, "bad_zip", False),
    "appended_garbage": (lambda w: w.base + b"extra bytes", "bad_zip", False),
    # tampering
    "flipped_byte_in_photo": (lambda w: flip_in(w.base, "data/photos/ab.jpg", 5000), "bad_hash", False),
    "flipped_byte_in_manifest": (lambda w: flip_in(w.base, "manifest-sha256.txt", 20), "bad_hash", False),
    "flipped_byte_in_bag_info": (lambda w: flip_in(w.base, "bag-info.txt", 20), "bad_hash", False),
    "flipped_byte_in_signature": (lambda w: flip_in(w.base, "signature.ed25519", 20), "bad_signature", False),
    "flipped_byte_in_signer_pub": (lambda w: flip_in(w.base, "signer.pub", 20), "bad_signer_key", False),
    "signature_over_other_bytes": (lambda w: forge(w.me, sign=lambda t: w.me.sign(t + b"x")),
                                   "bad_signature", False),
    "signature_char_changed": (lambda w: forge(w.me, signature=b"A" * 86 + b"==\n"), "bad_signature", False),
    "signature_not_base64": (lambda w: forge(w.me, signature=b"not a signature\n"), "bad_signature", False),
    "photo_replaced_manifest_kept": (lambda w: forge(w.me, manifest=forge_manifest_of_other_photo()), "bad_hash", False),
    "bag_info_changed_after_signing": (lambda w: resign_tag(w, "bag-info.txt", b"Inspector-Kind: expert", b"Inspector-Kind: panel "),
                                       "bad_hash", False),
    # completeness
    "file_not_in_manifest": (lambda w: forge(w.me, extra=[("data/extra.jpg", b"x")]), "unlisted_file", False),
    "tag_file_not_in_tagmanifest": (lambda w: forge(w.me, extra=[("readme.txt", b"x")]), "unlisted_file", False),
    "bag_info_not_signed": (lambda w: forge(w.me, tag_list=["bagit.txt", "manifest-sha256.txt", "signer.pub"]),
                            "unlisted_file", False),
    "manifest_entry_without_file": (lambda w: forge(w.me, drop=("data/photos/ab.jpg",)), "missing_file", False),
    "no_signature": (lambda w: forge(w.me, drop=("signature.ed25519",)), "unsigned", False),
    "no_signer_pub": (lambda w: forge(w.me, drop=("signer.pub",)), "missing_tag_file", False),
    "no_manifest": (lambda w: forge(w.me, drop=("manifest-sha256.txt",)), "missing_tag_file", False),
    "payload_oxum_mismatch": (lambda w: forge(w.me, oxum="12.2"), "oxum_mismatch", False),
    "wrong_bagit_version": (lambda w: forge(w.me, bagit_txt=b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"),
                            "bad_version", False),
    "bagit_txt_other_encoding": (lambda w: forge(w.me, bagit_txt=b"BagIt-Version: 1.0\nTag-File-Character-Encoding: GBK\n"),
                                 "bad_bagit_txt", False),
    "inspector_format_2": (lambda w: forge(w.me, info_override=info_text(w, fmt="2")), "bad_version", False),
    "bag_info_duplicate_label": (lambda w: forge(w.me, info_extra="Inspector-Kind: panel\n"), "bad_bag_info", False),
    "bag_info_bad_kind": (lambda w: forge(w.me, info_override=info_text(w, kind="boss")), "bad_bag_info", False),
    "bag_info_continuation_line": (lambda w: forge(w.me, info_extra="Inspector-Group: a\n  b\n"), "bad_bag_info", False),
    "manifest_bad_line": (lambda w: forge(w.me, manifest=b"nonsense\n"), "bad_manifest", False),
    "manifest_traversal_path": (lambda w: forge(w.me, manifest=f"{sha(PHOTO)}  data/../bagit.txt\n".encode()),
                                "bad_name", False),
    # names and zip structure
    "duplicate_names": (lambda w: forge(w.me, extra=[("data/photos/ab.jpg", b"other")]), "duplicate_name", False),
    "case_colliding_names": (lambda w: forge(w.me, extra=[("data/photos/AB.jpg", b"other")]), "duplicate_name", False),
    "dotdot_name": (lambda w: forge(w.me, extra=[("../x", b"x")]), "bad_name", False),
    "nested_dotdot_name": (lambda w: forge(w.me, extra=[("data/../../x", b"x")]), "bad_name", False),
    "absolute_name": (lambda w: forge(w.me, extra=[("/etc/x", b"x")]), "bad_name", False),
    "drive_letter_name": (lambda w: forge(w.me, extra=[("C:\\x", b"x")]), "bad_name", False),
    "backslash_name": (lambda w: forge(w.me, extra=[("data\\photos\\x.jpg", b"x")]), "bad_name", False),
    "nul_in_name": (lambda w: rename_raw(forge(w.me, extra=[("data/aQb.jpg", b"x")]), b"data/aQb.jpg", b"data/a\x00b.jpg"),
                    "bad_name", False),
    "local_header_name_differs": (lambda w: patch_entry(w.base, "data/scores.json", local_only_name=b"data/scorez.json"),
                                  "bad_zip", False),
    "encrypted_entry": (lambda w: patch_entry(w.base, "data/photos/ab.jpg", flag_or=0x1), "encrypted", False),
    "symlink_entry": (lambda w: forge(w.me, extra=[("data/link.jpg", b"/etc/passwd", symlink)]), "symlink", False),
    "bzip2_entry": (lambda w: forge(w.me, extra=[("data/x.txt", b"x" * 100, bzip2)]), "unsupported_compression", False),
    "25000_entries": (lambda w: many_entries(25_000), "too_many_files", False),
    "zip_bomb_4gb_of_zeros": (lambda w: bomb(w, declared=4_000_000_000, actual=3800 << 20), "zip_bomb", False),
    "zip_bomb_lying_header": (lambda w: bomb_lying(w, declared=1000, actual=1024 << 20), "bad_hash", False),
    # keys
    "unknown_key": (lambda w: forge(w.stranger), "unknown_key", False),
    "revoked_key": (lambda w: forge(w.old), "revoked_key", False),
    "signed_by_other_key_claiming_signer": (lambda w: forge(w.me, sign=w.stranger.sign), "bad_signature", False),
    "signer_pub_swapped_id_kept": (lambda w: forge(w.stranger, claimed_id=w.me.own_key().key_id), "signer_mismatch", False),
    # JSON inside a properly signed bundle
    "json_nan": (lambda w: forge(w.me, {"scores.json": b'{"C1":NaN}'}), "json_nan", True),
    "json_infinity": (lambda w: forge(w.me, {"scores.json": b'{"C1":-Infinity}'}), "json_nan", True),
    "json_duplicate_keys": (lambda w: forge(w.me, {"scores.json": b'{"C1":1,"C1":9}'}), "json_duplicate_key", True),
    "json_lone_surrogate": (lambda w: forge(w.me, {"scores.json": b'{"note":"\\ud800"}'}), "json_surrogate", True),
    "json_nul": (lambda w: forge(w.me, {"scores.json": b'{"note":"a\\u0000"}'}), "json_nul", True),
    "json_deep": (lambda w: forge(w.me, {"scores.json": b"[" * 5000 + b"]" * 5000}), "json_too_deep", True),
    "json_bom": (lambda w: forge(w.me, {"scores.json": b"\xef\xbb\xbf{}"}), "json_encoding", True),
    "json_not_utf8": (lambda w: forge(w.me, {"scores.json": '{"n":"中"}'.encode("gbk")}), "json_encoding", True),
    "json_huge": (lambda w: forge(w.me, {"scores.json": b'"' + b"x" * (33 << 20) + b'"'}), "json_too_large", True),
}


def info_text(w: World, *, fmt: str = "1", kind: str = "expert") -> str:
    return (f"Bagging-Date: 2024-05-01\nPayload-Oxum: {len(PHOTO) + len(SCORES)}.2\nInspector-Format: {fmt}\n"
            f"Inspector-Signer-Key-Id: {w.me.own_key().key_id}\nInspector-Kind: {kind}\n")


def forge_manifest_of_other_photo() -> bytes:
    other = b"\xff\xd8" + b"\x00" * (len(PHOTO) - 2)
    return f"{sha(other)}  data/photos/ab.jpg\n{sha(SCORES)}  data/scores.json\n".encode()


def resign_tag(w: World, name: str, old: bytes, new: bytes) -> bytes:
    """Change a tag file after the tag manifest was signed (same length, valid zip)."""
    good = forge(w.me)
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        entries = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    entries = [(n, d.replace(old, new) if n == name else d) for n, d in entries]
    return zip_of(entries)


def check(path: Path, data: bytes, ks: KeyStore, json_too: bool, *, in_memory: bool = False) -> None:
    """`in_memory`: checked from the bytes read once (as a merge opens a file), not from the file."""
    path.write_bytes(data)
    bag = read_bag(path, ks, data=data if in_memory else None)
    if json_too:
        for name in bag.files:
            if name.endswith(".json"):
                read_json(bag, name)


def test_base_bundle_and_forge_are_valid(world, tmp_path):
    check(tmp_path / "a.zip", world.base, world.panel, True)
    check(tmp_path / "b.zip", forge(world.me), world.panel, True)


@pytest.mark.parametrize("in_memory", [False, True], ids=["from_file", "from_memory"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_bundle_is_refused(world, tmp_path, case, in_memory):
    maker, code, json_too = CASES[case]
    data = maker(world)
    start = time.perf_counter()
    with pytest.raises(BundleError) as err:
        check(tmp_path / "bundle.zip", data, world.panel, json_too, in_memory=in_memory)
    elapsed = time.perf_counter() - start
    assert err.value.code == code, f"{case}: got {err.value.code}: {err.value.message}"
    msg = err.value.message
    assert msg and any("\u4e00" <= ch <= "\u9fff" for ch in msg), msg
    assert elapsed < 5, f"{case} took {elapsed:.1f}s"
    assert list(tmp_path.iterdir()) == [tmp_path / "bundle.zip"]  # nothing extracted


def test_corpus_size():
    assert len(CASES) >= 30


def test_verify_messages_name_the_photo(world, tmp_path):
    with pytest.raises(BundleError) as err:
        check(tmp_path / "x.zip", CASES["flipped_byte_in_photo"][0](world), world.panel, False)
    assert "照片 data/photos/ab.jpg" in err.value.message


def test_unknown_signer_is_remembered_for_fingerprint_trust(world, tmp_path):
    reader = KeyStore(tmp_path / "reader")
    path = tmp_path / "s.zip"
    path.write_bytes(forge(world.stranger))
    with pytest.raises(BundleError) as err:
        read_bag(path, reader)
    fp = world.stranger.own_key().fingerprint
    assert fp in err.value.message
    reader.trust_fingerprint(fp, "新专家")
    assert read_bag(path, reader).signer_status == "trusted"


def test_every_truncation_is_refused(world, tmp_path):
    small = forge(world.me, {"a.json": b"{}"})
    path = tmp_path / "t.zip"
    for n in range(len(small)):
        path.write_bytes(small[:n])
        for data in (None, small[:n]):  # from the file, and from the bytes read once
            with pytest.raises(BundleError) as err:
                read_bag(path, world.panel, data=data)
            assert err.value.code in ("truncated", "empty"), (n, data is not None, err.value.code)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7))
def test_any_flipped_bit_is_refused_or_harmless(world, tmp_path, offset, bit):
    """A changed bit anywhere is either refused, or lands in a field that does not affect the content."""
    small = forge(world.me, {"a.json": b'{"a":1}', "p.jpg": bytes(range(200))})
    buf = bytearray(small)
    offset %= len(buf)
    buf[offset] ^= 1 << bit
    path = tmp_path / "f.zip"
    path.write_bytes(bytes(buf))
    good = read_bag(_write(tmp_path / "g.zip", small), world.panel)
    outcomes = []
    for data in (None, bytes(buf)):  # from the file, and from the bytes read once: judged alike
        try:
            bag = read_bag(path, world.panel, data=data)
        except BundleError as exc:
            assert exc.message
            outcomes.append(exc.code)
            continue
        assert bag.bundle_hash == good.bundle_hash
        assert {n: bag.files[n] for n in bag.files} == {n: good.files[n] for n in good.files}
        outcomes.append("harmless")
    assert outcomes[0] == outcomes[1], outcomes


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
