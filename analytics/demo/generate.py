"""An endless-looking stream of realistic reports, for benchmarks at any size.

Same writers as the demo corpus, fed with random but plausible nights across
late 2022 to early 2026. Documents are produced one at a time (nothing is
collected), so a gigabyte can be streamed straight to disk.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from analytics.demo.templates import BACKGROUND, STYLES, ClassCount, Night

FIRST_DAY = dt.date(2022, 10, 1)
LAST_DAY = dt.date(2026, 3, 31)

# Model names a writer may give each class, as (display names, weight).
_WEAPONS: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = {
    "drone": ((("Shahed",), 6), ((), 1), (("Shahed", "Gerbera"), 2), (("Orlan-10",), 1)),
    "cruise_missile": (
        (("Kh-101/Kh-555",), 4),
        (("Kalibr",), 2),
        (("Kh-101/Kh-555", "Kalibr"), 2),
        (("Iskander-K",), 2),
        (("Kh-22",), 1),
    ),
    "ballistic_missile": ((("Iskander-M",), 3), (("Iskander-M/KN-23",), 2), (("Kinzhal",), 2)),
    "guided_missile": ((("Kh-59/Kh-69",), 3), (("Kh-59",), 1), (("Kh-31P",), 1)),
    "missile": ((("S-300",), 2), ((), 1), (("S-300/S-400",), 1)),
}
# How likely a night includes each missile class, and its usual size.
_MISSILE_ODDS = {
    "ballistic_missile": (0.25, 8),
    "cruise_missile": (0.15, 40),
    "guided_missile": (0.15, 6),
    "missile": (0.08, 4),
}
# How often each style appears in the stream (air-force posts and wire stories dominate).
_STYLE_WEIGHTS = {
    "air_force_bullets": 20,
    "air_force_prose": 10,
    "wire_of": 14,
    "wire_totals": 8,
    "follow_up": 4,
    "flash": 4,
    "live_blog": 6,
    "ru_mod_claim": 12,
    "ua_casualties": 6,
    "ru_casualties": 4,
    "kyiv_official": 4,
}


# Up to how many extra background paragraphs a page of each kind gets.
_EXTRA = {"article": 10, "live_blog": 30}
_RING = BACKGROUND + BACKGROUND


def _pick(rng: random.Random, table: tuple[tuple[tuple[str, ...], int], ...]) -> tuple[str, ...]:
    return rng.choices([w for w, _ in table], [n for _, n in table])[0]


def random_night(rng: random.Random) -> Night:
    """A plausible night: mostly drones, sometimes a missile salvo, scale growing over time."""
    span = (LAST_DAY - FIRST_DAY).days
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
    growth = 1.0 + 2.5 * (day - FIRST_DAY).days / span  # drone nights got bigger each year
    counts: dict[str, ClassCount] = {}
    if rng.random() < 0.93:
        launched = max(1, min(810, int(rng.lognormvariate(3.2, 0.7) * growth)))
        downed = int(launched * rng.uniform(0.45, 1.0))
        lost = rng.randint(0, launched - downed) if day.year >= 2024 else 0
        left = rng.randint(0, min(3, launched - downed - lost)) if rng.random() < 0.15 else 0
        to = (rng.choice(("belarus", "russia")),) if left else ()
        counts["drone"] = ClassCount(
            launched, downed, lost, left, to, _pick(rng, _WEAPONS["drone"])
        )
    for subject, (odds, size) in _MISSILE_ODDS.items():
        if rng.random() < odds or not counts:
            launched = rng.randint(1, size)
            downed = int(launched * rng.uniform(0.0, 1.0) + 0.5)
            counts[subject] = ClassCount(launched, downed, weapons=_pick(rng, _WEAPONS[subject]))
    start = rng.choice(("18:00", "19:00", "19:30", "20:00", "21:00", None))
    return Night(day, counts, (), start)


def generate_reports(
    target_bytes: int, seed: int = 0, *, with_figures: bool = False
) -> Iterator[dict]:
    """Yield corpus-like documents until their texts total `target_bytes` (UTF-8).

    Deterministic for `seed`. With `with_figures`, each document also carries
    `expected`: the figures its text states (doc ids filled in), to score an
    extractor at scale.
    """
    rng = random.Random(seed)
    names = list(_STYLE_WEIGHTS)
    weights = list(_STYLE_WEIGHTS.values())
    produced, n = 0, 0
    while produced < target_bytes:
        night = random_night(rng)
        for style in rng.choices(names, weights, k=3):
            for r in STYLES[style](rng, night):
                n += 1
                text = r.text
                if r.kind != "telegram":  # news pages run long; posts stay short
                    k = min(len(BACKGROUND), 4 + int(rng.random() * _EXTRA[r.kind]))
                    start = int(rng.random() * len(BACKGROUND))  # a run of distinct paragraphs
                    extra = [p for p in _RING[start : start + k] if p not in text]
                    text += "\n\n" + "\n\n".join(extra)
                doc = {
                    "id": f"gen-{seed}-{n:09d}",
                    "text": text,
                    "published_at": r.published_at.isoformat(timespec="seconds"),
                    "outlet": r.outlet,
                    "title": r.title,
                    "kind": r.kind,
                    "illustrative": True,
                }
                if with_figures:
                    doc["expected"] = [{"doc": doc["id"], **f} for f in r.figures]
                yield doc
                produced += len(text.encode("utf-8"))
                if produced >= target_bytes:
                    return
