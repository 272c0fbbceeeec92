"""phimin: strip protected health information from clinical text before it reaches an LLM.

    >>> import phimin
    >>> result = phimin.redact("Maria Lopez (DOB 03/14/1987) called from 555-201-3344.")
    >>> result.text
    '[PERSON_1] (DOB [date in 1987]) called from [PHONE_1].'

phimin assists a clinician; it does not replace their review of what leaves the
practice.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from phimin._entities import ENTITIES, SENSITIVE_ENTITIES
from phimin._errors import (
    DetectionError,
    InputError,
    ModelError,
    PhiminError,
    PolicyError,
    RulePackError,
)
from phimin._findings import Action, Category, Finding, Redaction, Summary
from phimin._nlp import DEFAULT_MODEL
from phimin._policy import ActionRule, Policy, load_policy, preset_names
from phimin._redactor import DocumentState, RedactedPiece, Redactor
from phimin._rulepacks import Rule, RuleCase, RulePack, RuleSet, default_rules_dir, load_rule_packs

__all__ = [
    "DEFAULT_MODEL",
    "ENTITIES",
    "SENSITIVE_ENTITIES",
    "Action",
    "ActionRule",
    "Category",
    "DetectionError",
    "DocumentState",
    "Finding",
    "InputError",
    "ModelError",
    "PhiminError",
    "Policy",
    "PolicyError",
    "RedactedPiece",
    "Redaction",
    "Redactor",
    "Rule",
    "RuleCase",
    "RulePack",
    "RulePackError",
    "RuleSet",
    "Summary",
    "default_rules_dir",
    "load_policy",
    "load_rule_packs",
    "preset_names",
    "redact",
]

__version__ = "0.1.0"

_default_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _default_redactor() -> Redactor:
    return Redactor()


def redact(text: str, *, policy: Policy | str | Path | None = None) -> Redaction:
    """Redact `text` with a shared default `Redactor` (loaded on first use)."""
    with _default_lock:
        redactor = _default_redactor()
    return redactor.redact(text, policy=policy)
