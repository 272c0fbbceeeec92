"""The policy of a run: a preset or file (`--policy`), minus what `--keep` keeps."""

from __future__ import annotations

import difflib
from pathlib import Path

from phimin._errors import PolicyError
from phimin._policy import Policy, echoable, load_policy, preset_names
from phimin.cli.settings import Settings

__all__ = ["check_policy", "policy_for"]


def policy_for(settings: Settings) -> Policy:
    policy = load_policy(check_policy(settings.policy))
    return policy.keeping(*settings.keep) if settings.keep else policy


def check_policy(spec: str | None) -> str | None:
    """`spec` if it can be a preset or a policy file; else a `PolicyError` with a guess.

    A misspelt preset (`stict`, `safe_harbor`, `Safe-Harbor`) is the commonest policy
    mistake; the library's message lists the presets, this adds the nearest one. Only a
    short, space-free name is ever echoed (never text pasted into the flag).
    """
    if spec is None or spec in preset_names():
        return spec
    path = Path(spec)
    if path.suffix == ".toml" or path.exists() or not echoable(spec):
        return spec  # a file, or not a name: load_policy says what is wrong with it
    presets = preset_names()
    folded = spec.casefold().replace("_", "-").replace(" ", "-")
    close = [p for p in presets if p == folded] or difflib.get_close_matches(
        folded, presets, n=1, cutoff=0.6
    )
    if not close:
        return spec
    raise PolicyError(
        f"no preset or policy file {spec!r} (did you mean {close[0]!r}?); "
        f"presets: {', '.join(presets)}"
    )
