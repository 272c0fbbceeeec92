"""Session: one conversation (or one client's notes), consistent placeholders, restorable.

    >>> session = phimin.Session(redactor)                       # doctest: +SKIP
    >>> session.redact("Maria Lopez called.").text               # doctest: +SKIP
    '[PERSON_1] called.'
    >>> session.redact("Maria said her mother worried.").text    # doctest: +SKIP
    '[PERSON_1] said her mother worried.'
    >>> session.restore("Plan: [person_1]'s next visit.")        # doctest: +SKIP
    "Plan: Maria Lopez's next visit."

Every text goes through `Redactor.redact_with_state` with one `DocumentState`, so the
placeholder book and the names learnt carry over from turn to turn. What each
placeholder and wording stands for is kept in a `Ledger` (in memory, or in a `Vault`
file shared by threads and processes).

Placeholder-like strings in the input (typed by a user, pasted, or injected) are
handled before redaction: one that was not issued yet is reserved and will never be
issued; one that was already issued becomes *contested*, and `restore` leaves it alone
from then on (an input literal must not be turned into a real value by the LLM echoing
it). A placeholder restores to the first surface seen for it (for names, the fullest).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from phimin._dateshift import DATE_SHAPE
from phimin._document import DocumentState, Replaced, check_text
from phimin._errors import InputError, PhiminError
from phimin._findings import Action, Finding, Redaction
from phimin._placeholders import PlaceholderBook
from phimin._restore import (
    MAX_LITERALS,
    Ledger,
    Restoration,
    StreamRestorer,
    is_placeholder,
    json_escape,
    restore,
    restore_json,
)
from phimin._vault import Vault, VaultError

if TYPE_CHECKING:
    from phimin._policy import Policy
    from phimin._redactor import Redactor

__all__ = ["Session"]


def _rebuild(ledger: Ledger) -> DocumentState:
    """A document state that numbers exactly as the one that wrote `ledger` did."""
    book = PlaceholderBook.from_snapshot(ledger.book)
    # A vault from before wordings were numbered: its wordings are taken already.
    book.reserve_wordings(" ".join(ledger.wordings))
    state = DocumentState(book=book, replaced=[])
    state.known_names.update(ledger.known_names)
    state.known_places.update(ledger.known_places)
    return state


class Session:
    """Redact many texts with one set of placeholders, and restore LLM output.

    `redactor` is shared and may serve many sessions; if None, a default `Redactor` is
    loaded on the first `redact` (restoring never needs one). `policy` overrides the
    redactor's own policy for this session's texts. With `vault`, the session
    lives in that encrypted file: every `redact` is one locked transaction on it, and
    `restore` reads its latest contents, so several processes can share a session.
    A `Session` object is safe to use from several threads.
    """

    def __init__(
        self,
        redactor: Redactor | None = None,
        *,
        vault: Vault | None = None,
        policy: Policy | str | Path | None = None,
    ) -> None:
        self._redactor = redactor
        self._policy = policy
        self._vault = vault
        self._lock = threading.RLock()
        self._ledger = Ledger()
        self._state = _rebuild(self._ledger)
        self._synced = vault is None  # state matches self._ledger (and the vault file)
        self._seen: tuple[bytes, int] | None = None  # vault id and newest revision seen

    def __repr__(self) -> str:
        count = len(self._ledger.placeholders)
        return f"Session(placeholders={count}, vault={self._vault is not None})"

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Placeholders issued so far (their originals are not exposed here)."""
        with self._lock:
            return tuple(self._current().placeholders)

    # --- redact -----------------------------------------------------------------------

    def redact(self, text: str) -> Redaction:
        """Redact `text` as the next text of this session. Offsets are into `text`."""
        check_text(text)
        with self._lock:
            if self._vault is None:
                return self._redact(text)
            try:
                with self._vault.transaction() as stored:
                    self._adopt(stored)
                    result = self._redact(text)
            except BaseException:
                self._synced = False  # whatever happened, trust only the file next time
                raise
            self._saw(self._ledger)
            return result

    def _check(self, stored: Ledger) -> None:
        """Refuse a vault rolled back (or deleted) under us, or swapped for another one."""
        if self._seen is None:
            return
        ident, revision = self._seen
        if stored.revision < revision:
            raise VaultError("the vault file is older than this session has seen")
        if stored.ident != ident:
            raise VaultError("the vault file was replaced by a different vault")

    def _saw(self, stored: Ledger) -> None:
        if stored.revision > 0:  # revision 0: no file yet, and a fresh id each read
            self._seen = (stored.ident, stored.revision)

    def _adopt(self, stored: Ledger) -> None:
        """Continue from the vault's latest ledger, rebuilding numbering if it moved on."""
        self._check(stored)
        mine = self._ledger
        if not self._synced or stored.ident != mine.ident or stored.revision != mine.revision:
            try:
                self._state = _rebuild(stored)
            except PhiminError:
                raise VaultError("vault numbering is inconsistent") from None
        self._ledger = stored
        self._synced = True

    def _redact(self, text: str) -> Redaction:
        ledger, state = self._ledger, self._state
        redactor = self._redactor or _default_redactor()
        self._redactor = redactor
        literals, digests = ledger.scan_literals(text)
        if (
            len(literals | ledger.literals) > MAX_LITERALS
            or len(digests | ledger.literal_digests) > MAX_LITERALS
        ):
            raise InputError(
                "too many distinct placeholder-like or bracketed strings in this session's "
                f"input (limit {MAX_LITERALS})"
            )
        replaced: list[Replaced] = []
        state.replaced = replaced
        base = state.offset
        try:
            if literals:  # never hand out a number the input already uses, in any form
                state.book.reserve_existing(" ".join(sorted(literals)))
            piece = redactor.redact_with_state(text, state, policy=self._policy)
            records = _records(text, base, piece.findings, replaced)
        except BaseException:
            self._state = _rebuild(ledger)  # drop numbers and names of a failed text
            raise
        shifted: list[str] = []
        for new_text, original, finding in records:
            if is_placeholder(new_text):
                ledger.record_placeholder(
                    new_text,
                    finding.entity,
                    original,
                    generalized=finding.action is Action.GENERALIZE,
                )
            elif new_text.startswith("[") and new_text.endswith("]"):
                ledger.record_wording(new_text, original)
            elif finding.entity == "DATE" and state.book.is_shifted(new_text):
                ledger.record_date(new_text, original)
                shifted.append(new_text)
        if ledger.dates or redactor._policy(self._policy).shift_dates:
            # A date in the output that the session did not write (one the detector
            # missed, say) must never be taken for a shifted one: remembered by digest.
            digests |= _unshifted_dates(ledger, piece.text, shifted)
        ledger.literals |= literals
        ledger.literal_digests |= digests
        ledger.book = state.book.snapshot()
        ledger.known_names = dict(state.known_names)
        ledger.known_places = dict(state.known_places)
        return Redaction(
            text=piece.text,
            findings=tuple(
                Finding(
                    f.start - base, f.end - base, f.entity, f.category, f.score, f.rule_id, f.action
                )
                for f in piece.findings
            ),
        )

    # --- restore ----------------------------------------------------------------------

    def restore(self, text: str, *, generalized: bool = True) -> str:
        """`text` with every placeholder, wording and shifted date this session can vouch
        for put back: identifiers and generalized content alike, exactly.

        Anything else is left as written; `restore_report` says what and why.
        `generalized=False` leaves generalized wordings (`[date in 2026]`, `[city in
        Ohio]`, `[substance use]`) as written, for text that should stay vague; shifted
        dates come back in any case (a moved date would read as a real one).
        """
        return self.restore_report(text, generalized=generalized).text

    def restore_report(self, text: str, *, generalized: bool = True) -> Restoration:
        """Like `restore`, with counts and the offsets of what was left and why."""
        if not isinstance(text, str):
            raise InputError(f"expected str, got {type(text).__name__}")
        with self._lock:
            ledger = self._current()
        return restore(text, ledger, generalized=generalized)

    def restore_stream(self, chunks: Iterable[str], *, generalized: bool = True) -> Iterator[str]:
        """Restore text that arrives in pieces (an LLM's streamed reply), as it arrives.

        Yields restored text as soon as it is decided, holding back only what could be
        the start of a placeholder split across pieces ("[PER" + "SON_1]"). The pieces
        joined are exactly `restore` of the joined input, whatever the chunking. The
        session is read once, when the stream starts.
        """
        with self._lock:
            ledger = self._current()
        restorer = StreamRestorer(ledger, generalized=generalized)
        for chunk in chunks:
            if not isinstance(chunk, str):
                raise InputError(f"expected str, got {type(chunk).__name__}")
            out = restorer.feed(chunk)
            if out:
                yield out
        rest = restorer.finish()
        if rest:
            yield rest

    def stream_restorer(self, *, generalized: bool = True, json: bool = False) -> StreamRestorer:
        """A restorer to feed by hand (`feed(piece) -> str`, then `finish() -> str`), for
        callers that receive pieces in callbacks. With `json`, the pieces are the inside
        of a JSON string (a streamed tool call's arguments) and originals are escaped."""
        with self._lock:
            ledger = self._current()
        return StreamRestorer(ledger, generalized=generalized, escape=json_escape if json else None)

    def restore_json(self, text: str, *, generalized: bool = True) -> Restoration:
        """Restore the string values of a JSON document (a tool call's arguments, a
        JSON-mode reply); the result is valid JSON whenever the input was."""
        if not isinstance(text, str):
            raise InputError(f"expected str, got {type(text).__name__}")
        with self._lock:
            ledger = self._current()
        return restore_json(text, ledger, generalized=generalized)

    def _current(self) -> Ledger:
        if self._vault is None:
            return self._ledger
        stored = self._vault.read()
        self._check(stored)
        self._saw(stored)
        return stored


def _records(
    text: str, base: int, findings: tuple[Finding, ...], replaced: list[Replaced]
) -> list[tuple[str, str, Finding]]:
    """Pair each replacement with its finding and original text; check both agree."""
    changed = [f for f in findings if f.action is not Action.KEEP]
    if len(changed) != len(replaced):
        raise PhiminError("redactor replacements do not match its findings")
    out = []
    for r, f in zip(replaced, changed, strict=True):
        if (r.start, r.end, r.entity) != (f.start, f.end, f.entity):
            raise PhiminError("redactor replacements do not match its findings")
        if f.action is not Action.REMOVE:  # removed text cannot be restored: not kept
            out.append((r.text, text[r.start - base : r.end - base], f))
    return out


def _unshifted_dates(ledger: Ledger, output: str, shifted: list[str]) -> set[str]:
    """Digests of the date-shaped strings in `output` other than the shifted dates the
    session wrote there (each as often as it wrote it)."""
    mine = dict.fromkeys(shifted, 0)
    for date in shifted:
        mine[date] += 1
    found = set()
    for m in DATE_SHAPE.finditer(output):
        written = m.group(0)
        if mine.get(written, 0) > 0:
            mine[written] -= 1
            continue
        found.add(ledger.date_digest(written))
    # A shifted date found inside a longer date-shaped string was not matched above.
    for date, left in mine.items():
        if left > 0 and output.count(date) > shifted.count(date):
            found.add(ledger.date_digest(date))
    return found


def _default_redactor() -> Redactor:
    import phimin  # the package's shared default, loaded once

    with phimin._default_lock:
        return phimin._default_redactor()
