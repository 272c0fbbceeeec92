"""The policy of a run: a preset or file (`--policy`), minus what `--keep` keeps."""

from __future__ import annotations

from pathlib import Path

from phimin._policy import Policy, load_policy, preset_names, unknown_policy
from phimin.cli.settings import Settings

__all__ = ["check_policy", "policy_for"]


def policy_for(settings: Settings) -> Policy:
    policy = load_policy(check_policy(settings.policy))
    return policy.keeping(*settings.keep) if settings.keep else policy


def check_policy(spec: str | None) -> str | None:
    """`spec` if it can be a preset or a policy file; else the library's `PolicyError`
    with the nearest preset (`unknown_policy`), before anything slow starts."""
    if spec is None or spec in preset_names():
        return spec
    path = Path(spec)
    if path.suffix == ".toml" or path.exists():
        return spec  # a file: load_policy says what is wrong with it
    raise unknown_policy(spec)
