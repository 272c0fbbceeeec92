"""Rule packs: sensitive-content rules kept as data, one YAML file per category.

A pack is validated as a whole and every problem in every pack is reported in one
`RulePackError`, so an author fixes them all in one pass. The schema is versioned
(`schema: 1`); see the README for the format.

Every regex is checked at load (it compiles, it never matches the empty string) and
the words it cannot match without are worked out then, once, for the literal gate
(`_detect/literals`). For the packs phimin ships, a set of regexes that all passed is
remembered between runs by its text (`phimin._derived`), so a later run neither checks
nor compiles them again: a regex is compiled when a text first holds a word it needs.
A pack of the user's own is checked on every load and never written to the cache.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, TypeAlias

import regex
import yaml

from phimin._catalogue import RuleCase, shipped_yaml, yaml_load
from phimin._derived import Fingerprint, derived
from phimin._detect import literals
from phimin._errors import RulePackError
from phimin._findings import Category

__all__ = [
    "SCHEMA_VERSION",
    "Rule",
    "RuleCase",
    "RulePack",
    "RuleSet",
    "compile_rule_regex",
    "default_rules_dir",
    "load_rule_packs",
    "regex_words",
]

SCHEMA_VERSION = 1

_PACK_KEYS = {"schema", "pack", "entity", "category", "description", "generalize_to", "rules"}
_RULE_KEYS = {
    "id",
    "name",
    "description",
    "score",
    "generalize_to",
    "phrases",
    "phrases_cased",
    "tokens",
    "regex",
    "negative",
    "cases",
    "ok",
}
_NEGATIVE_KEYS = {"phrases", "phrases_cased", "regex"}
_RULE_ID = regex.compile(r"^[A-Z][A-Z0-9]{1,9}-\d{3}$")
_ENTITY = regex.compile(r"^[A-Z][A-Z0-9_]{2,48}$")
# Generalized wording is lower-case words in brackets: it can never hold PHI, and it
# can never be mistaken for a placeholder, which is upper case.
_WORDING = regex.compile(r"^\[[a-z][a-z ,'/-]{1,60}\]$")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    entity: str
    category: Category
    score: float
    generalize_to: str
    phrases: tuple[str, ...]
    phrases_cased: tuple[str, ...]
    regexes: tuple[str, ...]
    negative_phrases: tuple[str, ...]
    negative_phrases_cased: tuple[str, ...]
    negative_regexes: tuple[str, ...]
    cases: tuple[RuleCase, ...]
    ok: tuple[str, ...]
    source: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class RulePack:
    pack: str
    entity: str
    category: Category
    description: str
    rules: tuple[Rule, ...]
    source: str


@dataclass(frozen=True, slots=True)
class RuleSet:
    packs: tuple[RulePack, ...]
    # The words each regex cannot match without, as loading worked them out (None: it
    # always runs). Not part of the set's identity; a set built by hand has none.
    words: Mapping[str, frozenset[str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(r for p in self.packs for r in p.rules)

    def rule(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None

    @property
    def wordings(self) -> frozenset[str]:
        return frozenset(r.generalize_to for r in self.rules)

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(p.entity for p in self.packs)


def default_rules_dir() -> Path:
    """The packs shipped in the wheel, or `rules/` of a source checkout."""
    shipped = resources.files("phimin").joinpath("rules")
    if shipped.is_dir():
        return Path(str(shipped))
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RulePackError(["the rule packs shipped with phimin were not found"])


def load_rule_packs(paths: str | Path | Iterable[str | Path] | None = None) -> RuleSet:
    """Load and validate rule packs (files, or directories of `*.yaml`; one alone or
    several). One path is a list of one: a bare string is iterable, and "packs/" was
    read as the paths "p", "a", "c"... (one error per letter)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    files = _expand(paths if paths is not None else [default_rules_dir()])
    shipped = _shipped_dir()
    problems: list[str] = []
    regexes: list[_Regex] = []
    packs: list[RulePack] = []
    for file in files:
        ships = shipped is not None and _is_within(file, shipped)
        try:
            text = file.read_text(encoding="utf-8")
            raw = shipped_yaml(text, f"pack-{file.name}") if ships else yaml_load(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            problems.append(f"{file.name}: cannot be read as YAML ({type(exc).__name__})")
            continue
        before = len(regexes)
        pack = _parse_pack(raw, file.name, problems, regexes)
        if pack is not None:
            packs.append(pack)
        if ships:
            regexes[before:] = [replace(r, shipped=True) for r in regexes[before:]]
    # Only what phimin ships is remembered on disk: a pack of the user's own may name
    # people or places (a clinic's own list), so its checks are worked out in memory.
    ours = regex_words([r.pattern for r in regexes if r.shipped])
    own = regex_words([r.pattern for r in regexes if not r.shipped], remember=False)
    broken, words = {**ours[0], **own[0]}, {**ours[1], **own[1]}  # (copies: `ours` is shared)
    for r in reversed(regexes):  # each problem where the regex is, in the order found
        if r.pattern in broken:
            problems.insert(r.position, f"{r.where}: {broken[r.pattern]}")
    if not files:
        problems.append("no rule pack files (*.yaml) were found")
    seen: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in seen:
                problems.append(f"{pack.source}: rule id {rule.id} is also in {seen[rule.id]}")
            seen[rule.id] = pack.source
    if problems:
        raise RulePackError(problems)
    return RuleSet(tuple(packs), words)


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")))
        else:
            files.append(p)
    return files


def _shipped_dir() -> Path | None:
    try:
        return default_rules_dir().resolve()
    except (RulePackError, OSError):
        return None


def _is_within(file: Path, folder: Path) -> bool:
    try:
        return file.resolve().is_relative_to(folder)
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class _Regex:
    """A regex to check, where it is, and where in the problems its problem goes."""

    pattern: str
    where: str
    position: int
    shipped: bool = False  # from a pack phimin ships


def _parse_pack(
    raw: Any, source: str, problems: list[str], regexes: list[_Regex]
) -> RulePack | None:
    where = source
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: a pack must be a mapping")
        return None
    for key in sorted(set(raw) - _PACK_KEYS, key=repr):
        problems.append(f"{where}: unknown key {key!r}")
    if raw.get("schema") != SCHEMA_VERSION:
        problems.append(f"{where}: 'schema' must be {SCHEMA_VERSION}")
    pack_id = _text(raw, "pack", where, problems)
    entity = _text(raw, "entity", where, problems)
    if entity and not _ENTITY.match(entity):
        problems.append(f"{where}: entity {entity!r} must be UPPER_SNAKE_CASE")
    try:
        category = Category(raw.get("category", "sensitive"))
    except ValueError:
        problems.append(f"{where}: category must be one of {[c.value for c in Category]}")
        category = Category.SENSITIVE
    wording = _wording(raw.get("generalize_to"), where, problems, required=True)
    rules_raw = raw.get("rules")
    if not isinstance(rules_raw, list) or not rules_raw:
        problems.append(f"{where}: 'rules' must be a non-empty list")
        rules_raw = []
    rules = []
    for n, rule_raw in enumerate(rules_raw, 1):
        rule = _parse_rule(
            rule_raw,
            f"{where} rule #{n}",
            (entity or "", category, wording or "", source),
            problems,
            regexes,
        )
        if rule is not None:
            rules.append(rule)
    description = raw.get("description", "")
    return RulePack(pack_id or "", entity or "", category, str(description), tuple(rules), source)


def _parse_rule(
    raw: Any,
    where: str,
    pack: tuple[str, Category, str, str],
    problems: list[str],
    regexes: list[_Regex],
) -> Rule | None:
    entity, category, pack_wording, source = pack
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: a rule must be a mapping")
        return None
    rule_id = _text(raw, "id", where, problems)
    if rule_id:
        where = f"{source} {rule_id}"
        if not _RULE_ID.match(rule_id):
            problems.append(f"{where}: id must look like ABC-001")
    for key in sorted(set(raw) - _RULE_KEYS, key=repr):
        problems.append(f"{where}: unknown key {key!r}")
    score = raw.get("score", 0.8)
    if not isinstance(score, (int, float)) or isinstance(score, bool) or not 0 < score <= 1:
        problems.append(f"{where}: score must be a number in (0, 1]")
        score = 0.8
    wording = _wording(raw.get("generalize_to", pack_wording), where, problems) or pack_wording
    phrases = _strings(raw, "phrases", where, problems)
    phrases_cased = _strings(raw, "phrases_cased", where, problems)
    patterns = _strings(raw, "regex", where, problems)
    token_patterns = raw.get("tokens") or []
    if not isinstance(token_patterns, list):
        problems.append(f"{where}: 'tokens' must be a list of token patterns")
        token_patterns = []
    for i, tokens in enumerate(token_patterns, 1):
        compiled = _tokens_to_regex(tokens, f"{where} tokens #{i}", problems)
        if compiled:
            patterns.append(compiled)
    for pattern in patterns:
        regexes.append(_Regex(pattern, where, len(problems)))
    if not (phrases or phrases_cased or patterns):
        problems.append(f"{where}: needs at least one of phrases, phrases_cased, tokens, regex")
    negative = raw.get("negative") or {}
    if not isinstance(negative, Mapping):
        problems.append(f"{where}: 'negative' must be a mapping")
        negative = {}
    for key in sorted(set(negative) - _NEGATIVE_KEYS, key=repr):
        problems.append(f"{where}: unknown key in negative: {key!r}")
    negative_regexes = _strings(negative, "regex", f"{where} negative", problems)
    negative_phrases = _strings(negative, "phrases", f"{where} negative", problems)
    negative_cased = _strings(negative, "phrases_cased", f"{where} negative", problems)
    for pattern in negative_regexes:
        regexes.append(_Regex(pattern, f"{where} negative", len(problems)))
    cases = _cases(raw.get("cases"), where, problems)
    ok = _strings(raw, "ok", where, problems)
    if not cases:
        problems.append(f"{where}: needs at least one case (text and expect)")
    if not ok:
        problems.append(f"{where}: needs at least one 'ok' text the rule must leave alone")
    return Rule(
        id=rule_id or "",
        name=str(raw.get("name", rule_id or "")),
        entity=entity,
        category=category,
        score=float(score),
        generalize_to=wording,
        phrases=tuple(p.lower() for p in phrases),
        phrases_cased=tuple(phrases_cased),
        regexes=tuple(patterns),
        negative_phrases=tuple(p.lower() for p in negative_phrases),
        negative_phrases_cased=tuple(negative_cased),
        negative_regexes=tuple(negative_regexes),
        cases=tuple(cases),
        ok=tuple(ok),
        source=source,
        description=" ".join(str(raw.get("description", "")).split()),
    )


def _text(raw: Mapping[str, Any], key: str, where: str, problems: list[str]) -> str | None:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {key!r} must be a non-empty string")
        return None
    return value.strip()


def _wording(value: Any, where: str, problems: list[str], required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not _WORDING.match(value):
        problems.append(
            f"{where}: generalize_to must be lower-case words in brackets, like "
            f"'[immigration matter]'"
        )
        return None
    return value


def _strings(raw: Mapping[str, Any], key: str, where: str, problems: list[str]) -> list[str]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: {key!r} must be a list of non-empty strings")
        return []
    return [v.strip() if key != "regex" else v for v in value]


def _cases(value: Any, where: str, problems: list[str]) -> list[RuleCase]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: 'cases' must be a list")
        return []
    cases = []
    for i, case in enumerate(value, 1):
        if (
            not isinstance(case, Mapping)
            or not isinstance(case.get("text"), str)
            or not isinstance(case.get("expect"), str)
            or set(case) - {"text", "expect"}
        ):
            problems.append(f"{where}: case #{i} must have exactly 'text' and 'expect' strings")
            continue
        cases.append(RuleCase(case["text"], case["expect"]))
    return cases


@functools.lru_cache(maxsize=4096)
def compile_rule_regex(pattern: str) -> regex.Pattern[str]:
    """Rule regexes are case-insensitive unless they say otherwise with (?-i:...).

    Compiled once per process (more than the `regex` module's own cache holds).
    """
    return regex.compile(pattern, regex.IGNORECASE)


Words: TypeAlias = "dict[str, frozenset[str] | None]"


def regex_words(
    patterns: Collection[str], *, remember: bool = True
) -> tuple[dict[str, str], Words]:
    """Check rule regexes and work out the words each cannot match without.

    Returns the problem of each broken regex, and for the others the words of
    `literals.required_literals` (None: the regex runs on every text). With `remember`
    (for phimin's own packs only: the cache holds the regexes' text), a set that all
    passed is kept between runs under the hash of its text, this module's and the
    gate's code and the `regex` version (`phimin._derived`); a broken one never is.
    """
    unique = sorted(set(patterns))

    def build() -> tuple[dict[str, str], Words]:
        broken: dict[str, str] = {}
        words: Words = {}
        for pattern in unique:
            problem = _regex_problem(pattern)
            if problem is not None:
                broken[pattern] = problem
            else:
                words[pattern] = literals.required_literals(pattern)
        return broken, words

    def decode(plain: Any) -> tuple[dict[str, str], Words]:
        if not isinstance(plain, dict) or set(plain) != set(unique):
            raise ValueError("not the regexes asked for")
        for value in plain.values():
            if value is not None and not (
                isinstance(value, frozenset) and all(isinstance(w, str) for w in value)
            ):
                raise ValueError("not a set of words")
        return {}, plain

    if not remember or not unique:
        return build()
    fingerprint = (
        Fingerprint("rule-regexes")
        .code(sys.modules[__name__], literals)
        .versions("regex")
        .text(*unique)
    )
    return derived(fingerprint, build, lambda found: found[1], decode, keep=lambda f: not f[0])


def _regex_problem(pattern: str) -> str | None:
    try:
        compiled = compile_rule_regex(pattern)
    except regex.error as exc:
        return f"invalid regex ({exc})"
    if compiled.search(""):
        return "a regex matches the empty string"
    return None


_GAP = "gap"


def _tokens_to_regex(tokens: Any, where: str, problems: list[str]) -> str | None:
    """[[crossed, crossing], {gap: 3}, [border]] -> a regex over words with gaps."""
    if not isinstance(tokens, list) or not tokens:
        problems.append(f"{where}: a token pattern must be a non-empty list")
        return None
    parts: list[str] = []
    pending_gap = 0
    for element in tokens:
        if isinstance(element, Mapping) and set(element) == {_GAP}:
            gap = element[_GAP]
            if not isinstance(gap, int) or not 0 < gap <= 8:
                problems.append(f"{where}: gap must be an integer from 1 to 8")
                return None
            pending_gap = gap
            continue
        words = [element] if isinstance(element, str) else element
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            problems.append(f"{where}: each token must be a word, a list of words, or {{gap: n}}")
            return None
        alternatives = "|".join(
            r"[ \t]+".join(regex.escape(part) for part in w.split()) for w in words
        )
        if parts:
            # A gap word starts with a word character, so the separator before it and
            # the word itself never compete for the same characters (no backtracking).
            gap = rf"(?:[^\w\n]+\w[\w'’-]*){{0,{pending_gap}}}?" if pending_gap else ""
            parts.append(rf"{gap}[^\w\n]+")
        parts.append(f"(?:{alternatives})")
        pending_gap = 0
    return r"(?i)(?<![\w])" + "".join(parts) + r"(?![\w])"


def iter_cases(rules: Sequence[Rule]) -> Iterator[tuple[Rule, RuleCase]]:
    for rule in rules:
        for case in rule.cases:
            yield rule, case
