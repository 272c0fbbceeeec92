"""phimin-gateway: a local gateway for LLM APIs that redacts requests and restores replies.

    phimin-gateway --upstream https://api.openai.com
    OPENAI_BASE_URL=http://127.0.0.1:8787/v1 python my_tool.py

Tools that speak the OpenAI (`/v1/chat/completions`, `/v1/responses`) or Anthropic
(`/v1/messages`) HTTP API point their base URL at the gateway. Every text of a request
is redacted through one `phimin.Session` before it is forwarded; the reply, whole or
streamed, gets the originals back before the tool sees it. Anything the gateway
cannot redact or does not understand is refused, never forwarded.

Modules, in the order a request meets them: `app` (routes, the request's steps),
`walk` (redact a request document, restore a reply's values), `sessions`, `upstream`
(headers, the relayed event stream), `sse`, `streams`, the adapters `openai_api` and
`anthropic_api`, `audit`, `errors`, `config`, `cli`. Needs the `gateway` extra.
"""

from __future__ import annotations

from phimin.gateway.app import create_app
from phimin.gateway.config import GatewayConfig, Timeouts

__all__ = ["GatewayConfig", "Timeouts", "create_app"]
