"""Telegram Desktop exports (`result.json`): each text message is a document.

A channel export has the channel's `name`, `id` and a `messages` list; a full
account export nests the same under `chats.list`. Message text is a string or
a list mixing strings and entity objects (`{"type": "bold", "text": ...}`),
flattened here to plain text.

A busy channel's export runs to hundreds of megabytes, so a channel export is
read as a stream: the `messages` array is decoded one message at a time and
never held whole. (Telegram writes `name` and `id` before `messages`.) Other
top-level values, including an account export's `chats`, are decoded whole
under `MAX_JSON_BYTES`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from analytics.model import Document, InputError, Skipped
from analytics.readers._io import (
    MAX_DOCUMENT_CHARS,
    MAX_JSON_BYTES,
    check_not_binary,
    clean_string,
    open_binary,
)
from analytics.readers._io import content_hash as _hash
from analytics.readers.dates import from_unix, parse_datetime

# One message: its text plus entities, media names and metadata.
MAX_MESSAGE_CHARS = 4 * MAX_DOCUMENT_CHARS
_CHUNK = 1 << 20
_WHITESPACE = " \t\r\n"


def read_telegram_file(
    path: Path, published: dt.datetime | None = None
) -> Iterator[Document | Skipped]:
    """Documents from a Telegram export; malformed messages become `Skipped`.

    The start of the file is checked before this returns (missing, binary,
    not a JSON object); malformed JSON further in raises `InputError` while
    iterating, after the messages before it.
    """
    stream = open_binary(path)
    try:
        check_not_binary(path, stream.peek(8192)[:8192])
        parser = _JsonStream(path, stream)
        if parser.peek() == "":
            raise InputError(str(path), "empty file")
        parser.expect("{", "not a Telegram export (top level is not a JSON object)")
    except BaseException:
        stream.close()
        raise
    fallback = published.replace(tzinfo=None) if published else None
    return _documents(path, stream, parser, fallback)


def _documents(
    path: Path, stream: BinaryIO, parser: _JsonStream, fallback: dt.datetime | None
) -> Iterator[Document | Skipped]:
    with stream:
        chat: dict[str, object] = {}
        streamed = False
        for key in parser.object_keys():
            if key == "messages" and parser.peek() == "[":
                streamed = True
                for index, message in enumerate(parser.array_items(MAX_MESSAGE_CHARS)):
                    yield from _message_document(path, chat, index, message, fallback)
            else:
                chat[key] = parser.value(MAX_JSON_BYTES)
        parser.expect_end()
    if streamed:
        return
    chats = _chats(chat)
    if chats is None:
        raise InputError(str(path), "not a Telegram export (no 'messages' list)")
    for nested in chats:
        for index, message in enumerate(nested.get("messages") or []):
            yield from _message_document(path, nested, index, message, fallback)


class _JsonStream:
    """A pull parser over a UTF-8 byte stream, one JSON value at a time.

    `json.JSONDecoder.raw_decode` decodes each value from a buffer that is
    refilled as needed, so memory holds one message, not the whole export.
    """

    def __init__(self, path: Path, stream: BinaryIO) -> None:
        self._path = path
        self._stream = stream
        self._decoder = json.JSONDecoder()
        self._utf8 = codecs.getincrementaldecoder("utf-8-sig")()
        self._buffer = ""
        self._pos = 0
        self._offset = 0  # characters dropped from the buffer so far
        self._eof = False

    def _fill(self, size: int = _CHUNK) -> bool:
        """Append at least `size` more bytes of text; False at the end of the file."""
        if self._eof:
            return False
        try:
            data = self._stream.read(size)
            text = self._utf8.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise InputError(str(self._path), f"not UTF-8 ({exc.reason})") from exc
        except OSError as exc:
            raise InputError(str(self._path), f"cannot read ({exc.strerror or exc})") from exc
        if not data:
            self._eof = True
        self._offset += self._pos
        self._buffer = self._buffer[self._pos :] + text
        self._pos = 0
        return bool(data)

    def _error(self, reason: str) -> InputError:
        return InputError(
            str(self._path), f"malformed JSON ({reason}; character {self._offset + self._pos})"
        )

    def peek(self) -> str:
        """The next non-space character ('' at the end), not consumed."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in _WHITESPACE:
                self._pos += 1
            if self._pos < len(self._buffer) or not self._fill():
                return self._buffer[self._pos : self._pos + 1]

    def expect(self, char: str, reason: str | None = None) -> None:
        if self.peek() != char:
            if reason:
                raise InputError(str(self._path), reason)
            raise self._error(f"expected {char!r}")
        self._pos += 1

    def expect_end(self) -> None:
        if self.peek() != "":
            raise self._error("extra data after the top-level object")

    def value(self, limit: int) -> object:
        """Decode the next value, reading more text until it is complete."""
        self.peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as exc:
                if self._eof:
                    self._pos = exc.pos
                    raise self._error(exc.msg) from exc
            except RecursionError as exc:
                raise self._error("nested too deeply") from exc
            else:
                # A number at the very end of the buffer may continue in the next chunk.
                if end < len(self._buffer) or self._eof:
                    self._pos = end
                    return value
            if len(self._buffer) - self._pos > limit:
                raise InputError(str(self._path), f"a JSON value over the {limit}-character cap")
            self._fill(max(_CHUNK, len(self._buffer) - self._pos))

    def object_keys(self) -> Iterator[str]:
        """Keys of the object just opened; the caller consumes each key's value."""
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            key = self.value(MAX_MESSAGE_CHARS)
            if not isinstance(key, str):
                raise self._error("object key is not a string")
            self.expect(":")
            yield key
            following = self.peek()
            self._pos += 1
            if following == "}":
                return
            if following != ",":
                self._pos -= 1
                raise self._error("expected ',' or '}'")

    def array_items(self, limit: int) -> Iterator[object]:
        """The values of the array that starts next, one at a time."""
        self.expect("[")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield self.value(limit)
            following = self.peek()
            self._pos += 1
            if following == "]":
                return
            if following != ",":
                self._pos -= 1
                raise self._error("expected ',' or ']'")


def is_telegram_export(data: object) -> bool:
    """Whether parsed JSON looks like a Telegram Desktop export."""
    return _chats(data) is not None


def _chats(data: object) -> list[dict] | None:
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("messages"), list):
        return [data]
    nested = data.get("chats")
    if isinstance(nested, dict) and isinstance(nested.get("list"), list):
        return [chat for chat in nested["list"] if isinstance(chat, dict)]
    return None


def flatten_text(value: object) -> str | None:
    """Message text as one string; None when the shape is not a Telegram text."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    parts: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
        else:
            return None
    return "".join(parts)


def _message_document(
    path: Path, chat: dict, index: int, message: object, fallback: dt.datetime | None
) -> Iterator[Document | Skipped]:
    """Zero or one Document (or Skipped) for one message of a chat."""
    name = chat.get("name") if isinstance(chat.get("name"), str) else None
    chat_id = chat.get("id")
    channel = name or (str(chat_id) if chat_id is not None else "telegram")
    if not isinstance(message, dict):
        yield Skipped(str(path), f"{channel} message #{index}: not an object")
        return
    if message.get("type", "message") != "message":
        return  # service messages: joins, pins, calls
    message_id = message.get("id")
    where = f"{channel} message {message_id if message_id is not None else f'#{index}'}"
    text = flatten_text(message.get("text"))
    if text is None:
        text = flatten_text(message.get("text_entities"))
    if text is None:
        yield Skipped(str(path), f"{where}: missing or malformed 'text'")
        return
    if not text.strip():
        return  # photos, stickers and polls without a caption
    if isinstance(message_id, bool) or not isinstance(message_id, int | str):
        yield Skipped(str(path), f"{where}: missing 'id'")
        return
    if len(text) > MAX_DOCUMENT_CHARS:
        yield Skipped(str(path), f"{where}: text over the {MAX_DOCUMENT_CHARS}-character cap")
        return
    when = parse_datetime(message.get("date")) or from_unix(message.get("date_unixtime"))
    if when is None and fallback is None:
        yield Skipped(str(path), f"{where}: missing or invalid 'date'")
        return
    text = clean_string(text)
    channel = clean_string(channel)
    yield Document(
        doc_id=clean_string(f"{channel}/{message_id}"),
        text=text,
        source_path=str(path),
        title=None,
        url=None,
        outlet=channel,
        published_at=when or fallback,
        kind="telegram",
        content_hash=_hash(text),
    )
