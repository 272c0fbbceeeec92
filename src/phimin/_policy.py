"""Policies: what each entity or category becomes, and from what score.

A policy is data: a TOML file with a `[default]` rule, `[categories.<category>]`
rules and `[entities.<ENTITY>]` rules, each an `action` and an optional `threshold`.
The most specific rule wins (entity, then category, then default); a rule without a
threshold takes that of the rule it refines (an entity's category rule if the policy
has one, else `[default]`), and `[default]`'s is 0.5 when not given. Entity and
category names are checked (a typo would silently do nothing), against
`phimin.ENTITIES` and the entities of the rule packs in use. Presets ship as TOML
files in `phimin/policies/`.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from phimin._entities import ENTITIES, entity_info
from phimin._errors import PolicyError
from phimin._findings import Action, Category

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "DEFAULT_POLICY",
    "ActionRule",
    "Policy",
    "echoable",
    "load_policy",
    "preset_names",
    "unknown_policy",
]

DEFAULT_POLICY = "safe-harbor"
_SCHEMA = 1
_TOP_KEYS = {"schema", "name", "description", "default", "categories", "entities", "dates"}
_RULE_KEYS = {"action", "threshold"}
_DATES_KEYS = {"keep_year", "shift"}
DEFAULT_THRESHOLD = 0.5  # [default]'s threshold when the policy does not give one


@dataclass(frozen=True, slots=True)
class ActionRule:
    action: Action
    threshold: float


@dataclass(frozen=True, slots=True)
class Policy:
    """Maps each finding to an action. Build one with `load_policy`."""

    name: str
    description: str
    default: ActionRule
    categories: Mapping[Category, ActionRule] = field(default_factory=dict)
    entities: Mapping[str, ActionRule] = field(default_factory=dict)
    keep_year: bool = True
    # Dates the policy generalizes become real dates moved by one offset (`_dateshift`);
    # not Safe Harbor. What cannot be read as a date is generalized as usual.
    shift_dates: bool = False

    def rule_for(self, entity: str, category: Category) -> ActionRule:
        rule = self.entities.get(entity)
        if rule is None:
            rule = self.categories.get(category, self.default)
        return rule

    def keeping(self, *names: str) -> Policy:
        """A copy that keeps the named entities or categories ("substance_use")."""
        entities = dict(self.entities)
        categories = dict(self.categories)
        for name in names:
            kind, key = _resolve_name(name)
            if kind == "category":
                category = Category(key)
                old = categories.get(category, self.default)
                categories[category] = ActionRule(Action.KEEP, old.threshold)
            else:
                old = self.rule_for(key, entity_info(key).category)
                entities[key] = ActionRule(Action.KEEP, old.threshold)
        return replace(
            self,
            name=f"{self.name}+keep",
            categories=MappingProxyType(categories),
            entities=MappingProxyType(entities),
        )


def _resolve_name(name: str) -> tuple[str, str]:
    key = name.strip().replace("-", "_")
    if key.lower() in {c.value for c in Category}:
        return "category", key.lower()
    upper = key.upper()
    if upper in ENTITIES:
        return "entity", upper
    aliases = {
        "SOGI": "SEXUAL_ORIENTATION_GENDER_IDENTITY",
        "IPV": "INTIMATE_PARTNER_VIOLENCE",
        "GENETIC": "GENETIC_INFORMATION",
        "IMMIGRATION": "IMMIGRATION_STATUS",
        "REPRODUCTIVE": "REPRODUCTIVE_HEALTH",
        "REPRODUCTIVE_CARE": "REPRODUCTIVE_HEALTH",
        "CRIMINAL_LEGAL_INVOLVEMENT": "CRIMINAL_LEGAL",
        "SUBSTANCE": "SUBSTANCE_USE",
    }
    if upper in aliases:
        return "entity", aliases[upper]
    known = sorted(c.value for c in Category) + sorted(ENTITIES)
    guess = _did_you_mean(key, [*known, *(a.lower() for a in aliases)], fold=True)
    raise PolicyError(f"unknown entity or category {_name(name)}{guess}; known: {', '.join(known)}")


def _did_you_mean(name: str, known: Iterable[str], *, fold: bool = False) -> str:
    """ " (did you mean 'PERSON'?)" for a near miss, else "" (difflib's similarity)."""
    choices = list(known)
    if fold:
        by_fold = {c.casefold(): c for c in choices}
        close = difflib.get_close_matches(name.casefold(), list(by_fold), n=1, cutoff=0.6)
        match = [by_fold[c] for c in close]
    else:
        match = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
        if not match:  # `person`, `Phone_Number`: the right name in the wrong case
            match = [c for c in choices if c.casefold() == name.casefold()][:1]
    return f" (did you mean {match[0]!r}?)" if match else ""


def _name(name: object) -> str:
    """A name from a policy or a flag, quoted; never a long text echoed back."""
    text = str(name)
    return repr(text) if len(text) <= 60 else repr(text[:57] + "...")


def preset_names() -> list[str]:
    root = resources.files("phimin").joinpath("policies")
    return sorted(p.name.removesuffix(".toml") for p in root.iterdir() if p.name.endswith(".toml"))


def load_policy(
    spec: Policy | str | Path | None = None,
    *,
    rule_entities: Mapping[str, Category] | None = None,
) -> Policy:
    """A policy from a preset name, a TOML file, or an existing `Policy`.

    `rule_entities` names the entities of the rule packs in use, with their category
    (`Redactor` passes its packs'): a policy may name them besides `phimin.ENTITIES`.
    """
    if isinstance(spec, Policy):
        return spec
    if spec is None:
        spec = DEFAULT_POLICY
    if not isinstance(spec, (str, Path)):
        raise PolicyError(
            f"a policy is a preset name, a TOML file's path or a Policy, not a "
            f"{type(spec).__name__} (a dict of settings: write it as a TOML file)"
        )
    if not str(spec).strip():  # Path("") is ".", a folder: say what was really wrong
        raise unknown_policy("")
    path = Path(spec).expanduser()  # "~/policies/mine.toml", as in a shell
    if isinstance(spec, str) and spec in preset_names():
        text = (
            resources.files("phimin")
            .joinpath("policies")
            .joinpath(f"{spec}.toml")
            .read_text("utf-8")
        )
        source = f"preset {spec}"
    elif path.suffix == ".toml" or path.exists():
        text = _read_policy_file(path)
        source = path.name
    else:
        raise unknown_policy(str(spec))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{source}: not valid TOML ({exc})") from exc
    return policy_from_mapping(data, source, rule_entities=rule_entities)


def _read_policy_file(path: Path) -> str:
    """A policy file's text, without the byte order mark Windows editors may write.

    TOML forbids the mark, so a file saved "UTF-8 with BOM" (Notepad) would otherwise
    fail as "Invalid statement (at line 1, column 1)" on a line that looks right. A file
    in another encoding (Latin-1, UTF-16) is named as such, with the byte offset.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        # "strict.toml" for the preset "strict": the file is not there, the preset is
        hint = (
            f" (the preset is named {path.stem!r}, without .toml)"
            if isinstance(exc, FileNotFoundError) and path.stem in preset_names()
            else ""
        )
        raise PolicyError(
            f"cannot read policy file {path.name}: {type(exc).__name__}{hint}"
        ) from exc
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise PolicyError(f"policy file {path.name} is UTF-16 text; save it as UTF-8")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise PolicyError(
            f"policy file {path.name} is not UTF-8 text (byte offset {exc.start}); "
            "save it as UTF-8"
        ) from None


def echoable(text: str) -> bool:
    """Whether a value given for a policy may be echoed in a message: a short name with
    no spaces, never something that looks like a note pasted into the flag."""
    return len(text) <= 60 and not any(c.isspace() for c in text)


def unknown_policy(spec: str) -> PolicyError:
    """The error for a policy that is neither a preset nor a file, with the nearest preset.

    A misspelt preset (`stict`, `safe_harbor`, `Safe-Harbor`) is the commonest policy
    mistake: "no preset or policy file 'stict' (did you mean 'strict'?); presets: ...".
    Only a known preset name is ever suggested, for a value of at most 60 characters;
    the value itself is echoed only when `echoable` (a note pasted into the flag never
    is). The library's `load_policy`, `redact --policy` and `phimin-gateway --policy`
    all say it this way.
    """
    presets = preset_names()
    # "Safe Harbor" (as prose names it) has a space, so it is not echoed, but a preset
    # name may still be offered for it ("_" and spaces read as "-"); a long text is
    # never even compared.
    folded = spec.replace("_", "-").replace(" ", "-")
    hint = _did_you_mean(folded, presets, fold=True) if len(spec) <= 60 else ""
    return PolicyError(
        f"no preset or policy file {_shown(spec)}{hint}; presets: {', '.join(presets)}"
    )


def _shown(spec: str | Path) -> str:
    """Echo a preset name or file name, never something that looks like a note."""
    text = str(spec)
    if echoable(text):
        return repr(text)
    return "(the value given is not a preset name or a path)"


def policy_from_mapping(
    data: Mapping[str, Any],
    source: str = "policy",
    *,
    rule_entities: Mapping[str, Category] | None = None,
) -> Policy:
    """Check a policy's fields (every problem listed at once) and build it."""
    problems: list[str] = []
    for key in sorted(set(data) - _TOP_KEYS):
        problems.append(f"unknown key {_name(key)}{_did_you_mean(str(key), _TOP_KEYS)}")
    if data.get("schema") != _SCHEMA:
        problems.append(f"'schema' must be {_SCHEMA}")
    raw_default = data.get("default")
    default = None
    if raw_default is None:
        problems.append("a [default] rule is required (its 'action'; 'threshold' is optional)")
    else:
        default = _rule(raw_default, "default", DEFAULT_THRESHOLD, problems)
    fallback = default.threshold if default else DEFAULT_THRESHOLD
    categories: dict[Category, ActionRule] = {}
    category_names = [c.value for c in Category]
    for name, raw in _table(data, "categories", problems).items():
        try:
            category = Category(name)
        except ValueError:
            problems.append(
                f"unknown category {_name(name)} in [categories]"
                f"{_did_you_mean(name, category_names)}; categories: {', '.join(category_names)}"
            )
            continue
        rule = _rule(raw, f"categories.{name}", fallback, problems)
        if rule:
            categories[category] = rule
    known = {name: info.category for name, info in ENTITIES.items()}
    known.update(rule_entities or {})
    entities: dict[str, ActionRule] = {}
    for name, raw in _table(data, "entities", problems).items():
        if name not in known:
            problems.append(
                f"unknown entity {_name(name)} in [entities]"
                f"{_did_you_mean(name, known)}: phimin.ENTITIES lists the entities; one of "
                "your own rule pack is known when the policy is loaded with the pack "
                "(Redactor(policy=..., rules=...))"
            )
            continue
        refined = categories.get(known[name])
        inherited = refined.threshold if refined else fallback
        rule = _rule(raw, f"entities.{name}", inherited, problems)
        if rule:
            entities[name] = rule
    dates = _table(data, "dates", problems)
    for key in sorted(set(dates) - _DATES_KEYS):
        problems.append(f"unknown key dates.{key}{_did_you_mean(str(key), _DATES_KEYS)}")
    keep_year = dates.get("keep_year", True)
    if not isinstance(keep_year, bool):
        problems.append("dates.keep_year must be true or false")
    shift = dates.get("shift", False)
    if not isinstance(shift, bool):
        problems.append("dates.shift must be true or false")
    if problems or default is None:
        raise PolicyError(f"{source}: " + "; ".join(problems))
    return Policy(
        name=str(data.get("name", source)),
        description=str(data.get("description", "")),
        default=default,
        categories=MappingProxyType(categories),
        entities=MappingProxyType(entities),
        keep_year=bool(keep_year),
        shift_dates=bool(shift),
    )


def _table(data: Mapping[str, Any], key: str, problems: list[str]) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        problems.append(f"{key!r} must be a table")
        return {}
    return value


def _rule(raw: Any, where: str, inherited: float, problems: list[str]) -> ActionRule | None:
    """An `action` (required) and a `threshold` (optional: `inherited` when absent)."""
    if not isinstance(raw, Mapping):
        problems.append(f"[{where}] must be a table with an 'action' (and optionally 'threshold')")
        return None
    for key in sorted(set(raw) - _RULE_KEYS):
        problems.append(f"unknown key {where}.{key}{_did_you_mean(str(key), _RULE_KEYS)}")
    actions = [a.value for a in Action]
    if "action" not in raw:
        problems.append(f"{where}.action is required: one of {actions}")
        return None
    try:
        action = Action(raw.get("action"))
    except ValueError:  # "replce": the nearest action, and only ever an action's name
        given = raw.get("action")
        guess = _did_you_mean(given, actions, fold=True) if isinstance(given, str) else ""
        problems.append(f"{where}.action must be one of {actions}{guess}")
        return None
    threshold = raw.get("threshold", inherited)
    if (
        not isinstance(threshold, (int, float))
        or isinstance(threshold, bool)
        or not 0 <= threshold <= 1
    ):
        problems.append(f"{where}.threshold must be a number from 0 to 1")
        return None
    return ActionRule(action, float(threshold))


def keep_names(policy: Policy, names: Iterable[str]) -> Policy:
    names = list(names)
    return policy.keeping(*names) if names else policy
