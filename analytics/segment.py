"""Documents to entries: a live blog becomes its timestamped posts.

Figures are dated from the time they were published, and a live-blog page
holds a day or more of posts, so each post is dated by its own timestamp
rather than the page's. Three ways of marking posts are recognised:

- a byline closing each post, the name glued to the date
  ("Andy Gregory13 November 2024 10:42"): the post is the text above it, back
  to the previous byline, and its first line is its title;
- a date and time opening each post, on a line of its own
  ("11:52 a.m. ET, November 15, 2022", "13 Nov 2024 10.42 GMT") or glued to
  the end of the post's title ("...aidepublished at 15:43 British Summer Time
  23 April 2022");
- a bare clock time opening each post ("10:42", "10:42 GMT", "Updated 10:42",
  "10:42 - Title"), the day taken from the page's date.

A page is a live blog only with at least two markers of one kind (closing
bylines win over opening markers); anything else is one entry. Text above
the first post (page furniture, the summary) is entry 0, dated like the page
(or, for an undated page, like its newest post); when there is no such text
the first post is entry 0. Posts with no text are dropped and the remaining
entries numbered without gaps. Text after the last closing byline (comment
prompts, footers) belongs to no post and is dropped; with opening markers the
last post runs to the end of the page.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass

import regex

from analytics.model import Document, Entry
from analytics.readers.dates import (
    DATETIME,
    TIME_PATTERN,
    clock_from_match,
    datetime_from_match,
    detect_published,
    refine_published,
)

__all__ = ["detect_published", "is_live_blog", "split_entries"]

MIN_MARKERS = 2
_MAX_MARKER_LINE = 220

# "Name13 November 2024 10:42": a byline ending in a date with a time.
_BYLINE = regex.compile(
    rf"(?P<name>[^\d\s].{{0,80}}?)\s*(?P<when>{DATETIME.pattern})", regex.IGNORECASE
)
# A line that is a date and time, optionally after "Updated"/"Posted at".
_LEAD = r"(?:(?:last\s+)?(?:updated|published|posted)(?:\s+(?:at|on))?:?\s*)?"
_SEPARATOR = r"\s*(?:[-–—|:]|\s)\s*"
_DATED_LINE = regex.compile(
    rf"{_LEAD}(?P<when>{DATETIME.pattern})(?:{_SEPARATOR}(?P<title>\S.*))?", regex.IGNORECASE
)
# "1. Title textpublished at 15:43 British Summer Time 23 April 2022" (BBC).
_GLUED = regex.compile(
    rf"(?:\d{{1,3}}\.\s+)?(?P<title>.*?)\s*(?:published|posted|updated)\s+at\s+"
    rf"(?P<when>{DATETIME.pattern}|{TIME_PATTERN})",
    regex.IGNORECASE,
)
# "10:42 - Title", "10:42 | Title" or "10:42 Title" (a capital after the space)
_TIME_LINE = regex.compile(
    rf"{_LEAD}(?P<when>{TIME_PATTERN})(?:(?:\s*[-–—|:]\s*|\s+(?=(?-i:\p{{Lu}})))(?P<title>\S.*))?",
    regex.IGNORECASE,
)
# Cheap tests run before the full patterns: every marker has a clock time,
# and a closing byline ends with one (perhaps with am/pm and a zone).
_CLOCK_HINT = re.compile(r"\d[:.h][0-5]\d")
_ENDS_WITH_CLOCK = re.compile(r"\d[:.h][0-5]\d(?:\s*[aApP]\.?\s?[mM]\.?)?(?:\s*[A-Z]{2,5})?$")
# A byline's "name" that is really a weekday or an "Updated" label.
_NOT_A_NAME = regex.compile(
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
    r"\.?,?$|(?:last\s+)?(?:updated|published|posted)\b)"
)
_NUMBERING = regex.compile(r"\d{1,3}\.\s+")
_SENTENCE_END = regex.compile(r"[.!?…:;][\"'”’)\]»]*$")


@dataclass(frozen=True, slots=True)
class _Marker:
    """One post marker: the line it sits on and what it says."""

    line_start: int  # offset of the marker line in the text
    line_end: int  # offset just past the line (before its newline)
    when: dt.datetime | None  # full datetime when the marker has a date
    clock: tuple[int, int] | None  # (hour, minute) when it gives only a time
    title: str | None  # title glued to the marker line
    text_from: int  # where the post's text starts, for opening markers


def split_entries(doc: Document) -> list[Entry]:
    """The entries of a document: live-blog posts, or the whole text as one entry.

    Each entry's `text` is a slice of `doc.text` starting at `char_start`;
    `entry_id` is f"{doc_id}#{position}" with positions counting from 0.
    """
    page_time = refine_published(doc.published_at, doc.text)
    year = page_time.year if page_time else None  # for markers that omit it
    lines = _clock_lines(doc.text)
    closing = [m for m in (_closing_marker(doc.text, s, e, year) for s, e in lines) if m]
    headers: list[tuple[int, dt.date]] = []
    if len(closing) >= MIN_MARKERS:
        spans = _closing_spans(doc.text, _lines(doc.text), closing)
    else:
        opening = [m for m in (_opening_marker(doc.text, s, e, year) for s, e in lines) if m]
        if len(opening) < MIN_MARKERS:
            return [_whole(doc)]
        headers = _day_headers(doc.text, year, opening)
        spans = _opening_spans(doc.text, opening, headers)
    entries = _entries(doc, spans, page_time, headers)
    return entries or [_whole(doc)]


def is_live_blog(doc: Document) -> bool:
    """Whether `split_entries` would split this document into posts."""
    return len(split_entries(doc)) > 1


def _whole(doc: Document) -> Entry:
    return Entry(
        doc_id=doc.doc_id,
        entry_id=f"{doc.doc_id}#0",
        position=0,
        text=doc.text,
        title=doc.title,
        published_at=doc.published_at,
        char_start=0,
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line.rstrip("\r"))))
        start += len(line) + 1
    return spans


def _clock_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines holding a clock time: the only places a marker can be.

    One regex scan over the text instead of a Python loop over every line.
    """
    spans: list[tuple[int, int]] = []
    last_end = -1
    for hint in _CLOCK_HINT.finditer(text):
        if hint.start() <= last_end:
            continue
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end == -1 else end
        if end > start and text[end - 1] == "\r":
            end -= 1
        spans.append((start, end))
        last_end = end
    return spans


def _candidate(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(offset of the first non-space char, stripped line) for lines worth matching."""
    if end - start > _MAX_MARKER_LINE:
        return None
    line = text[start:end]
    return start + (len(line) - len(line.lstrip())), line.strip()


def _closing_marker(text: str, start: int, end: int, year: int | None) -> _Marker | None:
    found = _candidate(text, start, end)
    if found is None:
        return None
    offset, line = found
    line = line.rstrip(" .,|")
    if _ENDS_WITH_CLOCK.search(line[-24:]) is None:
        return None
    match = _BYLINE.fullmatch(line)
    if match is None or match.group("hour") is None:
        return None
    name = match.group("name").strip().rstrip(",").strip()
    lowered = name.lower()
    if _NOT_A_NAME.match(lowered):
        return None
    when = datetime_from_match(match, year)
    if when is None:
        return None
    return _Marker(offset, end, when, None, None, end)


def _opening_marker(text: str, start: int, end: int, year: int | None) -> _Marker | None:
    found = _candidate(text, start, end)
    if found is None:
        return None
    offset, line = found
    line = line.rstrip()
    for pattern in (_DATED_LINE, _TIME_LINE):
        match = pattern.fullmatch(line)
        if match is not None and match.group("hour") is not None:
            title = (match.group("title") or "").strip() or None
            # A standalone marker line: the post starts on the next line.
            text_from = offset if title else end
            return _build(match, offset, end, title, text_from, year)
    match = _GLUED.fullmatch(line)
    if match is not None and match.group("hour") is not None:
        title = match.group("title").strip() or None
        numbering = _NUMBERING.match(line)
        text_from = offset + (numbering.end() if numbering else 0)
        return _build(match, offset, end, title, text_from, year)
    return None


def _build(
    match: regex.Match,
    offset: int,
    end: int,
    title: str | None,
    text_from: int,
    year: int | None,
) -> _Marker | None:
    """A marker from a match: a full datetime when it names a day, else a clock time."""
    if match.groupdict().get("month") is not None:
        when = datetime_from_match(match, year)
        if when is None:
            return None
        return _Marker(offset, end, when, None, title, text_from)
    clock = clock_from_match(match)
    if clock is None:
        return None
    return _Marker(offset, end, None, clock[:2], title, text_from)


# A post: (text start, text end, marker) before whitespace trimming.
_Span = tuple[int, int, "_Marker | None"]


def _closing_spans(text: str, lines: list[tuple[int, int]], markers: list[_Marker]) -> list[_Span]:
    """Posts above each byline; the first one's start found from its title line."""
    first_start = _first_post_start(text, lines, markers[0].line_start)
    spans: list[_Span] = [(0, first_start, None)]
    previous_end = first_start
    for marker in markers:
        spans.append((previous_end, marker.line_start, marker))
        previous_end = marker.line_end
    return spans


def _first_post_start(text: str, lines: list[tuple[int, int]], byline_start: int) -> int:
    """Where the post closed by the first byline begins.

    Nothing separates the page's summary from the first post but the post's
    title: a short line without closing punctuation between two prose
    paragraphs. Searching back from the byline, the nearest such line is taken;
    without one, the whole text above the byline is the post.
    """
    paragraphs = [
        (start, text[start:end].strip())
        for start, end in lines
        if end <= byline_start and text[start:end].strip()
    ]
    for index in range(len(paragraphs) - 2, 0, -1):
        start, line = paragraphs[index]
        if (
            _is_title_like(line)
            and not _is_title_like(paragraphs[index - 1][1])
            and not _is_title_like(paragraphs[index + 1][1])
        ):
            return start
    return 0


def _is_title_like(line: str) -> bool:
    """Short, no closing punctuation, not a bullet point of a summary."""
    return (
        len(line) <= 200
        and _SENTENCE_END.search(line) is None
        and not line.startswith(("•", "* ", "- ", "– ", "· "))
    )


# A line that is only a day ("Sat 25 May 2024", "Sunday, 26 May"): the posts under it are that day's
_DAY_HEADER_HINT = re.compile(r"^[ \t]*\S.{0,38}$", re.MULTILINE)


def _day_headers(text: str, year: int | None, markers: list[_Marker]) -> list[tuple[int, dt.date]]:
    """(line start, day) of the day lines between posts that give clock times only."""
    if all(m.clock is None for m in markers):
        return []
    starts = [m.line_start for m in markers]
    headers = []
    for hint in _DAY_HEADER_HINT.finditer(text):
        line = hint.group().strip().rstrip(" .,|")
        if not any(c.isdigit() for c in line):
            continue
        match = DATETIME.fullmatch(line)
        if match is None or match.group("hour") is not None or match.group("month") is None:
            continue
        when = datetime_from_match(match, year)
        following = bisect.bisect_right(starts, hint.start())
        # a day line heads posts: nothing but blank lines between it and the next marker
        if (
            when is not None
            and following < len(starts)
            and not text[hint.end() : starts[following]].strip()
        ):
            headers.append((hint.start(), when.date()))
    return headers


def _opening_spans(
    text: str, markers: list[_Marker], headers: list[tuple[int, dt.date]] = ()
) -> list[_Span]:
    """Each post runs from its marker to the next marker or day line."""
    starts = sorted([m.line_start for m in markers] + [h for h, _ in headers])
    spans: list[_Span] = [(0, starts[0], None)]
    for marker in markers:
        following = bisect.bisect_right(starts, marker.line_start)
        spans.append(
            (marker.text_from, starts[following] if following < len(starts) else len(text), marker)
        )
    return spans


def _entries(
    doc: Document,
    spans: list[_Span],
    page_time: dt.datetime | None,
    headers: list[tuple[int, dt.date]] = (),
) -> list[Entry]:
    """Trim each span, date it, drop empty ones, and number what remains."""
    times = _resolve_times(
        [marker for _, _, marker in spans if marker is not None], page_time, headers
    )
    if page_time is None:
        # An undated page is as recent as its latest post.
        page_time = max((when for when in times if when is not None), default=None)
    entries: list[Entry] = []
    marker_index = 0
    for start, end, marker in spans:
        when = page_time
        title = None
        if marker is not None:
            when = times[marker_index]
            marker_index += 1
            title = marker.title
        raw = doc.text[start:end]
        body = raw.strip()
        if not body:
            continue
        char_start = start + (len(raw) - len(raw.lstrip()))
        if title is None:
            first_line = body.split("\n", 1)[0].strip()
            title = first_line if marker is not None else (doc.title or first_line)
        position = len(entries)
        entries.append(
            Entry(
                doc_id=doc.doc_id,
                entry_id=f"{doc.doc_id}#{position}",
                position=position,
                text=body,
                title=_clean_title(title),
                published_at=when,
                char_start=char_start,
            )
        )
    return entries


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = _NUMBERING.sub("", title.strip(), count=1)
    return title[:300] or None


def _resolve_times(
    markers: list[_Marker],
    page_time: dt.datetime | None,
    headers: list[tuple[int, dt.date]] = (),
) -> list[dt.datetime | None]:
    """Datetimes for the markers; bare clock times get their day from the page.

    Live blogs run newest first (or, less often, oldest first); a clock time
    that goes the wrong way for the page's order has crossed midnight, so the
    day steps back (or forward) by one. The first post on the page is put on
    the page's day: the newest one when the blog runs newest first (pages show
    their latest update), the opening one when it runs oldest first (pages
    then show their start). A day line between posts ("Sat 25 May 2024") sets
    the day of the posts under it.
    """
    # the order is read within each day line's posts: a step across a day line says nothing
    header_starts = [h for h, _ in headers]
    groups: dict[int, list[tuple[int, int]]] = {}
    for marker in markers:
        if marker.clock is not None:
            group = bisect.bisect_left(header_starts, marker.line_start)
            groups.setdefault(group, []).append(marker.clock)
    descending = _runs_backwards(list(groups.values()))
    day = page_time.date() if page_time else None
    previous: tuple[int, int] | None = None
    resolved: list[dt.datetime | None] = []
    pending = list(headers)
    for marker in markers:
        while pending and pending[0][0] < marker.line_start:
            day, previous = pending.pop(0)[1], None
        if marker.when is not None:
            resolved.append(marker.when)
            day = marker.when.date()
            previous = (marker.when.hour, marker.when.minute)
            continue
        clock = marker.clock
        assert clock is not None
        if day is None:
            resolved.append(None)
            continue
        if previous is not None:
            day += dt.timedelta(days=_day_step(previous, clock, descending))
        previous = clock
        resolved.append(dt.datetime.combine(day, dt.time(*clock)))
    return resolved


def _minutes(clock: tuple[int, int]) -> int:
    return clock[0] * 60 + clock[1]


def _runs_backwards(runs: list[list[tuple[int, int]]]) -> bool:
    """Whether clock times run newest first: the direction with the shorter way round."""
    steps = [step for clocks in runs for step in itertools.pairwise(clocks)]
    backwards = sum((_minutes(a) - _minutes(b)) % 1440 for a, b in steps)
    forwards = sum((_minutes(b) - _minutes(a)) % 1440 for a, b in steps)
    return backwards <= forwards


def _day_step(previous: tuple[int, int], clock: tuple[int, int], descending: bool) -> int:
    if descending and clock > previous:
        return -1
    if not descending and clock < previous:
        return 1
    return 0
