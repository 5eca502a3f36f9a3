"""The tag files of a bundle: their names, bag-info.txt and the SHA-256 manifests, written and parsed.

See docs/bundle-format.md §2-3 for the format these follow.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any

from inspector_app import __version__
from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.zipsafe import collision_key, name_problem, show_name
from inspector_app.said import Said

SIGNER_BAG_INFO_DIFFERS = Said('bag-info 中的签名人与本机密钥不一致。',
                                "The signer in bag-info differs from this computer's key.")
INSPECTOR_KIND_BAG_INFO = Said('bag-info 的 Inspector-Kind 应为 {0}，而不是“{1}”。',
                                'Inspector-Kind in bag-info must be {0}, not "{1}".')
INSPECTOR_SEQUENCE_BAG_INFO = Said('bag-info 的 Inspector-Sequence 应为非负整数，而不是“{0}”。',
                                    'Inspector-Sequence in bag-info must be a whole number of 0 or more, not "{0}".')
INSPECTOR_PREVIOUS_BUNDLE_HASH = Said('bag-info 的 Inspector-Previous-Bundle-Hash 应为 64 位十六进制。',
                                       'Inspector-Previous-Bundle-Hash in bag-info must be 64 hexadecimal digits.')
BAGGING_DATE_BAG_INFO = Said('bag-info 的 Bagging-Date 应为 YYYY-MM-DD，而不是“{0}”。',
                              'Bagging-Date in bag-info must be YYYY-MM-DD, not "{0}".')
BAG_INFO_LACKS_VALID = Said('bag-info 缺少有效的 Inspector-Signer-Key-Id。',
                             'bag-info lacks a valid Inspector-Signer-Key-Id.')
BAG_INFO_TXT_STARTS = Said('bag-info.txt 以字节顺序标记（BOM）开头。',
                            'bag-info.txt starts with a byte order mark (BOM).')
BUNDLE_FORMAT_VERSION_PROGRAM = Said('数据包格式版本为 {0}，本程序只支持版本 {1}，请升级 Inspector。',
                                      "The bundle's format version is {0}; this program supports only version {1}: please upgrade Inspector.")
LAST_LINE_HAS_LINE = Said('{0} 最后一行没有换行符，文件可能不完整。',
                           'The last line of {0} has no line break: the file may be incomplete.')
BAG_INFO_FIELD_NAME = Said('bag-info 字段名“{0}”不合规。',
                            'The bag-info field name "{0}" is not allowed.')
BAG_INFO_FIELD_FILLED = Said('bag-info 字段 {0} 由程序自动填写，不能指定。',
                              'The bag-info field {0} is filled in by the program and cannot be given.')
BAG_INFO_FIELD_REPEATED = Said('bag-info 字段 {0} 重复。',
                                'The bag-info field {0} is repeated.')
VALUE_BAG_INFO_FIELD = Said('bag-info 字段 {0} 的值含有换行、控制字符或首尾空格。',
                             'The value of bag-info field {0} holds line breaks, control characters or leading or trailing spaces.')
BAG_INFO_TXT_UTF = Said('bag-info.txt 不是 UTF-8 文本。',
                         'bag-info.txt is not UTF-8 text.')
LINE_BAG_INFO_TXT = Said('bag-info.txt 第 {0} 行格式不正确。',
                          'Line {0} of bag-info.txt is not in the right format.')
FIELD_APPEARS_TWICE_BAG = Said('bag-info.txt 中字段 {0} 出现了两次。',
                                'The field {0} appears twice in bag-info.txt.')
BAG_INFO_TXT_LACKS = Said('bag-info.txt 缺少字段 {0}。',
                           'bag-info.txt lacks the field {0}.')
HOLDS_STRAY_CARRIAGE_RETURNS = Said('{0} 含有多余的回车符。',
                                     '{0} holds stray carriage returns.')
HOLDS_EMPTY_CONTINUED_LINES = Said('{0} 含有空行或续行，格式不正确。',
                                    '{0} holds empty or continued lines: wrong format.')
UTF_8_TEXT = Said('{0} 不是 UTF-8 文本。',
                   '{0} is not UTF-8 text.')
LINE_RIGHT_FORMAT = Said('{0} 第 {1} 行格式不正确。',
                          'Line {1} of {0} is not in the right format.')
FILE_NAME_LISTED_UNSAFE = Said('{0} 中登记的文件名“{1}”不安全（{2}），已拒绝。',
                                'The file name "{1}" listed in {0} is unsafe ({2}); refused.')
LISTS_FILE_TWICE = Said('{0} 中文件 {1} 登记了两次。',
                         '{0} lists file {1} twice.')

__all__ = ["BAGIT", "BAGIT_TXT", "BAG_INFO", "FIELD_NAMES", "FORMAT_VERSION", "BUNDLE_KINDS", "MANIFEST", "SIGNATURE",
           "SIGNED_TAG_FILES", "SIGNER", "TAGMANIFEST", "build_info", "info_text", "make_info",
           "manifest_text", "parse_info", "parse_manifest"]

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
BAG_INFO = "bag-info.txt"
BAGIT = "bagit.txt"
SIGNER = "signer.pub"
SIGNATURE = "signature.ed25519"
SIGNED_TAG_FILES = (BAGIT, BAG_INFO, MANIFEST, SIGNER)
FORMAT_VERSION = "1"
# The signer's age recipient and the signing key's signature over it (agekeys.binding_message)
ENCRYPTION_KEY = "Inspector-Encryption-Key"
ENCRYPTION_KEY_SIGNATURE = "Inspector-Encryption-Key-Signature"
BUNDLE_KINDS = ("expert", "panel", "plan")

# bag-info labels, with the short names accepted by write_bag/make_info
FIELD_NAMES = {
    "bagging_date": "Bagging-Date",
    "kind": "Inspector-Kind",
    "signer_key_id": "Inspector-Signer-Key-Id",
    "plan_id": "Inspector-Plan-Id",
    "rubric_id": "Inspector-Rubric-Id",
    "rubric_version": "Inspector-Rubric-Version",
    "rubric_hash": "Inspector-Rubric-Hash",
    "group": "Inspector-Group",
    "sequence": "Inspector-Sequence",
    "previous_bundle_hash": "Inspector-Previous-Bundle-Hash",
}
_WRITER_LABELS = {"Payload-Oxum", "Bag-Software-Agent", "Inspector-Format"}

_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,99}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


# --------------------------------------------------------------------------- bag-info

def make_info(kind: str, *, plan_id: str | None = None, rubric_id: str | None = None,
              rubric_version: str | None = None, rubric_hash: str | None = None,
              group: str | None = None, sequence: int | None = None,
              previous_bundle_hash: str | None = None, bagging_date: str | None = None,
              **extra: str) -> dict[str, str]:
    """bag-info fields for `write_bag` from keyword arguments (None values are left out)."""
    values = dict(kind=kind, plan_id=plan_id, rubric_id=rubric_id, rubric_version=rubric_version,
                  rubric_hash=rubric_hash, group=group, sequence=sequence,
                  previous_bundle_hash=previous_bundle_hash, bagging_date=bagging_date)
    out = {FIELD_NAMES[k]: str(v) for k, v in values.items() if v is not None}
    out.update({k: str(v) for k, v in extra.items()})
    return out


def build_info(info: Mapping[str, Any], signer_id: str) -> list[tuple[str, str]]:
    fields: dict[str, str] = {}
    for key, value in info.items():
        label = FIELD_NAMES.get(key, key)
        if not isinstance(label, str) or not _LABEL.fullmatch(label):
            raise BundleError("bad_bag_info", BAG_INFO_FIELD_NAME(show_name(str(label))))
        if label in _WRITER_LABELS:
            raise BundleError("bad_bag_info", BAG_INFO_FIELD_FILLED(label))
        if label in fields:
            raise BundleError("bad_bag_info", BAG_INFO_FIELD_REPEATED(label))
        text = "" if value is None else str(value)
        if any(not ch.isprintable() for ch in text) or text != text.strip():
            raise BundleError("bad_bag_info", VALUE_BAG_INFO_FIELD(label))
        fields[label] = text
    given = fields.pop("Inspector-Signer-Key-Id", None)
    if given is not None and given != signer_id:
        raise BundleError("bad_bag_info", SIGNER_BAG_INFO_DIFFERS())
    _check_info_values(fields | {"Inspector-Signer-Key-Id": signer_id}, writing=True)
    date = fields.pop("Bagging-Date", None) or _dt.date.today().isoformat()
    head = [("Bagging-Date", date), ("Payload-Oxum", ""), ("Bag-Software-Agent", f"Inspector {__version__}"),
            ("Inspector-Format", FORMAT_VERSION), ("Inspector-Signer-Key-Id", signer_id)]
    kind = fields.pop("Inspector-Kind")
    head.append(("Inspector-Kind", kind))
    return head + sorted(fields.items())


def _check_info_values(fields: Mapping[str, str], writing: bool = False) -> None:
    kind = fields.get("Inspector-Kind")
    if kind not in BUNDLE_KINDS:
        raise BundleError("bad_bag_info",
                          INSPECTOR_KIND_BAG_INFO('/'.join(BUNDLE_KINDS), show_name(str(kind))))
    seq = fields.get("Inspector-Sequence")
    if seq is not None and not re.fullmatch(r"0|[1-9][0-9]{0,17}", seq):
        raise BundleError("bad_bag_info", INSPECTOR_SEQUENCE_BAG_INFO(show_name(seq)))
    prev = fields.get("Inspector-Previous-Bundle-Hash")
    if prev and not _HEX64.fullmatch(prev):
        raise BundleError("bad_bag_info", INSPECTOR_PREVIOUS_BUNDLE_HASH())
    date = fields.get("Bagging-Date")
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise BundleError("bad_bag_info", BAGGING_DATE_BAG_INFO(show_name(date)))
    if not writing and not _HEX64.fullmatch(fields.get("Inspector-Signer-Key-Id", "")):
        raise BundleError("bad_bag_info", BAG_INFO_LACKS_VALID())


def info_text(fields: list[tuple[str, str]]) -> bytes:
    return "".join(f"{label}: {value}\n" for label, value in fields).encode("utf-8")


def parse_info(data: bytes) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError("bad_bag_info", BAG_INFO_TXT_UTF()) from None
    if text.startswith("\ufeff"):
        raise BundleError("bad_bag_info", BAG_INFO_TXT_STARTS())
    fields: dict[str, str] = {}
    for number, line in enumerate(_lines(text, "bag-info.txt", "bad_bag_info"), 1):
        label, sep, value = line.partition(":")
        if not sep or not _LABEL.fullmatch(label) or (value and not value.startswith(" ")):
            raise BundleError("bad_bag_info", LINE_BAG_INFO_TXT(number))
        value = value.strip()
        if label in fields:
            raise BundleError("bad_bag_info", FIELD_APPEARS_TWICE_BAG(label))
        fields[label] = value
    for required in ("Bagging-Date", "Payload-Oxum", "Inspector-Format", "Inspector-Signer-Key-Id", "Inspector-Kind"):
        if required not in fields:
            raise BundleError("bad_bag_info", BAG_INFO_TXT_LACKS(required))
    if fields["Inspector-Format"] != FORMAT_VERSION:
        raise BundleError("bad_version",
                          BUNDLE_FORMAT_VERSION_PROGRAM(show_name(fields['Inspector-Format']), FORMAT_VERSION))
    _check_info_values(fields)
    return fields


def _lines(text: str, name: str, code: str) -> list[str]:
    if text and not text.endswith("\n"):
        raise BundleError(code, LAST_LINE_HAS_LINE(name))
    lines = text.split("\n")[:-1] if text else []
    out = []
    for line in lines:
        if line.endswith("\r"):
            line = line[:-1]
        if "\r" in line:
            raise BundleError(code, HOLDS_STRAY_CARRIAGE_RETURNS(name))
        if line == "" or line[0] in " \t":
            raise BundleError(code, HOLDS_EMPTY_CONTINUED_LINES(name))
        out.append(line)
    return out


# --------------------------------------------------------------------------- manifests

def manifest_text(entries: list[tuple[str, str]]) -> bytes:
    return "".join(f"{digest}  {name}\n" for name, digest in entries).encode("utf-8")


def parse_manifest(data: bytes, name: str) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError("bad_manifest", UTF_8_TEXT(name)) from None
    out: dict[str, str] = {}
    seen: set[str] = set()
    for number, line in enumerate(_lines(text, name, "bad_manifest"), 1):
        m = re.fullmatch(r"([0-9A-Fa-f]{64})[ \t]+(\S.*)", line)
        if not m:
            raise BundleError("bad_manifest", LINE_RIGHT_FORMAT(name, number))
        path = m.group(2)
        path = re.sub(r"%(0[DdAa]|25)", lambda x: chr(int(x.group(1), 16)), path)
        problem = name_problem(path)
        if problem:
            raise BundleError("bad_name", FILE_NAME_LISTED_UNSAFE(name, show_name(path), problem))
        key = collision_key(path)
        if key in seen:
            raise BundleError("bad_manifest", LISTS_FILE_TWICE(name, show_name(path)))
        seen.add(key)
        out[path] = m.group(1).lower()
    return out

