"""Reading counts as written: digits, words, qualifiers, ranges and vague counts."""

from __future__ import annotations

import pytest

from analytics.extract.numbers import Quantity, find_counts, parse_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("37", Quantity(37)),
        ("2,000", Quantity(2000)),
        ("thirty-seven", Quantity(37)),
        ("one hundred and twenty", Quantity(120)),
        ("a dozen", Quantity(12)),
        ("about 50", Quantity(50, "approx")),
        ("at least 10", Quantity(10, "at_least")),
        ("10 to 15", Quantity(10, "range", 10, 15)),
        ("10-15", Quantity(10, "range", 10, 15)),
        ("between 10 and 15", Quantity(10, "range", 10, 15)),
        # the two bounds of a range in words, not one number "eight and ten" (18)
        ("between eight and ten", Quantity(8, "range", 8, 10)),
        ("between twelve and seventeen", Quantity(12, "range", 12, 17)),
        ("between one hundred and twenty and 150", Quantity(120, "range", 120, 150)),
    ],
)
def test_counts_as_written(text: str, expected: Quantity) -> None:
    assert parse_count(text) == expected


def test_a_range_in_words_is_found_whole_in_a_sentence() -> None:
    text = "Russian aircraft dropped between eight and ten KABs on the city."
    [(start, end, quantity)] = find_counts(text)
    assert text[start:end] == "between eight and ten"
    assert (quantity.low, quantity.high) == (8, 10)


def test_the_year_of_a_date_does_not_open_a_range() -> None:
    # "Sept 7, 2025 – 810 drones": the year ends the date; 810 is a count of its own
    text = "SEPT 7, 2025 – 810 drones and 13 missiles. Between 2,000-3,000 troops moved."
    found = [text[start:end] for start, end, _ in find_counts(text)]
    assert "810" in found
    assert "2025 – 810" not in found
    assert any(q.low == 2000 and q.high == 3000 for _, _, q in find_counts(text))


def test_a_sentence_opening_from_x_to_y_is_a_range() -> None:
    # "From 28 to 30 of the drones ..." is a range; "rose from 18 to 27" is the new count
    [(_, _, opening)] = find_counts("From 28 to 30 of the drones were directed at the capital.")
    assert (opening.low, opening.high) == (28, 30)
    [(_, _, risen)] = find_counts("The toll rose from 18 to 27.")
    assert risen.value == 27
