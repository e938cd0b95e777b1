"""Language data for the extractor, one module per language.

Everything language-specific — number words, nouns, weapon names, verbs per
measure, side words, places, reporters, date words, cues for running totals —
lives in a lexicon module; the engine only builds patterns from it. A new
language is a sibling module defining the names in `REQUIRED` (plus tests with
its own example sentences), selected with the FIGURES_LANGUAGE environment
variable before `analytics.extract` is imported.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

REQUIRED = (
    "NUMBER_WORDS", "SCALE_WORDS", "VAGUE_COUNTS", "QUALIFIER_WORDS", "WEAPON_MODELS",
    "MODEL_SIDES", "DEFAULT_MODEL_SIDE", "PERSPECTIVE_CUES", "NOUNS", "NOUN_BLOCKERS",
    "MODIFIERS", "MEASURE_ACTIVE", "MEASURE_PASSIVE", "CASUALTY_NOUNS", "TOLL_FRAMES",
    "LOSS_TABLE_ITEMS", "LOSS_TABLE_LEAD", "SIDE_WORDS", "RUSSIAN_PLACES", "OCCUPIED_PLACES",
    "UKRAINIAN_PLACES", "REPORTERS", "SAYING", "MONTHS", "WEEKDAYS", "RELATIVE_DAYS",
    "CUMULATIVE_CUES", "NON_COUNT_UNITS", "ONE_PERSON_PARTS",
)  # fmt: skip


def load(language: str) -> ModuleType:
    """The lexicon module for a language code ('en'), checked for every required name."""
    module = importlib.import_module(f"analytics.extract.lexicon.{language}")
    missing = [name for name in REQUIRED if not hasattr(module, name)]
    if missing:
        raise ImportError(f"lexicon {language!r} lacks {', '.join(missing)}")
    return module


def current() -> ModuleType:
    """The lexicon chosen for this process (FIGURES_LANGUAGE, default English)."""
    return load(os.environ.get("FIGURES_LANGUAGE", "en"))
