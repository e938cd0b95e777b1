"""Report writers for the demo corpus: many voices, one night's numbers.

Real reporting tells the same night in many ways: the air force's Telegram
summary, wire stories quoting it hours later, live blogs, officials in Kyiv,
Russia's defence ministry and regional governors. Each writer below is one such
voice. It takes a seeded `random.Random` and a `Night` and returns `Report`s
that carry their text AND the figures the text expresses (in the gold format
of figures-spec.md), so the corpus can check the extractor at any scale.

All wording here is the project's own. Air-force nights use real numbers (see
`build.py`); the Russian ministry, governors and Kyiv officials have no dataset
here, so their numbers are invented, kept modest, and the reports are marked
`illustrative`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

# -- the night a report is about ------------------------------------------------

# Order in which the air force lists weapon classes (missiles first, drones last).
CLASS_ORDER = ("ballistic_missile", "cruise_missile", "guided_missile", "missile", "drone")
AIR_FORCE = "Ukraine's air force"
RU_MOD = "Russia's defence ministry"


@dataclass(frozen=True, slots=True)
class ClassCount:
    """What happened to one weapon class in one night (air-force numbers)."""

    launched: int
    downed: int
    lost: int = 0
    left: int = 0
    left_to: tuple[str, ...] = ()  # countries the departed drones flew to
    weapons: tuple[str, ...] = ()  # display names of the models ("Kh-101/Kh-555")


@dataclass(frozen=True, slots=True)
class Night:
    """One night of attacks on Ukraine as the air force summed it up."""

    date: dt.date  # the day the night ended (= event_date)
    counts: dict[str, ClassCount]
    places: tuple[str, ...] = ()  # launch areas
    start: str | None = None  # "19:00" when the post gives when the attack began

    def total(self, measure: str) -> int:
        return sum(getattr(c, measure) for c in self.counts.values())


@dataclass(slots=True)
class Report:
    """A written document plus the figures its text states."""

    text: str
    title: str
    kind: str
    outlet: str
    published_at: dt.datetime
    figures: list[dict] = field(default_factory=list)
    illustrative: bool = False


# -- numbers and dates as writers write them -----------------------------------

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def words(n: int) -> str:
    """English words for 0-99; digits (with thousands commas) above."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + ("-" + _UNITS[unit] if unit else "")
    return f"{n:,}"


def wire(n: int) -> str:
    """Wire-agency style: words for one to nine, digits from 10."""
    return _UNITS[n] if n < 10 else f"{n:,}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def day_month(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def night_of(d: dt.date) -> str:
    """'the night of 12 to 13 November' (or '31 October to 1 November')."""
    prev = d - dt.timedelta(days=1)
    first = str(prev.day) if prev.month == d.month else day_month(prev)
    return f"the night of {first} to {day_month(d)}"


def at(d: dt.date, rng: random.Random, hour_lo: int, hour_hi: int) -> dt.datetime:
    """A publication time on day `d` between the two hours (local time)."""
    minute = rng.randrange(hour_lo * 60, hour_hi * 60)
    return dt.datetime(d.year, d.month, d.day, minute // 60, minute % 60)


# -- how weapons are named ------------------------------------------------------

_NOUN = {
    "drone": ("drone", "drones"),
    "cruise_missile": ("cruise missile", "cruise missiles"),
    "ballistic_missile": ("ballistic missile", "ballistic missiles"),
    "guided_missile": ("guided air-launched missile", "guided air-launched missiles"),
    "missile": ("missile", "missiles"),
}
_SHORT = {  # what a wire story calls them
    "drone": ("drone", "drones"),
    "cruise_missile": ("cruise missile", "cruise missiles"),
    "ballistic_missile": ("ballistic missile", "ballistic missiles"),
    "guided_missile": ("guided missile", "guided missiles"),
    "missile": ("missile", "missiles"),
}


def weapon_key(c: ClassCount) -> str | None:
    """The `weapon` column: the model's name when a single one is named."""
    if len(c.weapons) != 1:
        return None
    return c.weapons[0].lower()


def weapon_phrase(subject: str, c: ClassCount, n: int) -> str:
    """'35 Kh-101/Kh-555 cruise missiles', '90 Shahed attack drones', ..."""
    singular, plural = _NOUN[subject]
    noun = singular if n == 1 else plural
    ws = c.weapons
    if subject == "drone":
        if ws == ("Shahed",):
            return f"{n} Shahed attack {noun}"
        if not ws:
            return f"{n} {noun} of unidentified types"
        if "Shahed" in ws:
            return f"{n} {noun} (Shahed-type and others)"
        return f"{n} {'/'.join(ws)} {noun}"
    if subject == "missile":
        if not ws:
            return f"{n} {noun} of an unidentified type"
        if all(w.startswith("S-") for w in ws):
            return f"{n} {'/'.join(ws)} anti-aircraft {noun}"
        return f"{n} {' and '.join(ws)} {noun}"
    if subject == "ballistic_missile" and ws == ("Kinzhal",):
        return f"{n} Kinzhal aeroballistic {'missile' if n == 1 else 'missiles'}"
    if len(ws) == 1:
        return f"{n} {ws[0]} {noun}"
    if ws:
        return f"{n} {noun} ({', '.join(ws)})"
    return f"{n} {noun}"


def agree(n: int) -> dict[str, str]:
    """Words that agree with a count: 1 drone was, 2 drones were."""
    one = n == 1
    return {"drones": "drone" if one else "drones", "uavs": "UAV" if one else "UAVs",
            "were": "was" if one else "were"}  # fmt: skip


def short_noun(subject: str, n: int) -> str:
    return _SHORT[subject][0 if n == 1 else 1]


# -- figures ---------------------------------------------------------------------


def fig(
    subject: str,
    measure: str,
    value: int,
    quote: str,
    event_date: dt.date,
    *,
    side: str | None = "russia",
    qualifier: str = "exact",
    weapon: str | None = None,
    reported_by: str | None = AIR_FORCE,
    location: str | None = None,
    optional: bool = False,
) -> dict:
    """One expected figure in the gold format (`doc` is added by the builder)."""
    return {
        "subject": subject,
        "measure": measure,
        "value": value,
        "qualifier": qualifier,
        "side": side,
        "event_date": event_date.isoformat(),
        "weapon": weapon,
        "reported_by": reported_by,
        "location": location,
        "quote": quote.strip().rstrip(".:;"),
        "optional": optional,
        "cumulative": False,
    }


def class_figs(
    night: Night,
    subject: str,
    quote: str,
    measures: tuple[str, ...],
    by: str = AIR_FORCE,
    *,
    named: bool = False,
) -> list[dict]:
    """The class's figures for `measures`; `named` when the text names the model."""
    c = night.counts[subject]
    weapon = weapon_key(c) if named else None
    return [
        fig(subject, m, getattr(c, "left" if m == "left_airspace" else m), quote, night.date,
            weapon=weapon, reported_by=by)
        for m in measures
    ]  # fmt: skip


def classes(night: Night) -> list[str]:
    return [s for s in CLASS_ORDER if s in night.counts and night.counts[s].launched > 0]


def directions(c: ClassCount) -> str:
    names = [x.capitalize() for x in c.left_to] or ["Russia"]
    return " and ".join(names)


# -- 1. Air force, Telegram summary with bullets ---------------------------------

_AF_OPEN = (
    "On {night}, the enemy attacked Ukraine with {total} air attack assets:",
    "During {night}, Russia struck at Ukraine with {total} means of air attack:",
    "In the course of {night}, the enemy used {total} aerial attack assets against Ukraine:",
)
_AF_DOWN_HEAD = (
    "As of {clock}, air defence has confirmed {down} targets shot down or suppressed:",
    "By {clock}, {down} targets were confirmed destroyed:",
    "As a result of the combat work, {down} aerial targets were shot down as of {clock}:",
)
_AF_LINE = (
    "– {phrase}: {down} of {launched} shot down;",
    "– {phrase} – {down} of {launched} destroyed;",
    "– {down} of {launched} {noun} ({label}) shot down;",
)
_AF_LOST = (
    "A further {lost} enemy {drones} {were} locationally lost (most likely due to electronic warfare), with no consequences.",
    "{lost} enemy {uavs} {were} locationally lost; no damage was recorded.",
    "Another {lost} {drones} {were} suppressed by electronic warfare and did not reach their targets.",
)
_AF_LEFT = (
    "{left} more {drones} left Ukraine's airspace towards {to}.",
    "{left} {drones} flew out of Ukrainian airspace in the direction of {to}.",
)
_AF_CLOSE = (
    "Mobile fire groups, aviation, EW units and air defence units of the Defence Forces took part in repelling the attack.",
    "The attack was repelled by anti-aircraft missile units, electronic warfare units and mobile fire groups.",
    "Stay in shelters during air raid alerts and take care of yourselves!",
)


def air_force_bullets(rng: random.Random, night: Night) -> list[Report]:
    """The air force's own nightly post: total, per-class lines, lost, left."""
    d, figs, lines = night.date, [], []
    total = night.total("launched")
    launch_parts = [
        weapon_phrase(s, night.counts[s], night.counts[s].launched) for s in classes(night)
    ]
    when = night_of(d) + (f" (from {night.start})" if night.start else "")
    open_ = rng.choice(_AF_OPEN).format(night=when, total=total)
    figs.append(fig("aerial_target", "launched", total, open_, d))
    lines.append(open_)
    for part, s in zip(launch_parts, classes(night), strict=True):
        line = f"– {part};"
        lines.append(line)
        figs += class_figs(night, s, line, ("launched",), named=True)
    if night.places:
        lines.append(f"Launch areas: {', '.join(night.places)}.")
    clock = f"{rng.choice((8, 9, 10))}:{rng.choice(('00', '30'))}"
    down = night.total("downed")
    head = rng.choice(_AF_DOWN_HEAD).format(clock=clock, down=down)
    lines += ["", head]
    figs.append(fig("aerial_target", "downed", down, head, d))
    pattern = rng.choice(_AF_LINE)
    for s in classes(night):
        c = night.counts[s]
        label = ", ".join(c.weapons) or "type not identified"
        line = pattern.format(
            phrase=cap(weapon_phrase(s, c, c.launched).split(" ", 1)[1]),
            down=c.downed,
            launched=c.launched,
            noun=short_noun(s, c.launched),
            label=label,
        )
        lines.append(line)
        figs += class_figs(night, s, line, ("downed", "launched"), named=True)
    dr = night.counts.get("drone")
    tail = []
    if dr and dr.lost:
        sentence = rng.choice(_AF_LOST).format(lost=dr.lost, **agree(dr.lost))
        tail.append(sentence)
        figs += class_figs(night, "drone", sentence, ("lost",))
    if dr and dr.left:
        sentence = rng.choice(_AF_LEFT).format(left=dr.left, to=directions(dr), **agree(dr.left))
        tail.append(sentence)
        figs += class_figs(night, "drone", sentence, ("left_airspace",))
    if tail:
        lines += ["", " ".join(tail)]
    lines += ["", rng.choice(_AF_CLOSE)]
    title = f"Air attack on {night_of(d)}"
    return [
        Report(
            text="\n".join(lines),
            title=title,
            kind="telegram",
            outlet="Air Force of Ukraine (Telegram, demo)",
            published_at=at(d, rng, 7, 10),
            figures=figs,
        )
    ]


# -- 2. Air force, short prose post ----------------------------------------------

_AFP_MAIN = (
    "Overnight the enemy launched {launched} against Ukraine. Air defence shot down {down} of them.",
    "Last night Russia attacked with {launched}; {down} were shot down by our air defence.",
    "The enemy attacked overnight with {launched}. {down} of them were neutralised.",
)


def air_force_prose(rng: random.Random, night: Night) -> list[Report]:
    """A short air-force post for a quiet night: one sentence per class."""
    d, figs, parts = night.date, [], []
    order = sorted(classes(night), key=lambda s: s != "drone")
    for i, s in enumerate(order):
        c = night.counts[s]
        if i == 0:
            sent = rng.choice(_AFP_MAIN).format(
                launched=weapon_phrase(s, c, c.launched), down=c.downed
            )
        else:
            if c.launched == 1:
                sent = f"The enemy also fired {weapon_phrase(s, c, 1)}; shot down: {c.downed}."
            elif c.downed == 0:
                sent = f"{cap(weapon_phrase(s, c, c.launched))} were also launched; none was shot down."
            else:
                sent = (
                    f"{cap(weapon_phrase(s, c, c.launched))} were also launched, "
                    f"of which {c.downed} were destroyed."
                )
        parts.append(sent)
        figs += class_figs(night, s, sent, ("launched", "downed"), named=True)
        if s == "drone" and c.lost:
            lost = "{n} {drones} {were} locationally lost.".format(n=c.lost, **agree(c.lost))
            parts.append(lost)
            figs += class_figs(night, s, lost, ("lost",))
        if s == "drone" and c.left:
            left = f"{c.left} {agree(c.left)['drones']} flew off towards {directions(c)}."
            parts.append(left)
            figs += class_figs(night, s, left, ("left_airspace",))
    return [
        Report(
            text=" ".join(parts),
            title=f"Air defence results, {day_month(d)}",
            kind="telegram",
            outlet="Air Force of Ukraine (Telegram, demo)",
            published_at=at(d, rng, 7, 10),
            figures=figs,
        )
    ]


# -- 3. Wire story: "downed X of Y drones launched overnight" --------------------

WIRE_OUTLETS = ("Meridian Wire", "Continental Press Service", "North Atlantic News Agency")
_WIRE_HEAD = (
    "Ukraine says it downed {down} of {launched} Russian drones",
    "Ukraine shoots down {down} of {launched} drones in overnight attack, air force says",
    "Russia fires {launched} drones at Ukraine overnight; {down} downed",
)
_WIRE_LEAD = (
    "Ukraine's air force said on {weekday} it had downed {down} of {launched} drones Russia launched overnight.",
    "Russia attacked Ukraine with {launched} drones overnight, and air defence units shot down {down} of them, the air force said on {weekday}.",
    "Ukrainian air defences destroyed {down} of the {launched} drones that Russia sent at the country overnight, the air force said.",
)
_WIRE_LOST = (
    "Another {lost} {drones} {were} 'lost', the air force said, a term it uses for drones brought down by electronic jamming.",
    "The military said {lost} further {drones} had likely been jammed by electronic warfare and failed to reach targets.",
    "A further {lost} {drones} {were} lost from radar, it added.",
)
_WIRE_FILLER = (
    "It did not say whether any of the drones had caused damage.",
    "Russia has stepped up its long-range strikes in recent weeks, often targeting energy facilities.",
    "There was no immediate comment from Moscow.",
    "The figures could not be independently verified.",
)


def wire_noun(subject: str, c: ClassCount, n: int) -> str:
    """'S-300 missiles' rather than a bare 'missiles' when the model is known."""
    if subject == "missile" and len(c.weapons) == 1:
        return f"{c.weapons[0]} {short_noun(subject, n)}"
    if subject == "missile" and not c.weapons:
        return f"{short_noun(subject, n)} of an unknown type"
    return short_noun(subject, n)


def listing(items: list[str]) -> str:
    """'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def wire_of(rng: random.Random, night: Night) -> list[Report]:
    """A wire story published later the same day, quoting the air force."""
    d, figs = night.date, []
    dr = night.counts.get("drone")
    if not dr or not dr.launched:
        return []
    numbers = wire if rng.random() < 0.7 else words
    rounded = dr.launched // 10 * 10
    if dr.launched >= 30 and rng.random() < 0.3:  # headline rounds, the body is exact
        if rounded < dr.launched and rng.random() < 0.5:
            head = f"Russia fires more than {rounded} drones at Ukraine overnight"
            figs.append(fig("drone", "launched", rounded, head, d, qualifier="at_least"))
        else:
            head = f"Russia launches about {round(dr.launched, -1)} drones at Ukraine overnight"
            figs.append(
                fig("drone", "launched", round(dr.launched, -1), head, d, qualifier="approx")
            )
    else:
        head = rng.choice(_WIRE_HEAD).format(down=dr.downed, launched=dr.launched)
        figs += class_figs(night, "drone", head, ("downed", "launched"))
    lead = rng.choice(_WIRE_LEAD).format(
        weekday=WEEKDAYS[d.weekday()], down=numbers(dr.downed), launched=numbers(dr.launched)
    )
    figs += class_figs(night, "drone", lead, ("downed", "launched"))
    body = [lead]
    ms = [s for s in classes(night) if s != "drone"]
    if ms:
        fired = [
            f"{numbers(night.counts[s].launched)} {wire_noun(s, night.counts[s], night.counts[s].launched)}"
            for s in ms
        ]
        sent = rng.choice(
            (
                "Russia also fired {x}, it said.",
                "The attack also involved {x}, according to the air force.",
            )
        ).format(x=listing(fired))
        body.append(sent)
        for s in ms:
            figs += class_figs(night, s, sent, ("launched",))
    for s in classes(night):
        if s == "drone":
            continue
        c = night.counts[s]
        if c.downed == c.launched:
            sent = (
                f"All {numbers(c.launched)} {short_noun(s, c.launched)} were intercepted, it said."
            )
            if c.launched == 1:
                sent = f"The single {short_noun(s, 1)} was intercepted, it said."
            elif c.launched == 2:
                sent = f"Both {short_noun(s, 2)} were intercepted, it said."
        elif c.downed == 0:
            sent = f"None of the {numbers(c.launched)} {short_noun(s, c.launched)} was shot down, it said."
            if c.launched == 1:
                sent = f"The {short_noun(s, 1)} was not intercepted, it said."
        else:
            sent = f"Of the {short_noun(s, 2)}, {numbers(c.downed)} {agree(c.downed)['were']} intercepted, it said."
        body.append(sent)
        figs += class_figs(night, s, sent, ("downed",))
    if dr.lost:
        sent = rng.choice(_WIRE_LOST).format(lost=numbers(dr.lost), **agree(dr.lost))
        body.append(sent)
        figs += class_figs(night, "drone", sent, ("lost",))
    if dr.left:
        sent = f"{cap(words(dr.left))} drones flew back into {directions(dr)}, it said."
        body.append(sent)
        figs += class_figs(night, "drone", sent, ("left_airspace",))
    body.append(rng.choice(_WIRE_FILLER))
    outlet = rng.choice(WIRE_OUTLETS)
    place = rng.choice(("KYIV", "KYIV, Ukraine", "KYIV (Meridian)"))
    text = "\n\n".join(
        [f"{head}", f"{place} — " + " ".join(body), *background(rng, rng.randint(1, 3))]
    )
    return [
        Report(text, head, "article", outlet, at(d, rng, 10, 17), figs),
    ]


# -- 4. Wire story: aerial-target totals, numbers in words -----------------------

_TOTAL_LEAD = (
    "Russia launched {total} drones and missiles at Ukraine overnight, of which {down} were shot down, Kyiv's air force said.",
    "Air defence forces destroyed {down} out of {total} aerial targets overnight, Ukraine's air force said on {weekday}.",
    "Ukraine's military said its air defences knocked out {down} of the {total} missiles and drones fired at the country on {night}.",
)


def wire_totals(rng: random.Random, night: Night) -> list[Report]:
    """Totals across drones and missiles: the `aerial_target` subject."""
    d = night.date
    total, down = night.total("launched"), night.total("downed")
    if not any(s != "drone" for s in classes(night)):
        return []
    numbers = words if total < 100 and rng.random() < 0.5 else wire
    lead = rng.choice(_TOTAL_LEAD).format(
        total=numbers(total), down=numbers(down), weekday=WEEKDAYS[d.weekday()], night=night_of(d)
    )
    figs = [
        fig("aerial_target", "launched", total, lead, d),
        fig("aerial_target", "downed", down, lead, d),
    ]
    breakdown = [
        f"{wire(night.counts[s].launched)} {wire_noun(s, night.counts[s], night.counts[s].launched)}"
        for s in classes(night)
    ]
    sent = f"The attack included {listing(breakdown)}, according to the statement."
    for s in classes(night):
        figs += class_figs(night, s, sent, ("launched",))
    body = [lead, sent]
    dr = night.counts.get("drone")
    if dr and dr.lost:
        lost = (
            f"Electronic warfare diverted {wire(dr.lost)} more {agree(dr.lost)['drones']}, it said."
        )
        body.append(lost)
        figs += class_figs(night, "drone", lost, ("lost",))
    title = f"Ukraine says it downed {down} of {total} aerial targets"
    figs += [
        fig("aerial_target", "downed", down, title, d),
        fig("aerial_target", "launched", total, title, d),
    ]
    outlet = rng.choice(WIRE_OUTLETS)
    text = "\n\n".join([title, " ".join(body), *background(rng, rng.randint(1, 2))])
    return [Report(text, title, "article", outlet, at(d, rng, 9, 15), figs)]


# -- 5. Next-day follow-up: "on Monday night" -----------------------------------

_FOLLOW = (
    "Russia attacked Ukraine with {launched} drones on {wd} night, and {down} of them were shot down, the air force said.",
    "On {night}, Russian forces sent {launched} drones against Ukrainian cities; air defence brought down {down}, the air force reported.",
    "In the attack on {wd} night, {down} of {launched} Russian drones were downed, according to Ukraine's air force.",
    "In the early hours of {date}, air defence shot down {down} of the {launched} drones Russia had launched, the air force said.",
)


def follow_up(rng: random.Random, night: Night) -> list[Report]:
    """Published the day after, so the night must be named, not 'overnight'."""
    d = night.date
    dr = night.counts.get("drone")
    if not dr or not dr.launched:
        return []
    wd = WEEKDAYS[(d - dt.timedelta(days=1)).weekday()]
    sent = rng.choice(_FOLLOW).format(
        launched=wire(dr.launched),
        down=wire(dr.downed),
        wd=wd,
        night=night_of(d),
        date=day_month(d),
    )
    figs = class_figs(night, "drone", sent, ("launched", "downed"))
    title = rng.choice(
        ("What we know about the latest drone attack", "Ukraine counts the damage", "Day in review")
    )
    other = rng.choice(
        (
            "Officials said repair work on damaged power lines was continuing.",
            "Schools in several regions switched to remote learning for the day.",
            "Analysts expect the pace of strikes to rise as winter approaches.",
        )
    )
    text = "\n\n".join([title, f"{sent} {other}", *background(rng, rng.randint(0, 2))])
    pub = at(d + dt.timedelta(days=1), rng, 8, 13)
    return [Report(text, title, "article", rng.choice(WIRE_OUTLETS), pub, figs)]


# -- 6. Flash: headline plus one line -------------------------------------------


def flash(rng: random.Random, night: Night) -> list[Report]:
    """Headline repeated in a one-line body: the same figures twice."""
    d = night.date
    dr = night.counts.get("drone")
    if not dr or not dr.launched:
        return []
    head = rng.choice(
        (
            "Ukraine downs {down} of {launched} Russian drones overnight",
            "Air defence downs {down} of {launched} drones, Ukraine says",
            "{launched} Russian drones launched overnight, {down} shot down - air force",
        )
    ).format(down=dr.downed, launched=dr.launched)
    body = rng.choice(
        (
            "Air defence shot down {down} of the {launched} attack drones launched by Russia overnight, the air force says.",
            "The air force says {down} drones were destroyed out of {launched} launched overnight. More to follow.",
        )
    ).format(down=dr.downed, launched=dr.launched)
    figs = class_figs(night, "drone", head, ("downed", "launched"))
    figs += class_figs(night, "drone", body, ("downed", "launched"))
    text = f"BREAKING: {head}\n\n{body}"
    return [Report(text, head, "article", rng.choice(WIRE_OUTLETS), at(d, rng, 8, 11), figs)]


# -- illustrative voices: Russian MoD, governors, Kyiv officials -------------------

RU_REGIONS = (
    "Bryansk", "Kursk", "Belgorod", "Oryol", "Voronezh", "Rostov", "Tula", "Kaluga",
    "Lipetsk", "Tambov", "Ryazan", "Smolensk",
)  # fmt: skip
UA_CITIES = (
    ("Kharkiv", "Kharkiv region"), ("Odesa", "Odesa region"), ("Dnipro", "Dnipropetrovsk region"),
    ("Zaporizhzhia", "Zaporizhzhia region"), ("Sumy", "Sumy region"), ("Kherson", "Kherson region"),
    ("Mykolaiv", "Mykolaiv region"), ("Chernihiv", "Chernihiv region"),
)  # fmt: skip
RU_TOWNS = (
    ("Belgorod", "Belgorod region"),
    ("Kursk", "Kursk region"),
    ("Bryansk", "Bryansk region"),
)


def _region_list(regions: list[str]) -> str:
    if len(regions) == 1:
        return f"the {regions[0]} region"
    return "the " + ", ".join(regions[:-1]) + f" and {regions[-1]} regions"


def ru_mod_claim(rng: random.Random, night: Night) -> list[Report]:
    """Moscow's morning claim about Ukrainian drones over Russia (illustrative)."""
    d = night.date
    regions = rng.sample(RU_REGIONS, rng.randint(1, 4))
    split = [rng.randint(1, 12) for _ in regions]
    total = sum(split)
    lead = rng.choice(
        (
            "Overnight, air defence systems destroyed {total} Ukrainian drones over {where}, the defence ministry said.",
            "On duty air defences intercepted and destroyed {total} Ukrainian fixed-wing drones over {where} during the night.",
            "Russia's defence ministry said on {weekday} its forces had shot down {total} Ukrainian drones overnight over {where}.",
        )
    ).format(total=total, where=_region_list(regions), weekday=WEEKDAYS[d.weekday()])
    kw = {"side": "ukraine", "reported_by": RU_MOD}
    figs = [fig("drone", "downed", total, lead, d, **kw)]
    lines = [lead]
    if len(regions) > 1 and rng.random() < 0.6:
        for r, n in zip(regions, split, strict=True):
            line = f"– {n} over the {r} region;" if n > 1 else f"– one over the {r} region;"
            lines.append(line)
            figs.append(fig("drone", "downed", n, line, d, location=f"{r} region", **kw))
    kind, outlet = rng.choice(
        (
            ("telegram", "Russian Ministry of Defence (Telegram, demo)"),
            ("article", "Moscow Daily Brief"),
        )
    )
    title = f"Ministry reports {total} Ukrainian drones downed"
    return [
        Report("\n".join(lines), title, kind, outlet, at(d, rng, 6, 10), figs, illustrative=True)
    ]


def _people(n: int) -> str:
    return "one person" if n == 1 else f"{wire(n)} people"


def ua_casualties(rng: random.Random, night: Night) -> list[Report]:
    """A Ukrainian governor's toll; sometimes a preliminary one revised up later."""
    d = night.date
    city, region = rng.choice(UA_CITIES)
    killed, injured = rng.randint(1, 4), rng.randint(2, 12)
    children = rng.randint(0, min(2, injured))
    kw = {"side": "ukraine", "reported_by": "the regional governor", "location": city}
    s1 = rng.choice(
        (
            "A Russian strike on {city} overnight killed {k} and injured {i}",
            "Russian drones and missiles hit {city} in the night, killing {k} and wounding {i}",
            "{K} died and {i} were hurt when Russia attacked {city} overnight",
        )
    ).format(city=city, k=_people(killed), K=cap(_people(killed)), i=wire(injured))
    figs = [
        fig("person", "killed", killed, s1, d, **kw),
        fig("person", "injured", injured, s1, d, **kw),
    ]
    if children:
        s1 += f", including {'a child' if children == 1 else wire(children) + ' children'}"
        figs.append(fig("child", "injured", children, s1, d, **kw))
    s1 += rng.choice((", the governor of the {r} said.", ", according to the head of the {r}."))
    s1 = s1.format(r=region)
    for f in figs:
        f["quote"] = s1.rstrip(".")
    text = (
        s1
        + " "
        + rng.choice(
            (
                "Several apartment buildings and a school were damaged.",
                "Rescuers were still searching the rubble in the morning.",
                "Information about the victims is being clarified.",
            )
        )
    )
    first = Report(
        text,
        f"Strike on {city} kills {killed}",
        "article",
        "Kyiv Morning (demo)",
        at(d, rng, 8, 11),
        figs,
        illustrative=True,
    )
    if rng.random() < 0.4:
        return [first]
    # Later the same day: the toll rises.
    k2, i2 = killed + rng.randint(1, 3), injured + rng.randint(2, 8)
    s2 = (
        f"The death toll from the overnight Russian strike on {city} has risen to {wire(k2)}, "
        f"with {wire(i2)} people injured, the regional governor said."
    )
    s0 = f"Earlier, officials had reported at least {wire(killed)} dead."
    figs2 = [
        fig("person", "killed", k2, s2, d, **kw),
        fig("person", "injured", i2, s2, d, **kw),
        fig("person", "killed", killed, s0, d, qualifier="at_least", **kw),
    ]
    later = Report(
        "\n\n".join([f"{s2} {s0}", *background(rng, 1)]),
        f"{city} toll rises to {k2}",
        "article",
        "Kyiv Morning (demo)",
        at(d, rng, 15, 21),
        figs2,
        illustrative=True,
    )
    return [first, later]


def ru_casualties(rng: random.Random, night: Night) -> list[Report]:
    """A Russian border governor on a Ukrainian drone strike (illustrative)."""
    d = night.date
    town, region = rng.choice(RU_TOWNS)
    injured = rng.randint(1, 5)
    downed = rng.randint(2, 9)
    kw = {"reported_by": "the regional governor", "location": region}
    subject = "civilian" if rng.random() < 0.3 else "person"
    who = (
        _people(injured)
        if subject == "person"
        else ("a civilian" if injured == 1 else f"{wire(injured)} civilians")
    )
    s1 = rng.choice(
        (
            "A Ukrainian drone struck a car near {town} on {wd}, injuring {who}, the governor of the {region} said.",
            "Shelling and a drone attack on {town} on {wd} left {who} wounded, the {region} governor reported.",
            "The governor of the {region} said on {wd} that {who} had been injured when a drone hit a house in {town}.",
        )
    ).format(town=town, wd=WEEKDAYS[d.weekday()], who=who, region=region)
    s2 = rng.choice(
        (
            "Air defences shot down {n} drones over the region overnight, he added.",
            "He said {n} Ukrainian drones had been destroyed over the region during the night.",
        )
    ).format(n=wire(downed))
    figs = [
        fig(subject, "injured", injured, s1, d, side="russia", **kw),
        fig("drone", "downed", downed, s2, d, side="ukraine", **kw),
    ]
    if rng.random() < 0.5:
        s3 = "No one was killed."
        s2 += " " + s3
        figs.append(fig("person", "killed", 0, s3, d, side="russia", **kw))
    title = f"Drone strike near {town} injures {injured}"
    return [
        Report(
            "\n\n".join([f"{s1} {s2}", *background(rng, rng.randint(0, 1))]),
            title,
            "article",
            "Moscow Daily Brief",
            at(d, rng, 9, 20),
            figs,
            True,
        )
    ]


def kyiv_official(rng: random.Random, night: Night) -> list[Report]:
    """The capital's military administration after an attack (illustrative)."""
    d = night.date
    n = rng.randint(3, 15)
    inj = rng.randint(0, 4)
    kw = {"reported_by": "Kyiv city military administration", "location": "Kyiv"}
    s1 = rng.choice(
        (
            "Air defence units destroyed all {n} drones that approached Kyiv overnight, the head of the city military administration said.",
            "Around the capital, {n} enemy drones were shot down during the night, according to the Kyiv city military administration.",
        )
    ).format(n=words(n) if n < 10 else n)
    figs = [fig("drone", "downed", n, s1, d, side="russia", **kw)]
    if s1.startswith("Air defence units destroyed all"):
        figs.append(fig("drone", "launched", n, s1, d, side="russia", **kw))  # all that came
    if inj:
        s2 = f"Falling debris injured {_people(inj)} in two districts of the city."
        figs.append(fig("person", "injured", inj, s2, d, side="ukraine", **kw))
    else:
        s2 = "There were no casualties."
        figs.append(fig("person", "casualties", 0, s2, d, side="ukraine", **kw))
    return [
        Report(
            f"{s1} {s2}",
            "Kyiv repels another night attack",
            "telegram",
            "Kyiv City Military Administration (Telegram, demo)",
            at(d, rng, 6, 9),
            figs,
            illustrative=True,
        )
    ]


# -- 7. Live blog: several voices, one page --------------------------------------


def live_blog(rng: random.Random, night: Night) -> list[Report]:
    """Entries with their own clock times: air force, Moscow, a governor."""
    d = night.date
    entries: list[tuple[dt.datetime, str, list[str], list[dict]]] = []
    dr = night.counts.get("drone")
    if dr and dr.launched:
        s = rng.choice(
            (
                "Ukraine's air force says Russia launched {n} drones overnight. Of those, {k} were shot down",
                "Air defences brought down {k} of {n} Russian drones overnight, the air force has said",
            )
        ).format(n=dr.launched, k=dr.downed)
        figs = class_figs(night, "drone", s, ("launched", "downed"))
        body = [s + "."]
        if dr.lost:
            lost = "Another {n} {were} lost to electronic countermeasures, it said.".format(
                n=dr.lost, **agree(dr.lost)
            )
            body.append(lost)
            figs += class_figs(night, "drone", lost, ("lost",))
        entries.append((at(d, rng, 8, 10), "Air force gives overnight figures", body, figs))
    illustrative = False
    for writer, hours in ((ru_mod_claim, (10, 12)), (ua_casualties, (12, 15))):
        if rng.random() < 0.6:
            r = writer(rng, night)[0]
            entries.append((at(d, rng, *hours), r.title, [r.text], r.figures))
            illustrative = True
    if not entries:
        return []
    entries.sort(key=lambda e: e[0])
    headline = f"Russia-Ukraine war live: {rng.choice(('night of drone attacks', 'air raid alerts across the country', 'latest updates'))}"
    chunks = [headline, ""]
    figs: list[dict] = []
    for when, title, body, f in reversed(entries):  # newest first, as live blogs are
        chunks += [f"{when:%H:%M}", title, " ".join(body), ""]
        figs += f
    pub = entries[-1][0]
    return [
        Report(
            "\n".join(chunks).rstrip(),
            headline,
            "live_blog",
            "The Daily Ledger (live, demo)",
            pub,
            figs,
            illustrative,
        )
    ]


# -- the style table -------------------------------------------------------------

Writer = Callable[[random.Random, Night], list[Report]]

STYLES: dict[str, Writer] = {
    "air_force_bullets": air_force_bullets,
    "air_force_prose": air_force_prose,
    "wire_of": wire_of,
    "wire_totals": wire_totals,
    "follow_up": follow_up,
    "flash": flash,
    "live_blog": live_blog,
    "ru_mod_claim": ru_mod_claim,
    "ua_casualties": ua_casualties,
    "ru_casualties": ru_casualties,
    "kyiv_official": kyiv_official,
}


# -- background: paragraphs with no figure in them --------------------------------

# Context paragraphs of the kind that pad real stories. They hold numbers that
# count nothing in the vocabulary (dates, money, percentages, distances, ages,
# power plants), so they double as hard negatives for the extractor.
BACKGROUND = (
    "Moscow denies deliberately targeting civilians and says its strikes are aimed at military and energy facilities that support the Ukrainian army.",
    "Kyiv has repeatedly asked its Western partners for more air defence systems, saying the current supply cannot cover every city and power station.",
    "Power engineers said emergency outages were in force in several regions, and that repairs could take up to 48 hours in the worst-hit areas.",
    "The capital lies roughly 500 kilometres from the nearest Russian launch areas, giving air defences only a short window to react to cruise missiles.",
    "Ukraine's energy ministry said about 40% of generating capacity had been damaged since the autumn, and asked households to limit consumption in the evening peak.",
    "The European Union approved a further aid package worth 5 billion euros this week, part of which is earmarked for air defence and energy repairs.",
    "Ukraine operates three nuclear power plants on territory it controls; the International Atomic Energy Agency has warned repeatedly about strikes near their substations.",
    "Air raid alerts sounded across most of the country for more than three hours, and the metro in the capital again served as a shelter.",
    "Both sides have expanded their drone production sharply since 2023, and analysts describe the nightly exchanges as a contest of attrition in the air.",
    "Officials urged residents to charge power banks and keep two days of water at home ahead of the winter heating season.",
    "Russia's full-scale invasion began on 24 February 2022; fighting along the front line in the east has continued with little change in recent weeks.",
    "The regional hospital switched to backup generators for about 4 hours, the governor said, and planned operations were moved to the afternoon.",
    "Rail operator Ukrzaliznytsia said 12 trains were delayed by up to two hours because of power cuts on the line, and that all routes were running again by noon.",
    "Prices for generators have risen by about a third since the summer, retailers in Kyiv said, as households and shops prepare for more blackouts.",
    "The Ukrainian president said in his nightly video address that the country needed ten more air defence batteries to protect its cities.",
    "Debris damaged roofs and windows in a residential area; the city's utilities said heating was restored to the affected buildings within 6 hours.",
    "The figures could not be independently verified; both countries routinely report large numbers of drones intercepted and rarely disclose their own losses.",
    "Long-range strikes on refineries have cut Russian refining capacity by as much as 10% at times, according to industry analysts.",
    "The foreign ministry summoned a diplomat over the attack, calling it a violation of international humanitarian law.",
    "Schools in the region moved lessons online for the rest of the week, and the regional council postponed a session planned for Thursday at 10:00.",
    "Air defence crews work in shifts through the night, and mobile fire groups with machine guns mounted on pickup trucks cover the approaches to towns.",
    "The attack came a day after talks between envoys in Istanbul ended without agreement on a ceasefire covering energy facilities.",
    "Satellite images taken on 3 October showed fresh scorch marks at the depot, about 15 kilometres south of the city centre.",
    "The national grid operator said it imported 1,200 megawatts from neighbouring countries to cover the shortfall during the morning.",
)


def background(rng: random.Random, k: int) -> list[str]:
    """`k` context paragraphs (possibly repeated across documents, never within one)."""
    return rng.sample(BACKGROUND, k)
