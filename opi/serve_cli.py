"""`opi serve`: the web pages and JSON API, served by uvicorn."""

from __future__ import annotations

import click

MB = 1024 * 1024


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="OPI_TOKEN",
    help="Access token (at least 16 characters), required unless --host is "
    "loopback; checked on every request. Prefer the OPI_TOKEN environment variable.",
)
@click.option(
    "--max-upload-mb", default=25.0, show_default=True, type=click.FloatRange(0.001)
)
@click.option(
    "--max-unzipped-mb",
    default=250.0,
    show_default=True,
    type=click.FloatRange(0.001),
    help="A .docx larger than this once unzipped is refused (zip bomb).",
)
@click.option(
    "--max-compression-ratio",
    default=200.0,
    show_default=True,
    type=click.FloatRange(1, min_open=True),
    help="A .docx part compressed more than this is refused (zip bomb).",
)
@click.option("--max-pdf-pages", default=500, show_default=True, type=click.IntRange(1))
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(0, min_open=True),
    help="Seconds one check may take; its worker is then stopped and replaced.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Checks run at once (one worker process each); default: one per core, "
    "at most 4.",
)
@click.option(
    "--queue-wait",
    default=20.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds a request waits for a free worker before it gets 503.",
)
@click.option(
    "--max-jobs",
    default=500,
    show_default=True,
    type=click.IntRange(1),
    help="Jobs a worker process does before a fresh one replaces it (bounds memory).",
)
@click.option(
    "--max-connections",
    default=64,
    show_default=True,
    type=click.IntRange(1),
    help="Open connections at once (uploads still arriving included); beyond "
    "this the server answers 503 at once.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    help="Host names the server answers to (repeat); default: loopback names "
    "on loopback, any name behind a token.",
)
def serve(
    host: str,
    port: int,
    token: str | None,
    max_upload_mb: float,
    max_unzipped_mb: float,
    max_compression_ratio: float,
    max_pdf_pages: int,
    timeout: float,
    workers: int | None,
    queue_wait: float,
    max_jobs: int,
    max_connections: int,
    allowed_hosts: tuple[str, ...],
) -> None:
    """Granska och skriv OPI-avtal i webbläsaren / Serve the review and assembly
    pages and the JSON API (POST /api/check, /api/annotate, /api/assemble;
    GET /api/health; /api/openapi.json).

    Nothing uploaded is stored. Binding to anything but loopback requires an
    access token.
    """
    import uvicorn

    from opi.web.app import create_app
    from opi.web.errors import SettingsError
    from opi.web.pool import default_workers
    from opi.web.settings import ServerSettings

    try:
        settings = ServerSettings(
            host=host,
            port=port,
            token=token or None,
            max_upload_bytes=int(max_upload_mb * MB),
            max_unzipped_bytes=int(max_unzipped_mb * MB),
            max_compression_ratio=max_compression_ratio,
            max_pdf_pages=max_pdf_pages,
            timeout_seconds=timeout,
            workers=workers or default_workers(),
            queue_wait_seconds=queue_wait,
            max_jobs_per_worker=max_jobs,
            allowed_hosts=allowed_hosts or None,
        )
    except SettingsError as exc:
        raise click.UsageError(exc.message) from exc
    click.echo(
        f"opi serve: http://{host}:{port}/ (workers: {settings.workers}; "
        f"{'token required' if settings.token else 'loopback only'})",
        err=True,
    )
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        limit_concurrency=max_connections,
        proxy_headers=False,
    )
