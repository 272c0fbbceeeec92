"""The policy of a run: a preset or file (`--policy`), minus what `--keep` keeps."""

from __future__ import annotations

from phimin._policy import Policy, load_policy
from phimin.cli.settings import Settings

__all__ = ["policy_for"]


def policy_for(settings: Settings) -> Policy:
    policy = load_policy(settings.policy)
    return policy.keeping(*settings.keep) if settings.keep else policy
