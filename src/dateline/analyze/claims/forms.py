"""The reporting verbs claims look for (from ``lexicon.reporting``), the forms they are written in, and
``TRIGGER``: the sentences worth parsing for claims."""
from __future__ import annotations

import re

from ..lexicon.reporting import DATA_VERBS, PASSIVE_HEARSAY, PROPOSITION_OBJECT_VERBS, REPORTING_VERBS


_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
              "find": ("found",), "show": ("shown",), "continue": (), "forecast": ()}


def _forms(lemma: str) -> set[str]:
    """Inflected forms of a regular English verb (over-generation is harmless here)."""
    out = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    else:
        out |= {lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"),
                lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and len(lemma) <= 6:
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}   # admitted, regretting
    return out


CUE_LEMMAS = set(REPORTING_VERBS) | PROPOSITION_OBJECT_VERBS | PASSIVE_HEARSAY | {"quote", "cite"}
FORM_TO_LEMMA = {form: lemma for lemma in sorted(CUE_LEMMAS) for form in _forms(lemma)}
# Verbs that may attribute a quotation ("…,” the minister added) but not every other use of them.
QUOTE_CUE_LEMMAS = CUE_LEMMAS - DATA_VERBS - {"quote", "cite"}

TRIGGER = re.compile(
    r"[“”„«»\"‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z])|\s[–—-]\s|\w:\s|\b(?:according|reportedly|allegedly|"
    + "|".join(sorted(FORM_TO_LEMMA, key=len, reverse=True)) + r")\b",
    re.I,
)
