"""Scoring extracted figures against gold files, as ../shared/figures-spec.md defines.

Per document, on distinct (subject, measure, value) triples: a figure repeated
in a headline and a body counts once. Precision and recall over non-optional
gold triples; an extracted triple that matches no gold triple (optional ones
included) is a false positive. Side and event date are scored separately, as
the share of matched triples whose first extracted mention agrees with gold.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analytics.model import MEASURES, SUBJECTS

Triple = tuple[str, str, int]


@dataclass(frozen=True, slots=True)
class GoldFigure:
    doc: str
    subject: str
    measure: str
    value: int
    side: str | None
    event_date: str | None
    quote: str
    optional: bool
    cumulative: bool

    @property
    def triple(self) -> Triple:
        return (self.subject, self.measure, self.value)


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold figure not found, or an extracted one that matches nothing."""

    doc: str
    triple: Triple
    quote: str
    detail: str = ""


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    side_agree: int = 0
    date_agree: int = 0
    matched: int = 0
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[Miss] = field(default_factory=list)
    disagreements: list[Miss] = field(default_factory=list)
    documents: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def side_accuracy(self) -> float:
        return self.side_agree / self.matched if self.matched else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.date_agree / self.matched if self.matched else 1.0

    def summary(self) -> str:
        return (
            f"documents {self.documents}  gold {self.true_positives + self.false_negatives}  "
            f"extracted {self.true_positives + self.false_positives}\n"
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"side {self.side_accuracy:.3f}  date {self.date_accuracy:.3f}"
        )


def load_gold(path: str | Path) -> tuple[list[GoldFigure], set[str]]:
    """Gold figures from a .jsonl file or a folder of them, and the documents they cover.

    A file named after a document (`d22_x.jsonl`) covers that document even when
    empty: a text with no figures is part of the test too.
    """
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    figures: list[GoldFigure] = []
    documents: set[str] = set()
    for file in files:
        lines = [line for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        if path.is_dir() and file.stem not in ("gold", "figures"):
            documents.add(file.stem)
        for number, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
                figure = GoldFigure(
                    doc=row["doc"],
                    subject=row["subject"],
                    measure=row["measure"],
                    value=int(row["value"]),
                    side=row.get("side"),
                    event_date=row.get("event_date"),
                    quote=row.get("quote", ""),
                    optional=bool(row.get("optional", False)),
                    cumulative=bool(row.get("cumulative", False)),
                )
            except (KeyError, ValueError, TypeError, json.JSONDecodeError) as error:
                raise ValueError(f"{file}:{number}: not a gold figure ({error})") from error
            figures.append(figure)
            documents.add(figure.doc)
    return figures, documents


def score(
    extracted: Iterable[dict],
    gold: list[GoldFigure],
    documents: set[str],
) -> Score:
    """Score extracted figures (dicts with doc_id, subject, measure, value, side,
    event_date, quote; in document order) against gold, over `documents`."""
    gold_by_doc: dict[str, list[GoldFigure]] = defaultdict(list)
    for figure in gold:
        gold_by_doc[figure.doc].append(figure)
    found_by_doc: dict[str, dict[Triple, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in extracted:
        if row["doc_id"] not in documents:
            continue
        if row["subject"] not in SUBJECTS or row["measure"] not in MEASURES:
            continue
        triple = (row["subject"], row["measure"], int(row["value"]))
        found_by_doc[row["doc_id"]][triple].append(row)

    result = Score(documents=len(documents))
    for doc in sorted(documents):
        wanted = {f.triple: f for f in gold_by_doc.get(doc, []) if not f.optional}
        allowed = {f.triple for f in gold_by_doc.get(doc, [])}
        found = found_by_doc.get(doc, {})
        for triple, gold_figure in wanted.items():
            if triple not in found:
                result.false_negatives += 1
                result.misses.append(Miss(doc, triple, gold_figure.quote))
                continue
            result.true_positives += 1
            result.matched += 1
            first = found[triple][0]
            if first.get("side") == gold_figure.side:
                result.side_agree += 1
            else:
                result.disagreements.append(
                    Miss(
                        doc,
                        triple,
                        gold_figure.quote,
                        f"side {first.get('side')} != {gold_figure.side}",
                    )
                )
            extracted_date = _date_text(first.get("event_date"))
            if extracted_date == gold_figure.event_date:
                result.date_agree += 1
            else:
                result.disagreements.append(
                    Miss(
                        doc,
                        triple,
                        gold_figure.quote,
                        f"date {extracted_date} != {gold_figure.event_date}",
                    )
                )
        for triple, rows in found.items():
            if triple not in allowed:
                result.false_positives += 1
                result.false_alarms.append(
                    Miss(doc, triple, rows[0].get("quote", ""), rows[0].get("rule", ""))
                )
    return result


def figures_from_db(con) -> list[dict]:
    """Every stored figure in document order, as `score` wants them."""
    rows = con.execute(
        """
        SELECT f.doc_id, f.subject, f.measure, f.value, f.side, f.event_date, f.quote, f.rule
        FROM figures f JOIN entries e USING (entry_id)
        ORDER BY f.doc_id, e.position, f.span_start
        """
    ).fetchall()
    names = ("doc_id", "subject", "measure", "value", "side", "event_date", "quote", "rule")
    return [dict(zip(names, row, strict=True)) for row in rows]


def stored_documents(con) -> set[str]:
    return {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}


def _date_text(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)[:10]


def report(result: Score) -> str:
    """Every miss and false positive next to its quote, then the scores."""
    lines = []
    for miss in result.misses:
        lines.append(f"MISS  {miss.doc}  {_fmt(miss.triple)}  | {miss.quote}")
    for alarm in result.false_alarms:
        lines.append(f"FALSE {alarm.doc}  {_fmt(alarm.triple)}  [{alarm.detail}] | {alarm.quote}")
    for item in result.disagreements:
        lines.append(f"DIFF  {item.doc}  {_fmt(item.triple)}  {item.detail} | {item.quote}")
    lines.append(result.summary())
    return "\n".join(lines)


def _fmt(triple: Triple) -> str:
    return f"{triple[0]}/{triple[1]}={triple[2]}"
