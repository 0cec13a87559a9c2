"""The web UI and JSON API over a ledger (``dateline serve``) and the one-file report (``dateline report``)."""
from .app import create_app

__all__ = ["create_app"]
