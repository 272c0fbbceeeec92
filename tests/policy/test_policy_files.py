"""A new user's own policy files and rule packs, as editors and habits really hand them
over: a byte order mark from Notepad, a Latin-1 or UTF-16 save, a path with `~`, a dict
instead of a file, one pack folder named as a plain string. Each either works or says
in one line what to do. Loads no model. Every name here is invented.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import phimin
from sample_packs import PET_PACK

POLICY = """\
schema = 1
name = "pr\u00e1ctica-norte"

[default]
action = "replace"
threshold = 0.5

[entities.SUBSTANCE_USE]
action = "keep"
"""



def test_a_policy_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    """Notepad's "UTF-8 with BOM" failed as "Invalid statement (at line 1, column 1)"."""
    path = tmp_path / "norte.toml"
    path.write_bytes(b"\xef\xbb\xbf" + POLICY.encode())
    policy = phimin.load_policy(path)
    assert policy.name == "pr\u00e1ctica-norte"
    assert policy.entities["SUBSTANCE_USE"].action is phimin.Action.KEEP
    # the same file without the mark loads the same
    path.write_text(POLICY, encoding="utf-8")
    assert phimin.load_policy(path) == policy


@pytest.mark.parametrize(
    ("encoding", "says"),
    [
        ("latin-1", "is not UTF-8 text (byte offset 21); save it as UTF-8"),
        ("utf-16", "is UTF-16 text; save it as UTF-8"),
    ],
)
def test_a_policy_in_another_encoding_says_so(tmp_path: Path, encoding: str, says: str) -> None:
    """It said "cannot read policy file x.toml: UnicodeDecodeError"."""
    path = tmp_path / "norte.toml"
    path.write_bytes(POLICY.encode(encoding))
    with pytest.raises(phimin.PolicyError) as caught:
        phimin.load_policy(str(path))
    assert str(caught.value) == f"policy file norte.toml {says}"


def test_a_policy_path_with_a_tilde_is_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "norte.toml").write_text(POLICY, encoding="utf-8")
    assert phimin.load_policy("~/norte.toml").name == "pr\u00e1ctica-norte"


@pytest.mark.parametrize("given", [{"default": {"action": "replace"}}, 0.5, ["strict"]])
def test_a_policy_that_is_not_a_name_path_or_policy_is_a_policy_error(given: Any) -> None:
    """A dict of settings raised TypeError from `Path(...)`, not a `PhiminError`."""
    with pytest.raises(phimin.PolicyError) as caught:
        phimin.load_policy(given)
    assert "a policy is a preset name, a TOML file's path or a Policy" in str(caught.value)


@pytest.mark.parametrize("as_path", [False, True])
def test_one_pack_folder_or_file_may_be_named_alone(tmp_path: Path, as_path: bool) -> None:
    """`load_rule_packs("my_packs")`, as the README writes it, read the string letter by
    letter: "23 problem(s) in rule packs: - m: cannot be read as YAML ..."."""
    folder = tmp_path / "my_packs"
    folder.mkdir()
    (folder / "pets.yaml").write_text(PET_PACK, encoding="utf-8")
    for given in (folder, folder / "pets.yaml"):
        packs = phimin.load_rule_packs(given if as_path else str(given))
        assert [p.entity for p in packs.packs] == ["PET_NAME"]
        records = phimin.rules(given if as_path else str(given))
        assert [r.id for r in records if r.entity == "PET_NAME"] == ["PET-001"]


def test_a_missing_pack_folder_is_one_problem(tmp_path: Path) -> None:
    with pytest.raises(phimin.RulePackError) as caught:
        phimin.load_rule_packs(str(tmp_path / "no_such_packs"))
    assert len(caught.value.problems) == 1
    assert "no_such_packs: cannot be read as YAML" in caught.value.problems[0]


def test_own_packs_beside_the_shipped_ones(tmp_path: Path) -> None:
    """The docstring's way to add a pack without losing phimin's own."""
    (tmp_path / "pets.yaml").write_text(PET_PACK, encoding="utf-8")
    both = phimin.load_rule_packs([phimin.default_rules_dir(), tmp_path])
    shipped = phimin.load_rule_packs()
    entities = {p.entity for p in both.packs}
    assert entities == {p.entity for p in shipped.packs} | {"PET_NAME"}


@pytest.mark.parametrize("given", ["", "   "])
def test_an_empty_policy_name_is_named_as_such(given: str) -> None:
    """It read "" as the folder "." and said "cannot read policy file : IsADirectoryError"."""
    with pytest.raises(phimin.PolicyError) as caught:
        phimin.load_policy(given)
    assert str(caught.value).startswith("no preset or policy file ''; presets: safe-harbor")


def test_a_preset_written_as_a_file_name_is_pointed_to_the_preset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(phimin.PolicyError) as caught:
        phimin.load_policy("strict.toml")
    assert str(caught.value) == (
        "cannot read policy file strict.toml: FileNotFoundError "
        "(the preset is named 'strict', without .toml)"
    )
    # a file of that name, where there is one, is still what is read
    (tmp_path / "strict.toml").write_text(POLICY, encoding="utf-8")
    assert phimin.load_policy("strict.toml").name == "pr\u00e1ctica-norte"
    with pytest.raises(phimin.PolicyError) as other:
        phimin.load_policy("mine.toml")
    assert str(other.value) == "cannot read policy file mine.toml: FileNotFoundError"
