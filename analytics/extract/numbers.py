"""Reading counts: digits with separators, number words, qualifiers, ranges, vague counts.

The patterns are built from the lexicon's word tables, so another language brings
its own words without touching this logic. `parse_count` turns the text matched by
`COUNT` into a `Quantity`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from analytics.extract import fastre as fre
from analytics.extract import lexicon

lex = lexicon.current()

_DIGITS = r"""
    (?<![\p{L}\d/.,:])(?<!\p{L}-)  # not glued to a model name (Kh-101), a time or a decimal
    (?:\d{1,3}(?:,\d{3})+         # 2,000 / 1,200,000
      |\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+   # 2 000 with a thin or no-break space
      |\d{1,3}(?:\x20\d{3})(?![\d,.])          # 2 000 with a plain space, one group only
      |\d+)
    (?:\.\d+)?
    (?![\d\p{L}])
    (?:\s*(?:million|mln|thousand)\b)?
"""

_WORD = "|".join(sorted(lex.NUMBER_WORDS, key=len, reverse=True))
_SCALE = "|".join(sorted(lex.SCALE_WORDS, key=len, reverse=True))
_WORDS = rf"""
    \b(?:(?:{_WORD})(?:(?:\s+and\s+|\s*-\s*|\s+)(?:{_WORD}|{_SCALE}))*
       |a\s+(?:{_SCALE})(?:\s+and\s+(?:{_WORD})(?:-(?:{_WORD}))?)?)\b
"""
# verbose patterns ignore spaces: "tens of thousands" must spell its whitespace out
_VAGUE = "|".join(
    regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex.VAGUE_COUNTS, key=len, reverse=True)
)

# One number: digits, words, or a vague count ("dozens").
NUMBER = rf"(?:{_DIGITS}|{_WORDS}|\b(?:{_VAGUE})\b)"

_QUALIFIER_ALTS = "|".join(
    regex.escape(w).replace(r"\ ", r"\s+")
    for w in sorted(lex.QUALIFIER_WORDS, key=len, reverse=True)
)
QUALIFIER = rf"(?:\b(?:{_QUALIFIER_ALTS})\s+)"

_RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+|,\s*(?:maybe|perhaps|possibly)\s+)"

# A count as written: optional qualifier, a number or a range of two.
COUNT = rf"""
    (?<!(?<!\b(?:attacks?|up|down)\s)(?<!^\W*)\bfrom\s)  # "rose from 18 to 27" is 27; not "attack from 57
                                                   # drones", "up from 22", "From 28 to 30 of the drones"
    (?:{QUALIFIER})?
    (?:between\s+{NUMBER}\s+and\s+{NUMBER}
      |(?!(?<=\d,\s)(?:19|20)\d\d\b){_DIGITS}(?:{_RANGE_JOIN}{_DIGITS})?     # 10-15, 10 to 15;
                                                   # not "Sept 7, 2025 – 810 drones"
      |{NUMBER}(?:(?:\s+(?:to|or)|,\s*(?:maybe|perhaps|possibly))\s+{NUMBER})?)   # ten to fifteen,
                                                   # "three, maybe four"; never "Oct 31 — Two of the ..."
"""

_NUMBER_RE = regex.compile(NUMBER, regex.I | regex.X)
_COUNT_RE = regex.compile(COUNT, regex.I | regex.X)
_QUALIFIER_RE = regex.compile(rf"^\s*(?P<q>{_QUALIFIER_ALTS})\s+", regex.I | regex.X)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed count: the value the spec stores and how exact it is."""

    value: int
    qualifier: str = "exact"
    low: int | None = None
    high: int | None = None


def words_to_int(text: str) -> int | None:
    """'one hundred and twenty' -> 120, 'thirty-seven' -> 37, 'a dozen' -> 12."""
    tokens = [t for t in fre.split(r"[\s\-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if token in lex.NUMBER_WORDS:
            current += lex.NUMBER_WORDS[token]
            seen = True
        elif token in lex.SCALE_WORDS:
            scale = lex.SCALE_WORDS[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def number_value(text: str) -> tuple[int, str] | None:
    """Value of one number as written, with 'at_least' for vague counts ('dozens')."""
    raw = text.strip().lower()
    vague = lex.VAGUE_COUNTS.get(fre.sub(r"\s+", " ", raw))
    if vague is not None:
        return vague, "at_least"
    match = fre.fullmatch(
        r"(?P<n>[\d,.\u00a0\u202f\u2009 ]+?)\s*(?P<scale>million|mln|thousand)?", raw
    )
    if match and fre.search(r"\d", match["n"]):
        digits = fre.sub(r"[,\u00a0\u202f\u2009 ]", "", match["n"])
        if len(digits) > 15:
            return None  # no count is that long; float() would overflow past 308 digits
        try:
            number = float(digits)
        except ValueError:
            return None
        scale = {"million": 1_000_000, "mln": 1_000_000, "thousand": 1000}.get(
            match["scale"] or "", 1
        )
        number *= scale
        if number != int(number):
            return None  # 2.5 drones is not a count
        return int(number), "exact"
    value = words_to_int(raw)
    return (value, "exact") if value is not None else None


def parse_count(text: str) -> Quantity | None:
    """Parse the text matched by COUNT: '37', 'at least 10', 'between 10 and 15'."""
    qualifier = "exact"
    rest = text
    q = _QUALIFIER_RE.match(text)
    if q:
        qualifier = lex.QUALIFIER_WORDS[fre.sub(r"\s+", " ", q["q"].lower())]
        rest = text[q.end() :]
    numbers = _between_bounds(rest) or [m.group() for m in _NUMBER_RE.finditer(rest)]
    if not numbers:
        return None
    parsed = [number_value(n) for n in numbers[:2]]
    if any(p is None for p in parsed):
        return None
    if len(parsed) == 2:
        low, high = sorted((parsed[0][0], parsed[1][0]))  # type: ignore[index]
        if low == high:
            return Quantity(low, qualifier)
        return Quantity(low, "range", low, high)
    value, kind = parsed[0]  # type: ignore[misc]
    if kind == "at_least" and qualifier == "exact":
        qualifier = "at_least"
    return Quantity(value, qualifier)


_AND = regex.compile(r"\s+and\s+", regex.I)


def _between_bounds(text: str) -> list[str] | None:
    """'between eight and ten' is 8 to 10, not 'eight and ten' read as one number (18)."""
    opening = fre.match(r"\s*between\s+", text, regex.I)
    if opening is None:
        return None
    rest = text[opening.end() :]
    for join in _AND.finditer(rest):
        low, high = rest[: join.start()], rest[join.end() :].strip()
        if _NUMBER_RE.fullmatch(low) and _NUMBER_RE.fullmatch(high):
            return [low, high]
    return None


def find_counts(text: str) -> list[tuple[int, int, Quantity]]:
    """Every count in a text with its span (used by tests and the prefilter)."""
    found = []
    for match in _COUNT_RE.finditer(text):
        quantity = parse_count(match.group())
        if quantity is not None:
            found.append((match.start(), match.end(), quantity))
    return found
