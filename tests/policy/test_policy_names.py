"""A policy named wrong, through the library: the nearest preset is suggested, and only
a preset name is ever suggested; what the caller gave is echoed only when it is a short
name without spaces (`echoable`), never a note pasted in its place. Names are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import phimin
from phimin._policy import preset_names, unknown_policy
from phimin.cli.policy import check_policy


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("stict", "strict"),
        ("Strict", "strict"),
        ("safe_harbor", "safe-harbor"),
        ("Safe Harbor", "safe-harbor"),  # has a space: not echoed, but still a preset guess
        ("shift_dates", "shift-dates"),
        ("substance-use", "substance-use-treatment"),
    ],
)
def test_load_policy_suggests_the_nearest_preset(given: str, meant: str) -> None:
    with pytest.raises(phimin.PolicyError) as caught:
        phimin.load_policy(given)
    message = str(caught.value)
    assert f"(did you mean {meant!r}?)" in message
    assert message.endswith("presets: " + ", ".join(preset_names()))
    with pytest.raises(phimin.PolicyError) as flagged:  # the CLI and gateway say the same
        check_policy(given)
    assert str(flagged.value) == message


@pytest.mark.parametrize(
    "given",
    [
        "Wendeline Abara strict",  # a note pasted into the flag, near a preset
        "strict" + "x" * 60,  # over 60 characters, no spaces
        "wendeline-abara",  # a short name, far from any preset
    ],
)
def test_only_preset_names_are_suggested_and_notes_never_echoed(given: str) -> None:
    message = str(unknown_policy(given))
    assert "Wendeline" not in message and "Abara" not in message and "xxxx" not in message
    assert "did you mean" not in message or "'wendeline" not in message
    guess = message.partition("(did you mean ")[2].partition("?)")[0]
    assert guess == "" or guess.strip("'") in preset_names()


def test_a_short_name_is_echoed_and_a_long_one_is_not() -> None:
    assert "'stict'" in str(unknown_policy("stict"))
    long = "s" * 61
    assert long not in str(unknown_policy(long))
    assert "not a preset name or a path" in str(unknown_policy(long))


def test_a_misspelt_action_in_a_policy_file_gets_the_nearest_action(tmp_path: Path) -> None:
    policy = tmp_path / "practice.toml"
    policy.write_text('schema = 1\n[default]\naction = "replce"\n', "utf-8")
    with pytest.raises(phimin.PolicyError, match=r"\(did you mean 'replace'\?\)"):
        phimin.load_policy(policy)
    policy.write_text('schema = 1\n[default]\naction = "Wendeline Abara"\n', "utf-8")
    with pytest.raises(phimin.PolicyError) as caught:
        phimin.load_policy(policy)
    assert "Wendeline" not in str(caught.value) and "did you mean" not in str(caught.value)
