"""Event dates from the words of a sentence and the time it was published.

The spec's rules: "overnight", "last night", "on the night of 12 to 13
November" give the day the night ended; "today"/"this morning" the publication
day, "yesterday" the day before; "on Monday" the latest Monday on or before
publication; an explicit date is that day (year from the publication, never in
its future). A weekday right after a verb of saying ("officials said Saturday")
dates the statement, not the event: it becomes the anchor for "overnight".

`find_dates` also gives the spans the number reader must ignore (the 12 and 13
of "the night of 12 to 13 November" are not counts).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from analytics.extract import fastre as fre
from analytics.extract import lexicon

lex = lexicon.current()

_MONTH = "|".join(sorted(lex.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(lex.WEEKDAYS)
_ORD = r"(?:st|nd|rd|th)?"
_SAYING = r"(?:said|says|reported|announced|wrote|stated|told|claimed|added|posted|confirmed|noted|warned)"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # 2024-11-13
    ("iso", r"\b(?P<year>\d{4})-(?P<month_num>\d{2})-(?P<d2>\d{2})\b"),
    # 14.11.2024, 24.02.22 (day first, as Ukrainian and Russian sources write it)
    (
        "dotted",
        r"\b(?P<d2>[0-3]?\d)\.(?P<month_num>[01]?\d)\.(?P<year>(?:19|20)?\d{2})\b(?!\.\d)",
    ),
    # (on the night of) 12 (to 13) November (2024)
    (
        "day_month",
        rf"\b(?P<d1>\d{{1,2}}){_ORD}(?:\s*(?:to|-|–|and|into|/)\s*(?P<d2>\d{{1,2}}){_ORD})?"
        rf"\s+(?:of\s+)?(?P<month>{_MONTH})\b(?!\s+(?:have|be|not|also|still|well|never|only|already|soon|a\b))"
        rf"\.?(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?",
    ),
    # November 12(-13)(, 2024) / Oct. 22
    (
        "month_day",
        rf"\b(?P<month>{_MONTH})\b\.?\s+(?P<d1>\d{{1,2}}){_ORD}"
        rf"(?:\s*(?:to|-|–|and|into)\s*(?P<d2>\d{{1,2}}){_ORD})?(?!\d|:\d)"
        rf"(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?",
    ),
    # overnight into Tuesday / the night to Tuesday
    ("night_into", rf"\b(?:overnight|night)\s+(?:into|to|on)\s+(?P<weekday>{_WEEKDAY})\b"),
    # said (on) Saturday: the day of the statement
    (
        "speech",
        rf"\b{_SAYING}\s+(?:late\s+|early\s+)?(?:on\s+)?(?P<weekday>{_WEEKDAY})\b"
        rf"(?:\s+(?:night|evening|morning|afternoon))?",
    ),
    # (late) on Monday (night)
    (
        "weekday",
        rf"\b(?P<weekday>{_WEEKDAY})(?:'s)?(?:\s+(?P<part>night|evening|morning|afternoon))?\b",
    ),
    ("relative", r"\b(?P<relative>" + "|".join(p for p, _ in lex.RELATIVE_DAYS) + r")\b"),
    # "that night", "that evening": the day an earlier sentence named
    ("anaphoric", r"\b(?:that|the\s+same)\s+(?:night|evening|morning|afternoon|day)\b"),
    (
        "vague",
        r"\b(?:last|this past|the past|previous|earlier this|later this|next)\s+"
        r"(?:week|weekend|month|year|summer|winter|spring|autumn)\b|\bin recent (?:days|weeks|months)\b"
        r"|\bearlier this (?:week|month|year)\b|\b(?:over|during|at)\s+the\s+weekend\b"
        r"|\b(?:over|during|in|for|throughout)\s+the\s+(?:(?:same|whole|entire)\s+(?:month|week)|reporting\s+period)\b"
        r"|\bduring\s+the\s+(?:month|week)\b"  # "killed during the month", "over the same month"
        # a whole month: "in July", "throughout October 2025", "for the month of May"
        rf"|\b(?:in|during|throughout|for|over|across)\s+(?:the\s+(?:whole\s+)?month\s+of\s+)?"
        rf"(?:early\s+|mid-?|late\s+)?(?:{_MONTH})\b(?!\.?\s*\d{{1,2}}\b)(?:\s+(?:19|20)\d{{2}})?",
    ),
    # Clock times and years: not dates for the event, but never counts either.
    (
        "clock",
        r"\b\d{1,2}[:.]\d{2}\b(?:\s*(?:a\.m\.|p\.m\.|am|pm|gmt|utc|et|bst|cet|eet))?|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
    ),
    (
        "year",
        r"(?:\b(?:in|since|of|by|until|from|early|late|mid|spring|summer|autumn|fall|winter|year)\s+)(?P<yr>(?:19|20)\d{2})\b|\b(?:19|20)\d{2}(?=\s*[,.;)]|$)",
    ),
)
_DATE_RE = regex.compile(
    "|".join(f"(?P<k_{kind}>{pattern})" for kind, pattern in _PATTERNS), regex.I
)


def _own_group_names(pattern: str, kind: str) -> str:
    """`re` wants each group name once: 'year' in the iso part becomes 'year__iso'."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m[1]}__{kind}>", pattern)


# The same alternation for the standard `re`, run on lower-cased text: several
# times faster than `regex` with IGNORECASE, which is kept for text whose length
# changes when lower-cased. Every pattern above is lower case.
_DATE_FAST = re.compile(
    "|".join(f"(?P<k_{kind}>{_own_group_names(pattern, kind)})" for kind, pattern in _PATTERNS)
)
_KIND_GROUPS = {
    kind: [
        (name, name.split("__")[0]) for name in _DATE_FAST.groupindex if name.endswith(f"__{kind}")
    ]
    for kind, _ in _PATTERNS
}


def _date_matches(sentence: str) -> Iterator[tuple[str, int, int, dict[str, str]]]:
    """(kind, start, end, the groups that took part) of each time expression, left to right."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        for match in _DATE_RE.finditer(sentence):
            kind = next(k[2:] for k, v in match.groupdict().items() if k.startswith("k_") and v)
            groups = {k: v for k, v in match.groupdict().items() if v and not k.startswith("k_")}
            yield kind, match.start(), match.end(), groups
        return
    for match in _DATE_FAST.finditer(lowered):
        kind = match.lastgroup[2:]
        groups = {}
        for name, short in _KIND_GROUPS[kind]:
            start, end = match.span(name)
            if start >= 0 and end > start:
                groups[short] = sentence[start:end]  # the text as written, not lower-cased
        yield kind, match.start(), match.end(), groups


# Every pattern above starts with a digit or one of these words: a sentence with
# none of them has no time expression, and costs one quick search.
_DATE_HINT = fre.Lowered(
    rf"\d|\b(?:{_MONTH}|{_WEEKDAY})|night|morning|noon|today|yesterday|evening|day|week|month|year"
    r"|summer|winter|spring|autumn|recent"
)
_NIGHT_FROM = regex.compile(
    r"\bnight\s+from\s+(?:the\s+)?$", regex.I
)  # "the night from 1 to 2 March"
_FROM_DAY = regex.compile(r"\b(?:from|until|till)\s+$", regex.I)
_PERIOD_START = regex.compile(r"\b(?:since|from|until|till|through)\s+(?:the\s+)?$", regex.I)
# An agency dateline before the date: "KYIV, ", "MOSCOW (Reuters) ".
_DATELINE = regex.compile(r"^\s*(?-i:[A-Z][A-Z .'\-]{2,30})(?:\s*\([^)]{0,30}\))?,?\s*$", regex.I)
_RELATIVE = [(regex.compile(rf"^(?:{p})$", regex.I), days) for p, days in lex.RELATIVE_DAYS]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression in a sentence, with its span and what kind it is."""

    kind: str  # iso | day_month | month_day | night_into | speech | weekday | relative | vague | clock | year | since
    start: int
    end: int
    groups: dict
    period_of: str | None = None  # a period's bound keeps the calendar kind it was read as

    def bound(self, anchor: dt.date) -> dt.date | None:
        """The day a period's bound names ("to 31 May 2025"), or None for anything else."""
        if self.kind != "since" or self.period_of is None:
            return None
        return DateMention(self.period_of, self.start, self.end, self.groups).resolve(anchor)

    def resolve(self, anchor: dt.date) -> dt.date | None:
        """The day this expression names, read against an anchor day."""
        g = self.groups
        if self.kind in ("iso", "dotted", "day_month", "month_day"):
            month = int(g["month_num"]) if g.get("month_num") else lex.MONTHS[g["month"].lower()]
            day = int(g.get("d2") or g.get("d1"))
            year = int(g["year"]) if g.get("year") else anchor.year
            if year < 100:
                year += 2000
            try:
                date = dt.date(year, month, day)
            except ValueError:
                return None
            if not g.get("year") and date > anchor:
                try:
                    date = date.replace(year=year - 1)
                except ValueError:
                    return None
            return date
        if self.kind == "speech" and not g.get("weekday"):
            return DateMention("month_day", self.start, self.end, g).resolve(anchor)
        if self.kind in ("weekday", "speech", "night_into"):
            weekday = lex.WEEKDAYS[g["weekday"].lower()]
            back = (anchor.weekday() - weekday) % 7
            date = anchor - dt.timedelta(days=back)
            if (
                self.kind == "weekday"
                and (g.get("part") or "").lower() == "night"
                and date < anchor
            ):
                date += dt.timedelta(days=1)  # the night ended the next morning
            return date
        if self.kind == "relative":
            text = g["relative"]
            for pattern, days in _RELATIVE:
                if pattern.match(text):
                    return anchor - dt.timedelta(days=days)
        return None


def find_dates(sentence: str) -> list[DateMention]:
    """Every time expression in a sentence, left to right."""
    mentions: list[DateMention] = []
    if not _DATE_HINT.search(sentence):
        return mentions
    for kind, start, end, groups in _date_matches(sentence):
        if fre.search(
            r"\bnight\s+of\s*$|\bnight\s+(?:to|into)\s*$",
            sentence[max(0, start - 20) : start],
            regex.I,
        ):
            groups["night"] = "1"
        if kind in ("day_month", "month_day", "iso", "dotted") and _DATELINE.match(
            sentence[:start]
        ):
            kind = "speech"  # "KYIV, Oct 11 -": the day of the report, not of the event
        if (
            kind in ("day_month", "month_day", "iso", "dotted")
            and _PERIOD_START.search(sentence, max(0, start - 30), start)
            and not _NIGHT_FROM.search(sentence, max(0, start - 30), start)
        ):
            kind = "since"  # "total losses since Feb. 24, 2022": where a period starts, no event
        elif (
            kind == "weekday"
            and _FROM_DAY.search(sentence, max(0, start - 12), start)
            and not sentence[start:end].endswith(("'s", "’s"))
        ):
            # "mourning will be observed from Thursday": when something starts (not "the toll
            # from Monday's strike")
            kind = "since"
        elif (
            mentions
            and mentions[-1].kind == "since"
            and fre.fullmatch(
                r"\s*(?:to|till|until|-|–)\s*", sentence[mentions[-1].end : start], regex.I
            )
        ):
            kind = "since"  # "from 24.02.22 to 14.02.25": the end of the same period
        elif _closes_period(mentions, kind, groups, sentence[:start]):
            # "losses, 24.02.2022 to 24.02.2025", "between 1 December 2024 and 31 May 2025"
            first = mentions[-1]
            mentions[-1] = DateMention("since", first.start, first.end, first.groups, first.kind)
            mentions.append(DateMention("since", start, end, groups, kind))
            continue
        mentions.append(DateMention(kind, start, end, groups))
    return mentions


_CALENDAR = ("iso", "dotted", "day_month", "month_day")


def _closes_period(mentions: list[DateMention], kind: str, groups: dict, before: str) -> bool:
    """Whether this calendar date ends a period that the previous one starts (both with years)."""
    if not mentions or kind not in _CALENDAR or mentions[-1].kind not in _CALENDAR:
        return False
    first = mentions[-1]
    if not (groups.get("year") and first.groups.get("year")):
        return False
    gap = before[first.end :]
    if fre.fullmatch(r"\s*(?:to|till|until|-|–|—)\s*", gap, regex.I):
        return groups["year"] != first.groups["year"]
    return bool(
        fre.fullmatch(r"\s*and\s*", gap, regex.I)
        and fre.search(r"\bbetween\s+$", before[max(0, first.start - 10) : first.start], regex.I)
    )


_EVENT_KINDS = (
    "iso",
    "dotted",
    "day_month",
    "month_day",
    "night_into",
    "weekday",
    "relative",
    "anaphoric",
)


_NIGHT_WORD = regex.compile(
    r"overnight|last\s+night|(?:during|in)\s+the\s+night|at\s+night", regex.I
)
_NAMED_DAY_KINDS = ("iso", "dotted", "day_month", "month_day", "weekday")


@dataclass(frozen=True, slots=True)
class DateReading:
    """What a sentence says about when: the event day, and whether it was read."""

    date: dt.date | None
    stated: bool  # an event-date expression was in the sentence
    vague: bool = False  # "last week": the day cannot be told
    anaphoric: bool = False  # "that night": the day the text named before


def read_event_date(
    mentions: list[DateMention], position: int, anchor: dt.date | None
) -> DateReading:
    """The event day for a figure at `position` of a sentence, or an empty reading."""
    if anchor is None:
        return DateReading(None, False)
    speech = [m for m in mentions if m.kind == "speech"]
    if speech:
        said = speech[0].resolve(anchor)
        if said is not None:
            anchor = said
    events = [m for m in mentions if m.kind in _EVENT_KINDS or m.kind == "vague"]
    nights = [m for m in events if m.groups.get("night")]
    if nights:
        events = nights  # "on the night of 14 March (from 18:00 on 13 March)": the night decides
    if events:
        nearest = min(events, key=lambda m: _distance(m, position))
        if nearest.kind == "relative":
            # "overnight on Nov. 12", "last night, 12 November": the named day decides
            named = [m for m in events if m.kind != "relative" and 0 <= m.start - nearest.end <= 8]
            if not named and _NIGHT_WORD.fullmatch(nearest.groups.get("relative") or ""):
                # "On Sunday, 12 people were killed after Russia fired 298 drones overnight":
                # the night before the day the sentence opened with, not before publication
                named = [
                    m
                    for m in events
                    if m.kind in _NAMED_DAY_KINDS and m.end <= min(nearest.start, position)
                ][-1:]
            if named:
                nearest = named[0]
        if nearest.kind == "vague":
            return DateReading(None, True, vague=True)
        if nearest.kind == "anaphoric":
            return DateReading(None, True, anaphoric=True)
        return DateReading(nearest.resolve(anchor), True)
    if speech:
        return DateReading(anchor, False)
    return DateReading(None, False)


def _distance(mention: DateMention, position: int) -> int:
    if mention.start <= position < mention.end:
        return 0
    return min(abs(mention.start - position), abs(mention.end - position))
