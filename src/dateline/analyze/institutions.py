"""Nouns naming an institution ("ministry", "army", "police"): shared by entity recognition, which
reads "the Gaza health ministry" off the parse, and consolidation, which merges "the health
ministry" into the story's one "Gaza health ministry". Plain data, no model: consolidation
imports it without loading spaCy."""

INSTITUTIONS = frozenset({
    "ministry", "authority", "authorities", "military", "army", "government", "police", "office",
    "agency", "council", "cabinet", "forces", "force", "officials", "spokesman", "spokesperson",
    "service", "services", "department", "committee", "movement", "brigades", "wing"})
