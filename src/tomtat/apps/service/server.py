"""Running the app under uvicorn, with a deadline for each request head.

uvicorn resets its keep-alive timer on every byte received, so a client that trickles a request
head one byte at a time holds a connection forever. Here a connection must deliver a complete
request head within ``read_timeout_seconds`` of opening (or of its previous answer), else it is
closed. Bodies are bounded the same way by :class:`tomtat.service.limits.BodySizeLimit`.
"""
from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from tomtat.apps.service.config import ServiceConfig


class HeadDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections that do not send a request head in time."""

    head_timeout = ServiceConfig.read_timeout_seconds
    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        super().connection_lost(exc)

    def _arm_head_deadline(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_deadline_passed, self.cycle)

    def _head_deadline_passed(self, cycle_when_armed: Any) -> None:
        # A new request head arrived meanwhile when ``self.cycle`` is another object.
        if self.cycle is cycle_when_armed and not self.transport.is_closing():
            self.transport.close()


def protocol_for(config: ServiceConfig) -> type[HeadDeadlineProtocol]:
    return type("HeadDeadlineProtocol", (HeadDeadlineProtocol,), {"head_timeout": config.read_timeout_seconds})


def uvicorn_config(app: Any, config: ServiceConfig, *, host: str = "127.0.0.1", port: int = 8000,
                   log_level: str = "warning") -> Any:
    """The uvicorn configuration ``tomtat serve`` uses (the tests' servers use it too)."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level=log_level, http=protocol_for(config),
                          timeout_keep_alive=5, timeout_graceful_shutdown=5, limit_concurrency=1000)
