"""Starting inputs for the harnesses: synthetic text and a valid rule pack (light imports)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["VALID_PACK", "cli_seeds", "rules_seeds"]

NOTES = [
    "Client reports low mood. PHQ-9 is 14.\nSeen 09/02/2024 with her mother Rosa.\n",
    "[therapist] how was the week ?\r\n[client] better , i think .\r\n",
    "MRN: 55120934\tDOB 7/22/61\nCall five five five two zero one three three four four\n",
    "Ｄａｎａ called ５５５-２０１-３３４４; [PERSON_1] and [date in 2020] already here.\n",
    "He crossed the border in 2019 and is undocumented; drinks a fifth daily.\n",
    "Address: 4117 Larkspur Terrace, Baltimore, MD 21201. Age 93.\n",
]

VALID_PACK: dict[str, Any] = {
    "schema": 1,
    "pack": "fuzz_pack",
    "entity": "IMMIGRATION_STATUS",
    "description": "A pack to start mutations from.",
    "generalize_to": "[immigration matter]",
    "rules": [
        {
            "id": "FUZ-001",
            "name": "undocumented",
            "score": 0.9,
            "generalize_to": "[immigration status]",
            "phrases": ["undocumented", "sin papeles"],
            "phrases_cased": ["ICE"],
            "tokens": [[["crossed", "crossing"], {"gap": 3}, ["border"]]],
            "regex": ["\\bwithout (?:legal )?papers\\b"],
            "negative": {"regex": ["\\bundocumented\\s+medications?"], "phrases": ["papers due"]},
            "cases": [{"text": "She is undocumented.", "expect": "She is [immigration status]."}],
            "ok": ["The side effects were documented."],
        }
    ],
}


def cli_seeds() -> list[bytes]:
    """A flag byte, a canary byte, a position (two bytes), then a note."""
    return [bytes([i, i, 0, 7]) + note.encode() for i, note in enumerate(NOTES)]


def rules_seeds() -> list[bytes]:
    """The valid pack raw, a mutation start, and a few of the packs shipped in rules/."""
    valid = yaml.safe_dump(VALID_PACK, allow_unicode=True).encode()
    out = [b"\x01" + valid, b"\x00" * 9]
    shipped = Path(__file__).resolve().parents[1] / "rules"
    out += [b"\x01" + p.read_bytes() for p in sorted(shipped.glob("*.yaml"))[:3]]
    return out
