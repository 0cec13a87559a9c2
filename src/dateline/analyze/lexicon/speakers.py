"""Speakers: the nouns, titles and pronouns by which news names who speaks (people, bodies), and the words
that tell a person from an organisation or a place, a man from a woman. General English, no story's
words (a story's armed groups and acronyms are in its story lexicon: ``story.words("acronyms")``).
"""
from __future__ import annotations

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

# Titles before a name ("Dr. Ann Lee", "Gen. Ortiz").
NAME_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "lt", "sgt", "capt", "maj"}

# The kind of speaker a pronoun stands for.
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "org",
            "they": "plural", "them": "plural"}

# Nouns that look like agents (-er, -ent, …) but do not speak.
INANIMATE_AGENTIVE = {"order", "border", "water", "power", "number", "matter", "center", "centre", "winter",
                      "summer", "disaster", "weather", "paper", "event", "moment", "movement", "agreement",
                      "statement", "incident", "conflict", "element", "development", "government"}

# Words that make a capitalised name an organisation's ("Interior Ministry", "Reuters", "the White House").
ORG_NAME_WORDS = {"ministry", "forces", "force", "army", "agency", "council", "office", "embassy",
                  "organisation", "organization", "committee", "authority", "authorities",
                  "group", "police", "government", "nations", "union", "hospital", "news",
                  "channel", "times", "post", "press", "reuters", "cnn", "bbc", "un", "who", "house"}

# Words that make a capitalised name a place's ("Jordan Valley", "Tahrir Square").
PLACE_NAME_WORDS = {"city", "strip", "bank", "street", "square", "camp", "crossing", "valley", "river", "sea",
                    "airport", "border", "province", "region", "district", "county", "heights", "port"}

# Words that say a man or a woman is meant.
MALE_WORDS = {"man", "father", "spokesman", "chairman", "king", "prince", "husband", "son", "brother",
              "boy", "mr", "sir", "uncle", "grandfather", "congressman", "businessman"}
FEMALE_WORDS = {"woman", "mother", "spokeswoman", "chairwoman", "queen", "princess", "wife", "daughter",
                "sister", "girl", "mrs", "ms", "miss", "dame", "aunt", "grandmother", "congresswoman",
                "businesswoman", "actress"}

# Pronouns with a gender.
GENDERED_PRONOUNS = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                     "herself": "f"}

# Acronyms of bodies that speak in international news; never the place of a dateline.
SPEAKER_ACRONYMS = {"UN", "OCHA", "CPJ", "WHO", "UNICEF", "WFP", "UNHCR", "ICRC", "IFRC",
                    "MSF", "HRW", "EU", "NATO", "IAEA", "ICC", "ICJ", "IRC", "NRC", "UNFPA", "UNDP",
                    "OHCHR", "CIA", "FBI", "USAID", "CNN", "BBC", "AFP", "AP", "NGO"}
