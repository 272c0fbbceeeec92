"""The gateway's ASGI app: three endpoints in one table, a health check, refusals.

For each request to an endpoint, in order:

1. check the gateway token (if one is set), the content type and the size;
2. parse the body (a JSON object, or refuse);
3. redact every text in it through one session, in a worker thread (the model is
   CPU-bound; the event loop keeps serving other requests);
4. send the *redacted document* (never the bytes that came in) to the same path on
   the upstream, with the client's headers;
5. restore the reply: whole, or event by event as it streams.

Any refusal or failure before step 4 answers with a JSON error in the shape the
client's SDK reads, and nothing is sent upstream. Every other path is refused the
same way. The upstream's own errors are passed on as they are (they hold at most the
redacted text), never restored. Logs and the audit log hold counts and timings only.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from phimin._errors import InputError, PhiminError, VaultError, describe
from phimin.gateway.anthropic_api import MESSAGES_SETTINGS, MessagesStream, restore_message
from phimin.gateway.audit import AuditLog, Record
from phimin.gateway.errors import Flavor, GatewayError, error_body
from phimin.gateway.openai_api import (
    CHAT_SETTINGS,
    RESPONSES_SETTINGS,
    ChatStream,
    ResponsesStream,
    restore_chat,
    restore_response,
)
from phimin.gateway.sessions import SessionStore
from phimin.gateway.streams import StreamRewriter
from phimin.gateway.upstream import EventStream, reply_headers, upstream_headers
from phimin.gateway.walk import Redacting, Restoring

if TYPE_CHECKING:
    from phimin._redactor import Redactor
    from phimin._session import Session
    from phimin.gateway.config import GatewayConfig

__all__ = ["ENDPOINTS", "Endpoint", "Gateway", "create_app"]

log = logging.getLogger("phimin.gateway")


@dataclass(frozen=True, slots=True)
class Endpoint:
    """How one API path is redacted and restored."""

    flavor: Flavor
    settings: frozenset[str]
    restore: Callable[[dict[str, Any], Restoring], dict[str, Any]]
    stream: Callable[[Session, Restoring], StreamRewriter]


ENDPOINTS: dict[str, Endpoint] = {
    "/v1/chat/completions": Endpoint(
        Flavor.OPENAI, CHAT_SETTINGS, restore_chat, lambda session, _: ChatStream(session)
    ),
    "/v1/responses": Endpoint(Flavor.OPENAI, RESPONSES_SETTINGS, restore_response, ResponsesStream),
    "/v1/messages": Endpoint(Flavor.ANTHROPIC, MESSAGES_SETTINGS, restore_message, MessagesStream),
}


class Gateway:
    """The state one app serves from: config, model, upstream client, sessions, audit."""

    def __init__(self, config: GatewayConfig, redactor: Redactor | None = None) -> None:
        self.config = config
        self.redactor = redactor
        self.audit = AuditLog(config.audit_log)
        self.limiter = anyio.CapacityLimiter(config.threads)
        self.client: httpx.AsyncClient | None = None
        self.store: SessionStore | None = None
        self.active_streams = 0  # relayed streams still open (a test checks it drains)

    @asynccontextmanager
    async def lifespan(self, _: Starlette) -> AsyncIterator[None]:
        if self.redactor is None:
            from phimin._redactor import Redactor

            policy = self.config.policy
            self.redactor = await anyio.to_thread.run_sync(lambda: Redactor(policy=policy))
        self.store = SessionStore(self.redactor, self.config.vault_dir, self.config.vault_key)
        t = self.config.timeouts
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(connect=t.connect, read=t.read, write=t.write, pool=t.pool),
            trust_env=False,  # no proxy, netrc or CA settings picked up from the environment
            follow_redirects=False,
        )
        try:
            yield
        finally:
            await self.client.aclose()
            self.audit.close()

    # --- routes -----------------------------------------------------------------------

    async def healthz(self, _: Request) -> Response:
        ready = self.store is not None
        return JSONResponse({"status": "ok" if ready else "loading"}, 200 if ready else 503)

    async def refuse(self, request: Request, exc: Exception) -> Response:
        """Any path or method the gateway does not serve: refused, never forwarded."""
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        message = "method not allowed" if status == 405 else "this path is not served"
        record = Record(uuid.uuid4().hex, "other", status=status, outcome="refused")
        self.audit.write(record)
        return _error(Flavor.EITHER, GatewayError(status, "not_served", message), record)

    async def endpoint(self, request: Request) -> Response:
        path = request.url.path
        api = ENDPOINTS[path]
        record = Record(uuid.uuid4().hex, path)
        try:
            response = await self._handle(request, api, record)
        except GatewayError as exc:
            record.status, record.outcome = exc.status, exc.code
            self.audit.write(record)
            return _error(api.flavor, exc, record)
        except Exception as exc:  # a bug: answer in the SDK's shape; log where, never what
            log.error("request failed: %s", describe(exc))
            failure = GatewayError(500, "internal_error", "the gateway failed on this request")
            record.status, record.outcome = failure.status, failure.code
            self.audit.write(record)
            return _error(api.flavor, failure, record)
        if not isinstance(response, EventStream):
            record.status = response.status_code
            self.audit.write(record)
        return response

    # --- one request ------------------------------------------------------------------

    async def _handle(self, request: Request, api: Endpoint, record: Record) -> Response:
        self._check_token(request)
        body = await self._body(request)
        session_id = request.headers.get("x-phimin-session")
        record.stream = body.get("stream") is True
        record.named_session = session_id is not None
        if session_id is None and (body.get("previous_response_id") or body.get("conversation")):
            # The upstream holds earlier turns redacted by another request's session: a
            # placeholder there may name someone else than the same one here.
            raise GatewayError(
                400,
                "needs_session",
                "previous_response_id and conversation need X-Phimin-Session (and --vault-dir), "
                "so that a placeholder names the same person in every turn",
            )
        started = time.perf_counter()
        session, redacted, redacting = await anyio.to_thread.run_sync(
            self._redact, session_id, body, api.settings, limiter=self.limiter
        )
        record.redact_ms = (time.perf_counter() - started) * 1000
        record.texts, record.entities = redacting.texts, dict(redacting.entities)
        upstream = await self._send(request, redacted, record)
        restoring = Restoring(session)
        content_type = upstream.headers.get("content-type", "")
        if upstream.status_code == 200 and content_type.startswith("text/event-stream"):
            try:
                return self._relay(upstream, api.stream(session, restoring), restoring, record)
            except BaseException:  # the stream never started: release the upstream here
                with anyio.CancelScope(shield=True):
                    await upstream.aclose()
                raise
        try:
            raw = await self._read(upstream)
        finally:
            await upstream.aclose()
        headers = reply_headers(upstream.headers, record.request_id)
        if upstream.status_code >= 300:
            return _upstream_error(
                api.flavor, upstream.status_code, raw, content_type, headers, record
            )
        if not content_type.startswith("application/json"):
            raise GatewayError(
                502, "upstream_bad_reply", "the upstream answered with an unexpected content type"
            )
        try:
            reply = json.loads(raw)
        except ValueError:
            raise GatewayError(
                502, "upstream_bad_reply", "the upstream's reply is not valid JSON"
            ) from None
        if not isinstance(reply, dict):
            raise GatewayError(
                502, "upstream_bad_reply", "the upstream's reply is not a JSON object"
            )
        started = time.perf_counter()
        restored = await anyio.to_thread.run_sync(self._restore, api, reply, restoring)
        record.restore_ms = (time.perf_counter() - started) * 1000
        record.restored, record.unrestored = restoring.restored, restoring.unrestored
        return Response(_dumps(restored), upstream.status_code, headers, "application/json")

    def _check_token(self, request: Request) -> None:
        expected = self.config.token
        if expected is None:
            return
        given = request.headers.get("x-phimin-token", "")
        if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
            raise GatewayError(401, "bad_gateway_token", "missing or wrong X-Phimin-Token")

    async def _body(self, request: Request) -> dict[str, Any]:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise GatewayError(415, "unsupported_media_type", "the body must be application/json")
        limit = self.config.max_request_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise GatewayError(413, "too_large", f"the body is larger than {limit} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise GatewayError(413, "too_large", f"the body is larger than {limit} bytes")
            chunks.append(chunk)
        document = _parse_body(b"".join(chunks))
        if not isinstance(document, dict):
            raise GatewayError(400, "bad_json", "the body must be a JSON object")
        try:  # an escaped lone surrogate parses, but cannot be written out again
            _dumps(document)
        except (UnicodeEncodeError, RecursionError, ValueError):
            raise GatewayError(
                400, "bad_json", "the body holds a string that is not text"
            ) from None
        return document

    def _redact(
        self, session_id: str | None, body: dict[str, Any], settings: frozenset[str]
    ) -> tuple[Session, dict[str, Any], Redacting]:
        """In a worker thread: the request redacted through one session, or an error."""
        if self.store is None:  # pragma: no cover - the lifespan sets it before serving
            raise GatewayError(503, "loading", "the gateway is still loading its model")
        try:
            session = self.store.open(session_id)
            redacting = Redacting(session, settings)
            return session, redacting.document(body), redacting
        except GatewayError:
            raise
        except InputError as exc:
            raise GatewayError(
                400, "redaction_refused", f"the request cannot be redacted ({type(exc).__name__})"
            ) from None
        except VaultError as exc:  # fixed words ("wrong vault key"), never what is inside
            raise GatewayError(
                500, "vault_failed", f"the session's vault cannot be used: {exc}"
            ) from None
        except PhiminError as exc:
            raise GatewayError(
                500, "redaction_failed", f"redaction failed ({type(exc).__name__})"
            ) from None
        except Exception as exc:
            log.error("redaction failed: %s", describe(exc))
            raise GatewayError(500, "redaction_failed", "redaction failed") from None

    async def _send(
        self, request: Request, redacted: dict[str, Any], record: Record
    ) -> httpx.Response:
        if self.client is None:  # pragma: no cover - the lifespan sets it before serving
            raise GatewayError(503, "loading", "the gateway is still starting")
        url = self.config.upstream_base + request.url.path
        if request.url.query:
            url += "?" + request.url.query
        outgoing = self.client.build_request(
            "POST", url, headers=upstream_headers(request.headers.items()), content=_dumps(redacted)
        )
        started = time.perf_counter()
        with _upstream_errors("upstream_unreachable", "the upstream cannot be reached"):
            upstream = await self.client.send(outgoing, stream=True)
        record.upstream_ms = (time.perf_counter() - started) * 1000
        return upstream

    async def _read(self, upstream: httpx.Response) -> bytes:
        limit = self.config.max_upstream_bytes
        chunks, size = [], 0
        with _upstream_errors("upstream_broken", "the connection to the upstream broke"):
            async for chunk in upstream.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise GatewayError(
                        502, "upstream_too_large", "the upstream's reply is too large"
                    )
                chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _restore(api: Endpoint, reply: dict[str, Any], restoring: Restoring) -> dict[str, Any]:
        try:
            return api.restore(reply, restoring)
        except PhiminError as exc:
            raise GatewayError(
                500, "restore_failed", f"the reply could not be restored ({type(exc).__name__})"
            ) from None
        except Exception as exc:
            log.error("restore failed: %s", describe(exc))
            raise GatewayError(500, "restore_failed", "the reply could not be restored") from None

    def _relay(
        self,
        upstream: httpx.Response,
        rewriter: StreamRewriter,
        restoring: Restoring,
        record: Record,
    ) -> EventStream:
        record.status = 200
        self.active_streams += 1

        def closed(outcome: str, restore_ms: float) -> None:
            self.active_streams -= 1
            record.outcome = outcome
            record.restore_ms = restore_ms
            record.restored = rewriter.restorers.restored + restoring.restored
            record.unrestored = rewriter.restorers.unrestored + restoring.unrestored
            self.audit.write(record)

        return EventStream(
            upstream,
            rewriter,
            max_event_bytes=self.config.max_event_bytes,
            headers=reply_headers(upstream.headers, record.request_id),
            on_close=closed,
        )


def _parse_body(raw: bytes) -> Any:
    """The request body parsed, or a 400 that says whether the bytes or the JSON are wrong.

    A leading UTF-8 byte order mark is skipped: Windows tools write one (PowerShell 5's
    `Set-Content -Encoding UTF8`, Notepad), RFC 8259 lets a parser ignore it, and it is
    no text, so nothing is lost or left unredacted by dropping it. UTF-16 is refused.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GatewayError(400, "bad_json", "the body is not UTF-8 (JSON must be UTF-8)") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise GatewayError(400, "bad_json", "the body's JSON is nested too deeply") from None
    except json.JSONDecodeError as exc:  # its position only, never the text around it
        raise GatewayError(
            400, "bad_json", f"the body is not valid JSON (at character {exc.pos})"
        ) from None


def _dumps(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _error(flavor: Flavor, exc: GatewayError, record: Record) -> Response:
    return JSONResponse(
        error_body(flavor, exc.status, exc.code, exc.message),
        exc.status,
        {"x-phimin-request-id": record.request_id},
    )


def _upstream_error(
    flavor: Flavor,
    status: int,
    raw: bytes,
    content_type: str,
    headers: dict[str, str],
    record: Record,
) -> Response:
    """The upstream's error as it sent it (JSON), or wrapped in the SDK's shape if not JSON.

    It is never restored: it holds at most redacted text, and restoring would put the
    originals into an error a client may log.
    """
    record.outcome = "upstream_error"
    if content_type.startswith("application/json"):
        try:
            json.loads(raw)
            return Response(raw, status, headers, "application/json")
        except ValueError:
            pass
    message = f"the upstream answered {status} with a body that is not JSON"
    body = error_body(flavor, status if status >= 400 else 502, "upstream_error", message)
    return Response(_dumps(body), status if status >= 400 else 502, headers, "application/json")


def create_app(config: GatewayConfig, *, redactor: Redactor | None = None) -> Starlette:
    """The gateway as an ASGI app. With `redactor`, no model is loaded at startup."""
    gateway = Gateway(config, redactor)
    routes = [Route(path, gateway.endpoint, methods=["POST"]) for path in ENDPOINTS]
    routes.append(Route("/healthz", gateway.healthz, methods=["GET"]))
    app = Starlette(
        routes=routes,
        lifespan=gateway.lifespan,
        exception_handlers={404: gateway.refuse, 405: gateway.refuse},
    )
    app.state.gateway = gateway
    return app


@contextmanager
def _upstream_errors(code: str, message: str) -> Iterator[None]:
    """httpx's failures as the gateway's errors: a timeout is a 504, any other a 502
    with `code` and `message` (never the exception's text, which may quote a URL)."""
    try:
        yield
    except httpx.TimeoutException:
        raise GatewayError(504, "upstream_timeout", "the upstream did not answer in time") from None
    except httpx.HTTPError:
        raise GatewayError(502, code, message) from None
