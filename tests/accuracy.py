"""Shared by the accuracy tests: run the real reader -> splitter -> extractor path
over a corpus and score it against gold, without a database in the way."""

from __future__ import annotations

from pathlib import Path

from analytics.batch import document_figures
from analytics.evaluate import Score, load_gold, score
from analytics.model import Document
from analytics.readers import read_file
from analytics.segment import split_entries

GOLD = Path(__file__).parent / "gold"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def extract_corpus(path: Path) -> tuple[list[dict], set[str]]:
    """Figures (as eval rows, in document order) and document ids of one input file."""
    rows: list[dict] = []
    documents: set[str] = set()
    for doc in read_file(path):
        if not isinstance(doc, Document):
            continue
        documents.add(doc.doc_id)
        for f in document_figures(doc, split_entries(doc)):
            rows.append(
                    {"doc_id": f.doc_id, "subject": f.subject, "measure": f.measure, "value": f.value,
                     "side": f.side, "event_date": f.event_date, "quote": f.quote, "rule": f.rule}
                )  # fmt: skip
    return rows, documents


def score_splits(names: list[str]) -> Score:
    """Score the project's own gold folders together; every document counts, negatives too."""
    rows: list[dict] = []
    gold = []
    documents: set[str] = set()
    for name in names:
        found, docs = extract_corpus(GOLD / name / "corpus.jsonl")
        figures, gold_docs = load_gold(GOLD / name / "gold.jsonl")
        rows += found
        gold += figures
        documents |= docs | gold_docs
    return score(rows, gold, documents)
