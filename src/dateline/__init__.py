"""dateline: an evidence-linked ledger of figures, claims, dates and entities from dated news articles."""
from .ledger import IngestReport, Ledger
from .records import Analysis, Claim, Document, Figure, Mention, Span, TimeExpr

__version__ = "0.1.0"
__all__ = ["Ledger", "IngestReport", "Analysis", "Claim", "Document", "Figure", "Mention", "Span", "TimeExpr"]
