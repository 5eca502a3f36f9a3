"""Printing for the command line: JSON that keeps Chinese readable."""
from __future__ import annotations

import json
import sys


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
