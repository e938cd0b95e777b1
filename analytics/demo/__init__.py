"""A packaged demo corpus built from real air-force nights, and a report stream for benchmarks.

The corpus (`corpus.jsonl.gz`) and its expected figures (`expected.jsonl`) are
generated once by `python -m analytics.demo.build` and committed, so the demo
and the tests never need the reference data at runtime.
"""

from __future__ import annotations

from pathlib import Path

from analytics.demo.generate import generate_reports

HERE = Path(__file__).resolve().parent

__all__ = ["corpus_path", "expected_path", "generate_reports", "reference_path"]


def corpus_path() -> Path:
    """The packaged demo corpus: JSON lines, gzip-compressed, one document a line."""
    return HERE / "corpus.jsonl.gz"


def expected_path() -> Path:
    """The figures the demo corpus states, in the gold format (doc = document id)."""
    return HERE / "expected.jsonl"


def reference_path() -> Path:
    """The reference rows (air-force posts) the demo nights were made from."""
    return HERE / "reference_nights.csv"
