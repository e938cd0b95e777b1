"""The lower-cased fast path must find what the careful `regex` pattern finds, at the same places."""

from __future__ import annotations

import pytest

from analytics.extract import fastre
from analytics.extract.dates import find_dates

PLACES = fastre.Lowered("kursk|belgorod|st\\.? petersburg", letter_edges=True)


@pytest.mark.parametrize(
    "text",
    [
        "Drones were shot down over Kursk and BELGOROD regions.",
        "İstanbul talks went on as drones hit Kursk and Belgorod.",  # "İ" lower-cases to two characters
        "Kurskaya station and Belgorodsky district are not the cities.",
        "Flights from St. Petersburg and St Petersburg were halted.",
    ],
)
def test_lowered_matches_careful_pattern(text: str) -> None:
    fast = [(m.start(), m.end()) for m in PLACES.finditer(text)]
    careful = [(m.start(), m.end()) for m in PLACES.careful.finditer(text)]
    assert fast == careful
    for start, end in fast:
        assert text[start:end].lower() in {"kursk", "belgorod", "st. petersburg", "st petersburg"}


def test_date_groups_keep_the_text_as_written() -> None:
    plain = find_dates("On the night of 12 to 13 November, 2024 the air force said on Wednesday.")
    dotted = find_dates(
        "İ On the night of 12 to 13 November, 2024 the air force said on Wednesday."
    )
    assert [(d.kind, d.groups) for d in plain] == [(d.kind, d.groups) for d in dotted]
    assert [d.end - d.start for d in plain] == [d.end - d.start for d in dotted]
    assert plain[0].groups["month"] == "November"
    assert plain[0].groups["d1"] == "12" and plain[0].groups["d2"] == "13"
