"""The HTTP service and its page: ``tomtat serve`` or ``create_app(ServiceConfig(...))``."""
from tomtat.apps.service.app import create_app
from tomtat.apps.service.config import ServiceConfig

__all__ = ["create_app", "ServiceConfig"]
