"""The packaged demo corpus, its expected figures, and the benchmark stream."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from analytics.demo import corpus_path, expected_path, generate_reports, reference_path
from analytics.demo.build import build_corpus, main, night_totals, select_nights, weapon_class
from analytics.demo.templates import AIR_FORCE, STYLES, night_of, words
from analytics.model import MEASURES, QUALIFIERS, SUBJECTS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REFERENCE = SHARED / "reference" / "missile_attacks_daily.csv"


def _docs() -> list[dict]:
    with gzip.open(corpus_path(), "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _expected() -> list[dict]:
    with expected_path().open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _reference_rows() -> list[dict[str, str]]:
    with reference_path().open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return _docs()


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return _expected()


def test_corpus_size_and_spread(docs: list[dict]) -> None:
    assert len(docs) >= 80
    assert len({d["published_at"][:7] for d in docs}) >= 6
    assert len({d["id"] for d in docs}) == len(docs)
    fields = {"id", "text", "published_at", "outlet", "title", "kind", "illustrative"}
    assert all(fields <= d.keys() for d in docs)
    assert {d["kind"] for d in docs} >= {"telegram", "article", "live_blog"}


def test_every_quote_is_in_its_document(docs: list[dict], expected: list[dict]) -> None:
    texts = {d["id"]: d["text"] for d in docs}
    missing = [e for e in expected if e["quote"] not in texts.get(e["doc"], "")]
    assert not missing, missing[:3]


def test_expected_figures_use_the_vocabulary(expected: list[dict]) -> None:
    for e in expected:
        assert e["subject"] in SUBJECTS, e
        assert e["measure"] in MEASURES, e
        assert e["qualifier"] in QUALIFIERS, e
        assert isinstance(e["value"], int) and e["value"] >= 0, e
        dt.date.fromisoformat(e["event_date"])


def test_air_force_figures_match_the_reference(expected: list[dict]) -> None:
    totals = night_totals(_reference_rows())
    air_force = [e for e in expected if e["reported_by"] == AIR_FORCE]
    assert len(air_force) > 500
    for e in air_force:
        key = (e["event_date"], e["subject"], e["measure"])
        assert key in totals, e
        true = totals[key]
        if e["qualifier"] == "exact":
            assert e["value"] == true, (e, true)
        elif e["qualifier"] == "at_least":  # "more than 50 drones"
            assert e["value"] < true, (e, true)
        else:  # "about 60 drones"
            assert e["qualifier"] == "approx" and abs(e["value"] - true) <= 5, (e, true)


def test_invented_voices_are_marked_illustrative(docs: list[dict], expected: list[dict]) -> None:
    illustrative = {d["id"] for d in docs if d["illustrative"]}
    others = [e for e in expected if e["reported_by"] != AIR_FORCE]
    assert others
    assert all(e["doc"] in illustrative for e in others)
    # Documents that only repeat the air force are not illustrative.
    assert any(not d["illustrative"] for d in docs)


def test_same_night_is_told_by_several_outlets(docs: list[dict], expected: list[dict]) -> None:
    outlets = {d["id"]: d["outlet"] for d in docs}
    by_night = defaultdict(set)
    for e in expected:
        if e["reported_by"] == AIR_FORCE and e["subject"] == "drone" and e["measure"] == "downed":
            by_night[e["event_date"]].add(outlets[e["doc"]])
    assert sum(len(v) >= 2 for v in by_night.values()) >= 10


def test_a_preliminary_toll_is_revised_up(expected: list[dict]) -> None:
    killed = defaultdict(set)
    for e in expected:
        if e["measure"] == "killed" and e["location"]:
            killed[(e["event_date"], e["location"])].add(e["value"])
    assert any(len(v) >= 2 for v in killed.values())


@pytest.mark.parametrize(
    ("style", "days_after"),
    [("air-force-bullets", 0), ("air-force-prose", 0), ("wire-of", 0), ("follow-up", 1)],
)
def test_publication_dates_fit_the_night(
    docs: list[dict], expected: list[dict], style: str, days_after: int
) -> None:
    published = {d["id"]: dt.date.fromisoformat(d["published_at"][:10]) for d in docs}
    figs = [e for e in expected if f"-{style}-" in e["doc"]]
    assert figs
    for e in figs:
        gap = published[e["doc"]] - dt.date.fromisoformat(e["event_date"])
        assert gap == dt.timedelta(days=days_after), e


def test_rebuild_from_packaged_reference_is_identical(
    docs: list[dict], expected: list[dict]
) -> None:
    nights, used = select_nights(_reference_rows())
    assert len(used) == len(_reference_rows())
    rebuilt_docs, rebuilt_expected = build_corpus(nights)
    assert rebuilt_docs == docs
    assert rebuilt_expected == expected


def test_reference_subset_keeps_the_source_schema() -> None:
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} absent (../shared not checked out)")
    with REFERENCE.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        source = {tuple(r.values()) for r in reader}
        header = reader.fieldnames
    with reference_path().open(newline="", encoding="utf-8") as fh:
        sub = csv.DictReader(fh)
        rows = [tuple(r.values()) for r in sub]
        assert sub.fieldnames == header
    assert rows and all(r in source for r in rows)


def test_build_reports_a_bad_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.csv"
    assert main([str(missing), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{missing}: ") and "\n" not in err


@pytest.mark.parametrize(
    ("model", "cls"),
    [
        ("Shahed-136/131", ("drone", "Shahed")),
        ("X-101/X-555", ("cruise_missile", "Kh-101/Kh-555")),
        ("X-101/X-555 and Kalibr", ("cruise_missile", "Kh-101/Kh-555 and Kalibr")),
        ("Iskander-M/KN-23", ("ballistic_missile", "Iskander-M/KN-23")),
        ("X-47 Kinzhal", ("ballistic_missile", "Kinzhal")),
        ("X-59/X-69", ("guided_missile", "Kh-59/Kh-69")),
        ("C-300", ("missile", "S-300")),
        ("X-22 and X-31P", ("missile", "Kh-22 and Kh-31P")),  # mixed bundle: kind unsaid
        ("Aerial Bomb", None),
        ("Shahed-136/131 and Something", None),
    ],
)
def test_weapon_class(model: str, cls: tuple[str, str] | None) -> None:
    assert weapon_class(model) == cls


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "zero"),
        (7, "seven"),
        (19, "nineteen"),
        (40, "forty"),
        (56, "fifty-six"),
        (1200, "1,200"),
    ],
)
def test_words(n: int, text: str) -> None:
    assert words(n) == text


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2024, 11, 13), "the night of 12 to 13 November"),
        (dt.date(2024, 11, 1), "the night of 31 October to 1 November"),
    ],
)
def test_night_of(day: dt.date, text: str) -> None:
    assert night_of(day) == text


def test_there_are_many_styles() -> None:
    assert len(STYLES) >= 8


def test_generate_reports_is_deterministic_per_seed() -> None:
    first = [d["text"] for d in generate_reports(200_000, seed=7)]
    again = [d["text"] for d in generate_reports(200_000, seed=7)]
    other = [d["text"] for d in generate_reports(200_000, seed=8)]
    assert first == again
    assert first != other


@pytest.mark.parametrize("target", [1, 10_000, 1_000_000])
def test_generate_reports_reaches_the_size(target: int) -> None:
    sizes = [len(d["text"].encode("utf-8")) for d in generate_reports(target, seed=1)]
    assert sum(sizes) >= target
    assert sum(sizes) - sizes[-1] < target  # stops as soon as the size is reached


def test_generated_reports_look_like_corpus_lines() -> None:
    docs = list(itertools.islice(generate_reports(10**12, seed=3, with_figures=True), 2000))
    assert len(docs) == 2000  # a huge target streams lazily
    assert len({d["id"] for d in docs}) == len(docs)
    years = {d["published_at"][:4] for d in docs}
    assert {"2022", "2023", "2024", "2025"} <= years
    kinds = Counter(d["kind"] for d in docs)
    assert len(kinds) >= 3
    for d in docs:
        dt.datetime.fromisoformat(d["published_at"])
        for e in d["expected"]:
            assert e["doc"] == d["id"]
            assert e["quote"] in d["text"], e
            assert e["subject"] in SUBJECTS and e["measure"] in MEASURES


def test_generated_nights_are_internally_consistent() -> None:
    """No voice reports more of a weapon shot down than it says were launched."""
    docs = itertools.islice(generate_reports(10**12, seed=5, with_figures=True), 3000)
    checked = 0
    for d in docs:
        values: dict[tuple, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for e in d["expected"]:
            if e["qualifier"] == "exact" and e["location"] is None:
                key = (e["subject"], e["side"], e["reported_by"])
                values[key][e["measure"]].add(e["value"])
        for measures in values.values():
            if measures.get("launched") and measures.get("downed"):
                assert max(measures["downed"]) <= min(measures["launched"]), d["id"]
                checked += 1
    assert checked > 1000
