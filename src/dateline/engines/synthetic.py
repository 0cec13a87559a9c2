"""Invented news articles for tests and scale benchmarks (a fictional flood story; no real text).

Deterministic for a seed. Numbers, names, places and days vary per sentence, so
sentences rarely repeat and the per-process segment cache does not flatter speed;
``copy_share`` of the articles are wire copies (re-titled, trimmed) of an earlier
one, so duplicate grouping has work to do.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Iterator

PLACES = ["Tarvo", "Karsa", "Belmoria", "Ostrel", "Vandra", "Lusk", "Merrow", "Quillan", "Dorsk", "Fennick",
          "Halvard", "Istra", "Jolvik", "Kelmar", "Norrin", "Pellac", "Rosk", "Sarnet", "Tollin", "Ulvar"]
PEOPLE = ["Elena Sorvik", "Marek Dunai", "Ilse Varga", "Tomas Reyl", "Anja Kovel", "Piet Larsen", "Oren Malik",
          "Sana Idris", "Luca Brenn", "Nadia Ostrova", "Felix Amar", "Greta Holm"]
ORGS = ["the Interior Ministry", "the Red Crescent", "the regional health office", "the UN refugee agency",
        "the civil protection agency", "the national weather service", "the Belmorian army"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# Sentence parts: a few choices per slot multiply into many distinct sentences, so two invented
# articles share few word trigrams (as two real articles on one story do) and only copies group.
OPENERS = ["At least", "More than", "Some", "Nearly", "Around", "Up to", "Exactly", "Fewer than"]
COUNTED = ["people", "residents", "villagers", "farmers", "children", "pensioners", "workers", "tourists",
           "fishermen", "students", "miners", "nurses"]
HARMED = ["have been killed", "died", "were injured", "are missing", "lost their lives", "were hurt",
          "have been rescued", "were evacuated", "remain trapped", "were displaced"]
CAUSES = ["in the floods", "after the dam burst", "when a bridge collapsed", "in landslides", "as the river rose",
          "in flash flooding", "when their homes were swept away", "during the storm", "after days of rain"]
SAYS = ["said", "reported", "announced", "confirmed", "told reporters", "said in a statement",
        "wrote on social media", "told a news conference"]
WHENS = ["on {weekday}", "late on {weekday}", "overnight", "on {weekday} morning", "since {month} {day}",
         "by {weekday} evening", "this week", "on {month} {day}"]
EXTRAS = [
    "\"{quote_start} {place},\" said {person}, who {role}.",
    "{person} visited {place} {when} and promised help for every family that lost its home.",
    "Schools in {place} will stay closed until {month} {day}, {org} said.",
    "The river at {place} was {m} centimetres above its warning level {when}.",
    "{org} said {m} aid trucks had reached {place} {when}.",
    "About {big} people have been displaced across the {place} valley {when}.",
    "Heavy rain is expected to continue in {place} for {m} more days, forecasters warned.",
    "The government of {place2} sent {m} soldiers to clear the roads to {place}.",
    "Farmers near {place} said the harvest of {m} hectares had been lost.",
]
QUOTES = ["We have never seen water this high in", "Nobody was ready for this in", "The whole street is gone in",
          "We need boats and doctors in", "Every road is cut off around", "The night was terrible in"]
LANDMARKS = ["bridge", "market", "school", "station", "clinic", "bakery", "mill", "church", "stadium", "harbour"]
STATES = ["was still under water", "had been cleared", "reopened", "stayed closed", "was badly damaged",
          "was used as a shelter", "lost power", "was cut off"]
SINCE = ["for the first time in years", "after the storm", "as the water fell", "despite the warnings",
         "within hours", "by nightfall"]
ROLES = ["runs a shelter there", "lost her shop", "leads the rescue team", "has lived there for decades",
         "drove a tractor through the water", "teaches at the local school"]


SYLLABLES = ["ka", "ro", "vel", "mar", "tis", "lo", "den", "sa", "bri", "ul", "nor", "pe", "zan", "mi", "gor",
             "ash", "el", "fin", "dra", "ko", "lun", "ser", "ta", "vin", "hol", "ne", "bar", "qui", "sto", "ri"]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _cast(rng: random.Random) -> dict:
    """An article's own places and people (invented names), so articles differ as real ones do."""
    return {"places": [rng.choice(PLACES)] + [_name(rng, rng.randint(2, 3)) for _ in range(3)],
            "people": [rng.choice(PEOPLE)] + [f"{_name(rng, 2)} {_name(rng, 3)}" for _ in range(2)]}


def _sentence(rng: random.Random, when: dt.date, cast: dict) -> str:
    day = when - dt.timedelta(days=rng.randint(0, 20))
    slots = {"weekday": rng.choice(WEEKDAYS), "month": MONTHS[day.month - 1], "day": day.day}
    fill = dict(n=rng.randint(2, 400), m=rng.randint(2, 90), big=f"{rng.randint(1, 60) * 500:,}",
                place=rng.choice(cast["places"]), place2=rng.choice(cast["places"]), person=rng.choice(cast["people"]),
                org=rng.choice(ORGS), when=rng.choice(WHENS).format(**slots), quote_start=rng.choice(QUOTES),
                role=rng.choice(ROLES), **slots)
    roll = rng.random()
    if roll < 0.25:
        return (f"{rng.choice(OPENERS)} {fill['n']} {rng.choice(COUNTED)} {rng.choice(HARMED)} "
                f"{rng.choice(CAUSES)} in {fill['place']} {fill['when']}, {fill['org']} {rng.choice(SAYS)}.")
    if roll < 0.4:
        return rng.choice(EXTRAS).format(**fill)
    # background: most sentences of a real article carry no figure, claim or date
    # (invented words throughout, so background sentences share few word trigrams across articles)
    words = [_name(rng, rng.randint(1, 3)).lower() for _ in range(rng.randint(6, 12))]
    return (f"The {_name(rng, 2)} {rng.choice(LANDMARKS)} {rng.choice(STATES)} {rng.choice(SINCE)}, "
            f"{' '.join(words)} {rng.choice(LANDMARKS)}.")


def articles(n: int, seed: int = 7, start: dt.date = dt.date(2024, 3, 1), days: int = 30,
             sentences: tuple[int, int] = (12, 30), copy_share: float = 0.1) -> Iterator[dict]:
    """``n`` article records (id, url, date, title, text), about ``copy_share`` of them wire copies."""
    rng = random.Random(seed)
    originals: list[dict] = []
    for i in range(n):
        if originals and rng.random() < copy_share:
            source = rng.choice(originals[-50:])
            lines = source["text"].split("\n")
            text = "\n".join([f"{rng.choice(PLACES)} (Wire) - " + lines[0]] + lines[1:max(2, len(lines) - 1)])
            when = dt.date.fromisoformat(source["date"]) + dt.timedelta(days=rng.randint(0, 1))
            title = "Wire: " + source["title"]
        else:
            when = start + dt.timedelta(days=rng.randrange(days))
            cast = _cast(rng)
            body = [_sentence(rng, when, cast) for _ in range(rng.randint(*sentences))]
            title = body[0].split(",")[0].rstrip(".")
            text = "\n".join(body)
        record = {"id": f"syn-{seed}-{i:07d}", "url": f"https://news.invalid/{seed}/{i}", "date": when.isoformat(),
                  "title": title, "text": text}
        if not title.startswith("Wire: "):
            originals.append(record)
        yield record


def write_jsonl(path: Path, n: int, **kw) -> Path:
    """Write ``n`` invented articles as JSON Lines (streamed: memory stays flat for any ``n``)."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        for record in articles(n, **kw):
            f.write(json.dumps(record) + "\n")
    return path
