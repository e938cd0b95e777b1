"""Rebuild the packaged demo corpus from the air-force reference data.

    python -m analytics.demo.build [REFERENCE_CSV] [--seed N]

Reads missile_attacks_daily.csv (Petro Ivaniuk / piterfm, Kaggle; Ukrainian
Air Force), keeps the national air force's (kpszsu) post for each night of
June-December 2024, sums it per weapon class and writes, next to this file:

- reference_nights.csv   the rows used, in the reference's own schema
- corpus.jsonl.gz        the documents (id, text, published_at, outlet, title, kind, illustrative)
- expected.jsonl         the figures each document states, in the gold format

The output is deterministic for a seed and committed: nothing here runs at
install or query time.
"""

from __future__ import annotations

import argparse
import ast
import csv
import datetime as dt
import gzip
import io
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from analytics.demo.templates import STYLES, ClassCount, Night, Report
from analytics.model import InputError

HERE = Path(__file__).resolve().parent
DEFAULT_REFERENCE = HERE.parents[2] / "shared" / "reference" / "missile_attacks_daily.csv"
FIRST_NIGHT, LAST_NIGHT = dt.date(2024, 6, 1), dt.date(2024, 12, 31)
SEED = 2024

# Reference model -> (weapon class, name as reports write it). Data, not logic:
# a new model in the reference is one new line here.
MODELS: dict[str, tuple[str, str | None]] = {
    "Shahed-136/131": ("drone", "Shahed"),
    "Unknown UAV": ("drone", None),
    "Reconnaissance UAV": ("drone", "reconnaissance"),
    "Orlan-10": ("drone", "Orlan-10"),
    "ZALA": ("drone", "ZALA"),
    "Supercam": ("drone", "Supercam"),
    "Lancet": ("drone", "Lancet"),
    "Merlin-VR": ("drone", "Merlin-VR"),
    "Orion": ("drone", "Orion"),
    "Forpost": ("drone", "Forpost"),
    "Eleron": ("drone", "Eleron"),
    "Kub": ("drone", "Kub"),
    "Привет-82": ("drone", "Privet-82"),
    "Картограф": ("drone", "Kartograf"),
    "Фенікс": ("drone", "Feniks"),
    "Молнія": ("drone", "Molniya"),
    "X-101/X-555": ("cruise_missile", "Kh-101/Kh-555"),
    "X-555": ("cruise_missile", "Kh-555"),
    "Kalibr": ("cruise_missile", "Kalibr"),
    "Iskander-K": ("cruise_missile", "Iskander-K"),
    "X-22": ("cruise_missile", "Kh-22"),
    "X-32": ("cruise_missile", "Kh-32"),
    "X-35": ("cruise_missile", "Kh-35"),
    "3M22 Zircon": ("cruise_missile", "Zircon"),
    "Iskander-M": ("ballistic_missile", "Iskander-M"),
    "KN-23": ("ballistic_missile", "KN-23"),
    "Iskander-M/KN-23": ("ballistic_missile", "Iskander-M/KN-23"),
    "X-47 Kinzhal": ("ballistic_missile", "Kinzhal"),
    "Intercontinental Ballistic Missile": ("ballistic_missile", "intercontinental"),
    "X-59": ("guided_missile", "Kh-59"),
    "X-69": ("guided_missile", "Kh-69"),
    "X-59/X-69": ("guided_missile", "Kh-59/Kh-69"),
    "X-31P": ("guided_missile", "Kh-31P"),
    "X-31PD": ("guided_missile", "Kh-31PD"),
    "C-300": ("missile", "S-300"),
    "C-400": ("missile", "S-400"),
    "C-300/C-400": ("missile", "S-300/S-400"),
    "Unknown Missile": ("missile", None),
}


def weapon_class(model: str) -> tuple[str, str | None] | None:
    """Class and display name of a reference `model`; None when unknown.

    A bundle ("X-101/X-555 and Kalibr") keeps its class when its parts agree;
    a bundle mixing classes ("X-22 and X-31P") is a `missile` of unsaid kind.
    """
    model = model.strip()
    if model in MODELS:
        return MODELS[model]
    parts = [MODELS.get(p.strip()) for p in model.split(" and ")]
    if len(parts) < 2 or any(p is None for p in parts):
        return None
    subjects = {p[0] for p in parts if p}
    names = " and ".join(p[1] or "other" for p in parts if p)
    return (subjects.pop() if len(subjects) == 1 else "missile"), names


def _num(value: str) -> int:
    return int(float(value)) if value.strip() else 0


def _border(value: str, path: str) -> dict[str, int]:
    try:
        parsed = ast.literal_eval(value) if value.strip() else {}
    except (ValueError, SyntaxError) as exc:
        raise InputError(path, f"bad border_crossing {value!r}") from exc
    return {str(k): int(v) for k, v in parsed.items()}


def load_reference(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The reference CSV's header and rows, as text (schema kept for the subset)."""
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            header = list(reader.fieldnames or [])
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read") from exc
    missing = {"time_end", "model", "launched", "destroyed", "source"} - set(header)
    if missing:
        raise InputError(str(path), f"missing columns {sorted(missing)}")
    return header, rows


def select_nights(
    rows: Iterable[dict[str, str]],
    first: dt.date = FIRST_NIGHT,
    last: dt.date = LAST_NIGHT,
    path: str = "reference",
) -> tuple[list[Night], list[dict[str, str]]]:
    """One air-force post per night: the kpszsu post with most weapons launched.

    Nights with a model this module cannot classify are left out whole, so a
    night's totals are never partial.
    """
    posts: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        day = row["time_end"].strip()[:10]
        if row["source"].startswith("kpszsu") and first.isoformat() <= day <= last.isoformat():
            posts[day][row["source"]].append(row)
    nights, used = [], []
    for day in sorted(posts):
        post = max(posts[day].values(), key=lambda rs: sum(_num(r["launched"]) for r in rs))
        if any(weapon_class(r["model"]) is None for r in post):
            continue
        night = _night(dt.date.fromisoformat(day), post, path)
        if night.total("launched") > 0:
            nights.append(night)
            used += post
    return nights, used


def _night(day: dt.date, post: list[dict[str, str]], path: str) -> Night:
    acc: dict[str, dict] = {}
    places: list[str] = []
    for r in post:
        cls = weapon_class(r["model"])
        assert cls is not None
        subject, name = cls
        a = acc.setdefault(
            subject, {"launched": 0, "downed": 0, "lost": 0, "left": 0, "to": [], "w": []}
        )
        a["launched"] += _num(r["launched"])
        a["downed"] += _num(r["destroyed"])
        a["lost"] += _num(r.get("not_reach_goal", ""))
        for country, n in _border(r.get("border_crossing", ""), path).items():
            a["left"] += n
            if country not in a["to"]:
                a["to"].append(country)
        if name and name not in a["w"]:
            a["w"].append(name)
        for p in (r.get("launch_place") or "").split(" and "):
            p = p.strip()
            if p and not any(p in q or q in p for q in places):
                places.append(p)
    counts = {
        s: ClassCount(
            a["launched"], a["downed"], a["lost"], a["left"], tuple(a["to"]), tuple(a["w"])
        )
        for s, a in acc.items()
    }
    starts = sorted(
        r["time_start"].strip()[11:16] for r in post if len(r["time_start"].strip()) > 10
    )
    evening = [s for s in starts if s >= "17:00"]
    return Night(day, counts, tuple(places[:5]), evening[0] if evening else None)


def night_totals(rows: Iterable[dict[str, str]]) -> dict[tuple[str, str, str], int]:
    """(event_date, subject, measure) -> value, summed from reference rows.

    `aerial_target` is the sum over all classes, as "N drones and missiles".
    """
    out: dict[tuple[str, str, str], int] = defaultdict(int)
    for r in rows:
        cls = weapon_class(r["model"])
        if cls is None:
            continue
        day = r["time_end"].strip()[:10]
        left = sum(_border(r.get("border_crossing", ""), "reference").values())
        values = {
            "launched": _num(r["launched"]),
            "downed": _num(r["destroyed"]),
            "lost": _num(r.get("not_reach_goal", "")),
            "left_airspace": left,
        }
        for measure, v in values.items():
            out[(day, cls[0], measure)] += v
            if measure in ("launched", "downed"):
                out[(day, "aerial_target", measure)] += v
    return dict(out)


# How often each voice speaks about a night: (style, probability); wire stories
# are likelier on big nights, when a second outlet may repeat the same figures.
PLAN: tuple[tuple[str, float], ...] = (
    ("wire_of", 0.10),
    ("wire_totals", 0.08),
    ("follow_up", 0.03),
    ("flash", 0.03),
    ("live_blog", 0.05),
    ("ru_mod_claim", 0.16),
    ("ua_casualties", 0.05),
    ("ru_casualties", 0.03),
    ("kyiv_official", 0.025),
)


def build_corpus(nights: Sequence[Night], seed: int = SEED) -> tuple[list[dict], list[dict]]:
    """Documents and expected figures for the given nights, deterministic for `seed`."""
    rng = random.Random(seed)
    reports: list[tuple[str, Report]] = []
    for night in nights:
        roll = rng.random()
        if roll < 0.45:
            reports += [("air_force_bullets", r) for r in STYLES["air_force_bullets"](rng, night)]
        elif roll < 0.65:
            reports += [("air_force_prose", r) for r in STYLES["air_force_prose"](rng, night)]
        big = night.total("launched") >= 40
        for style, p in PLAN:
            boost = 1.6 if big and style.startswith("wire") else 1.0
            if rng.random() < p * boost:
                reports += [(style, r) for r in STYLES[style](rng, night)]
        if big and rng.random() < 0.12:  # a second outlet repeats the story
            reports += [("wire_of", r) for r in STYLES["wire_of"](rng, night)]
    docs, expected, seen = [], [], defaultdict(int)
    reports.sort(key=lambda sr: (sr[1].published_at, sr[0]))
    for style, r in reports:
        stem = f"demo-{r.published_at:%Y-%m-%d}-{style.replace('_', '-')}"
        seen[stem] += 1
        doc_id = f"{stem}-{seen[stem]}"
        docs.append(
            {
                "id": doc_id,
                "text": r.text,
                "published_at": r.published_at.isoformat(timespec="seconds"),
                "outlet": r.outlet,
                "title": r.title,
                "kind": r.kind,
                "illustrative": r.illustrative,
            }
        )
        for f in r.figures:
            if f["quote"] not in r.text:
                raise ValueError(f"{doc_id}: quote not in text: {f['quote']!r}")
            expected.append({"doc": doc_id, **f})
    return docs, expected


def write_outputs(
    out_dir: Path,
    header: list[str],
    used: list[dict[str, str]],
    docs: list[dict],
    expected: list[dict],
) -> None:
    """Write the three committed files; gzip without a timestamp so bytes are stable."""
    with (out_dir / "reference_nights.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(used)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
        for d in docs:
            gz.write((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
    (out_dir / "corpus.jsonl.gz").write_bytes(buf.getvalue())
    with (out_dir / "expected.jsonl").open("w", encoding="utf-8") as fh:
        for e in expected:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    try:
        header, rows = load_reference(args.reference)
        # Keep the reference's row order (newest first) in the subset.
        nights, used = select_nights(rows, path=str(args.reference))
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    order = {id(r): i for i, r in enumerate(rows)}
    used.sort(key=lambda r: order[id(r)])
    docs, expected = build_corpus(nights, args.seed)
    write_outputs(args.out, header, used, docs, expected)
    months = len({d["published_at"][:7] for d in docs})
    print(f"{len(nights)} nights, {len(docs)} documents over {months} months, "
          f"{len(expected)} figures -> {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
