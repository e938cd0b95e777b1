"""Text tables: the shape reader, and figures read from rows with their spans."""

from __future__ import annotations

import datetime as dt

from analytics.extract import extract_figures, tables

PUBLISHED = dt.datetime(2025, 10, 5, 9, 0)


def test_cells_keep_offsets_into_the_row() -> None:
    row = "| Kh-101 cruise missiles | 40 | 33 |"
    found = tables.cells(row)
    assert found is not None
    assert [c.text for c in found] == ["Kh-101 cruise missiles", "40", "33"]
    assert all(row[c.start : c.end] == c.text for c in found)


def test_a_line_with_one_cell_or_no_pipe_is_not_a_row() -> None:
    assert tables.cells("Russia launched 40 missiles overnight.") is None
    assert tables.cells("| lonely |") is None


def test_header_names_measures_and_the_first_of_a_pair_wins() -> None:
    header = tables.read_header(tables.cells("Weapon | launched | shot down/suppressed"))
    assert header is not None
    assert header.measures[1:] == ["launched", "downed"]


def test_a_row_of_counts_is_not_a_header() -> None:
    assert tables.read_header(tables.cells("Kh-101 | 40 | 33")) is None


def test_air_launched_in_a_label_is_not_a_measure() -> None:
    assert tables.measure_of("Kh-59 guided air-launched missiles") is None


def test_model_decides_the_class_of_a_generic_missile_label() -> None:
    assert tables.subject_of("Neptune-MD long-range guided missiles") == (
        "cruise_missile",
        "neptune",
    )


def test_every_table_figure_spans_its_own_cell() -> None:
    text = (
        "Results of air defence, night of 4-5 October\n\n"
        "Weapon | launched | shot down\n"
        "Shahed / Gerbera / other UAVs | 496 | 495\n"
        "Kh-101 cruise missiles | 40 | 33\n\n"
        "Hits were recorded at 12 locations."
    )
    figures = [f for f in extract_figures(text, PUBLISHED) if f.rule == "table_row"]
    assert {(f.subject, f.measure, f.value) for f in figures} == {
        ("drone", "launched", 496),
        ("drone", "downed", 495),
        ("cruise_missile", "launched", 40),
        ("cruise_missile", "downed", 33),
    }
    for figure in figures:
        assert text[figure.span_start : figure.span_end].endswith(str(figure.value))
        assert figure.event_date == dt.date(2025, 10, 5)


def test_the_table_ends_at_the_first_line_that_is_not_a_row() -> None:
    text = "Weapon | launched\nKh-101 | 40\nAir defence was busy all night.\nKalibr | 12"
    figures = extract_figures(text, PUBLISHED)
    assert [(f.subject, f.measure, f.value) for f in figures] == [
        ("cruise_missile", "launched", 40)
    ]


def test_rows_about_days_take_the_day_of_their_label() -> None:
    text = (
        "Ukraine's air force: Russian attacks, night by night.\n"
        "Night ending | Drones launched | Missiles launched | Shot down/suppressed\n"
        "3 Oct | 83 | - | 52 drones\n"
        "4 Oct | 458 | 45 | 406 drones, 9 missiles\n"
        "5 Oct | 120 | 2 | most of them"
    )
    figures = {(f.subject, f.measure, f.value): f for f in extract_figures(text, PUBLISHED)}
    assert set(figures) == {
        ("drone", "launched", 83),
        ("drone", "downed", 52),
        ("drone", "launched", 458),
        ("missile", "launched", 45),
        ("drone", "downed", 406),
        ("missile", "downed", 9),
        ("drone", "launched", 120),
        ("missile", "launched", 2),
    }  # "most of them" is not a count; "-" is no figure
    assert figures["drone", "downed", 52].event_date == dt.date(2025, 10, 3)
    assert figures["missile", "downed", 9].event_date == dt.date(2025, 10, 4)
    assert not figures["drone", "launched", 120].date_assumed


def test_columns_about_months_give_monthly_figures_without_a_day() -> None:
    header = tables.read_header(tables.cells("| | September | August | change |"))
    assert header is not None and header.periods[1:3] == ["September", "August"]
    text = (
        "Ukraine's air force: Russian drone attacks by month.\n"
        "| | September | August | change |\n|---|---|---|---|\n"
        "| drones launched | 5,638 | 4,198 | +34% |\n| share stopped | 90% | 88% | 2 pts |"
    )
    figures = extract_figures(text, PUBLISHED)
    assert {(f.subject, f.measure, f.value, f.event_date) for f in figures} == {
        ("drone", "launched", 5638, None),
        ("drone", "launched", 4198, None),
    }


def test_people_in_a_table_are_civilians_when_the_line_above_says_so() -> None:
    text = (
        "Monthly civilian casualties in Ukraine verified by the UN mission:\n\n"
        "Month | Killed | Injured\nAug 2025 | 148 | 1,006\nSep 2025 | 226 | 1,183"
    )
    figures = extract_figures(text, PUBLISHED)
    assert {(f.subject, f.measure, f.value) for f in figures} == {
        ("civilian", "killed", 148),
        ("civilian", "injured", 1006),
        ("civilian", "killed", 226),
        ("civilian", "injured", 1183),
    }
    assert all(f.event_date is None for f in figures)  # a month's figures have no day


def test_month_rows_take_their_subject_and_side_from_the_title_above() -> None:
    text = (
        "CHART | Russian long-range drone launches, Q1 2026\n\n"
        "| Month | Launched | Downed or suppressed |\n|---|---|---|\n"
        "| January | 4,488 | 3,755 |\n| February | 5,079 | 4,430 |"
    )
    found = {
        (f.subject, f.measure, f.value, f.side, f.event_date)
        for f in extract_figures(text, PUBLISHED)
    }
    assert found == {
        ("drone", "launched", 4488, "russia", None),
        ("drone", "downed", 3755, "russia", None),
        ("drone", "launched", 5079, "russia", None),
        ("drone", "downed", 4430, "russia", None),
    }


def test_a_total_row_adds_up_the_kinds_of_the_rows_above() -> None:
    missiles = (
        "| Type | Launched | Destroyed |\n|---|---|---|\n| Kh-101 (cruise) | 13 | 11 |\n"
        "| Iskander-M (ballistic) | 4 | 3 |\n| Total | 17 | 14 |"
    )
    totals = {(f.subject, f.measure, f.value) for f in extract_figures(missiles, PUBLISHED)}
    assert {("missile", "launched", 17), ("missile", "downed", 14)} <= totals
    mixed = missiles.replace("| Iskander-M (ballistic) |", "| Shahed drones |")
    totals = {(f.subject, f.measure, f.value) for f in extract_figures(mixed, PUBLISHED)}
    assert {("aerial_target", "launched", 17), ("aerial_target", "downed", 14)} <= totals


def test_a_measure_column_takes_the_subject_of_the_column_to_its_left() -> None:
    text = (
        "| Month | Drones launched | Shot down or suppressed |\n|---|---|---|\n"
        "| August 2025 | 4,287 | 3,600 |"
    )
    found = {(f.subject, f.measure, f.value) for f in extract_figures(text, PUBLISHED)}
    assert found == {("drone", "launched", 4287), ("drone", "downed", 3600)}
    # cells that name their own things keep them
    text = (
        "Night ending | Drones launched | Missiles launched | Shot down/suppressed\n"
        "8 Nov | 458 | 45 | 406 drones, 9 missiles"
    )
    found = {(f.subject, f.measure, f.value) for f in extract_figures(text, PUBLISHED)}
    assert {("drone", "downed", 406), ("missile", "downed", 9)} <= found
