"""Plain text and Markdown files, with an optional front-matter header.

Two header forms are read: a YAML-style block fenced by `---` lines, and the
plain form of the development texts (`key: value` lines closed by a `---`
line). Keys not listed below are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import regex

from analytics.model import Document, InputError
from analytics.readers._io import MAX_TEXT_BYTES, content_hash, read_text
from analytics.readers.dates import parse_datetime, refine_published

# Front-matter key -> Document field. `source_path` holds the page address in
# the development texts.
FIELD_KEYS = {
    "id": "doc_id",
    "doc_id": "doc_id",
    "title": "title",
    "url": "url",
    "source_path": "url",
    "source_url": "url",
    "link": "url",
    "outlet": "outlet",
    "publisher": "outlet",
    "source": "outlet",
    "published": "published",
    "published_at": "published",
    "date": "published",
    "kind": "kind",
}
_KEY_LINE = regex.compile(r"(?P<key>[A-Za-z_][\w-]{0,40})\s*:\s*(?P<value>.*?)\s*")
_FENCE = regex.compile(r"-{3,}\s*")
_MAX_HEADER_LINES = 60


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(header fields, body) for a text; ({}, text) when it has no header.

    A header is only taken when every line of it is `key: value` (blank lines
    allowed) and one of the keys is known, so an article that opens with
    "KYIV: ..." and later has a `---` rule keeps its text.
    """
    lines = text.split("\n", _MAX_HEADER_LINES + 2)
    offset = 0
    if _FENCE.fullmatch(lines[0].rstrip("\r")):
        offset = len(lines[0]) + 1
        lines = lines[1:]
    fields: dict[str, str] = {}
    for line in lines[: _MAX_HEADER_LINES + 1]:
        clean = line.rstrip("\r")
        if _FENCE.fullmatch(clean):
            if not fields.keys() & FIELD_KEYS.keys():
                return {}, text  # "KYIV: ..." above a rule is a dateline, not a header
            return fields, text[offset + len(line) + 1 :]
        offset += len(line) + 1
        if not clean.strip():
            continue
        match = _KEY_LINE.fullmatch(clean)
        if match is None:
            return {}, text
        fields[match["key"].lower().replace("-", "_")] = _unquote(match["value"])
    return {}, text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def document_stem(path: Path) -> str:
    """The file's name without its extensions: `a.txt.gz` -> `a` (the gold files' doc names)."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


def normalise_kind(value: str | None) -> str | None:
    """`live-blog` and `Live Blog` both become `live_blog`."""
    if not value:
        return None
    return regex.sub(r"[\s-]+", "_", value.strip().lower())


def read_text_file(path: Path, published: dt.datetime | None = None) -> Iterator[Document]:
    """One Document from a `.txt`/`.md` file (optionally gzipped)."""
    raw = read_text(path, MAX_TEXT_BYTES).replace("\r\n", "\n").replace("\r", "\n")
    header, body = split_front_matter(raw)
    fields: dict[str, str] = {}
    for key, field in FIELD_KEYS.items():  # the first key listed for a field wins
        if header.get(key):
            fields.setdefault(field, header[key])
    body = body.strip("\r\n").rstrip()
    if not body.strip():
        raise InputError(str(path), "empty file (no text after the header)")
    when = refine_published(parse_datetime(fields.get("published")), body) or (
        published.replace(tzinfo=None) if published else None
    )
    url = fields.get("url")
    yield Document(
        doc_id=fields.get("doc_id") or document_stem(path),
        text=body,
        source_path=str(path),
        title=fields.get("title") or _first_line(body),
        url=url if url and "://" in url else None,
        outlet=fields.get("outlet"),
        published_at=when,
        kind=normalise_kind(fields.get("kind")),
        content_hash=content_hash(body),
    )


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None
