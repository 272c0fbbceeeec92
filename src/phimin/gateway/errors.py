"""Refusals and failures, as the JSON error the client's SDK expects.

Every message is fixed text written here: none quotes the request, the reply, a
header or a session name. An OpenAI SDK reads `{"error": {"message", "type", "code"}}`;
an Anthropic SDK reads `{"type": "error", "error": {"type", "message"}}`. A path the
gateway does not serve gets both at once, which either SDK reads.
"""

from __future__ import annotations

import enum
from typing import Any

from phimin._errors import PhiminError

__all__ = ["Flavor", "GatewayError", "error_body"]


class Flavor(enum.Enum):
    """Which API's error shape a client expects."""

    OPENAI = "openai"
    ANTHROPIC = "anthropic"
    EITHER = "either"


# Anthropic's error types by status; OpenAI's SDK only reads the message and status.
_ANTHROPIC_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    405: "invalid_request_error",
    413: "request_too_large",
    415: "invalid_request_error",
    429: "rate_limit_error",
    504: "timeout_error",
}


class GatewayError(PhiminError):
    """A request the gateway refuses or cannot complete. Nothing was sent upstream
    unless `code` says the upstream itself failed."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_body(flavor: Flavor, status: int, code: str, message: str) -> dict[str, Any]:
    """The JSON error for `flavor`, prefixed so a user sees it came from the gateway."""
    text = f"phimin-gateway: {message}"
    kind = _ANTHROPIC_TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")
    if flavor is Flavor.OPENAI:
        return {"error": {"message": text, "type": kind, "param": None, "code": code}}
    error: dict[str, Any] = {"type": kind, "message": text}
    if flavor is Flavor.EITHER:
        error["code"] = code
    return {"type": "error", "error": error}
