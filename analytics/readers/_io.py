"""Bytes in, checked text out: the shared guards of every reader.

Every reader goes through here so that the same bad inputs (missing,
unreadable, binary, empty, undecodable, truncated or oversized gzip) fail the
same way: an `InputError` whose message is one line, "PATH: reason".
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from analytics.model import InputError

MAX_DOCUMENT_CHARS = 5_000_000
MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024
# Text and HTML files are read into memory whole; these caps bound that.
# JSON Lines and Telegram exports stream: MAX_JSON_BYTES only bounds a single
# top-level value of an export other than its messages.
MAX_TEXT_BYTES = 4 * MAX_DOCUMENT_CHARS
MAX_HTML_BYTES = 64 * 1024 * 1024
MAX_JSON_BYTES = 256 * 1024 * 1024

_CHUNK = 1 << 20
_SNIFF = 8192
# Below this many bytes charset detection is guesswork; above it, how chaotic
# the decoded text may look before we refuse it.
_MIN_DETECT_BYTES = 16
_MAX_CHAOS = 0.25
# A reading in which no language is recognised at all (coherence 0) is random
# bytes that happen to map to letters in some code page, not text.
_MIN_COHERENCE = 0.05
# Tie-breaking order among equally good detections (charset-normalizer names).
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "koi8_u", "iso8859_5")
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}


def is_gzip(path: Path) -> bool:
    """Whether the file name says gzip."""
    return path.name.lower().endswith(".gz")


def content_hash(text: str) -> str:
    """sha256 of the text, so the same article under two names can be recognised."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_string(value: str) -> str:
    """The string with lone surrogates (from JSON escapes like \\ud800) replaced by U+FFFD.

    They are not Unicode text: Arrow, DuckDB and every UTF-8 writer refuse them.
    """
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


class _CappedGzip(io.RawIOBase):
    """A gzip stream that refuses to inflate past a byte cap (gzip bombs)."""

    def __init__(self, path: Path, raw: BinaryIO, cap: int) -> None:
        self._path = path
        self._raw = raw
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._cap = cap
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._gz.read(len(buffer))
        except EOFError as exc:
            raise InputError(str(self._path), "truncated gzip file") from exc
        except gzip.BadGzipFile as exc:
            raise InputError(str(self._path), f"not a valid gzip file ({exc})") from exc
        except zlib.error as exc:
            raise InputError(str(self._path), f"corrupt gzip data ({exc})") from exc
        self._count += len(data)
        if self._count > self._cap:
            raise InputError(
                str(self._path),
                f"decompresses to more than {self._cap // (1024 * 1024)} MiB (size cap)",
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._gz.close()
        finally:
            self._raw.close()
            super().close()


def open_binary(path: Path) -> BinaryIO:
    """Open a file for streaming bytes, transparently inflating `.gz` with the size cap."""
    try:
        raw = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a directory") from exc
    except PermissionError as exc:
        raise InputError(str(path), "permission denied") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot open ({exc.strerror or exc})") from exc
    if not is_gzip(path):
        return raw
    return io.BufferedReader(_CappedGzip(path, raw, MAX_DECOMPRESSED_BYTES), _CHUNK)


def read_all(path: Path, cap: int) -> bytes:
    """The whole (decompressed) file, refusing files over `cap` bytes before reading them."""
    if not is_gzip(path):
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc
        if size > cap:
            raise InputError(str(path), f"file is {size} bytes, over the {cap}-byte cap")
    with open_binary(path) as stream:
        try:
            data = stream.read(cap + 1)
        except OSError as exc:
            raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > cap:
        raise InputError(str(path), f"content is over the {cap}-byte cap")
    return data


def check_not_binary(path: Path, head: bytes) -> None:
    """Refuse bytes that are not text: NUL bytes or mostly control characters up front."""
    sample = head[:_SNIFF]
    if b"\x00" in sample:
        raise InputError(str(path), "binary file (NUL bytes)")
    if sample:
        controls = sum(1 for byte in sample if byte in _CONTROL)
        if controls / len(sample) > 0.1:
            raise InputError(str(path), "binary file (mostly control bytes)")


def decode(path: Path, data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM stripped), else a confidently detected legacy encoding.

    cp1251 and latin-1 pages still circulate in Ukrainian and Russian sources;
    a guess we are not sure of is refused rather than turned into mojibake.
    """
    check_not_binary(path, data)
    if not data.strip():
        raise InputError(str(path), "empty file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if len(data) < _MIN_DETECT_BYTES:
        raise InputError(str(path), f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start})")
    encoding = _detect_encoding(data[: 4 * _CHUNK])
    if encoding is None:
        raise InputError(
            str(path),
            f"not UTF-8 and the encoding cannot be detected with confidence "
            f"({utf8_error.reason} at byte {utf8_error.start})",
        )
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(str(path), f"cannot decode as {encoding} ({exc})") from exc


def _detect_encoding(sample: bytes) -> str | None:
    """The legacy encoding of a sample, or None when no reading is clean enough.

    Several single-byte code pages often read a Western text equally well
    (cp1250 and cp1252 differ in a few letters); among the equally good
    readings the code page usual for news in our languages wins.
    """
    matches = list(from_bytes(sample))
    if not matches or matches[0].chaos > _MAX_CHAOS or matches[0].coherence < _MIN_COHERENCE:
        return None
    best = matches[0]
    tied = [
        m.encoding
        for m in matches
        if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01
    ]
    for encoding in PREFERRED_ENCODINGS:
        if encoding in tied:
            return encoding
    return best.encoding


def read_text(path: Path, cap: int) -> str:
    """A whole-file text, decoded and checked, with the document cap applied."""
    text = decode(path, read_all(path, cap))
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(
            str(path), f"text is {len(text)} characters, over the {MAX_DOCUMENT_CHARS} cap"
        )
    return text


def iter_lines(path: Path, stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line longer than `limit` bytes.

    An overlong line is consumed in chunks and never held whole in memory.
    """
    number = 0
    while True:
        try:
            line = stream.readline(limit + 1)
        except OSError as exc:
            raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield number, None
            continue
        yield number, line
