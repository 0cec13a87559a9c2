"""Attributed statements (placeholder; being written)."""
import re
TRIGGER = re.compile(r"\bsaid\b")
def extract_claims(doc, doc_id):
    return []
