"""`phimin-gateway`: run the gateway.

    phimin-gateway --upstream https://api.openai.com
    OPENAI_BASE_URL=http://127.0.0.1:8787/v1 your-tool ...

`main(argv) -> int`: 0 after a clean shutdown, 2 for a usage or configuration error
(nothing is started). Secrets never go on the command line, where other users of the
machine can read them: the gateway token comes from `--token-file` or
`$PHIMIN_GATEWAY_TOKEN`, the vault key from `--vault-key-file`, `$PHIMIN_VAULT_KEY`
or `$PHIMIN_VAULT_KEY_FILE`, as for `redact --vault`.

`--workers N` starts N server processes (uvicorn's workers), each with its own model
(about 250-300 MB each, as the README measured): redaction is CPU-bound and holds
Python's GIL, so processes, not threads, are what use more cores for concurrent
requests. (`Redactor(workers=N)` would only split one long text into chunks; chat
messages are mostly one chunk.)
Within a process, `--threads` requests are redacted at once, off the event loop.
Named sessions (`X-Phimin-Session`) live in vault files, so every worker sees them.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import socket
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phimin._errors import PhiminError
from phimin._policy import load_policy
from phimin.cli.policy import check_policy
from phimin.gateway.audit import AuditLog
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

__all__ = ["Options", "check_listen", "entry", "main", "parse", "worker_app"]

TOKEN_ENV = "PHIMIN_GATEWAY_TOKEN"
_ARGV_ENV = "PHIMIN_GATEWAY_ARGV"  # how worker processes get the parent's arguments
_FAILED_ENV = "PHIMIN_GATEWAY_FAILED"  # the file a worker that cannot start says why in
# uvicorn's exit code for a worker that failed before serving: its parent then stops the
# other workers instead of starting a new one (which would fail the same way).
_STARTUP_FAILURE = 3


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
    p.add_argument(
        "--upstream",
        required=True,
        help="base URL of the real API, without /v1 (https://api.openai.com, "
        "https://api.anthropic.com)",
    )
    p.add_argument("--listen", default="127.0.0.1:8787", help="HOST:PORT (default 127.0.0.1:8787)")
    p.add_argument(
        "--policy",
        help="a preset (safe-harbor, the default; strict; substance-use-treatment; "
        "shift-dates) or a TOML policy file",
    )
    p.add_argument("--vault-dir", type=Path, help="keep X-Phimin-Session sessions here, encrypted")
    p.add_argument(
        "--vault-key-file",
        type=Path,
        help="the vault key, mode 600 (else $PHIMIN_VAULT_KEY, else the file named by "
        "$PHIMIN_VAULT_KEY_FILE; make one with redact --new-vault-key)",
    )
    p.add_argument("--audit-log", type=Path, help="append one JSON line per request (no text)")
    p.add_argument(
        "--workers", type=int, default=1, help="server processes, each loads a model (default 1)"
    )
    p.add_argument(
        "--threads", type=int, default=4, help="requests redacted at once per process (default 4)"
    )
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
    p.add_argument(
        "--max-request-bytes",
        type=int,
        default=MAX_REQUEST_BYTES,
        help=f"larger requests are refused, not forwarded (default {MAX_REQUEST_BYTES:,}: 4 MiB)",
    )
    p.add_argument(
        "--upstream-timeout",
        type=float,
        default=300.0,
        help="seconds without a byte from the upstream before the request fails (default 300)",
    )
    p.add_argument(
        "--log-level",
        default="warning",
        choices=["debug", "info", "warning", "error"],
        help="warning (default); error also hides the start-up lines",
    )
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
    _check_numbers(args)
    if args.policy is not None:  # a misspelt preset or a broken file fails here, in one line,
        load_policy(check_policy(args.policy))  # not in a traceback once the server starts
    if args.audit_log is not None:
        AuditLog(args.audit_log).close()  # an audit log that cannot be opened fails here too
    vault_key = None
    if args.vault_dir is not None:
        if not args.vault_dir.is_dir():
            raise ConfigError("--vault-dir does not exist or is not a directory")
        vault_key = _vault_key(args.vault_key_file)
        _check_key_opens(args.vault_dir, vault_key)
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


def _check_numbers(args: argparse.Namespace) -> None:
    """Name the flag that is out of range (GatewayConfig alone can only say which kind)."""
    if args.threads < 1:
        raise ConfigError("--threads must be 1 or more")
    if args.max_request_bytes < 1:
        raise ConfigError("--max-request-bytes must be 1 or more")
    # 0 or less would fail every request with "the upstream did not answer in time"
    if not args.upstream_timeout > 0:
        raise ConfigError("--upstream-timeout must be more than 0 seconds")


def _vault_key(key_file: Path | None) -> bytes:
    """The vault key, with redact's hint on where a key comes from when there is none."""
    from phimin._vault import KEY_ENV, KEY_FILE_ENV, load_key

    if key_file is None and not (os.environ.get(KEY_ENV) or os.environ.get(KEY_FILE_ENV)):
        raise ConfigError(
            f"--vault-dir needs a vault key: set {KEY_ENV} or {KEY_FILE_ENV}, or give "
            "--vault-key-file (make a key with redact --new-vault-key)"
        )
    return load_key(key_file=key_file)


def _check_key_opens(vault_dir: Path, key: bytes) -> None:
    """Refuse a key that cannot open the sessions already in `vault_dir`.

    A gateway restarted with a new key (`redact --new-vault-key` run again) would start,
    then fail every request of every named session it had; one session is tried here.
    """
    from phimin._errors import VaultError
    from phimin._vault import Vault

    first = next(iter(sorted(vault_dir.glob("*.vault"))), None)
    if first is None:
        return
    try:
        Vault(first, key=key, create=False).read()
    except VaultError as exc:
        if str(exc) == "wrong vault key":  # a damaged file is one session's problem
            raise ConfigError(
                "--vault-dir holds sessions that this vault key cannot open (wrong vault key: "
                "give the key they were written with)"
            ) from None


def check_listen(host: str, port: int) -> None:
    """Fail before the model loads if HOST:PORT cannot be listened on.

    uvicorn finds a port in use only after the model loaded, and then exits 3 (our code
    for a bug) with an errno message; a second gateway started on 8787 is a plain
    mistake. The probe binds and closes at once (SO_REUSEADDR, as uvicorn binds).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ConfigError(
                    f"--listen {host}:{port}: the port is in use (another gateway?); "
                    "stop it or give another port"
                ) from None
            reason = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
            raise ConfigError(f"--listen {host}:{port}: cannot listen there ({reason})") from None


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
    """The app in a worker process (`--workers N`), built from the parent's arguments.

    The model loads here, not in the app's lifespan: a model that cannot load (not
    installed, broken) would be a traceback from uvicorn in every worker, and the parent
    would exit 0. Here its one-line reason goes to the parent's file, and the worker
    exits with uvicorn's start-up failure code, which stops the parent (`main` then says
    the reason once and exits 2).
    """
    from phimin._redactor import Redactor
    from phimin.gateway.app import create_app

    config = parse(json.loads(os.environ[_ARGV_ENV])).config
    try:
        redactor = Redactor(policy=config.policy)
    except PhiminError as exc:  # ModelError: its message names the model, never text
        _tell_parent(str(exc))
        raise SystemExit(_STARTUP_FAILURE) from None
    return create_app(config, redactor=redactor)


def _tell_parent(reason: str) -> None:
    """Write why this worker cannot start to the parent's file; the first reason is kept."""
    path = os.environ.get(_FAILED_ENV)
    if not path:  # started by hand, not by `main`: say it here
        sys.stderr.write(f"phimin-gateway: {reason}\n")
        return
    with open(path, "a", encoding="utf-8") as failed:
        failed.write(reason.replace("\n", " ") + "\n")


def _worker_failure(path: str) -> str | None:
    """The first reason a worker wrote to `path`, or None when every worker started."""
    try:
        with open(path, encoding="utf-8") as failed:
            first = failed.readline().strip()
    except OSError:
        return None
    return first or None


class _StartupFailures(logging.Filter):
    """Notes uvicorn's "Child process [123] failed to start" (its parent then stops and
    returns as after a clean stop), and drops that line when a worker wrote its reason,
    which `main` says once instead."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.seen = False

    def filter(self, record: logging.LogRecord) -> bool:
        if "failed to start" not in str(record.msg):
            return True
        self.seen = True
        return _worker_failure(self.path) is None


def _say(options: Options, line: str) -> None:
    """A start-up line on stderr (not with --log-level error): no text, no secret."""
    if options.log_level != "error":
        sys.stderr.write(f"phimin-gateway: {line}\n")
        sys.stderr.flush()


def _origin(url: str) -> str:
    """The upstream's scheme, host and port only: a URL's user, password, path or query
    (where a key may have been put) is never printed."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or "?"
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


def _app(options: Options, argv: list[str]) -> Any:
    """The app to serve. With one process the model loads here, before the server starts,
    so a model that is not installed is a one-line error (exit 2), not a traceback."""
    if options.workers > 1:  # each worker loads its own model (`worker_app`)
        os.environ[_ARGV_ENV] = json.dumps(argv)
        return "phimin.gateway.cli:worker_app"
    from phimin._redactor import Redactor
    from phimin.gateway.app import create_app

    _say(options, "loading the model...")
    return create_app(options.config, redactor=Redactor(policy=options.config.policy))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        options = parse(argv)
        check_listen(options.host, options.port)
        app = _app(options, argv)
    except PhiminError as exc:  # ConfigError, PolicyError, ModelError, VaultError
        sys.stderr.write(f"phimin-gateway: {exc}\n")
        return 2
    except SystemExit as exc:  # argparse: --help, or a usage error it printed
        return int(exc.code or 0)
    except KeyboardInterrupt:  # Ctrl-C while the model loads
        sys.stderr.write("phimin-gateway: interrupted\n")
        return 130
    import uvicorn

    logging.basicConfig(
        level=options.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    scheme = "https" if options.tls_cert else "http"
    host = f"[{options.host}]" if ":" in options.host else options.host
    _say(
        options,
        f"serving {scheme}://{host}:{options.port} (OpenAI: {scheme}://{host}:{options.port}/v1)"
        f" for {_origin(options.config.upstream)}; "
        + (f"{options.workers} workers load their models; " if options.workers > 1 else "")
        + "Ctrl-C stops it",
    )
    failures = _watch_workers() if options.workers > 1 else None
    try:
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
        reason = _worker_failure(failures.path) if failures else None
    finally:
        if failures:
            logging.getLogger("uvicorn.error").removeFilter(failures)
            os.environ.pop(_FAILED_ENV, None)
            Path(failures.path).unlink(missing_ok=True)
    if reason is not None:  # uvicorn returns as after a clean stop: say it did not start
        sys.stderr.write(f"phimin-gateway: the workers could not start: {reason}\n")
        return 2
    if failures and failures.seen:  # a worker failed for a reason uvicorn printed above
        sys.stderr.write("phimin-gateway: the workers could not start (see above)\n")
        return 2
    return 0


def _watch_workers() -> _StartupFailures:
    """An empty file (mode 600) the workers write why they cannot start to, named to them
    in the environment, and the filter that notes uvicorn's line for such a worker."""
    import tempfile

    fd, path = tempfile.mkstemp(prefix="phimin-gateway-", suffix=".failed")
    os.close(fd)
    os.environ[_FAILED_ENV] = path
    failures = _StartupFailures(path)
    logging.getLogger("uvicorn.error").addFilter(failures)
    return failures


def entry() -> None:
    raise SystemExit(main())
