"""Restore: put the originals back into text an LLM wrote from redacted text.

A `Ledger` is what one session issued: each placeholder and the original it stands
for, each generalized wording and the original it replaced, each shifted date and
the date it was, the placeholder-like strings that arrived in the input, and the
state needed to keep numbering consistent (the placeholder book, the names learnt).

`restore` is tolerant of what LLMs do to placeholders and strict about everything
else:

- tolerated: changed case (`[person_1]`), dropped brackets (`PERSON_1`), a possessive
  inside or after the brackets (`[PERSON_1's]`, `[PERSON_1]'s`), spaces or one line
  break inside the brackets (`[ PERSON_1 ]`, `[PERSON_\\n1]`), Markdown escapes
  (`\\[PERSON\\_1\\]`); wordings in any case and spacing (`[Date in 2026 #2]`);
- never guessed: a placeholder this session did not issue, a number written
  differently (`PERSON_01`, `PERSON_11` for `PERSON_1`), a placeholder, wording or
  shifted date that also arrived in the input as a literal (it could be an injected
  reference), a wording of an older vault that stood for more than one original, a
  shifted date written in another form than the session wrote it. These are left as
  they are and reported in `Restoration.unrestored`, with their offsets.

Every distinct value behind a wording has its own token (`[date in 2026]`, `[date in
2026 #2]`, see `_placeholders`), so generalized content restores exactly, and does by
default; `generalized=False` leaves wordings (and placeholders the policy chose as a
generalization) as written. Shifted dates always come back: a moved date left in a
note would read as a real one. An unbracketed wording such as `90+` cannot be told
apart from the LLM's own words, so it is not recorded at all. In a session whose dates
were shifted, any other date in the text is reported (`unknown_date`): the LLM's own
arithmetic ("two weeks later: April 21st") is in the shifted calendar.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from phimin._dateshift import DATE_SHAPE
from phimin._entities import ENTITIES
from phimin._lazy_regex import lazy
from phimin._normalize import normalize
from phimin._placeholders import PlaceholderBook, wording_parts
from phimin._pseudonyms import NUMBER_PATTERN

__all__ = [
    "REASONS",
    "REASON_TEXT",
    "UNKNOWN_DATE",
    "Issued",
    "Ledger",
    "Restoration",
    "StreamRestorer",
    "Unrestored",
    "contest_key",
    "json_escape",
    "placeholder_literals",
    "restore",
    "restore_json",
]

_LEDGER_FORMAT = 1

# Spaces and at most one line break: what an LLM or a text wrapper puts inside a token.
_WS = r"[ \t]*(?:\r?\n[ \t]*)?"
# Bounded, so a long run like "a_a_a_..." costs a short scan per token, not a huge one.
_LABEL = r"(?P<label>[A-Za-z][A-Za-z0-9]{0,39}(?:\\?_[A-Za-z0-9]{1,40}){0,5})"
# The number as written; never followed by another digit, letter or underscore, so
# PERSON_1 is not read out of PERSON_11 or PERSON_1a.
_NUMBER = rf"(?P<number>{NUMBER_PATTERN})(?![A-Za-z0-9_])"  # per document or keyed
_PLACEHOLDER_SHAPES = (
    # bracketed (both brackets): "[PERSON_1]", "[ person_\n1 ]", "[PERSON_1's]", "\[PERSON\_1\]"
    rf"\\?\[{_WS}{_LABEL}{_WS}\\?_{_WS}{_NUMBER}(?P<poss>['’]s)?{_WS}\\?\]"
    # bare (no bracket taken, so "[see PERSON_1]" keeps its own): "PERSON_1", "person\_1"
    rf"|(?<![A-Za-z0-9_]){_LABEL}\\?_{_NUMBER}"
)
_PLACEHOLDER = lazy(_PLACEHOLDER_SHAPES)
_STRICT_PLACEHOLDER = regex.compile(rf"\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)_({NUMBER_PATTERN})\]")
# Any bracketed stretch of input: a literal that may look like one of our wordings.
_BRACKETED = regex.compile(r"\[([^\[\]]{1,200})\]")

_KNOWN_LABELS = frozenset(info.label for info in ENTITIES.values())

REASONS = ("not_issued", "contested", "ambiguous", "not_requested", "unknown_date")
# What each reason means, for a person reading a report.
REASON_TEXT = {
    "not_issued": "a placeholder or numbered wording this session never issued",
    "contested": "the same string was in the input too, so it may not be ours",
    "ambiguous": "a wording of an older vault that stands for several originals",
    "not_requested": "generalized content, left as asked (generalized=False)",
    "unknown_date": "a date the session did not write, while its dates were shifted",
}
# The token reported for a date the session did not write (never the date itself).
UNKNOWN_DATE = "DATE"
# A session remembers at most this many distinct literals of each kind; input beyond
# that is refused (fail closed) rather than letting the ledger grow without bound.
MAX_LITERALS = 10_000


def _canonical_placeholder(label: str, number: str) -> str:
    return f"[{label.replace(chr(92), '').upper()}_{number}]"


def contest_key(label: str, number: str) -> str:
    """The key under which a literal blocks a placeholder: `[PERSON_01]` blocks `[PERSON_1]`."""
    return f"[{label.replace(chr(92), '').upper()}_{int(number)}]"


def canonical_wording(text: str) -> str:
    """`[ Date  in\\n2021 ]` and `[date in 2021]` are the same wording."""
    inner = text.strip().replace("\\", "")
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    return " ".join(inner.split()).casefold()


def placeholder_literals(text: str) -> set[str]:
    """Contest keys of every placeholder-like string in `text`, in any tolerated form."""
    if "_" not in text:  # every placeholder shape has one
        return set()
    found = _PLACEHOLDER.finditer(text, overlapped=True)  # every start, not just a tiling
    return {contest_key(m.group("label"), m.group("number")) for m in found}


def is_placeholder(text: str) -> bool:
    return _STRICT_PLACEHOLDER.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class Issued:
    """What one placeholder stands for: the first surface seen (the fullest, for names)."""

    entity: str
    original: str = field(repr=False)
    generalized: bool  # issued by a `generalize` action: left with generalized=False


@dataclass(frozen=True, slots=True)
class Unrestored:
    """A placeholder-like token left in the text, and why. Offsets into the restored input."""

    start: int
    end: int
    token: str  # the canonical placeholder or wording (phimin's own forms, never an original)
    reason: str  # one of REASONS

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "token": self.token, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Restoration:
    """Restored text, how many tokens were restored, and what was left and why."""

    text: str = field(repr=False)
    restored: int
    unrestored: tuple[Unrestored, ...]

    @property
    def complete(self) -> bool:
        return not self.unrestored

    def counts(self) -> dict[str, int]:
        """Unrestored tokens by reason (no text): for a CLI summary or a log line."""
        out = dict.fromkeys(REASONS, 0)
        for u in self.unrestored:
            out[u.reason] += 1
        return out


@dataclass(eq=False, repr=False)
class Ledger:
    """Everything a session must remember. Holds originals: keep it in memory or a `Vault`."""

    ident: bytes = field(default_factory=lambda: os.urandom(16))
    revision: int = 0
    placeholders: dict[str, Issued] = field(default_factory=dict)
    wordings: dict[str, str | None] = field(default_factory=dict)  # None: ambiguous
    dates: dict[str, str | None] = field(default_factory=dict)  # shifted -> original
    literals: set[str] = field(default_factory=set)  # contest keys seen in input
    literal_digests: set[str] = field(default_factory=set)  # keyed digests of [..] in input
    book: dict[str, Any] = field(default_factory=lambda: PlaceholderBook().snapshot())
    known_names: dict[str, str | None] = field(default_factory=dict)
    known_places: dict[str, str | None] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (
            f"Ledger(revision={self.revision}, placeholders={len(self.placeholders)}, "
            f"wordings={len(self.wordings)}, dates={len(self.dates)}, "
            f"literals={len(self.literals)})"
        )

    # --- recording --------------------------------------------------------------------

    def record_placeholder(
        self, placeholder: str, entity: str, original: str, *, generalized: bool = False
    ) -> None:
        old = self.placeholders.get(placeholder)
        if old is None:
            self.placeholders[placeholder] = Issued(entity, original, generalized)
        elif generalized and not old.generalized:
            self.placeholders[placeholder] = Issued(old.entity, old.original, True)

    def record_wording(self, wording: str, original: str) -> None:
        """A wording stands for the first original seen for it. Each distinct value has
        its own wording, so another original can only differ in case and spacing (the
        first one comes back); anything else (a vault from before wordings were
        numbered) makes it ambiguous, never restored."""
        self.wordings[wording] = _one_original(self.wordings, wording, original)

    def record_date(self, shifted: str, original: str) -> None:
        """A shifted date and the date it was written as."""
        self.dates[shifted] = _one_original(self.dates, shifted, original)

    def date_digest(self, text: str) -> str:
        """The digest under which a date-shaped literal of the input is remembered."""
        return self.digest("date\x00" + text)

    def digest(self, canonical: str) -> str:
        """A keyed digest, so bracketed input text is remembered without being stored."""
        return hmac.new(self.ident, canonical.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def scan_literals(self, text: str) -> tuple[set[str], set[str]]:
        """Placeholder-like literals (contest keys) and bracketed stretches (digests).

        Read in the text as written and in its normalized view, so a disguised literal
        ("ＰＥＲＳＯＮ＿１", "[PERSON_\u200b1]") contests the placeholder it imitates.
        """
        literals: set[str] = set()
        digests: set[str] = set()
        view = normalize(text).text
        for form in {text, view}:
            found = _BRACKETED.finditer(form) if "[" in form else ()
            digests |= {self.digest(canonical_wording(m.group(0))) for m in found}
            literals |= placeholder_literals(form)
        return literals, digests

    # --- serialization ----------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _LEDGER_FORMAT,
            "ident": self.ident.hex(),
            "revision": self.revision,
            "placeholders": {
                p: {"entity": i.entity, "original": i.original, "generalized": i.generalized}
                for p, i in self.placeholders.items()
            },
            "wordings": self.wordings,
            "dates": self.dates,
            "literals": sorted(self.literals),
            "literal_digests": sorted(self.literal_digests),
            "book": self.book,
            "known_names": self.known_names,
            "known_places": self.known_places,
        }

    @classmethod
    def from_json(cls, data: object) -> Ledger:
        """Parse and check every field; raises ValueError (without quoting contents)."""
        d = _mapping(data)
        if d.get("format") != _LEDGER_FORMAT:
            raise ValueError("unsupported ledger format")
        placeholders = {}
        for p, raw in _mapping(d.get("placeholders")).items():
            item = _mapping(raw)
            if not is_placeholder(p):
                raise ValueError("bad placeholder")
            placeholders[p] = Issued(
                _str(item.get("entity")), _str(item.get("original")), _bool(item.get("generalized"))
            )
        wordings = {
            w: (None if o is None else _str(o)) for w, o in _mapping(d.get("wordings")).items()
        }
        dates = {  # (absent from a vault written before dates were shifted)
            w: (None if o is None else _str(o)) for w, o in _mapping(d.get("dates", {})).items()
        }
        try:
            book = PlaceholderBook.from_snapshot(_mapping(d.get("book"))).snapshot()
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ValueError("bad placeholder book") from None
        known = _known(d.get("known_names"))
        places = _known(d.get("known_places", {}))
        return cls(
            ident=bytes.fromhex(_str(d.get("ident"))),
            revision=_int(d.get("revision")),
            placeholders=placeholders,
            wordings=wordings,
            dates=dates,
            literals={_str(x) for x in _list(d.get("literals"))},
            literal_digests={_str(x) for x in _list(d.get("literal_digests"))},
            book=book,
            known_names=known,
            known_places=places,
        )


def _one_original(table: dict[str, str | None], token: str, original: str) -> str | None:
    if token not in table:
        return original
    old = table[token]
    if old is None or " ".join(old.split()).casefold() != " ".join(original.split()).casefold():
        return None
    return old


def _known(x: object) -> dict[str, str | None]:
    return {_str(k): (None if v is None else _str(v)) for k, v in _mapping(x).items()}


def _mapping(x: object) -> Mapping[str, Any]:
    if not isinstance(x, dict) or not all(isinstance(k, str) for k in x):
        raise ValueError("expected an object")
    return x


def _list(x: object) -> list[Any]:
    if not isinstance(x, list):
        raise ValueError("expected a list")
    return x


def _str(x: object) -> str:
    if not isinstance(x, str):
        raise ValueError("expected a string")
    return x


def _int(x: object) -> int:
    if not isinstance(x, int) or isinstance(x, bool) or x < 0:
        raise ValueError("expected a non-negative integer")
    return x


def _bool(x: object) -> bool:
    if not isinstance(x, bool):
        raise ValueError("expected true or false")
    return x


# --- restoring --------------------------------------------------------------------------

# A shifted date is ours only as the session wrote it: not glued to more of a date, and
# not with a year the LLM added after it ("April 7th, 2027": its own, in shifted time).
_DATE_BEFORE = r"(?<![\w/.-])"
_DATE_AFTER = r"(?![\w/]|[.-]\d|,?[ ]+(?:of[ ]+|in[ ]+)?(?:\d{4}|'\d{2}))"
# How far a date's end looks ahead, and how long a date can be, for streaming.
_DATE_LOOKAHEAD = 12
_DATE_LONGEST = 64


@functools.lru_cache(maxsize=32)
def _scanner(wordings: tuple[str, ...], dates: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """One pass over the text: known bracketed wordings first, then shifted dates (as
    written, case and all), then placeholders."""
    alternatives = []
    for w in sorted(wordings, key=len, reverse=True):
        tokens = w[1:-1].split()
        if tokens:
            sep = r"(?:[ \t]+(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*)"
            body = sep.join(regex.escape(t) for t in tokens)
            alternatives.append(rf"\\?\[{_WS}{body}{_WS}\\?\]")
    wording = "|".join(alternatives) or "(?!)"  # (?!) never matches
    # Another number of a wording the session wrote ("[date in 2026 #3]" when it wrote
    # only two): never restored, but reported, as a placeholder it never issued is.
    others = []
    for base in sorted({wording_parts(w)[0] for w in wordings}, key=len, reverse=True):
        tokens = base.split()
        if tokens:
            sep = r"(?:[ \t]+(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*)"
            body = sep.join(regex.escape(t) for t in tokens)
            others.append(rf"\\?\[{_WS}{body}(?:{_WS}\#{_WS}\d{{1,7}})?{_WS}\\?\]")
    other = "|".join(others) or "(?!)"
    shifted = "|".join(regex.escape(d) for d in sorted(dates, key=len, reverse=True))
    date = f"(?-i:{_DATE_BEFORE}(?:{shifted}){_DATE_AFTER})" if dates else "(?!)"
    return regex.compile(
        f"(?P<wording>{wording})|(?P<other>{other})|(?P<date>{date})|(?:{_PLACEHOLDER_SHAPES})",
        regex.IGNORECASE,
    )


def restore(
    text: str,
    ledger: Ledger,
    *,
    generalized: bool = True,
    escape: Callable[[str], str] | None = None,
) -> Restoration:
    """Replace what `ledger` can vouch for; leave and report everything else.

    `generalized=False` leaves generalized content as written (wordings such as
    `[date in 2026]`; shifted dates still come back). `escape` is applied to each
    original before it is put in (for text inside a JSON string, `json_escape`).
    """
    parts, restored, unrestored = _restore_range(text, 0, len(text), ledger, generalized, escape)
    return Restoration("".join(parts), restored, tuple(unrestored))


def _restore_range(
    text: str,
    pos: int,
    endpos: int,
    ledger: Ledger,
    generalized: bool,
    escape: Callable[[str], str] | None,
) -> tuple[list[str], int, list[Unrestored]]:
    """Restore text[pos:endpos] (the text around it is only context)."""
    piece = text[pos:endpos]
    if not ledger.dates and "_" not in piece and "[" not in piece:
        return [piece], 0, []  # no placeholder or wording can be in it
    wordings = _bracketed_wordings(ledger)
    by_canonical: dict[str, list[str]] = {}
    for w in wordings:
        by_canonical.setdefault(canonical_wording(w), []).append(w)
    labels = _KNOWN_LABELS | {p[1:].rsplit("_", 1)[0] for p in ledger.placeholders}
    parts: list[str] = []
    unrestored: list[Unrestored] = []
    restored = 0
    last = pos
    gap = pos  # where text no token was read in starts (searched for other dates)
    for m in _scanner(wordings, tuple(ledger.dates)).finditer(text, pos, endpos):
        if m.group("wording") is not None:
            canonical = canonical_wording(m.group(0))
            token, original, reason = _wording_value(ledger, by_canonical[canonical], canonical)
            if reason is None and not generalized:
                original, reason = None, "not_requested"
        elif m.group("other") is not None:
            if ledger.digest(canonical_wording(m.group(0))) in ledger.literal_digests:
                continue  # typed in the input, never issued: the writer's own text
            token, original, reason = _unissued_wording(m.group(0)), None, "not_issued"
        elif m.group("date") is not None:
            token, original, reason = UNKNOWN_DATE, *_date_value(ledger, m.group(0))
        else:
            label, number = m.group("label"), m.group("number")
            token = _canonical_placeholder(label, number)
            if token[1:].rsplit("_", 1)[0] not in labels:
                continue  # not shaped like anything phimin writes (e.g. COVID_19)
            original, reason = _placeholder_value(ledger, token, contest_key(label, number))
            if original is not None and m.group("poss"):
                original += m.group("poss")
            if reason is None and not generalized and ledger.placeholders[token].generalized:
                original, reason = None, "not_requested"
        if ledger.dates:
            unrestored.extend(_other_dates(text, gap, m.start()))
        gap = m.end()
        if original is None:
            unrestored.append(Unrestored(m.start(), m.end(), token, reason or "ambiguous"))
            continue
        parts.append(text[last : m.start()])
        parts.append(escape(original) if escape is not None else original)
        last = m.end()
        restored += 1
    if ledger.dates:
        unrestored.extend(_other_dates(text, gap, endpos))
        unrestored.sort(key=lambda u: u.start)
    parts.append(text[last:endpos])
    return parts, restored, unrestored


def _other_dates(text: str, start: int, end: int) -> list[Unrestored]:
    """Dates in text[start:end] that the session did not write (its dates were shifted)."""
    if start >= end:
        return []
    return [
        Unrestored(m.start(), m.end(), UNKNOWN_DATE, "unknown_date")
        for m in DATE_SHAPE.finditer(text, start, end)
    ]


def _bracketed_wordings(ledger: Ledger) -> tuple[str, ...]:
    return tuple(w for w in ledger.wordings if w.startswith("[") and w.endswith("]"))


def json_escape(value: str) -> str:
    """`value` as it must be written inside a JSON string (without the quotes)."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def restore_json(text: str, ledger: Ledger, *, generalized: bool = True) -> Restoration:
    """Restore the string values of a JSON document (a tool call's arguments, a JSON-mode
    reply) without ever breaking it.

    Each string value comes back exactly as `restore` gives it for that value alone.
    Originals are put in escaped for a JSON string, so the document keeps its layout;
    where that cannot give the same values (a placeholder written with an escape
    sequence inside it, "[PERSON_\\n1]"), the document is parsed, each string restored on
    its own and the document written out again. Text that is not JSON is restored as
    plain text.
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return restore(text, ledger, generalized=generalized)
    tally = _Tally()
    rebuilt = _restore_values(document, ledger, generalized, tally)
    in_place = restore(text, ledger, generalized=generalized, escape=json_escape)
    try:
        same = json.loads(in_place.text) == rebuilt
    except (ValueError, RecursionError):
        same = False
    if same:
        return in_place
    # (what was left cannot be placed in the rewritten layout: its offsets span it all)
    text_out = json.dumps(rebuilt, ensure_ascii=False)
    left = tuple(Unrestored(0, len(text), u.token, u.reason) for u in tally.unrestored)
    return Restoration(text_out, tally.restored, left)


@dataclass
class _Tally:
    restored: int = 0
    unrestored: list[Unrestored] = field(default_factory=list)


def _restore_values(value: Any, ledger: Ledger, generalized: bool, counter: _Tally) -> Any:
    if isinstance(value, str):
        result = restore(value, ledger, generalized=generalized)
        counter.restored += result.restored
        counter.unrestored.extend(result.unrestored)
        return result.text
    if isinstance(value, list):
        return [_restore_values(v, ledger, generalized, counter) for v in value]
    if isinstance(value, dict):
        return {
            _restore_values(k, ledger, generalized, counter): _restore_values(
                v, ledger, generalized, counter
            )
            for k, v in value.items()
        }
    return value


# A run of characters a bare placeholder is made of ("PERSON_1", "person\\_1"), at the end.
_TRAILING_RUN = regex.compile(r"(?r)[A-Za-z0-9_\\]+\Z")


class StreamRestorer:
    """Restore text that arrives in pieces (an LLM's streamed reply).

    `feed` returns the restored text as far as it is decided, holding back only what
    could still be the start of a placeholder, wording or date (an unclosed bracket
    that may become one, a trailing word, a date that may go on); `finish` returns the
    rest. The pieces joined equal `restore` of the whole text, whatever the chunking.
    `restored` and `unrestored` (offsets into the whole input) grow as it goes.
    """

    def __init__(
        self,
        ledger: Ledger,
        *,
        generalized: bool = True,
        escape: Callable[[str], str] | None = None,
    ) -> None:
        self._ledger = ledger
        self._generalized = generalized
        self._escape = escape
        self._pending = ""
        self._before = ""  # the last input character emitted: context for what follows
        self._offset = 0  # input characters already emitted
        self.restored = 0
        self.unrestored: list[Unrestored] = []

    def feed(self, chunk: str) -> str:
        if not isinstance(chunk, str):
            raise TypeError(f"expected str, got {type(chunk).__name__}")
        self._pending += chunk
        return self._emit(_decided(self._pending, self._ledger))

    def finish(self) -> str:
        return self._emit(len(self._pending))

    @property
    def emitted(self) -> int:
        """Input characters restored and returned so far (nothing before them is held)."""
        return self._offset

    def _emit(self, cut: int) -> str:
        if cut <= 0:
            return ""
        context = len(self._before)
        text = self._before + self._pending
        parts, restored, unrestored = _restore_range(
            text, context, context + cut, self._ledger, self._generalized, self._escape
        )
        self.restored += restored
        shift = self._offset - context
        self.unrestored.extend(
            Unrestored(u.start + shift, u.end + shift, u.token, u.reason) for u in unrestored
        )
        self._offset += cut
        self._before = self._pending[cut - 1]
        self._pending = self._pending[cut:]
        return "".join(parts)


def _decided(text: str, ledger: Ledger) -> int:
    """How much of `text` restores the same whatever follows it.

    A placeholder or wording is either bracketed (it ends at the first "]" after its
    "[") or a bare run of letters, digits, underscores and backslashes. So only two
    things can change with more text: a run of such characters at the very end, and
    the last "[" when no "]" follows it and what follows could still grow into one of
    this ledger's tokens. When the session shifted dates, a date near the end may still
    grow ("April 7" + "th, 2027") or be vetoed by what follows: it waits too.
    """
    cut = len(text)
    run = _TRAILING_RUN.search(text)
    if run is not None:
        cut = run.start()
    bracket = text.rfind("[")
    if bracket >= 0 and "]" not in text[bracket:]:
        start = bracket - 1 if bracket > 0 and text[bracket - 1] == "\\" else bracket
        scanner = _scanner(_bracketed_wordings(ledger))
        if scanner.fullmatch(text, start, partial=True) is not None:
            cut = min(cut, start)
    if ledger.dates:
        cut = min(cut, _date_hold(text))
    return cut


def _date_hold(text: str) -> int:
    """The start of the first date-like stretch that reaches near the end of `text`, or
    of an earlier one that runs into it ("April 7th April": "7th April" reaches the
    end, "April 7th" holds it)."""
    near = len(text) - _DATE_LOOKAHEAD
    hold = len(text)
    for start in range(max(0, len(text) - _DATE_LONGEST), len(text)):
        m = DATE_SHAPE.match(text, start, partial=True)
        if m is not None and (m.partial or m.end() > near):
            hold = start
            break
    moved = hold < len(text)
    while moved:  # (each pass moves the hold back: it ends)
        moved = False
        for start in range(max(0, hold - _DATE_LONGEST), hold):
            m = DATE_SHAPE.match(text, start, partial=True)
            if m is not None and (m.partial or m.end() > hold):
                hold, moved = start, True
                break
    return hold


def _placeholder_value(ledger: Ledger, token: str, key: str) -> tuple[str | None, str | None]:
    issued = ledger.placeholders.get(token)
    if issued is None:
        return None, "not_issued"
    if key in ledger.literals:
        return None, "contested"
    return issued.original, None


def _unissued_wording(written: str) -> str:
    """A numbered form of a wording the session wrote, which it never issued, in
    phimin's form (`[date in 2026 #3]`): its base is the session's own wording."""
    base, number = wording_parts(written)
    return f"[{base}]" if number == 1 else f"[{base} #{number}]"


def _wording_value(
    ledger: Ledger, candidates: Iterable[str], canonical: str
) -> tuple[str, str | None, str | None]:
    found = list(candidates)
    token = found[0]
    if ledger.digest(canonical) in ledger.literal_digests:
        return token, None, "contested"
    if len(found) != 1 or ledger.wordings[token] is None:
        return token, None, "ambiguous"
    return token, ledger.wordings[token], None


def _date_value(ledger: Ledger, written: str) -> tuple[str | None, str | None]:
    if ledger.date_digest(written) in ledger.literal_digests:
        return None, "contested"
    original = ledger.dates[written]
    return (None, "ambiguous") if original is None else (original, None)
