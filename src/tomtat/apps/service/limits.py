"""Plain ASGI middleware: a request body size limit and read deadline, and security headers."""
from __future__ import annotations

import json
import time
from typing import Any, Awaitable, Callable

import anyio

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

# The page's scripts and styles are its own files (no inline code), so 'self' is all it needs.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class BodySizeLimit:
    """Reads the body first: 413 when it is larger than ``max_bytes``, 408 when the client is too slow.

    A client must send each part of its body within ``read_timeout`` seconds, and all of it within
    four times that, so a connection that trickles bytes cannot hold a request open forever.
    Otherwise the body is replayed to the app. It sees chunked bodies too.
    """

    def __init__(self, app: App, *, max_bytes: int, read_timeout: float = 15.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send, 413, "BodyTooLarge",
                               f"the request body is larger than {self.max_bytes} bytes (max_body_bytes)",
                               f"Dữ liệu gửi lên quá lớn: tối đa {self.max_bytes} byte.")
            return
        messages: list[Message] = []
        size = 0
        whole_deadline = time.monotonic() + 4 * self.read_timeout
        while True:
            wait = min(self.read_timeout, whole_deadline - time.monotonic())
            message = None
            if wait > 0:
                with anyio.move_on_after(wait):
                    message = await receive()
            if message is None:
                await self._reject(send, 408, "ReadTimeout",
                                   f"the request body arrived too slowly (read_timeout_seconds={self.read_timeout:g})",
                                   "Dữ liệu gửi lên quá chậm.")
                return
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._reject(send, 413, "BodyTooLarge",
                                   f"the request body is larger than {self.max_bytes} bytes (max_body_bytes)",
                                   f"Dữ liệu gửi lên quá lớn: tối đa {self.max_bytes} byte.")
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _reject(send: Send, status: int, error: str, message: str, message_vi: str) -> None:
        body = json.dumps({"code": f"E{status}", "error": error, "field": "body", "message": message,
                           "message_vi": message_vi}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """``nosniff`` on every answer; on the page and its files also a Content-Security-Policy and no framing."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        page = path == "/" or path.startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"x-content-type-options", b"content-security-policy")]
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"x-frame-options", b"DENY"))
                headers.append((b"referrer-policy", b"no-referrer"))
                if page:
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
