from __future__ import annotations

import argparse
import sys

from tomtat.apps.service.config import ServiceConfig

HELP = "run the HTTP service and its web page (default http://127.0.0.1:8000/)"
EXAMPLES = """examples:
  tomtat serve                                      page and API on http://127.0.0.1:8000/
  tomtat serve --port 8080 --max-articles 20
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default %(default)s)")
    limits = parser.add_argument_group("limits (also from TOMTAT_MAX_BODY_BYTES etc.)")
    limits.add_argument("--max-body-bytes", type=int, help=f"request body size (default {ServiceConfig.max_body_bytes})")
    limits.add_argument("--max-articles", type=int, help=f"articles per cluster (default {ServiceConfig.max_articles})")
    limits.add_argument("--max-article-chars", type=int,
                        help=f"characters per article (default {ServiceConfig.max_article_chars})")
    limits.add_argument("--max-clusters", type=int, help=f"clusters per batch (default {ServiceConfig.max_clusters})")
    limits.add_argument("--min-vietnamese-share", type=float,
                        help=f"share of words with Vietnamese letters (default {ServiceConfig.min_vietnamese_share})")
    limits.add_argument("--timeout-seconds", type=float,
                        help=f"time bound of one request; past it its work is stopped (default {ServiceConfig.timeout_seconds:g})")
    limits.add_argument("--workers", type=int,
                        help=f"worker processes for ordinary requests (default {ServiceConfig.workers})")
    limits.add_argument("--large-workers", type=int,
                        help=f"worker processes, at lower CPU priority, for large requests "
                             f"(default {ServiceConfig.large_workers})")
    limits.add_argument("--large-request-chars", type=int,
                        help=f"text characters past which a request is large (default {ServiceConfig.large_request_chars})")
    limits.add_argument("--read-timeout-seconds", type=float,
                        help=f"time a client has to send a request head or each part of a body "
                             f"(default {ServiceConfig.read_timeout_seconds:g})")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from tomtat.apps.service import create_app
    from tomtat.apps.service.server import uvicorn_config

    config = ServiceConfig.from_env(
        max_body_bytes=args.max_body_bytes, max_articles=args.max_articles, max_article_chars=args.max_article_chars,
        max_clusters=args.max_clusters, min_vietnamese_share=args.min_vietnamese_share,
        timeout_seconds=args.timeout_seconds, workers=args.workers, large_workers=args.large_workers,
        large_request_chars=args.large_request_chars, read_timeout_seconds=args.read_timeout_seconds)
    if not 0 < args.port < 65536:
        print(f"tomtat: error: --port must be 1-65535, got {args.port}", file=sys.stderr)
        return 2
    print(f"tomtat: serving on http://{args.host}:{args.port}/ (API description at /docs)", file=sys.stderr)
    uvicorn.Server(uvicorn_config(create_app(config), config, host=args.host, port=args.port)).run()
    return 0
