"""Serving the ledger: the web pages, the shareable report."""
from __future__ import annotations

from pathlib import Path

import typer

from . import DbOption, err


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def serve(db: Path = DbOption,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
          port: int = typer.Option(8000, "--port", help="TCP port.")):
    """Serve the web pages and the JSON API over the ledger (opened read-only); API docs at /docs."""
    import uvicorn

    from ..web import create_app

    if host in LOOPBACK_HOSTS:
        allowed = ["127.0.0.1", "localhost", "::1", "[::1]"]
    else:
        err.print(f"[yellow]warning:[/] serving on {host}: anyone who can reach this address can read the ledger")
        allowed = ["*"] if host in ("0.0.0.0", "::") else [host, "127.0.0.1", "localhost"]
    try:
        application = create_app(db, allowed_hosts=allowed)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"dateline: serving {db} at http://{shown}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


def report(output: Path = typer.Option(..., "--output", "-o", help="HTML file to write."), db: Path = DbOption,
           max_claims: int = typer.Option(500, "--max-claims", help="Most recent claims included."),
           max_entities: int = typer.Option(100, "--max-entities", help="Most cited entities included.")):
    """Write the story as one self-contained HTML file (overview, timeline, figures, claims, entities, articles)."""
    from ..web.report import write_report

    try:
        summary = write_report(db, output, max_claims=max_claims, max_entities=max_entities)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    err.print(f"report -> {output} ({summary})")
