"""Every rule's examples read as stated, its near misses give nothing, and the
engine only reports rules the table knows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from analytics.extract import extract_figures
from analytics.extract.rules import RULE_NAMES, RULES, rule_parts

PUBLISHED = dt.datetime(2024, 11, 13, 9, 0)

EXAMPLES = [
    pytest.param(rule.name, sentence, expected, id=f"{rule.name}:{i}")
    for rule in RULES
    for i, (sentence, expected) in enumerate(rule.examples)
]
NEAR_MISSES = [
    pytest.param(rule.name, sentence, id=f"{rule.name}:miss{i}")
    for rule in RULES
    for i, sentence in enumerate(rule.near_misses)
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), EXAMPLES)
def test_rule_examples(rule: str, sentence: str, expected) -> None:
    figures = extract_figures(sentence, PUBLISHED)
    found = {(f.subject, f.measure, f.value, f.side) for f in figures}
    assert set(expected) == found, sentence
    assert any(rule in rule_parts(f.rule) for f in figures), [f.rule for f in figures]


@pytest.mark.parametrize(("rule", "sentence"), NEAR_MISSES)
def test_rule_near_misses(rule: str, sentence: str) -> None:
    assert extract_figures(sentence, PUBLISHED) == []


def test_every_reported_rule_is_in_the_table() -> None:
    text = (
        "In total, the enemy used 210 air attack assets:\n"
        "• 120 missiles of various types;\n• 90 Shahed attack UAVs.\n\n"
        "Shot down:\n• 81 cruise missiles;\n• 42 attack UAVs.\n\n"
        "Forty-four cruise missiles were destroyed; in the areas of responsibility of "
        "the Air Command ‘Center’ – 18, the Air Command ‘South’ – 12."
    )
    figures = extract_figures(text, PUBLISHED)
    rules = {part for f in figures for part in rule_parts(f.rule)}
    assert {"bullet_item", "dash_breakdown"} <= rules
    assert rules <= RULE_NAMES


def test_english_lexicon_has_every_required_table() -> None:
    """A new language is a sibling module with the same tables; English must have them all."""
    from analytics.extract import lexicon

    module = lexicon.load("en")
    assert all(getattr(module, name) for name in lexicon.REQUIRED if name != "DEFAULT_MODEL_SIDE")


def test_every_rule_reported_on_the_gold_texts_is_in_the_table() -> None:
    """Over every text of the project's gold set: no figure names a rule the table lacks."""
    seen: set[str] = set()
    for corpus in sorted((Path(__file__).parent / "gold").glob("*/corpus.jsonl")):
        for line in corpus.open(encoding="utf-8"):
            doc = json.loads(line)
            published = dt.datetime.fromisoformat(doc["published_at"])
            for figure in extract_figures(doc["text"], published):
                seen.update(rule_parts(figure.rule))
    assert seen, "no figures read from the gold texts"
    assert seen <= RULE_NAMES, sorted(seen - RULE_NAMES)
