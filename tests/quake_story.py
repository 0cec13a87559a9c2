"""An invented earthquake story in two batches (our own text), for series that must follow new places.

The first batch counts "Yemeni villagers" before any article names Yemen as a place;
the later batch names it.
"""

FIRST = [
    {"id": "a1", "date": "2024-05-02", "title": "Quake", "text":
        "The death toll from the earthquake in Chile rose to 50 on Wednesday, Chile's health ministry said."},
    {"id": "a2", "date": "2024-05-03", "title": "Quake toll", "text":
        "The death toll rose to 52 Yemeni villagers on Thursday, the regional health ministry said. "
        "Rescuers searched the rubble through the night."},
]
LATER = [
    {"id": "a3", "date": "2024-05-04", "title": "Yemen", "text":
        "In Yemen, at least 61 people have been killed since the quake, officials in Yemen said on Friday."},
]
