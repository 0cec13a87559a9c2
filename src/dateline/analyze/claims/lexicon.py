"""Word lists of reporting: reporting verbs and what carries their content, speaker nouns, documents; the verb
forms they take and TRIGGER."""
from __future__ import annotations

import re


# --- lexicons -------------------------------------------------------------------------

# What a reporting verb takes as its content: dependency labels of its children, plus
# prepositions whose object is the content ("accused X of Y", "called for Y").
_CLAUSE = ("ccomp",)
_OBJECT = ("ccomp", "dobj")
_ACTION = ("ccomp", "dobj", "xcomp", "oprd")

CUE_CONTENT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # speech acts with clausal content
    **{lemma: (_CLAUSE, ()) for lemma in (
        "say", "add", "state", "note", "explain", "insist", "argue", "assert", "maintain", "write",
        "tweet", "reply", "respond", "answer", "recall", "concede", "complain", "caution", "remark",
        "observe", "assure", "testify", "contend", "speculate", "conclude", "affirm", "allege",
        "repeat", "continue", "quip", "joke", "exclaim", "proclaim", "retort", "counter",
        "disclose", "indicate", "suggest", "hint", "signal", "clarify", "inform", "communicate",
        "convey", "relay", "notify", "brief", "post", "mention",
        "shout", "scream", "yell", "whisper", "lament", "boast", "recount", "chant", "swear", "charge")},
    "plead": (("ccomp", "xcomp"), ("for",)),
    "appeal": (("ccomp", "xcomp"), ("for",)),
    "tell": (("ccomp", "xcomp"), ()),
    "report": (_OBJECT, ()),
    "announce": (_OBJECT, ()),
    "reveal": (_OBJECT, ()),
    "acknowledge": (_OBJECT, ()),
    "admit": (_OBJECT, ()),
    "predict": (_OBJECT, ()),
    "estimate": (_OBJECT, ()),
    "claim": (_ACTION, ()),
    "confirm": (_OBJECT, ()),
    "deny": (_OBJECT, ()),
    "reject": (_OBJECT, ("as",)),
    "dismiss": (_OBJECT, ("as",)),
    "stress": (_OBJECT, ()),
    "emphasize": (_OBJECT, ()),
    "emphasise": (_OBJECT, ()),
    "underline": (_OBJECT, ()),
    "underscore": (_OBJECT, ()),
    "reiterate": (_OBJECT, ()),
    "highlight": (_OBJECT, ()),
    "warn": (_ACTION, ("of", "about", "against")),
    "urge": (_ACTION, ("for",)),
    "vow": (_ACTION, ()),
    "pledge": (_ACTION, ()),
    "promise": (_ACTION, ()),
    "threaten": (_ACTION, ()),
    "order": (_ACTION, ()),
    "demand": (_ACTION, ()),
    "ask": (("ccomp", "xcomp", "dobj"), ("for",)),
    "advise": (("ccomp", "xcomp"), ("against",)),
    "call": (("oprd", "xcomp"), ("for", "on", "upon")),
    "blame": (_OBJECT, ("for", "on")),
    "accuse": (_OBJECT, ("of",)),
    "describe": (_OBJECT, ("as",)),
    "condemn": (_OBJECT, ("as", "for")),
    "denounce": (_OBJECT, ("as",)),
    "criticise": (_OBJECT, ("for",)),
    "criticize": (_OBJECT, ("for",)),
    "welcome": (_OBJECT, ()),
    "declare": (("ccomp", "dobj", "oprd"), ()),
    # stances: only with a finite clause ("believe it would only benefit Hamas")
    **{lemma: (_CLAUSE, ()) for lemma in ("believe", "think", "fear", "hope", "expect", "doubt")},
    # "data / figures showed": only with a data-like subject (see DATA_NOUNS)
    **{lemma: (_OBJECT, ()) for lemma in ("show", "find")},
}
# Verbs that count with a plain object only when the object is itself a statement
# ("backed Israel's account that …"), or when the object is quoted ("declared a “state of …”").
PROPOSITION_OBJECT_VERBS = {"back", "endorse", "support", "dispute", "echo", "declare", "call"}
PROPOSITION_NOUNS = {"account", "claim", "claims", "report", "reports", "assessment", "allegation",
                     "version", "assertion", "conclusion", "statement", "view", "finding", "findings",
                     "position", "narrative", "accusation", "charge", "assurance", "warning"}
CUE_CONTENT.update({v: (("dobj",), ()) for v in ("back", "endorse", "support", "dispute", "echo")})
STANCE_VERBS = {"believe", "think", "fear", "hope", "expect", "doubt"}
DATA_VERBS = {"show", "find"}
DATA_NOUNS = {"data", "figure", "figures", "statistic", "statistics", "tally", "count", "record",
              "records", "report", "survey", "poll", "study", "analysis", "document", "estimate",
              "estimates", "number", "numbers", "toll", "review", "assessment", "investigation",
              "inquiry", "research", "audit", "census", "list"}
# Passive reporting without an agent: "are said to be", "is reported to have".
PASSIVE_HEARSAY = {"say", "report", "believe", "allege", "rumour", "rumor", "claim", "think"}
# Verbs before a reporting verb that negate or withhold it ("declined to comment").
WITHHOLDING = {"decline", "refuse", "fail", "forget"}
# Nouns naming a document: "according to a statement by X" → speaker X.
DOCUMENT_NOUNS = {"statement", "report", "data", "figure", "figures", "tally", "count", "post",
                  "message", "tweet", "release", "communique", "announcement", "document", "letter",
                  "bulletin", "update", "estimate", "estimates", "record", "records", "note",
                  "briefing", "publication", "analysis", "assessment", "notice", "video", "interview",
                  "leaflet", "leaflets", "messages", "order", "orders", "warning", "warnings"}
# Verbs by which a source puts out a document ("released a statement saying …").
ISSUING_VERBS = {"issue", "release", "publish", "post", "send", "circulate", "share", "broadcast", "air",
                 "drop", "distribute", "put", "sign", "file", "submit", "deliver", "read"}
# Common nouns that name speakers (used for typing antecedents and resolving "the official").
PERSON_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
                "ambassador", "diplomat", "envoy", "source", "witness", "director", "doctor",
                "commander", "leader", "chief", "secretary", "negotiator", "analyst", "resident",
                "aide", "adviser", "advisor", "premier", "king", "prince", "general", "officer",
                "mayor", "governor", "senator", "lawmaker", "representative", "correspondent",
                "reporter", "journalist", "medic", "nurse", "surgeon", "survivor", "father",
                "mother", "man", "woman", "head", "chairman", "chairwoman", "coordinator",
                "counsel", "lawyer", "expert", "researcher", "professor", "activist", "emissary",
                "rabbi", "imam", "priest", "cleric", "worker", "volunteer", "eyewitness", "mediator",
                "relative", "parent", "son", "daughter", "brother", "sister", "husband", "wife", "uncle",
                "aunt", "cousin", "neighbour", "neighbor", "protester", "demonstrator", "student", "soldier",
                "hostage", "captive", "refugee", "patient", "paramedic", "rescuer", "member", "teacher",
                "settler", "fighter", "militant", "gunman", "captain", "farmer", "driver", "owner",
                "shopkeeper", "trader", "merchant", "pilot", "sailor", "guard", "physician", "executive",
                "scholar", "historian", "economist", "judge", "prosecutor", "pope"}
ORG_NOUNS = {"military", "army", "ministry", "government", "group", "agency", "embassy", "mission",
             "office", "council", "assembly", "organisation", "organization", "committee", "police",
             "hospital", "authority", "authorities", "force", "forces", "movement", "administration",
             "cabinet", "company", "newspaper", "channel", "network", "broadcaster", "union",
             "court", "parliament", "body", "service", "department", "navy", "militia", "faction",
             "charity", "bank", "programme", "program", "team", "outlet", "wing",
             "brigade", "brigades", "regime", "state", "coalition", "alliance", "party", "secretariat",
             "crescent", "commission", "directorate", "media", "paper", "daily", "station", "website",
             "family", "families", "institute", "foundation", "fund", "bureau", "university", "board",
             "panel", "presidency", "campaign"}
_MILITARY_NAME = re.compile(r"\b(?:army|military|forces|idf|defen[cs]e)\b", re.I)
_NAME_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "lt", "sgt", "capt", "maj"}

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "org",
            "they": "plural", "them": "plural"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "what", "whose"}
QUOTE_CHARS = "“”„«»\"‘’'‹›"


# --- verb forms and TRIGGER -------------------------------------------------------------

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


CUE_LEMMAS = set(CUE_CONTENT) | PROPOSITION_OBJECT_VERBS | PASSIVE_HEARSAY | {"quote", "cite"}
FORM_TO_LEMMA = {form: lemma for lemma in sorted(CUE_LEMMAS) for form in _forms(lemma)}
# Verbs that may attribute a quotation ("…,” the minister added) but not every other use of them.
QUOTE_CUE_LEMMAS = CUE_LEMMAS - DATA_VERBS - {"quote", "cite"}

TRIGGER = re.compile(
    r"[“”„«»\"‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z])|\s[–—-]\s|\w:\s|\b(?:according|reportedly|allegedly|"
    + "|".join(sorted(FORM_TO_LEMMA, key=len, reverse=True)) + r")\b",
    re.I,
)
