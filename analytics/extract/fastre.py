"""Compiled-pattern cache for the small inline patterns the engine uses.

`regex.search(pattern, text)` looks its pattern up in the module's cache on
every call, which costs more than the search itself on short sentences; these
helpers keep one compiled object per (pattern, flags).
"""

from __future__ import annotations

import functools

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
