"""Tables written as text: rows of cells split by '|' (Markdown, HTML tables turned to text).

Air-defence results are often posted as a table — a header naming the measures
and one row per weapon:

    Weapon                  | launched | shot down
    Kh-101 cruise missiles  | 40       | 33

This module reads the shape only (which cell is a label, which a measure, which
a count); the engine gives the figures their side, date and reporter as it does
for sentences. Pure: text in, cells out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from . import patterns as P
from .numbers import Quantity, parse_count

_ROW = regex.compile(r"^\|?[^|]*(?:\|[^|]*)+\|?$")
_CELL = regex.compile(r"[^|]+")
_RULE_ROW = regex.compile(r"^[\s|:\-–—=+]+$")  # "|---|:---:|"
_DIGIT_WORD = regex.compile(P.STANDALONE_DIGIT)
_PLACE_LABEL = regex.compile(
    r"^(?-i:\p{Lu})[\p{L}’'\- ]{1,40}$"
)  # "Kharkiv", "Kyiv region"; no digits
_NOT_A_PLACE = regex.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june"
    r"|july|august|september|october|november|december|week|month|day|night)\b",
    regex.I,
)
# A row or column that is a day or a period: "3 Nov", "8 November 2025", "June", "2025-11-03"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_PERIOD_LABEL = regex.compile(
    rf"^(?:(?:the\s+)?(?:night|week|day)\s+(?:of|ending|to)\s+)?"
    rf"(?:\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+{_MONTH}|{_MONTH}(?:\s+\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?)?)"
    r"(?:,?\s+\d{4})?$"
    r"|^\d{4}-\d{2}-\d{2}$|^\d{1,2}\.\d{1,2}\.\d{2,4}$",
    regex.I,
)
_TOTAL_LABEL = regex.compile(r"^(?:in\s+)?(?:total|overall|all|sum|altogether)\b", regex.I)
_PEOPLE_MEASURES = frozenset({"killed", "injured", "casualties"})
_NOT_APPLICABLE = regex.compile(r"^(?:[-–—]|n/?a|\?|…|\.\.\.)?$", regex.I)


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's stripped text and its offset within the row."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class TableValue:
    """One count read from a row: what it counts and where it stands in the row."""

    subject: str
    measure: str
    weapon: str | None
    quantity: Quantity
    label: Cell  # the row's label cell: what the counts in the row are counts of
    cell: Cell
    location: str | None = None  # the row's label, when rows are places
    period: str | None = None  # the day or month the row (or column) is about
    column: str | None = None  # the column's header, when rows are days: "Ukrainians freed"


def cells(row: str) -> list[Cell] | None:
    """The cells of a table row, or None when the line is not one (fewer than two cells)."""
    if "|" not in row or not _ROW.match(row):
        return None
    found = []
    for match in _CELL.finditer(row):
        raw = match.group()
        stripped = raw.strip()
        found.append(Cell(stripped, match.start() + len(raw) - len(raw.lstrip())))
    if len(found) < 2:
        return None
    return found


def is_rule_row(row: str) -> bool:
    return bool(_RULE_ROW.match(row)) and "-" in row


def measure_of(label: str) -> str | None:
    """The measure a header cell names: 'launched', 'shot down/suppressed' (the first wins)."""
    found = [
        (start, measure)
        for start, _, measure in P.verbs_in(label)
        if label[max(0, start - 1) : start] != "-"  # "air-launched"
    ]
    return min(found)[1] if found else None


_MISSILES = frozenset({"missile", "cruise_missile", "ballistic_missile", "guided_missile"})


def class_over_generic(subjects: set[str]) -> set[str]:
    """A missile class and the generic noun together are that class: 'Kh-59/69 guided missiles'."""
    if len(subjects) == 2 and "missile" in subjects and subjects <= _MISSILES:
        return subjects - {"missile"}
    return subjects


def subject_of(label: str) -> tuple[str, str | None] | None:
    """(subject, weapon) a label cell names: 'Kh-101 cruise missiles', 'Kinzhal', 'Shahed / Gerbera'."""
    heads = [P.classify_head(m.group()) for m in P.COMPILED["head"].finditer(label)]
    heads = [h for h in heads if h is not None]
    if not heads:
        return None
    subjects = class_over_generic({h[0] for h in heads})
    heads = [h for h in heads if h[0] in subjects]
    if len(subjects) > 1:
        return None  # "drones and missiles" in one label: not a single subject
    subject = heads[-1][0]
    models = P.models_in(label)
    if not models:
        return subject, None
    classes = {model_subject for _, model_subject in models}
    if subject in _MISSILES and len(classes) == 1 and classes <= _MISSILES - {"missile"}:
        subject = classes.pop()  # "Neptune-MD guided missiles": the model decides the class
    return subject, models[0][0]


@dataclass
class TableHeader:
    """What the columns of the table being read mean."""

    measures: list[str | None]  # per column, for weapon-per-row tables
    subjects: list[tuple[str, str | None] | None]  # per column, for measure-per-row tables
    periods: list[str | None] | None = None  # per column, for "| | June | May |" tables
    names: list[str] = field(default_factory=list)  # the header cells' text
    inherited: frozenset[int] = frozenset()  # columns whose subject is the one to their left


def read_header(row: list[Cell]) -> TableHeader | None:
    """A header row: short cells with no digits, naming measures (or weapons) after the first.

    "Russia-Ukraine war | Air defence destroyed 45 drones" is a headline with a
    pipe, not a header: its figure is read as prose.
    """
    texts = [c.text for c in row]
    periods = [text if is_period(text) else None for text in texts]
    if any(
        len(c.text.split()) > 4 or (_DIGIT_WORD.search(c.text) and not period)
        for c, period in zip(row[1:], periods[1:], strict=True)
    ):
        return None
    if sum(1 for period in periods[1:] if period) >= 2:
        # "| | June | May | change |": each column a period, each row a measure of a weapon
        return TableHeader([None] * len(row), [None] * len(row), periods, texts)
    measures = [measure_of(c.text) for c in row]
    subjects = [subject_of(c.text) for c in row]
    if any(measures[1:]):  # "killed | injured", or "drones launched | drones shot down"
        named = [s if m else None for s, m in zip(subjects, measures, strict=True)]
        inherited = set()
        for index in range(2, len(named)):
            if measures[index] and named[index] is None and named[index - 1] is not None:
                # "Drones launched | Shot down or suppressed": the second column's drones too,
                # unless its cells name their own ("406 drones, 9 missiles")
                named[index] = named[index - 1]
                inherited.add(index)
        return TableHeader(measures, named, names=texts, inherited=frozenset(inherited))
    if any(subjects[1:]):
        return TableHeader([None] * len(row), subjects)
    return None


def read_row(
    header: TableHeader,
    row: list[Cell],
    compatible,
    titled: tuple[str, str | None] | None = None,
    rows_so_far: frozenset[str] = frozenset(),
) -> list[TableValue]:
    """The counts of a data row under a header; `compatible(subject, measure)` filters pairs.

    `titled` is the one subject the line above the table named ("Russian drone launches,
    Q1 2026" over "| Month | Launched | Downed |"); `rows_so_far` the subjects of the rows
    read, which a "Total" row adds up.
    """
    label = row[0]
    by_row_subject = subject_of(label.text)
    if by_row_subject is None and _TOTAL_LABEL.match(label.text.strip()) and rows_so_far:
        # "| Total | 38 | 30 |" under rows of missile kinds: missiles; of drones and missiles: both
        if rows_so_far <= _MISSILES:
            by_row_subject = (next(iter(rows_so_far)) if len(rows_so_far) == 1 else "missile", None)
        elif rows_so_far <= _MISSILES | {"drone", "aerial_target"}:
            by_row_subject = (
                ("drone", None) if rows_so_far == {"drone"} else ("aerial_target", None)
            )
    row_measure = measure_of(label.text)
    place = (
        label.text
        if _PLACE_LABEL.match(label.text)
        and by_row_subject is None
        and not _NOT_A_PLACE.match(label.text)
        else None
    )
    row_period = label.text if is_period(label.text) else None
    values = []
    for index, cell in enumerate(row[1:], start=1):
        if index >= len(header.measures) or _NOT_APPLICABLE.match(cell.text):
            continue
        column_period = header.periods[index] if header.periods else None
        if column_period and by_row_subject and row_measure:
            # "drones launched | 5,438 | 4,198" under "| | June | May |"
            quantity = _whole_count(cell.text)
            if quantity is not None and compatible(by_row_subject[0], row_measure):
                subject, weapon = by_row_subject
                values.append(
                    TableValue(
                        subject, row_measure, weapon, quantity, label, cell, period=column_period
                    )
                )
            continue
        if row_period and header.measures[index]:
            # "3 Nov | 83 | - | 52 drones" under "Night ending | Drones launched | ... | Shot down"
            values += _period_row_values(header, index, label, cell, row_period, compatible, titled)
            continue
        quantity = _whole_count(cell.text)
        if quantity is None:
            continue
        location = None
        if header.measures[index] and by_row_subject:
            (subject, weapon), measure = by_row_subject, header.measures[index]
        elif (
            header.measures[index]
            and place
            and (header.subjects[index] or header.measures[index] in _PEOPLE_MEASURES)
        ):
            # "Region | killed | injured" / "Kharkiv | 3 | 12": a place per row
            subject, weapon = header.subjects[index] or ("person", None)
            measure = header.measures[index]
            location = None if _TOTAL_LABEL.match(place) else place
        elif header.subjects[index] and row_measure and not header.measures[index]:
            (subject, weapon), measure = header.subjects[index], row_measure
        else:
            continue
        if compatible(subject, measure):
            values.append(TableValue(subject, measure, weapon, quantity, label, cell, location))
    return values


def is_period(text: str) -> bool:
    """A cell naming a day or a month rather than a place or a weapon."""
    return bool(_PERIOD_LABEL.match(text.strip()))


_COUNTED_PART = regex.compile(
    rf"\s*(?P<count>{P.COUNT})\s+(?P<noun>[^,;\d]+?)\s*(?:,|;|\band\b|$)", P.FLAGS
)


def _period_row_values(
    header: TableHeader,
    index: int,
    label: Cell,
    cell: Cell,
    period: str,
    compatible,
    titled: tuple[str, str | None] | None = None,
) -> list[TableValue]:
    """The counts of one cell in a row about a day: '83' under 'Drones launched', or '406 drones, 9 missiles'."""
    measure = header.measures[index]
    column = header.names[index] if index < len(header.names) else None
    named = (
        header.subjects[index]
        or titled
        or (("person", None) if measure in _PEOPLE_MEASURES else None)
    )
    quantity = _whole_count(cell.text)
    if quantity is not None:
        if named is None or not compatible(named[0], measure):
            return []
        return [TableValue(named[0], measure, named[1], quantity, label, cell, period=period,
                           column=column)]  # fmt: skip
    values = []
    position = 0
    for part in _COUNTED_PART.finditer(cell.text):
        if part.start() != position:
            return []  # something other than "N things" in the cell
        position = part.end()
        counted = subject_of(part["noun"])
        quantity = parse_count(part["count"])
        if counted is None or quantity is None or not compatible(counted[0], measure):
            return []
        if named is not None and named[0] != counted[0] and index not in header.inherited:
            return []
        start = cell.start + part.start("count")
        values.append(
            TableValue(counted[0], measure, counted[1], quantity, label,
                       Cell(cell.text[part.start("count") : part.end("noun")], start), period=period,
                       column=column)
        )  # fmt: skip
    return values if position == len(cell.text) else []


def _whole_count(text: str) -> Quantity | None:
    """A cell that is a count and nothing else ('496', 'over 600', '10-15')."""
    match = P.COUNT_RE.fullmatch(text.strip())
    return parse_count(match.group()) if match else None
