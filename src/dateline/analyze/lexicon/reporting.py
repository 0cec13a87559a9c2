"""Reporting: the verbs by which someone says something, and the nouns around saying (documents, channels,
data, audiences). General English, no story's words; the claims extractor reads them, and so may anyone
looking for who said what.

``REPORTING_VERBS`` maps a reporting verb's lemma to what carries its content: the dependency labels of
its children and the prepositions whose object is the content ("accused X of Y", "called for Y").
"""
from __future__ import annotations

_CLAUSE = ("ccomp",)
_OBJECT = ("ccomp", "dobj")
_ACTION = ("ccomp", "dobj", "xcomp", "oprd")

REPORTING_VERBS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
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
    # stances: only with a finite clause ("believe it would only benefit the rebels")
    **{lemma: (_CLAUSE, ()) for lemma in ("believe", "think", "fear", "hope", "expect", "doubt")},
    # "data / figures showed": only with a data-like subject (see DATA_NOUNS)
    **{lemma: (_OBJECT, ()) for lemma in ("show", "find")},
}

# Verbs that count with a plain object only when the object is itself a statement
# ("backed the coroner's account that …"), or when the object is quoted ("declared a “state of …”").
PROPOSITION_OBJECT_VERBS = {"back", "endorse", "support", "dispute", "echo", "declare", "call"}
PROPOSITION_NOUNS = {"account", "claim", "claims", "report", "reports", "assessment", "allegation",
                     "version", "assertion", "conclusion", "statement", "view", "finding", "findings",
                     "position", "narrative", "accusation", "charge", "assurance", "warning"}
REPORTING_VERBS.update({v: (("dobj",), ()) for v in ("back", "endorse", "support", "dispute", "echo")})

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

# Where a statement was made, not what it says: "in a phone call with Reuters", "in a statement".
CHANNEL_NOUNS = {"statement", "interview", "call", "briefing", "post", "message", "tweet", "conference",
                 "speech", "address", "letter", "email", "e-mail", "broadcast", "video", "remarks",
                 "comments", "session", "appearance", "podcast", "meeting", "talk", "talks", "televised",
                 "news", "press", "communique", "release"}

# Nouns by which a writer comments on what was said: "…, a claim the company denies",
# "…, a figure that could not be verified", "…, an acknowledgment that …".
COMMENT_NOUNS = PROPOSITION_NOUNS | {"acknowledgment", "acknowledgement", "admission", "figure", "number",
                                     "estimate", "reference", "sign", "indication", "suggestion", "remark",
                                     "comment", "description", "characterization", "characterisation",
                                     "contention", "reversal", "toll", "tally", "allusion", "concession"}

# The verbs of plain speech, whose content may be written after an adjunct the parser misread.
SPEECH_CORE = {"say", "tell", "add", "state", "note", "write", "tweet", "announce", "report", "claim",
               "warn", "insist", "argue", "explain", "confirm", "reply", "respond", "stress", "allege",
               "assert", "declare", "reiterate", "emphasise", "emphasize", "acknowledge", "admit"}

# Where a statement is posted or aired: "the group's armed wing on Telegram".
PLATFORMS = {"telegram", "twitter", "x", "facebook", "instagram", "tiktok", "youtube", "television",
             "tv", "radio", "whatsapp", "truth", "threads", "weibo", "media", "website"}

# Objects of "told" that name the audience, not the content ("…,” she told reporters).
AUDIENCE_NOUNS = {"reporter", "journalist", "audience", "crowd", "council", "parliament", "assembly",
                  "committee", "lawmaker", "supporter", "agency", "newspaper", "broadcaster", "channel",
                  "network", "radio", "television", "station", "outlet", "gathering", "conference",
                  "meeting", "summit", "session", "senate", "house", "congress", "court", "jury",
                  "interviewer", "listener", "viewer", "reader", "delegate", "diplomat", "envoy", "press"}

# Verbs that are often not speech ("promises to be", "threatens to overshadow", "showed up").
SENSE_NEEDS_SPEAKER = {"promise", "threaten", "vow", "pledge", "continue", "signal", "indicate", "suggest",
                       "order", "demand", "call", "add", "claim", "highlight", "stress", "underline",
                       "underscore", "emphasise", "emphasize", "reveal", "echo", "back", "welcome",
                       "confirm"}

# ... and of those, the ones whose subject "it" is no speaker either ("it promises to be a long night").
IT_IS_NOT_SPEAKER = {"promise", "threaten", "continue", "signal", "indicate", "suggest"}

# Forms of reporting verbs that are also nouns ("the claims", "his hopes"): a tagger calling them a noun
# may well be right.
NOUN_LIKE_FORMS = {"claims", "reports", "calls", "orders", "demands", "notes", "states", "promises",
                   "pledges", "vows", "answers", "replies", "posts", "shows", "estimates", "hopes",
                   "fears", "doubts", "backs", "welcomes", "tweets", "echoes", "signals", "hints",
                   "counters", "jokes", "remarks", "briefs", "records", "finds", "thinks", "supports",
                   "disputes", "threats", "counts", "repeats", "continues", "concludes"}
