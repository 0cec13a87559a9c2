"""Entity mentions (placeholder; being written)."""
import re
TRIGGER = re.compile(r"(?<=\w )[A-Z]")
def extract_mentions(doc, doc_id):
    return []
def link_speakers(claims, mentions):
    return None
