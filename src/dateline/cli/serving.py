"""Serving the ledger: the web pages, the shareable report."""
from __future__ import annotations

import socket
from pathlib import Path

import typer
from rich.text import Text

from . import DbOption, err


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or ``OSError`` with a sentence saying why not (the port taken,
    an address this machine does not have): bound before saying where the pages are, and handed to
    the server, so nothing can take the port in between."""
    import errno

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as e:
        raise OSError(f"cannot serve on {host}: {e.strerror}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)     # as uvicorn: a restart need not wait
        sock.bind(address)
        sock.listen(128)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise OSError(f"port {port} on {host} is in use (another 'dateline serve'?): stop that server, "
                          f"or choose another port with --port {port + 1 if port < 65535 else 8000}") from None
        if e.errno == errno.EACCES:
            raise OSError(f"this user may not serve on port {port}: choose one above 1023 with --port") from None
        raise OSError(f"cannot serve on {host}:{port}: {e.strerror or e}") from None
    sock.set_inheritable(True)
    return sock


def serve(db: Path = DbOption,
          host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS",
                                   help="Address to bind (default: this machine only)."),
          port: int = typer.Option(8000, "--port", metavar="PORT", min=1, max=65535, help="TCP port.")):
    """Serve the web pages and the JSON API over the ledger (opened read-only); API docs at /docs."""
    import uvicorn

    from ..store.sqlite import SchemaError
    from ..web import create_app

    if host in LOOPBACK_HOSTS:
        allowed = ["127.0.0.1", "localhost", "::1", "[::1]"]
    else:
        err.print(f"[yellow]warning:[/] serving on {host}: anyone who can reach this address can read the ledger")
        allowed = ["*"] if host in ("0.0.0.0", "::") else [host, "127.0.0.1", "localhost"]
    try:
        application = create_app(db, allowed_hosts=allowed)
    except (FileNotFoundError, SchemaError) as e:
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    try:
        sock = bind(host, port)
    except OSError as e:
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"dateline: serving {db} at http://{shown}:{port}/  (Ctrl-C to stop)", soft_wrap=True)
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning"))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def report(output: Path = typer.Option(..., "--output", "-o", metavar="FILE", help="HTML file to write."),
           db: Path = DbOption,
           max_claims: int = typer.Option(500, "--max-claims", metavar="N", min=0, help="Most recent claims included."),
           max_entities: int = typer.Option(100, "--max-entities", metavar="N", min=0,
                                            help="Most cited entities included.")):
    """Write the story as one self-contained HTML file (overview, timeline, figures, claims, entities, articles)."""
    from ..store.sqlite import SchemaError
    from ..web.report import write_report

    if not output.parent.is_dir():
        err.print(Text(f"error: cannot write {output}: no folder {output.parent}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    try:
        summary = write_report(db, output, max_claims=max_claims, max_entities=max_entities)
    except (FileNotFoundError, SchemaError) as e:
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    err.print(f"report -> {output} ({summary})")
