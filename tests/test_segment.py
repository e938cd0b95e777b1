"""Live-blog splitting: each marker style, the real page, and offsets that always hold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.model import Document, Entry
from analytics.readers import read_file
from analytics.segment import detect_published, is_live_blog, split_entries

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load(path: Path) -> Document:
    (doc,) = list(read_file(path))
    assert isinstance(doc, Document)
    return doc


def check_offsets(doc: Document, entries: list[Entry]) -> None:
    """Every entry is a slice of the document, in order, numbered from 0."""
    previous_end = 0
    for position, entry in enumerate(entries):
        assert entry.position == position
        assert entry.entry_id == f"{doc.doc_id}#{position}"
        assert entry.doc_id == doc.doc_id
        assert doc.text[entry.char_start : entry.char_start + len(entry.text)] == entry.text
        assert entry.char_start >= previous_end
        previous_end = entry.char_start + len(entry.text)


def summary(entries: list[Entry]) -> list[tuple[str | None, dt.datetime | None]]:
    return [(e.title, e.published_at) for e in entries]


# --- the real live blog --------------------------------------------------------------


def test_real_live_blog() -> None:
    path = SHARED / "examples" / "live-blog-2024-11-13.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared examples are outside the repository)")
    doc = load(path)
    assert doc.doc_id == "live-blog-2024-11-13"
    assert doc.published_at == dt.datetime(2024, 11, 13, 10, 42)
    entries = split_entries(doc)
    check_offsets(doc, entries)
    assert len(entries) == 11
    times = [
        "10:42",
        "10:42",
        "10:24",
        "10:01",
        "09:33",
        "09:14",
        "08:55",
        "08:33",
        "08:16",
        "08:01",
        "08:00",
    ]
    assert [e.published_at for e in entries] == [
        dt.datetime.combine(dt.date(2024, 11, 13), dt.time.fromisoformat(t)) for t in times
    ]
    assert "nearly 2,000 casualties on Monday" in entries[0].text
    assert entries[1].title == "Ukraine cannot trademark anti-Russian insult, EU court says"
    assert "cannot trademark" not in entries[0].text
    drones = entries[8]
    assert drones.title.startswith("Ukraine claims to shoot down missiles and 37 Russian drones")
    assert "A further 47 Russian drones were lost" in drones.text
    assert all("Andy Gregory13 November" not in e.text for e in entries)
    assert all("Join our commenting forum" not in e.text for e in entries)


def test_real_live_blog_from_a_corpus_with_a_date_only() -> None:
    """Read from JSON Lines with only a day as metadata, the page's dateline still gives 10:42."""
    path = SHARED / "examples" / "live-blog-2024-11-13.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared examples are outside the repository)")
    doc = Document("live-blog-2024-11-13", path.read_text(), published_at=dt.datetime(2024, 11, 13))
    entries = split_entries(doc)
    assert len(entries) == 11
    assert entries[0].published_at == dt.datetime(2024, 11, 13, 10, 42)


def test_real_bbc_page() -> None:
    path = SHARED / "dev" / "texts" / "d18_bbc-live-odesa-five-dead.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared development set is outside the repository)")
    doc = load(path)
    entries = split_entries(doc)
    check_offsets(doc, entries)
    assert summary(entries) == [
        ("Summary", dt.datetime(2022, 4, 25)),
        ("Five dead after Odesa assault - Zelensky aide", dt.datetime(2022, 4, 23, 15, 43)),
        ("Smoke billowing from Odesa building", dt.datetime(2022, 4, 23, 15, 29)),
    ]
    assert "18 others were wounded" in entries[1].text


def test_real_articles_stay_whole() -> None:
    texts = SHARED / "dev" / "texts"
    if not texts.is_dir():
        pytest.skip(f"{texts} is absent (the shared development set is outside the repository)")
    for path in sorted(texts.glob("*.txt")):
        doc = load(path)
        entries = split_entries(doc)
        check_offsets(doc, entries)
        if doc.kind != "live_blog":
            assert len(entries) == 1, path.name
            assert entries[0].text == doc.text and entries[0].published_at == doc.published_at


# --- each style, from fixtures -------------------------------------------------------


D = dt.datetime


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "liveblog_byline.txt",
            [
                ("Follow our coverage", D(2024, 12, 6, 14, 5)),
                ("Grain terminal damaged in port city", D(2024, 12, 6, 14, 5)),
                ("Air force gives overnight tally", D(2024, 12, 6, 12, 30)),
                ("Kremlin declines to comment", D(2024, 12, 6, 9, 10)),
            ],
        ),
        (
            "liveblog_cnn.txt",
            [
                ("Live updates: talks in Geneva as strikes continue", D(2023, 3, 4, 15, 20)),
                ("Negotiators leave first session", D(2023, 3, 4, 15, 20)),
                ("Strike on rail depot", D(2023, 3, 4, 13, 5)),
                ("Air alerts across the country", D(2023, 3, 4, 11, 52)),
            ],
        ),
        (
            "liveblog_bbc.txt",
            [
                ("Summary", D(2022, 7, 2, 18, 2)),  # undated page: its latest post
                ("Shopping centre hit in eastern city", D(2022, 7, 2, 18, 2)),
                ("Governor reports overnight shelling", D(2022, 7, 2, 17, 40)),
                ("Evening round-up", D(2022, 7, 1, 23, 55)),
            ],
        ),
        (
            "liveblog_clock.txt",
            [
                ("Overnight live: air raid alerts", D(2024, 10, 20, 1, 30)),
                ("Alerts lifted in the capital", D(2024, 10, 20, 1, 30)),
                ("Explosions heard in the west", D(2024, 10, 20, 0, 15)),
                ("Drones spotted over the border", D(2024, 10, 19, 23, 50)),  # before midnight
            ],
        ),
    ],
)
def test_live_blog_styles(name: str, expected: list[tuple[str, dt.datetime]]) -> None:
    doc = load(FIXTURES / name)
    entries = split_entries(doc)
    check_offsets(doc, entries)
    assert summary(entries) == expected
    assert is_live_blog(doc)


def test_closing_bylines_drop_trailing_chrome_and_keep_summary() -> None:
    doc = load(FIXTURES / "liveblog_byline.txt")
    entries = split_entries(doc)
    assert "Air defence units were active" in entries[0].text
    assert entries[1].text.startswith("Grain terminal damaged")
    assert entries[1].text.endswith("taken to hospital.")
    assert (
        "Sign up for the newsletter" not in doc.text[entries[-1].char_start :].split("Kremlin")[0]
    )
    assert all("Sign up" not in e.text and "Maria Example6" not in e.text for e in entries)


def test_closing_bylines_after_a_bullet_summary() -> None:
    text = (
        "Key points\n\n• Drones over the north\n\n• Power cuts in the east\n\n"
        "Governor reports damage\n\nA depot was hit, the governor said.\n\n"
        "Reporter One5 May 2024 11:00\n\nEarlier update\n\nSirens sounded.\n\n"
        "Reporter Two5 May 2024 10:00\n"
    )
    entries = split_entries(make(text))
    assert [e.title for e in entries] == ["Key points", "Governor reports damage", "Earlier update"]
    assert entries[0].text.endswith("Power cuts in the east")


def test_opening_markers_leave_marker_lines_out() -> None:
    doc = load(FIXTURES / "liveblog_cnn.txt")
    entries = split_entries(doc)
    assert all("p.m. ET" not in e.text for e in entries[1:])
    assert entries[-1].text.endswith("this morning.")  # the last post runs to the end


def test_bbc_titles_lose_numbering_and_timestamp() -> None:
    doc = load(FIXTURES / "liveblog_bbc.txt")
    entries = split_entries(doc)
    assert entries[1].text.startswith("Shopping centre hit")  # headline kept in the text
    assert entries[1].title == "Shopping centre hit in eastern city"


def test_one_marker_is_not_a_live_blog() -> None:
    doc = load(FIXTURES / "article_one_time.txt")
    (entry,) = split_entries(doc)
    assert entry.text == doc.text
    assert entry.char_start == 0
    assert entry.published_at == doc.published_at
    assert entry.entry_id == "article_one_time#0"
    assert entry.title == doc.title
    assert not is_live_blog(doc)


def make(text: str, published: dt.datetime | None = None) -> Document:
    return Document(doc_id="t", text=text, published_at=published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Top.\n\nFirst headlinepublished at 09:05\n\nBody one.\n\n"
            "Second headlineposted at 08:40\n\nBody two.\n",
            [("Top.", None), ("First headline", (9, 5)), ("Second headline", (8, 40))],
        ),
        (
            "Top.\n\n14:20 - Strike on depot\nBody one.\n\n13:55 – Sirens in the north\nBody two.\n",
            [("Top.", None), ("Strike on depot", (14, 20)), ("Sirens in the north", (13, 55))],
        ),
        (
            "Top.\n\n14:20 Strike on depot\nBody one.\n\n13:55 Sirens in the north\nBody two.\n",
            [("Top.", None), ("Strike on depot", (14, 20)), ("Sirens in the north", (13, 55))],
        ),
        (
            "Top.\n\n14:20 the alert sounded again.\nBody one.\n\n13:55 and later.\nBody two.\n",
            [(None, None)],  # a lower-case word after the time is prose: one entry, no titles
        ),
        (
            "Top.\n\n2:15pm\nAfternoon post.\n\n11:30am BST\nMorning post.\n",
            [("Top.", None), ("Afternoon post.", (14, 15)), ("Morning post.", (11, 30))],
        ),
    ],
)
def test_clock_marker_forms(text: str, expected: list[tuple[str, tuple | None]]) -> None:
    page = dt.datetime(2024, 6, 1, 15, 0)
    entries = split_entries(make(text, page))
    check_offsets(make(text, page), entries)
    assert [
        (e.title, (e.published_at.hour, e.published_at.minute) if e.position else None)
        for e in entries
    ] == expected
    assert all(e.published_at.date() == page.date() for e in entries)


@pytest.mark.parametrize(
    "lines",
    [
        ("13 November, 10:42", "13 November, 09:15"),  # no year: the page's
        ("Nov. 13, 2024, 10:42 a.m. ET", "Nov. 13, 2024, 9:15 a.m. ET"),
        ("2024-11-13 10:42", "2024-11-13 09:15"),
        ("13.11.2024 10:42", "13.11.2024 09:15"),
        ("Wed 13 Nov 2024 10.42 GMT", "Wed 13 Nov 2024 09.15 GMT"),
    ],
)
def test_dated_opening_marker_forms(lines: tuple[str, str]) -> None:
    text = f"Page top.\n\n{lines[0]}\n\nLater post.\n\n{lines[1]}\n\nEarlier post.\n"
    entries = split_entries(make(text, dt.datetime(2024, 11, 13, 11, 0)))
    assert [(e.text, e.published_at) for e in entries] == [
        ("Page top.", dt.datetime(2024, 11, 13, 11, 0)),
        ("Later post.", dt.datetime(2024, 11, 13, 10, 42)),
        ("Earlier post.", dt.datetime(2024, 11, 13, 9, 15)),
    ]


def test_oldest_first_clock_times_step_forward_over_midnight() -> None:
    text = "Intro line.\n\n22:10\n\nFirst post.\n\n23:45\n\nSecond post.\n\n00:20\n\nThird post.\n"
    entries = split_entries(make(text, dt.datetime(2024, 5, 1, 22, 0)))
    assert [e.published_at for e in entries[1:]] == [
        dt.datetime(2024, 5, 1, 22, 10),
        dt.datetime(2024, 5, 1, 23, 45),
        dt.datetime(2024, 5, 2, 0, 20),
    ]


def test_day_lines_date_the_clock_times_under_them() -> None:
    # a page stamped with its last update, its posts grouped under day lines
    text = (
        "Kharkiv live\n\nFri 24 May 2024\n\n21:30\n\nFirst post.\n\nSaturday, 25 May 2024\n\n"
        "07:55\n\nSecond post.\n\n12:35\n\nThird post.\n"
    )
    doc = make(text, dt.datetime(2024, 5, 26, 12, 40))
    entries = split_entries(doc)
    check_offsets(doc, entries)
    assert [(e.text, e.published_at) for e in entries] == [
        ("Kharkiv live", dt.datetime(2024, 5, 26, 12, 40)),
        ("First post.", dt.datetime(2024, 5, 24, 21, 30)),
        ("Second post.", dt.datetime(2024, 5, 25, 7, 55)),
        ("Third post.", dt.datetime(2024, 5, 25, 12, 35)),
    ]


def test_clock_order_is_read_within_a_day_line() -> None:
    # 09:10, 20:40 | 09:20: across the day line the clocks would look newest first
    text = (
        "Friday 29 December\n\n09:10\n\nA.\n\n20:40\n\nB.\n\nSaturday 30 December\n\n09:20\n\nC.\n"
    )
    entries = split_entries(make(text, dt.datetime(2023, 12, 30, 9, 20)))
    assert [e.published_at for e in entries] == [
        dt.datetime(2023, 12, 29, 9, 10),
        dt.datetime(2023, 12, 29, 20, 40),
        dt.datetime(2023, 12, 30, 9, 20),
    ]


def test_a_date_inside_a_post_is_not_a_day_line() -> None:
    text = "09:00\n\nThe strike of\n12 May 2024\nwas the worst.\n\n10:00\n\nLater.\n"
    entries = split_entries(make(text, dt.datetime(2024, 6, 1, 12, 0)))
    assert [e.published_at for e in entries] == [
        dt.datetime(2024, 6, 1, 9, 0),
        dt.datetime(2024, 6, 1, 10, 0),
    ]


def test_clock_times_without_any_page_date() -> None:
    text = "10:00\n\nOne.\n\n09:00\n\nTwo.\n"
    entries = split_entries(make(text))
    assert [e.text for e in entries] == ["One.", "Two."]
    assert [e.published_at for e in entries] == [None, None]


def test_impossible_marker_dates_do_not_crash() -> None:
    text = (
        "Intro.\n\nReporter One31 February 2024 10:00\n\nTitle\n\nBody.\n\n"
        "Reporter Two30 February 2024 09:00\n"
    )
    entries = split_entries(make(text, dt.datetime(2024, 2, 28)))
    assert len(entries) == 1 and entries[0].text == text


def test_markers_need_a_time() -> None:
    text = "Kyiv, 13 November 2024\n\nSome text.\n\nOdesa, 12 November 2024\n\nMore text.\n"
    assert len(split_entries(make(text))) == 1


# --- detect_published ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nWednesday 13 November 2024 10:42 GMT\n\nBody.", D(2024, 11, 13, 10, 42)),
        ("Headline\nby The Desk StaffOctober 22, 2022 11:31 am\nBody.", D(2022, 10, 22, 11, 31)),
        ("Updated: 3 May 2023 08:15\nBody.", D(2023, 5, 3, 8, 15)),
        ("Published on 2024-01-05\nBody.", D(2024, 1, 5)),
        ("Body mentioning 13 November 2024 in a sentence.\n", None),
        ("Monday 31 February 2024 10:00 GMT\nBody.", None),
        ("No dates here at all.", None),
        ("", None),
    ],
)
def test_detect_published(text: str, expected: dt.datetime | None) -> None:
    assert detect_published(text) == expected


def test_detect_published_only_looks_near_the_top() -> None:
    text = (
        "\n".join(f"Paragraph {i} of the story." for i in range(100)) + "\n13 November 2024 10:42\n"
    )
    assert detect_published(text) is None


# --- properties ----------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Intro paragraph.",
        "Title without stop",
        "Andy Example13 November 2024 10:42",
        "11:52 a.m. ET, November 15, 2022",
        "1. A titlepublished at 15:43 British Summer Time 23 April 2022",
        "10:42",
        "Updated 23:59 GMT",
        "25:99",
        "  ",
        "",
        "31 February 2024 10:00",
        "Body text with 37 drones.",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
    st.one_of(st.none(), st.just(dt.datetime(2024, 11, 13, 10, 0))),
)
def test_split_never_crashes_and_slices_hold(
    pieces: list[str], separator: str, published: dt.datetime | None
) -> None:
    doc = make(separator.join(pieces), published)
    entries = split_entries(doc)
    assert entries
    check_offsets(doc, entries)
    if len(entries) == 1 and entries[0].char_start == 0 and entries[0].text == doc.text:
        return
    assert all(e.text.strip() == e.text and e.text for e in entries)
