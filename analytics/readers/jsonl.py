"""JSON Lines corpora: one document per line, read as a stream.

Corpora can be gigabytes, so the file is never held in memory: lines are
read one at a time (a gzip stream is inflated incrementally, under the size
cap), and a line that is too long is skipped without being kept whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from analytics.model import Document, InputError, Skipped
from analytics.readers._io import (
    MAX_DOCUMENT_CHARS,
    check_not_binary,
    clean_string,
    content_hash,
    iter_lines,
    open_binary,
)
from analytics.readers.dates import parse_datetime
from analytics.readers.text import normalise_kind

# A line holds one document plus its JSON quoting and metadata.
MAX_LINE_BYTES = 4 * MAX_DOCUMENT_CHARS + 64 * 1024
_PEEK = 8192
OPTIONAL_STRINGS = ("url", "title", "outlet", "kind")
PUBLISHED_KEYS = ("published_at", "published", "date")


def read_jsonl_file(
    path: Path, published: dt.datetime | None = None
) -> Iterator[Document | Skipped]:
    """Documents from a `.jsonl`/`.ndjson` file; bad lines become `Skipped` with their number.

    The file is opened and its first block checked (missing, unreadable,
    binary, bad gzip header, empty) before this returns; a fault further in (a
    truncated gzip tail) raises `InputError` while iterating, after the
    documents before it.
    """
    fallback = published.replace(tzinfo=None) if published else None
    stream = open_binary(path)
    try:
        head = stream.peek(_PEEK)[:_PEEK]
        check_not_binary(path, head)
        if len(head) < _PEEK and not head.strip():
            raise InputError(str(path), "empty file")
    except BaseException:
        stream.close()
        raise
    return _documents(path, stream, fallback)


def _documents(
    path: Path, stream: BinaryIO, fallback: dt.datetime | None
) -> Iterator[Document | Skipped]:
    with stream:
        seen_content = False
        for number, line in iter_lines(path, stream, MAX_LINE_BYTES):
            if line is None:
                seen_content = True
                yield Skipped(str(path), f"line {number}: longer than {MAX_LINE_BYTES} bytes")
                continue
            if not line.strip():
                continue
            seen_content = True
            yield _record(path, number, line, fallback)
    if not seen_content:
        raise InputError(str(path), "empty file")


def _record(
    path: Path, number: int, line: bytes, fallback: dt.datetime | None
) -> Document | Skipped:
    """One line to a Document, or the reason it cannot be one."""
    where = f"line {number}"
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return Skipped(str(path), f"{where}: not UTF-8")
    except json.JSONDecodeError as exc:
        return Skipped(str(path), f"{where}: not JSON ({exc.msg}; column {exc.colno})")
    except RecursionError:
        return Skipped(str(path), f"{where}: JSON nested too deeply")
    if not isinstance(record, dict):
        return Skipped(str(path), f"{where}: not a JSON object")
    doc_id = record.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or doc_id == "":
        reason = "missing 'id'" if doc_id is None else "'id' must be a string or integer"
        return Skipped(str(path), f"{where}: {reason}")
    text = record.get("text")
    if not isinstance(text, str):
        reason = "missing 'text'" if text is None else "'text' must be a string"
        return Skipped(str(path), f"{where}: {reason}")
    if not text.strip():
        return Skipped(str(path), f"{where}: empty 'text'")
    if len(text) > MAX_DOCUMENT_CHARS:
        return Skipped(str(path), f"{where}: text over the {MAX_DOCUMENT_CHARS}-character cap")
    for key in OPTIONAL_STRINGS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return Skipped(str(path), f"{where}: '{key}' must be a string")
    when = None
    for key in PUBLISHED_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return Skipped(str(path), f"{where}: '{key}' must be a string")
        when = parse_datetime(value)
        break
    text = clean_string(text)
    return Document(
        doc_id=clean_string(str(doc_id)),
        text=text,
        source_path=str(path),
        title=_optional(record, "title"),
        url=_optional(record, "url"),
        outlet=_optional(record, "outlet"),
        published_at=when or fallback,
        kind=normalise_kind(_optional(record, "kind")),
        content_hash=content_hash(text),
    )


def _optional(record: dict, key: str) -> str | None:
    value = record.get(key)
    return clean_string(value) if value else None
