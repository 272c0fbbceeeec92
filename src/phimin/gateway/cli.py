"""`phimin-gateway`: run the gateway.

    phimin-gateway --upstream https://api.openai.com
    OPENAI_BASE_URL=http://127.0.0.1:8787/v1 your-tool ...

`main(argv) -> int`: 0 after a clean shutdown, 2 for a usage or configuration error
(nothing is started). Secrets never go on the command line, where other users of the
machine can read them: the gateway token comes from `--token-file` or
`$PHIMIN_GATEWAY_TOKEN`, the vault key from `--vault-key-file`, `$PHIMIN_VAULT_KEY`
or `$PHIMIN_VAULT_KEY_FILE`, as for `redact --vault`.

`--workers N` starts N server processes (uvicorn's workers), each with its own model
(about 400 MB each): redaction is CPU-bound and holds Python's GIL, so processes,
not threads, are what use more cores for concurrent requests. (`Redactor(workers=N)`
would only split one long text into chunks; chat messages are mostly one chunk.)
Within a process, `--threads` requests are redacted at once, off the event loop.
Named sessions (`X-Phimin-Session`) live in vault files, so every worker sees them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phimin._errors import PhiminError
from phimin.gateway.config import (
    MAX_REQUEST_BYTES,
    ConfigError,
    GatewayConfig,
    Timeouts,
    check_upstream,
    is_loopback,
)

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["Options", "entry", "main", "parse", "worker_app"]

TOKEN_ENV = "PHIMIN_GATEWAY_TOKEN"
_ARGV_ENV = "PHIMIN_GATEWAY_ARGV"  # how worker processes get the parent's arguments


@dataclass(frozen=True, slots=True)
class Options:
    """What `main` serves with: the app's config and the server's own settings."""

    config: GatewayConfig
    host: str
    port: int
    workers: int
    tls_cert: Path | None
    tls_key: Path | None
    log_level: str


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="phimin-gateway",
        description=(
            "A local gateway for the OpenAI and Anthropic APIs that redacts every request "
            "and restores every reply. Point a tool's base URL at it."
        ),
    )
    p.add_argument("--upstream", required=True, help="base URL of the real API, without /v1")
    p.add_argument("--listen", default="127.0.0.1:8787", help="HOST:PORT (default 127.0.0.1:8787)")
    p.add_argument("--policy", help="a preset name or a TOML policy file")
    p.add_argument("--vault-dir", type=Path, help="keep X-Phimin-Session sessions here, encrypted")
    p.add_argument("--vault-key-file", type=Path, help="the vault key (else $PHIMIN_VAULT_KEY)")
    p.add_argument("--audit-log", type=Path, help="append one JSON line per request (no text)")
    p.add_argument("--workers", type=int, default=1, help="server processes (each loads a model)")
    p.add_argument("--threads", type=int, default=4, help="requests redacted at once per process")
    p.add_argument(
        "--allow-remote", action="store_true", help="listen beyond loopback (needs a token and TLS)"
    )
    p.add_argument(
        "--token-file",
        type=Path,
        help=f"clients must send this in X-Phimin-Token (else ${TOKEN_ENV})",
    )
    p.add_argument("--tls-cert", type=Path, help="certificate for HTTPS (with --tls-key)")
    p.add_argument("--tls-key", type=Path, help="private key for HTTPS")
    p.add_argument(
        "--insecure-upstream",
        action="store_true",
        help="allow plain HTTP to a non-loopback upstream",
    )
    p.add_argument("--max-request-bytes", type=int, default=MAX_REQUEST_BYTES)
    p.add_argument(
        "--upstream-timeout",
        type=float,
        default=300.0,
        help="seconds without a byte from the upstream",
    )
    p.add_argument("--log-level", default="warning", choices=["debug", "info", "warning", "error"])
    return p


def parse(argv: Sequence[str] | None = None) -> Options:
    """The options for `argv`, or a `ConfigError` naming what is wrong."""
    args = build_parser().parse_args(argv)
    check_upstream(args.upstream, insecure_ok=args.insecure_upstream)
    host, port = _listen(args.listen)
    token = _token(args.token_file)
    if not is_loopback(host):
        if not args.allow_remote:
            raise ConfigError(
                f"--listen {host} is not loopback: add --allow-remote (with a token and TLS)"
            )
        if token is None:
            raise ConfigError(f"--allow-remote needs a token: --token-file or ${TOKEN_ENV}")
        if args.tls_cert is None or args.tls_key is None:
            raise ConfigError("--allow-remote needs --tls-cert and --tls-key: requests carry PHI")
    if (args.tls_cert is None) != (args.tls_key is None):
        raise ConfigError("--tls-cert and --tls-key go together")
    if not 1 <= args.workers <= 64:
        raise ConfigError("--workers must be between 1 and 64")
    vault_key = None
    if args.vault_dir is not None:
        if not args.vault_dir.is_dir():
            raise ConfigError("--vault-dir does not exist or is not a directory")
        from phimin._vault import load_key

        vault_key = load_key(key_file=args.vault_key_file)
    config = GatewayConfig(
        upstream=args.upstream,
        policy=args.policy,
        vault_dir=args.vault_dir,
        vault_key=vault_key,
        audit_log=args.audit_log,
        token=token,
        threads=args.threads,
        max_request_bytes=args.max_request_bytes,
        timeouts=Timeouts(read=args.upstream_timeout),
    )
    return Options(config, host, port, args.workers, args.tls_cert, args.tls_key, args.log_level)


def _listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536 or not host:
        raise ConfigError("--listen must be HOST:PORT")
    return host.strip("[]"), int(port)


def _token(path: Path | None) -> str | None:
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read the token file ({type(exc).__name__})") from None
    return os.environ.get(TOKEN_ENV) or None


def worker_app() -> Starlette:
    """The app in a worker process (`--workers N`), built from the parent's arguments."""
    from phimin.gateway.app import create_app

    return create_app(parse(json.loads(os.environ[_ARGV_ENV])).config)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        options = parse(argv)
    except PhiminError as exc:  # ConfigError, or a VaultError for the key
        sys.stderr.write(f"phimin-gateway: {exc}\n")
        return 2
    except SystemExit as exc:  # argparse: --help, or a usage error it printed
        return int(exc.code or 0)
    import uvicorn

    logging.basicConfig(
        level=options.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    app: Any
    if options.workers > 1:
        os.environ[_ARGV_ENV] = json.dumps(argv)
        app = "phimin.gateway.cli:worker_app"
    else:
        from phimin.gateway.app import create_app

        app = create_app(options.config)
    uvicorn.run(
        app,
        factory=options.workers > 1,
        workers=options.workers if options.workers > 1 else None,
        host=options.host,
        port=options.port,
        log_level=options.log_level,
        access_log=False,  # the audit log keeps what is safe to keep; an access log has queries
        ssl_certfile=str(options.tls_cert) if options.tls_cert else None,
        ssl_keyfile=str(options.tls_key) if options.tls_key else None,
    )
    return 0


def entry() -> None:
    raise SystemExit(main())
