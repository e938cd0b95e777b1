"""Compiled-pattern cache for the small inline patterns the engine uses.

`regex.search(pattern, text)` looks its pattern up in the module's cache on
every call, which costs more than the search itself on short sentences; these
helpers keep one compiled object per (pattern, flags).
"""

from __future__ import annotations

import functools
import re

import regex


@functools.cache
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags)


def search(pattern: str, text: str, flags: int = 0) -> regex.Match | None:
    return compiled(pattern, flags).search(text)


def match(pattern: str, text: str, flags: int = 0) -> regex.Match | None:
    return compiled(pattern, flags).match(text)


def fullmatch(pattern: str, text: str, flags: int = 0) -> regex.Match | None:
    return compiled(pattern, flags).fullmatch(text)


def sub(pattern: str, replacement: str, text: str, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(replacement, text)


def split(pattern: str, text: str, flags: int = 0) -> list[str]:
    return compiled(pattern, flags).split(text)


class Lowered:
    """A case-insensitive word-list pattern run by the standard `re` on lower-cased text.

    Long alternations of names with IGNORECASE are the slowest thing `regex` does
    here; `re` over text lower-cased once is about four times faster on them.
    The pattern must be written in lower case and use only syntax both engines
    share; `letter_edges` turns the `regex`-only "not next to a letter or digit"
    guard into its `re` form. Text whose length changes when lower-cased falls
    back to the `regex` pattern, so match positions always index the original.
    """

    def __init__(self, pattern: str, letter_edges: bool = False) -> None:
        if letter_edges:
            self.careful = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}])(?:{pattern})(?![\p{{L}}\p{{N}}])", regex.I
            )
            self.fast = re.compile(rf"(?<![^\W_])(?:{pattern})(?![^\W_])")
        else:
            self.careful = regex.compile(pattern, regex.I)
            self.fast = re.compile(pattern)

    def _lowered(self, text: str) -> str | None:
        lowered = text.lower()
        return lowered if len(lowered) == len(text) else None

    def search(self, text: str):
        lowered = self._lowered(text)
        return self.fast.search(lowered) if lowered is not None else self.careful.search(text)

    def finditer(self, text: str):
        lowered = self._lowered(text)
        return self.fast.finditer(lowered) if lowered is not None else self.careful.finditer(text)

    def findall(self, text: str) -> list:
        lowered = self._lowered(text)
        return self.fast.findall(lowered) if lowered is not None else self.careful.findall(text)
