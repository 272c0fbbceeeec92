"""phimin: strip protected health information from clinical text before it reaches an LLM.

    >>> import phimin
    >>> result = phimin.redact("Maria Lopez (DOB 03/14/1987) called from 555-201-3344.")
    >>> result.text
    '[PERSON_1] (DOB [date in 1987]) called from [PHONE_1].'

phimin assists a clinician; it does not replace their review of what leaves the
practice.

Importing phimin is light: the spaCy model, Presidio and the vault's cryptography load
only when first used, so `redact --help` answers at once.
"""

from __future__ import annotations

import importlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phimin._entities import ENTITIES, SENSITIVE_ENTITIES
from phimin._errors import (
    DetectionError,
    InputError,
    ModelError,
    PhiminError,
    PolicyError,
    RulePackError,
    VaultError,
)
from phimin._findings import Action, Category, Finding, Redaction, Summary
from phimin._model_name import DEFAULT_MODEL
from phimin._policy import ActionRule, Policy, load_policy, preset_names
from phimin._presidio import defer_predefined_recognizers

if TYPE_CHECKING:
    from collections.abc import Iterable

    from phimin._catalogue import Evidence, RuleRecord, Trait
    from phimin._document import DocumentState, RedactedPiece, Replaced
    from phimin._pseudonyms import read_pseudonym_key_file
    from phimin._redactor import Redactor
    from phimin._restore import Restoration, Unrestored
    from phimin._rulepacks import (
        Rule,
        RuleCase,
        RulePack,
        RuleSet,
        default_rules_dir,
    )
    from phimin._session import Session
    from phimin._vault import Vault, generate_vault_key

__all__ = [
    "DEFAULT_MODEL",
    "ENTITIES",
    "SENSITIVE_ENTITIES",
    "Action",
    "ActionRule",
    "Category",
    "DetectionError",
    "DocumentState",
    "Evidence",
    "Finding",
    "InputError",
    "ModelError",
    "PhiminError",
    "Policy",
    "PolicyError",
    "RedactedPiece",
    "Redaction",
    "Redactor",
    "Replaced",
    "Restoration",
    "Rule",
    "RuleCase",
    "RulePack",
    "RulePackError",
    "RuleRecord",
    "RuleSet",
    "Session",
    "Summary",
    "Trait",
    "Unrestored",
    "Vault",
    "VaultError",
    "default_rules_dir",
    "generate_vault_key",
    "load_policy",
    "load_rule_packs",
    "preset_names",
    "read_pseudonym_key_file",
    "redact",
    "rules",
]

__version__ = "0.1.0"

# Presidio, once imported, imports only the recognizers asked for (see `_presidio`).
defer_predefined_recognizers()

# Public names that live in modules with heavy imports, loaded on first access.
_LAZY = {
    "DocumentState": "phimin._document",
    "Evidence": "phimin._catalogue",
    "RuleRecord": "phimin._catalogue",
    "Trait": "phimin._catalogue",
    "RedactedPiece": "phimin._document",
    "Redactor": "phimin._redactor",
    "Replaced": "phimin._document",
    "Restoration": "phimin._restore",
    "Unrestored": "phimin._restore",
    "Rule": "phimin._rulepacks",
    "RuleCase": "phimin._catalogue",
    "RulePack": "phimin._rulepacks",
    "RuleSet": "phimin._rulepacks",
    "default_rules_dir": "phimin._rulepacks",
    "Session": "phimin._session",
    "Vault": "phimin._vault",
    "generate_vault_key": "phimin._vault",
    "read_pseudonym_key_file": "phimin._pseudonyms",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'phimin' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


_default_lock = threading.Lock()
_default: Redactor | None = None


def _default_redactor() -> Redactor:
    """The shared default `Redactor` (call with `_default_lock` held)."""
    global _default  # noqa: PLW0603 - one lazily loaded model per process
    if _default is None:
        from phimin._redactor import Redactor

        _default = Redactor()
    return _default


def load_rule_packs(paths: str | Path | Iterable[str | Path] | None = None) -> RuleSet:
    """Load and validate rule packs: a folder of `*.yaml`, one pack file, or several of
    either (default: the packs shipped with phimin). A broken pack raises
    `RulePackError` listing every problem at once.

    The packs loaded replace the shipped ones: to add a pack of your own beside them,
    pass both, `load_rule_packs([phimin.default_rules_dir(), "my_packs/"])`.
    """
    from phimin._rulepacks import load_rule_packs as load

    return load(paths)


def rules(
    packs: RuleSet | str | Path | Iterable[str | Path] | None = None,
) -> tuple[RuleRecord, ...]:
    """Every detection rule's record: the built-in rules, then the rule packs' (those
    shipped with phimin, or `packs`: a loaded `RuleSet`, or a folder, file or paths to load).

    Each record has `.id`, `.entity`, `.category`, `.evidence`, `.score`, `.traits`,
    `.source` ("built-in" or the pack's file), and its own `.cases` and `.ok` texts.
    Loads no model.
    """
    from phimin._catalogue import Catalogue, rule_records
    from phimin._rulepacks import RuleSet

    loaded = packs if isinstance(packs, RuleSet) else load_rule_packs(packs)
    return rule_records(Catalogue(loaded))


def redact(text: str, *, policy: Policy | str | Path | None = None) -> Redaction:
    """Redact `text` with a shared default `Redactor` (loaded on first use)."""
    with _default_lock:
        redactor = _default_redactor()
    return redactor.redact(text, policy=policy)
