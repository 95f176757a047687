"""`healthlens serve`: the local web page and JSON API (``healthlens.web``). Imports the web stack
only when run."""

from __future__ import annotations

import ipaddress
import os

import click

from .output import reported

__all__ = ["serve"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Keep the default unless others must reach it.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--db",
    "db_url",
    default=None,
    metavar="URL",
    help="Where reviewer feedback is kept: any SQLAlchemy URL, e.g. postgresql://… . Default: an SQLite file under ~/.local/share/healthlens.",
)
@click.option(
    "--no-fetch",
    is_flag=True,
    help="Refuse pages given by URL, so nothing ever leaves this machine.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes. Checking is CPU-bound Python, so one process checks one page at a time; use up to one per core.",
)
def serve(host: str, port: int, db_url: str | None, no_fetch: bool, workers: int) -> None:
    """Serve the page checker on http://HOST:PORT/ (form, report and JSON API at /api)."""
    with reported(
        missing_extra=lambda exc: (
            f"healthlens serve needs the web extra ({exc.name} is missing): pip install 'healthlens[web]'"
        )
    ):
        # lazy: uvicorn, FastAPI and SQLAlchemy are the optional web extra, and slow to import
        import uvicorn

        from ..web.app import create_app
        from ..web.server import raise_fd_limit, uvicorn_options
        from ..web.settings import SETTINGS_ENV, WebSettings
    with reported():
        settings = WebSettings.from_env()  # limits can be tuned in $HEALTHLENS_WEB_SETTINGS (JSON)
    settings.allow_fetch = settings.allow_fetch and not no_fetch
    if db_url:
        settings.db_url = db_url
    if host in ("0.0.0.0", "::", ""):
        settings.allowed_hosts = ["*"]
    elif host not in settings.allowed_hosts:
        settings.allowed_hosts.append(host)
    if not _is_loopback(host):
        click.echo(
            f"Note: listening on {host}, so other machines can reach this server; it has no login.",
            err=True,
        )
    with reported():
        app = create_app(settings)  # opens the feedback database: a bad --db fails here, plainly
    click.echo(
        f"healthlens: http://{host if ':' not in host else f'[{host}]'}:{port}/  (feedback: {settings.db_url}; Ctrl+C stops)",
        err=True,
    )
    app.state.pool.prestart = True  # the large lane's child process loads while we start
    raise_fd_limit()
    options = uvicorn_options(settings)  # header and body timeouts, connection cap, quick SIGTERM
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, **options)
        return
    os.environ[SETTINGS_ENV] = (
        settings.to_json()
    )  # each worker process builds its own app from these
    uvicorn.run(
        "healthlens.web.app:app_from_env",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        **options,
    )
