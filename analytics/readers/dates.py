"""Publication dates as pages and feeds write them.

This module is about metadata (when a page or a live-blog post was published);
event dates inside the text are the extraction core's business
(`analytics.extract.dates`). Datetimes are naive and kept in the source's own
local time as written: a timezone suffix is read and dropped, never converted,
because the days that matter are the local days of the reports.
"""

from __future__ import annotations

import datetime as dt

import regex

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DMY = rf"(?:{_WEEKDAY}\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?(?:\s+{_YEAR})?"
_MDY = rf"(?:{_WEEKDAY}\s+)?{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?"
_ISO_DATE = r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"
_DOT_DATE = r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d{2})(?!\d)"
_DATE = rf"(?:{_ISO_DATE}|{_DOT_DATE}|{_DMY}|{_MDY})"
# Time zones are matched case-sensitively so that "and" is never a zone.
_TZ = (
    r"(?-i:(?:[A-Z][a-z]+ )?(?:[A-Z][a-z]+ )?(?:Standard |Summer |Daylight )?Time"
    r"|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5})"
)
_TIME = (
    r"(?<![\d.:])(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?![\d])"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
)
_TIME_TZ = rf"{_TIME}(?:\s*{_TZ})?"
DATETIME = regex.compile(
    rf"(?:{_DATE}(?:(?:,|\s)\s*(?:at\s+|-\s+)?{_TIME_TZ})?"
    rf"|{_TIME_TZ},?\s+(?:on\s+)?{_DATE})",
    regex.IGNORECASE,
)
TIME = regex.compile(_TIME_TZ, regex.IGNORECASE)
# The pattern texts, for callers that build larger patterns around them.
TIME_PATTERN = _TIME_TZ
_ISO_FULL = regex.compile(
    r"\s*(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*"
)


def _month_number(value: str) -> int | None:
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(value[:3].lower())


def clock_from_match(match: regex.Match) -> tuple[int, int, int] | None:
    """(hour, minute, second) from a TIME match, am/pm applied; None if impossible."""
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    ampm = (match.group("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23:
        return None
    return hour, minute, second


def datetime_from_match(match: regex.Match, default_year: int | None = None) -> dt.datetime | None:
    """Build the datetime a `DATETIME` match spells; None when the date does not exist."""
    month = _month_number(match.group("month"))
    year_text = match.group("year")
    year = int(year_text) if year_text else default_year
    if month is None or year is None:
        return None
    clock = (0, 0, 0)
    if match.group("hour") is not None:
        parsed = clock_from_match(match)
        if parsed is None:
            return None
        clock = parsed
    try:
        return dt.datetime(year, month, int(match.group("day")), *clock)
    except ValueError:  # 31 February and friends
        return None


def parse_datetime(value: object, default_year: int | None = None) -> dt.datetime | None:
    """Read a whole string as a publication date or datetime.

    Accepts ISO forms ("2024-11-13T10:42:00+02:00", "2022-10-22 11:31") and the
    forms articles print ("Wednesday 13 November 2024 10:42 GMT", "October 22,
    2022 11:31 am", "11:52 a.m. ET, November 15, 2022"). Returns None for
    anything else, including dates that do not exist, so a bad date is a missing
    date rather than a crash.
    """
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return None
    if _ISO_FULL.fullmatch(text):
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            return None
    match = DATETIME.fullmatch(text.rstrip(" .,"))
    if match is None:
        return None
    return datetime_from_match(match, default_year)


def from_unix(value: object) -> dt.datetime | None:
    """A Unix timestamp (seconds, int or numeric string) as naive UTC.

    Only years 1900-2099, the range `parse_datetime` reads: a timestamp of
    year 1 or 9999 is junk, and date arithmetic on it ("yesterday") overflows.
    """
    if isinstance(value, bool):
        return None
    try:
        seconds = int(value)  # type: ignore[call-overload]
        when = dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return when if 1900 <= when.year <= 2099 else None


_PUBLISHED_PREFIX = regex.compile(
    r"(?:(?:last\s+|first\s+)?(?:updated|published|posted|modified)(?:\s+(?:on|at))?:?\s*|by\s+.{1,60}?)$",
    regex.IGNORECASE,
)
_HEADER_LINES = 60
_HEADER_CHARS = 8000


def detect_published(text: str) -> dt.datetime | None:
    """The page's own date, read from a dateline near the top of the text.

    A dateline is a short line that is a date (with or without a time),
    possibly after "Updated"/"Published on" or a byline glued to it
    ("by The Desk October 22, 2022 11:31 am"). Used when a file's metadata
    gives no date: a live blog's header "Wednesday 13 November 2024 10:42 GMT"
    is the time of its latest post.
    """
    seen = 0
    for line in text[:_HEADER_CHARS].splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        if len(line) > 120 or not any(ch.isdigit() for ch in line):
            continue
        found = _dateline(line)
        if found is not None:
            return found
    return None


def refine_published(published: dt.datetime | None, text: str) -> dt.datetime | None:
    """The publication time, with the clock time of the text's dateline when metadata lacks it.

    Metadata often gives only a day ("published: 2024-11-13"); when the page's
    own dateline names the same day with a time, that time is kept. Without
    metadata the dateline alone is used.
    """
    if published is not None and published.time() != dt.time(0):
        return published
    found = detect_published(text)
    if published is None:
        return found
    if found is not None and found.date() == published.date():
        return found
    return published


def _dateline(line: str) -> dt.datetime | None:
    """The datetime a line consists of (after an optional short prefix), or None."""
    body = line.rstrip(" .,|")
    for match in DATETIME.finditer(body):
        if match.end() != len(body):
            continue
        prefix = body[: match.start()]
        if _allowed_prefix(prefix):
            return datetime_from_match(match)
    return None


def _allowed_prefix(prefix: str) -> bool:
    """Empty, "Updated"/"Published on"/"By X", a weekday, or a byline glued to the date."""
    stripped = prefix.strip().rstrip(",")
    if not stripped or stripped.lower() in WEEKDAYS:
        return True
    if _PUBLISHED_PREFIX.fullmatch(stripped + " "):
        return True
    # "Andy Gregory13 November 2024 10:42": a name glued to the date, no space.
    return len(stripped) <= 60 and prefix[-1].isalpha()
