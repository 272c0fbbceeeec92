"""The session a request is redacted in: its own, or a named one kept in a vault.

Without `X-Phimin-Session`, each request is one session: the client sends the whole
conversation every time, so one request holds everything a reply can refer to. With
`X-Phimin-Session: ID` and a vault directory, the conversation's placeholders live in
an encrypted vault file (`phimin.Vault`), shared by every request, thread and worker
process that names the same ID. The file is named by a keyed hash of the ID (HMAC
with a key derived from the vault key): an ID often names a client, so it is never a
path, never written anywhere, and the name reveals nothing without the key.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import TYPE_CHECKING

from phimin.gateway.errors import GatewayError

if TYPE_CHECKING:
    from phimin._redactor import Redactor
    from phimin._session import Session

__all__ = ["MAX_SESSION_ID", "SessionStore"]

MAX_SESSION_ID = 256
_NAME_LABEL = b"phimin-gateway/1/session-file-name"


class SessionStore:
    """Opens the session for a request."""

    def __init__(self, redactor: Redactor, vault_dir: Path | None, vault_key: bytes | None) -> None:
        self._redactor = redactor
        self._dir = vault_dir
        self._key = vault_key
        self._name_key = (
            None if vault_key is None else hmac.new(vault_key, _NAME_LABEL, hashlib.sha256).digest()
        )

    def open(self, session_id: str | None) -> Session:
        from phimin._session import Session
        from phimin._vault import Vault

        if session_id is None:
            return Session(self._redactor)
        if self._dir is None or self._key is None:
            raise GatewayError(
                400,
                "no_vault",
                "X-Phimin-Session needs a gateway started with --vault-dir (sessions are kept "
                "only in an encrypted vault)",
            )
        path = self._dir / f"{self.file_name(session_id)}.vault"
        return Session(self._redactor, vault=Vault(path, key=self._key))

    def file_name(self, session_id: str) -> str:
        """The vault file's name for `session_id` (a keyed hash; checked first)."""
        if not 1 <= len(session_id) <= MAX_SESSION_ID or not session_id.isprintable():
            raise GatewayError(
                400,
                "bad_session_id",
                f"X-Phimin-Session must be 1 to {MAX_SESSION_ID} printable characters",
            )
        if self._name_key is None:  # pragma: no cover - open() checks first
            raise GatewayError(400, "no_vault", "no vault directory")
        digest = hmac.new(self._name_key, session_id.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:40]
