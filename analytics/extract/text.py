"""Sentences with their offsets: the unit the rules read.

Paragraphs (blank lines) and lines are hard boundaries — headlines, bullets and
bylines are their own sentences. Inside a line, a sentence ends at . ! ? followed
by a space and a capital, a digit or a quote, except after known abbreviations.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_ABBREVIATIONS = [
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "gen",
    "gov",
    "col",
    "lt",
    "maj",
    "sgt",
    "capt",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "vs",
    "etc",
    "approx",
    "incl",
    "excl",
    "dept",
    "adm",
    "cmdr",
    "rep",
    "sen",
    "pres",
    "prof",
    "inc",
    "corp",
    "co",
    "ltd",
    "jr",
    "sr",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
]
_ABBREV_RE = regex.compile(
    r"(?:^|[\s(])(?:" + "|".join(regex.escape(a) for a in _ABBREVIATIONS) + r")\.$", regex.I
)
_BOUNDARY_RE = regex.compile(r"(?<![.!?])[.!?]++[\"'”’)\]»]*+(?=\s+[\"'“‘(\[«]?[\p{Lu}\d•])")
# Longer "sentences" (lists with no full stop, junk) are cut into pieces at a comma
# or a space, so that the work per sentence stays bounded and extraction linear.
MAX_SENTENCE_CHARS = 1200
_CUT_RE = regex.compile(r"[,;]\s|\s")
_LINE_RE = regex.compile(r"[^\n]+")
# Emoji and their variation selectors before the first word ("❗️Kharkiv.", "⚡️Overnight"):
# left out of the sentence, so that word boundaries at its start hold.
_LEADING_SYMBOLS = regex.compile(r"^[\s\p{So}\p{Sk}\p{Mn}\p{Cf}]+")
# A numbered list item's marker is not a sentence of its own, and not a count
_NUMBERED_RE = regex.compile(r"\s*(?:\d{1,2}[.)]\s+)?")
_BULLET_RE = regex.compile(r"^\s*(?:[•·▪◦●\-–—*\p{So}]{1,2}\uFE0F?|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its text, its offset in the entry, its paragraph and line."""

    text: str
    start: int
    paragraph: int
    is_bullet: bool
    ends_with_colon: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Split an entry's text into sentences, keeping exact offsets."""
    sentences: list[Sentence] = []
    paragraph = 0
    last_line_end = 0
    for line in _LINE_RE.finditer(text):
        if text.count("\n", last_line_end, line.start()) >= 2:
            paragraph += 1
        last_line_end = line.end()
        line_text = line.group()
        if not line_text.strip():
            continue
        is_bullet = bool(_BULLET_RE.match(line_text))
        numbered = _NUMBERED_RE.match(line_text)  # "1. 78 missiles of various types:"
        start = numbered.end() if numbered else 0
        for boundary in _BOUNDARY_RE.finditer(line_text, start):
            candidate = line_text[start : boundary.end()]
            if _ABBREV_RE.search(candidate.rstrip("\"'”’)]")):
                continue
            _append(sentences, line_text, line.start(), start, boundary.end(), paragraph, is_bullet)
            start = boundary.end()
        _append(sentences, line_text, line.start(), start, len(line_text), paragraph, is_bullet)
    return sentences


def _append(
    out: list[Sentence],
    line: str,
    line_start: int,
    start: int,
    end: int,
    paragraph: int,
    is_bullet: bool,
) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        window = line[start + MAX_SENTENCE_CHARS // 2 : start + MAX_SENTENCE_CHARS]
        cuts = [m.end() for m in _CUT_RE.finditer(window)]
        commas = [m.end() for m in _CUT_RE.finditer(window) if m.group()[0] in ",;"]
        cut = (commas or cuts or [len(window)])[-1] + start + MAX_SENTENCE_CHARS // 2
        _append_piece(out, line, line_start, start, cut, paragraph, is_bullet)
        start, is_bullet = cut, False
    _append_piece(out, line, line_start, start, end, paragraph, is_bullet)


def _append_piece(
    out: list[Sentence],
    line: str,
    line_start: int,
    start: int,
    end: int,
    paragraph: int,
    is_bullet: bool,
) -> None:
    piece = line[start:end]
    stripped = _LEADING_SYMBOLS.sub("", piece).rstrip()
    if not stripped:
        return
    lead = len(piece) - len(_LEADING_SYMBOLS.sub("", piece))
    out.append(
        Sentence(
            text=stripped,
            start=line_start + start + lead,
            paragraph=paragraph,
            is_bullet=is_bullet and _NUMBERED_RE.fullmatch(line[:start]) is not None,
            ends_with_colon=stripped.endswith(":"),
        )
    )
