"""What a gateway is started with: one frozen value, built by the CLI or by a test."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from phimin._errors import PhiminError

__all__ = [
    "MAX_EVENT_BYTES",
    "MAX_REQUEST_BYTES",
    "MAX_UPSTREAM_BYTES",
    "ConfigError",
    "GatewayConfig",
    "Timeouts",
    "check_upstream",
    "is_loopback",
]

MAX_REQUEST_BYTES = 4 * 1024 * 1024  # a long transcript is ~100 k characters; this is 40x
MAX_UPSTREAM_BYTES = 32 * 1024 * 1024  # a whole (non-streamed) reply from the upstream
MAX_EVENT_BYTES = 4 * 1024 * 1024  # one server-sent event from the upstream


class ConfigError(PhiminError):
    """The gateway cannot start as configured (the message names the setting)."""


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. `read` bounds the wait for each piece of the upstream's answer, so a
    slow model that keeps streaming is fine, and one that goes silent is cut off."""

    connect: float = 10.0
    read: float = 300.0
    write: float = 30.0
    pool: float = 10.0


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    """A gateway's settings.

    `upstream` is the base URL the request's own path is appended to
    (`https://api.openai.com`, not `.../v1`). `vault_dir` keeps sessions named by the
    `X-Phimin-Session` header, encrypted with `vault_key`. `token`, when set, must be
    sent by every client in `X-Phimin-Token`.
    """

    upstream: str
    policy: str | None = None
    vault_dir: Path | None = None
    vault_key: bytes | None = None
    audit_log: Path | None = None
    token: str | None = None
    threads: int = 4
    max_request_bytes: int = MAX_REQUEST_BYTES
    max_upstream_bytes: int = MAX_UPSTREAM_BYTES
    max_event_bytes: int = MAX_EVENT_BYTES
    timeouts: Timeouts = Timeouts()

    def __post_init__(self) -> None:
        check_upstream(self.upstream, insecure_ok=True)
        if (self.vault_dir is None) != (self.vault_key is None):
            raise ConfigError("a vault directory needs a vault key, and a key a directory")
        if self.vault_key is not None and len(self.vault_key) != 32:
            raise ConfigError("the vault key must be 32 bytes")
        if self.token is not None and len(self.token) < 16:
            raise ConfigError("the gateway token must be at least 16 characters")
        if self.threads < 1 or self.max_request_bytes < 1:
            raise ConfigError("threads and size limits must be positive")

    def __repr__(self) -> str:  # never show the key or the token
        return f"GatewayConfig(upstream={self.upstream!r}, vault={self.vault_dir is not None})"

    @property
    def upstream_base(self) -> str:
        return self.upstream.rstrip("/")


def check_upstream(url: str, *, insecure_ok: bool) -> None:
    """Refuse an upstream URL the gateway cannot use, or should not (plain HTTP off-host)."""
    try:  # "https://api.openai.com:443x", "http://[::1": urlsplit or its port raise
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:  # its message may quote the URL, which may hold a key: not shown
        raise ConfigError(
            "--upstream is not a URL that can be read (check its host and port)"
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError("--upstream must be an http:// or https:// URL with a host")
    if parts.query or parts.fragment:
        raise ConfigError("--upstream takes no query or fragment")
    if parts.path.rstrip("/").endswith("/v1"):
        raise ConfigError(
            "--upstream is the base the request's path is appended to: give it without /v1"
        )
    if parts.scheme == "http" and not insecure_ok and not is_loopback(parts.hostname):
        raise ConfigError(
            "--upstream uses plain HTTP to another machine: the API key would travel in clear "
            "(use https://, or --insecure-upstream if the network is trusted)"
        )


def is_loopback(host: str) -> bool:
    """True for localhost and any loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
