"""The HTTP service and its page: ``tomtat serve`` or ``create_app(ServiceConfig(...))``."""
from .app import create_app
from .config import ServiceConfig

__all__ = ["create_app", "ServiceConfig"]
