"""Word lists the figure rules read: trigger lemmas of each measure, verbs that set or level a toll, nouns that are
no people, dependency labels."""
from __future__ import annotations

import re
from importlib.resources import files

from ..lexicon import story



# --- lexicons (lemmas) -------------------------------------------------------------------

KILLED_VERBS = {"kill", "die", "slay", "murder", "massacre", "perish", "execute", "assassinate", "drown",
                "martyr", "slaughter", "behead", "lose"}
INTRANSITIVE_DEATH = {"die", "perish", "lose", "drown"}
KILLED_NOUNS = {"death", "dead", "fatality", "body", "corpse", "toll", "martyr", "killing", "life"}
# what is left of the dead: "the bodies of 33 of its staff" count the dead of that group
BODY_NOUNS = {"body", "corpse", "remains"}
KILLED_ADJS = {"dead", "killed", "deceased", "slain"}
WOUNDED_VERBS = {"injure", "wound", "hurt", "maim", "treat"}
# Verbs of getting hurt whose object is the harm: "40 miners sustained injuries", "suffered wounds".
HARM_VERBS = {"sustain", "suffer", "receive", "incur"}
# Armed people, whom "eliminate" and "neutralise" kill; the counting side's place is not theirs.
COMBATANT_NOUNS = {"militant", "fighter", "terrorist", "gunman", "insurgent", "rebel", "operative", "combatant",
                   "soldier", "troop", "commander"}
WOUNDED_NOUNS = {"injury", "injured", "wounded", "treatment", "wound"}
WOUNDED_ADJS = {"injured", "wounded", "hurt"}
HOSTAGE_VERBS = {"abduct", "kidnap", "capture", "seize"}
HOSTAGE_NOUNS = {"hostage", "captive", "abductee", "kidnappee", "captivity"}
DISPLACED_VERBS = {"displace", "flee", "uproot", "shelter"}
DISPLACED_NOUNS = {"idp", "idps", "displacement", "refugee"}
DISPLACED_ADJS = {"displaced", "homeless"}
TRUCK_NOUNS = {"truck", "lorry", "truckload"}
EVAC_TRANSITIVE = {"evacuate", "transport", "deliver", "transfer", "allow", "airlift", "send", "let"}
EVAC_INTRANSITIVE = {"exit", "depart", "leave", "cross", "pass", "arrive", "fly", "enter", "reach", "go",
                     "set", "make", "travel", "head"}
EVAC_NOUNS = {"evacuee", "evacuation"}
# Staying somewhere for want of a home: "living at evacuation centres", "sleeping in tents", "relocated to
# shelters" (the place nouns below; centre/facility/site/hall only as an evacuation or relief one)
STAY_VERBS = {"live", "stay", "sleep", "reside", "remain", "relocate", "move", "crowd", "huddle", "shelter",
              "spend"}         # "spent the night in evacuation centres"
SHELTER_NOUNS = {"shelter", "tent", "tents"}
SHELTER_SITE_NOUNS = {"centre", "center", "facility", "site", "hall", "camp", "school", "gymnasium"}
SHELTER_SITE_MARKS = {"evacuation", "relief", "emergency", "temporary", "makeshift", "displacement", "improvised",
                      "tent", "tented", "refugee"}
CARRY_VERBS = {"carry", "transport", "bring", "ferry"}
RELEASE_VERBS = {"release", "free", "rescue", "swap", "exchange", "return", "liberate", "hand"}
RELEASE_NOUNS = {"release", "freeing", "rescue", "swap", "exchange"}
ARREST_VERBS = {"arrest", "detain"}
MISSING_ADJS = {"missing", "unaccounted"}
CASUALTY_NOUNS = {"casualty"}
DISEASE_WORDS = {"infection", "disease", "diarrhoea", "diarrhea", "case", "illness", "suffer", "outbreak",
                 "cholera", "hepatitis", "lice", "scabies", "malnutrition", "starvation"}
# level verbs: their subject names what the number measures ("the toll has crossed 6,500")
LEVEL_VERBS = {"rise", "climb", "reach", "soar", "jump", "increase", "top", "surpass", "cross", "exceed",
               "pass", "hit", "stand", "be", "revise", "mount", "grow", "near", "approach", "go", "stay",
               "remain", "total", "number", "put", "edge", "surge", "swell", "tops", "rose", "update", "double",
               "triple"}
ESTIMATE_NOUNS = {"estimate", "figure", "count", "tally", "number", "total", "toll", "list"}
# verbs that set a toll to a value ("raised the toll to", "put the number at", "gave the toll as"):
# their subject is the figure's source, their object (or subject when intransitive) says what is counted
TOLL_SET_VERBS = {"put", "raise", "lower", "revise", "update", "set", "estimate", "give", "place", "bring", "increase",
                  "reduce", "adjust", "cut", "push", "lift", "correct", "peg", "fix", "take", "drive", "send",
                  "downgrade", "upgrade", "amend", "record", "report", "confirm"}
# heads of subjects that can be a source ("the ministry put the toll at"; not "the strikes brought the toll to")
SOURCE_NOUNS = {"ministry", "official", "authority", "army", "military", "government", "agency", "office",
                "spokesman", "spokesperson", "spokeswoman", "source", "medic", "doctor", "hospital", "service",
                "force", "police", "organisation", "organization", "committee", "society", "crescent", "cross",
                "un", "who", "ocha", "defence", "defense", "media", "minister", "director",
                "worker", "team", "group", "department", "council", "mission", "tally", "report", "statement",
                "survey", "monitor", "observatory", "centre", "center", "bureau", "administration", "cabinet",
                "officer", "spokesmen", "rescuer", "responder", "paramedic", "volunteer", "witness", "resident",
                "journalist", "correspondent", "newspaper", "broadcaster", "channel", "radio", "tv",
                "outlet", "site", "analyst", "expert", "researcher", "investigator", "ngo", "charity", "intelligence",
                "activist", "campaigner", "coroner"}
# words that make a source a news outlet ("UK broadcaster Sky News", "state media"): it reports a count,
# it does not count its own country's people
NEWS_OUTLET_WORDS = {"news", "broadcaster", "broadcasters", "newspaper", "newspapers", "daily", "tabloid",
                     "television", "tv", "radio", "channel", "outlet", "outlets", "media", "network", "wire"}
# adverbs that say a place holds most of a count, not all of it ("17 dead, mostly in the capital")
MOST_ADVERBS = {"mostly", "mainly", "largely", "chiefly", "primarily", "predominantly", "overwhelmingly"}
# adverbs between a toll verb and its "to"/"from" ("revised the toll down to 64", "up from 3,785")
DIRECTION_ADVS = {"up", "down", "back", "upward", "upwards", "downward", "downwards"}
SPEECH_VERBS = {"say", "report", "tell", "add", "claim", "announce", "state", "note", "confirm", "reveal",
                "estimate", "show", "indicate", "record", "put", "cite", "quote", "warn", "insist", "declare",
                "write", "tweet", "post", "publish", "update", "believe", "count", "document",
                "disclose", "explain", "stress", "allege", "assert", "acknowledge", "admit", "inform",
                "brief", "suggest", "list", "register", "log", "specify"}
ORDER_VERBS = {"order", "tell", "instruct", "urge", "warn", "direct", "call", "ask", "command"}
# transitive verbs whose subject, without an object, can only be the victim ("1.4 million displaced")
VICTIM_VERBS = (KILLED_VERBS - INTRANSITIVE_DEATH) | WOUNDED_VERBS | {"displace", "uproot", "abduct", "kidnap"}
DECISION_VERBS = {"agree", "approve", "order", "decide", "propose", "offer"}
# entry to a reporting verb from its content (not from an adverbial clause)
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr", "conj", "acomp", "pcomp"}
FUTURE_AUX = {"will", "would", "could", "might", "may", "shall", "'ll", "wo", "can"}
FUTURE_LEMMAS = {"expect", "plan", "schedule", "intend", "aim", "propose", "hope", "anticipate", "prepare",
                 "slate", "due", "set", "agree"}
DEAL_NOUNS = {"deal", "agreement", "accord", "truce", "plan", "proposal", "arrangement", "outline"}
EXCLUDED_NOUNS = {"rocket", "missile", "target", "reservist", "hospital", "ambulance", "school", "home",
                  "house", "building", "vote", "country", "nation", "mosque", "church",
                  "tunnel", "site", "strike", "airstrike", "attack", "raid", "round", "drone", "tank",
                  "shell", "bomb", "year", "day", "hour", "week", "month", "minute", "time", "km", "mile",
                  "case", "infection", "bed", "facility", "installation", "camp", "toilet", "page",
                  "point", "seat", "dollar", "percent", "cent", "incubator", "compound", "launcher", "weapon",
                  "aircraft", "jet", "plane", "battalion", "brigade", "team", "governorate", "crossing",
                  "position", "station", "post", "generator", "resolution", "amendment", "clause", "meal",
                  "ton", "tonne", "litre", "liter", "gallon", "bakery", "shop", "room", "floor", "kibbutz",
                  "community", "village", "town", "city", "neighbourhood", "neighborhood", "area", "zone",
                  "square", "family", "centre", "center", "bus", "vehicle", "car", "flight", "shelter",
                  "office", "ministry", "agency", "organisation", "organization", "group",
                  "faction", "party", "state", "sign", "video", "image", "photo", "statement", "report",
                  "word", "letter", "language", "percentage", "degree", "kilometre", "kilometer", "metre",
                  "meter", "acre", "hectare", "calorie", "pound", "euro", "shekel", "rupee", "reason",
                  "way", "step", "phase", "stage", "option", "side", "part", "piece", "pair", "session",
                  "county", "province", "prefecture", "district", "region", "municipality",
                  # what counts are given in ("by one estimate", "two sources said"): no people
                  "estimate", "account", "source", "count", "tally", "survey", "calculation", "reckoning", "study",
                  "poll", "operation", "mission", "sortie", "offensive"}

def _word_list(name: str) -> frozenset[str]:
    """A general word list of ``lexicon/data`` (one lower-case lemma a line, ``#`` comments)."""
    text = (files("dateline.analyze.lexicon") / "data" / name).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# nouns of animals: what they count is no casualty of any measure ("19 dolphins found dead")
ANIMAL_NOUNS = _word_list("animals.txt")
# infectious diseases and their spread: the deaths they cause are disease counts ("the virus has killed 120")
INFECTIOUS_WORDS = _word_list("infectious.txt")
# parts of the world larger than a country ("North Africa", "the Americas"): never a count's place
WORLD_REGIONS = _word_list("world_regions.txt")
POPULATION_HEADS = {"enclave", "population", "territory", "strip", "city", "country", "home", "region",
                    "area", "state", "town", "inhabitant", "resident", "village", "hamlet", "community", "district",
                    "province", "neighbourhood", "neighborhood", "suburb", "island", "valley", "county", "commune",
                    "municipality", "township", "nation"}
ATTACK_NOUNS = {"strike", "airstrike", "attack", "raid", "blast", "explosion", "bombing", "shelling",
                "bombardment", "assault", "shooting", "incident", "ambush", "clash", "firefight", "gunbattle",
                "skirmish", "stabbing", "missile", "shell", "rocket", "thrust", "sortie"}
WAR_START_NOUNS = {"rampage", "onslaught", "incursion", "massacre", "infiltration", "invasion", "aggression",
                   "offensive", "war", "campaign", "conflict", "operation", "hostility"}
# What a whole story is about, striking a country or a region at once (a disaster, a war): its dead are the
# story's running toll, not one incident's ("killed when the quake struck").
STORY_EVENT_NOUNS = {"earthquake", "quake", "hurricane", "typhoon", "cyclone", "storm", "flood", "floods", "flooding",
                     "tsunami", "war", "conflict", "invasion", "offensive", "eruption", "wildfire", "disaster",
                     "drought", "famine", "epidemic", "pandemic"}
# One happening at one spot, which kills the people who were there: its dead are that incident's.
HAPPENING_NOUNS = {"collapse", "crash", "fire", "blaze", "stampede", "derailment", "sinking", "capsizing", "landslide",
                   "mudslide", "avalanche", "accident", "tornado", "explosion", "blast", "shipwreck"}
# Vehicles: what one of them did ("the plane crashed into the sea, killing 228") is one happening.
VEHICLE_NOUNS = {"plane", "aircraft", "airliner", "jet", "helicopter", "flight", "bus", "coach", "minibus", "train",
                 "ferry", "boat", "ship", "vessel", "car", "van", "lorry", "truck", "tanker", "barge"}
ATTACK_VERBS = {"hit", "strike", "bomb", "shell", "target", "slam", "pound", "raze", "flatten", "destroy", "attack",
                "storm", "raid", "level"}
INCIDENT_PLACES = {"hospital", "school", "camp", "house", "home", "building", "mosque", "church", "market",
                   "clinic", "bakery", "convoy", "car", "vehicle", "tower", "festival", "complex", "refinery"}
# one settlement or quarter, as a common noun ("the strikes on the city")
TOWN_NOUNS = {"city", "town", "village", "camp", "neighbourhood", "neighborhood", "district", "quarter", "suburb",
              "settlement", "port"}
# gatherings held at one place on one day: a killing after or during one happened that day, there
GATHERINGS = {"prayer", "prayers", "funeral", "rally", "march", "vigil", "procession", "sermon", "wedding", "concert",
              "ceremony", "party", "celebration", "match", "parade"}
ADDITIVE_WORDS = {"more", "other", "others", "additional", "further", "another", "extra", "new"}
PREV_WORDS = {"previous", "earlier", "initial", "former", "old", "prior", "original", "preliminary"}
QUALIFIER_PREPS = {"over", "than", "about", "around", "under", "nearly", "almost", "upwards", "above", "below",
                   "some", "approximately", "roughly", "up", "beyond", "past"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
OBJ_DEPS = {"dobj", "attr", "oprd", "dative", "obj", "acomp"}
PRONOUNS_SET = {"it", "he", "she", "they", "we", "this", "that", "which", "who", "i", "you", "latter", "former"}
ANAPHORS = {"it", "he", "she", "they", "we", "this", "that", "which", "who", "statement", "report",
            "ministry", "spokesperson", "spokesman", "spokeswoman", "official", "officials", "source",
            "agency", "the", "a", "an", "its", "his", "her", "their", "also", "i", "you", "latter", "former",
            "group", "monitor", "watchdog", "organisation", "organization", "council", "authority", "department",
            "office", "commission", "service"}
# Who kills when a war begins, and the words of that first attack: general words, then the story's own
# armed groups and named dates (lexicon/stories).
KILLER_WORDS = re.compile(r"\b(?:militants?|gunmen|terrorists?|fighters?|attackers?|insurgents?|initial|surprise|"
                          r"cross-border|terror|" + story.alternation("armed_groups") + "|"
                          + story.alternation("named_dates") + r")\b", re.I)

MEASURE_ORDER = ("other", "evacuated", "hostages", "missing", "killed", "wounded", "displaced", "aid_trucks")
