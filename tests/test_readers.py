"""Readers: each format from its own fixtures, and every way a file can be bad."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.model import Document, InputError, Skipped
from analytics.readers import (
    SUPPORTED_EXTENSIONS,
    _io,
    html,
    iter_input_files,
    jsonl,
    parse_datetime,
    read_file,
)

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

UKRAINIAN = (
    "Сили протиповітряної оборони вночі знищили дванадцять ударних дронів над областю, "
    "повідомила обласна адміністрація. Пошкоджено два будинки, постраждалих немає. "
    "Мешканців закликали не наближатися до уламків."
)
FRENCH = (
    "Les défenses aériennes ont abattu douze drones au-dessus de la région, a déclaré "
    "l'armée. Deux maisons ont été endommagées, mais personne n'a été blessé. Le préfet "
    "a demandé aux habitants de rester à l'abri."
)


def read_all(path: Path, published: dt.datetime | None = None) -> list[Document | Skipped]:
    return list(read_file(path, published))


def documents(items: list[Document | Skipped]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def skipped(items: list[Document | Skipped]) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


def gzip_copy(source: Path, folder: Path) -> Path:
    target = folder / (source.name + ".gz")
    target.write_bytes(gzip.compress(source.read_bytes()))
    return target


# --- text and Markdown ---------------------------------------------------------------


def test_text_plain_header() -> None:
    (doc,) = read_all(FIXTURES / "article_header.txt")
    assert doc.doc_id == "article_header"
    assert doc.url == "https://news.example.org/2024/03/air-defence-night"
    assert doc.outlet == "Example News"
    assert doc.published_at == dt.datetime(2024, 3, 17, 7, 5)
    assert doc.kind == "wire_story"
    assert doc.title == "Air defence downs most drones in overnight raid, air force says"
    assert doc.text.startswith("Air defence downs")
    assert "source_repo" not in doc.text and "---" not in doc.text
    assert doc.content_hash == hashlib.sha256(doc.text.encode()).hexdigest()
    assert doc.source_path == str(FIXTURES / "article_header.txt")


def test_markdown_yaml_front_matter() -> None:
    (doc,) = read_all(FIXTURES / "article_yaml.md")
    assert doc.doc_id == "yaml-article-001"
    assert doc.title == "Glide bombs hit frontline town"
    assert doc.url == "https://example.net/glide-bombs"
    assert doc.outlet == "Example Wire"
    assert doc.published_at == dt.datetime(2023, 6, 2)
    assert doc.kind == "article"
    assert doc.text.startswith("# Glide bombs")


def test_impossible_header_date_falls_back_to_dateline() -> None:
    (doc,) = read_all(FIXTURES / "bad_date_header.txt")
    assert doc.published_at == dt.datetime(2024, 3, 4, 9, 30)


def test_dateline_in_text_dates_a_file_without_header() -> None:
    (doc,) = read_all(FIXTURES / "dateline_only.txt")
    assert doc.published_at == dt.datetime(2024, 4, 9, 18, 20)
    assert doc.doc_id == "dateline_only"


@pytest.mark.parametrize(
    ("header", "dateline", "expected"),
    [
        ("2024-11-13", "Wednesday 13 November 2024 10:42 GMT", dt.datetime(2024, 11, 13, 10, 42)),
        ("2024-11-14", "Wednesday 13 November 2024 10:42 GMT", dt.datetime(2024, 11, 14)),
        ("2024-11-13 09:00", "Wednesday 13 November 2024 10:42 GMT", dt.datetime(2024, 11, 13, 9)),
    ],
)
def test_day_only_header_takes_the_datelines_time(
    tmp_path: Path, header: str, dateline: str, expected: dt.datetime
) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(f"published: {header}\n---\nHeadline\n\n{dateline}\n\nBody text.\n")
    (doc,) = read_all(path)
    assert doc.published_at == expected


def test_published_argument_used_when_file_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("title: Undated\npublished: 31 February 2024\n---\nNo date anywhere here.\n")
    fallback = dt.datetime(2024, 5, 1, 12, 0)
    (doc,) = read_all(path, fallback)
    assert doc.published_at == fallback
    (doc,) = read_all(path)
    assert doc.published_at is None


@pytest.mark.parametrize(
    "text",
    [
        "KYIV: drones came overnight, officials said.\nThey hit a depot.\n---\nMore text.\n",
        "KYIV: drones came overnight, officials said.\n---\nMore text.\n",
    ],
)
def test_header_needs_key_value_lines_and_a_known_key(tmp_path: Path, text: str) -> None:
    path = tmp_path / "no-header.txt"
    path.write_text(text)
    (doc,) = read_all(path)
    assert doc.text == text.strip()


def test_first_key_for_a_field_wins(tmp_path: Path) -> None:
    path = tmp_path / "both.txt"
    path.write_text(
        "url: https://a.example/x\nsource_path: https://b.example/y\n"
        "published: 2024-01-02\ndate: 2023-05-05\n---\nText.\n"
    )
    (doc,) = read_all(path)
    assert doc.url == "https://a.example/x"
    assert doc.published_at == dt.datetime(2024, 1, 2)


def test_header_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "header-only.txt"
    path.write_text("title: Nothing\npublished: 2024-01-01\n---\n\n   \n")
    with pytest.raises(InputError, match="empty"):
        read_all(path)


# --- HTML ----------------------------------------------------------------------------


def test_html_article_and_meta() -> None:
    (doc,) = read_all(FIXTURES / "page.html")
    assert doc.doc_id == "page"
    assert doc.title == "Missile strike damages power plant"
    assert doc.outlet == "Example Herald"
    assert doc.url == "https://herald.example.com/2024/05/missile-strike"
    assert doc.published_at == dt.datetime(2024, 5, 8, 6, 45)  # local time as written
    assert "intercepted 21 of 25 cruise missiles" in doc.text
    assert "SCRIPT_MUST_NOT_APPEAR" not in doc.text
    assert "STYLE_MUST_NOT_APPEAR" not in doc.text


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("page_jsonld.html", dt.datetime(2024, 7, 21, 22, 10)),
        ("page_time.html", dt.datetime(2023, 9, 14, 13, 30)),
    ],
)
def test_html_dates_from_json_ld_and_time(name: str, published: dt.datetime) -> None:
    (doc,) = read_all(FIXTURES / name)
    assert doc.published_at == published


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta property="og:published_time" content="2022-02-24T05:00:00">', (2022, 2, 24, 5)),
        ('<meta name="pubdate" content="2022-03-01">', (2022, 3, 1, 0)),
        ('<meta name="date" content="October 22, 2022 11:31 am">', (2022, 10, 22, 11, 31)),
        ('<meta name="DC.date.issued" content="2023-01-14">', (2023, 1, 14, 0)),
        ('<meta itemprop="datePublished" content="2024-08-06T09:00:00Z">', (2024, 8, 6, 9)),
        ('<meta name="date" content="31 February 2024">', None),
    ],
)
def test_html_date_meta_tags(tmp_path: Path, meta: str, expected: tuple | None) -> None:
    path = tmp_path / "meta.html"
    path.write_text(f"<html><head>{meta}</head><body><p>Some article text here.</p></body></html>")
    (doc,) = read_all(path)
    assert doc.published_at == (dt.datetime(*expected) if expected else None)


def test_html_fallback_text_without_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "_article_text", lambda markup: "")
    (doc,) = read_all(FIXTURES / "page.html")
    assert "intercepted 21 of 25 cruise missiles" in doc.text
    assert "SCRIPT_MUST_NOT_APPEAR" not in doc.text
    assert "STYLE_MUST_NOT_APPEAR" not in doc.text


@pytest.mark.parametrize("depth", [300, 50_000])
def test_deeply_nested_html_is_an_input_error(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth)
    with pytest.raises(InputError, match="nested too deeply"):
        read_all(path)


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body> </body></html>")
    with pytest.raises(InputError, match="empty"):
        read_all(path)


# --- JSON Lines ----------------------------------------------------------------------


def test_jsonl_documents_and_bad_lines() -> None:
    items = read_all(FIXTURES / "corpus.jsonl")
    docs = documents(items)
    assert [d.doc_id for d in docs] == ["c-001", "2", "c-008"]
    first = docs[0]
    assert first.title == "Forty drones"
    assert first.outlet == "Example Wire"
    assert first.url == "https://wire.example/c-001"
    assert first.published_at == dt.datetime(2024, 2, 10, 8, 0)
    assert docs[2].published_at is None  # "31 February 2024" is no date
    reasons = [s.reason for s in skipped(items)]
    assert reasons[0].startswith("line 3: not JSON")
    assert reasons[1:] == [
        "line 4: missing 'text'",
        "line 5: 'text' must be a string",
        "line 6: not a JSON object",
    ]
    assert all(s.path == str(FIXTURES / "corpus.jsonl") for s in skipped(items))


def test_jsonl_published_fallback() -> None:
    fallback = dt.datetime(2024, 2, 12)
    docs = documents(read_all(FIXTURES / "corpus.jsonl", fallback))
    assert docs[2].published_at == fallback
    assert docs[0].published_at == dt.datetime(2024, 2, 10, 8, 0)


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": "no id"}, "missing 'id'"),
        ({"id": True, "text": "bool id"}, "'id' must be a string or integer"),
        ({"id": "x", "text": "   "}, "empty 'text'"),
        ({"id": "x", "text": "ok", "url": 5}, "'url' must be a string"),
        ({"id": "x", "text": "ok", "published_at": 20240101}, "'published_at' must be a string"),
    ],
)
def test_jsonl_wrong_types(tmp_path: Path, record: dict, reason: str) -> None:
    path = tmp_path / "one.ndjson"
    path.write_text(json.dumps(record) + "\n")
    (item,) = read_all(path)
    assert isinstance(item, Skipped)
    assert item.reason == f"line 1: {reason}"


def test_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    """JSON may escape half a surrogate pair; such text cannot be stored, so it is repaired."""
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"id": "s\\ud800", "text": "bad \\udc00 char", "title": "t\\ud800"}\n')
    (doc,) = read_all(path)
    assert doc.text == "bad \ufffd char" and doc.doc_id == "s\ufffd" and doc.title == "t\ufffd"
    doc.text.encode("utf-8")
    export = tmp_path / "result.json"
    export.write_text(
        '{"name": "c", "messages": [{"id": 1, "date": "2024-01-01", "text": "x\\ud800"}]}'
    )
    (message,) = read_all(export)
    assert message.text == "x\ufffd"


def test_jsonl_overlong_line_is_skipped_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 100)
    path = tmp_path / "long.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "short"}),
        json.dumps({"id": "b", "text": "x" * 5000}),
        json.dumps({"id": "c", "text": "short again"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read_all(path)
    assert [d.doc_id for d in documents(items)] == ["a", "c"]
    assert skipped(items)[0].reason.startswith("line 2: longer than 100 bytes")


def test_jsonl_text_over_document_cap_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl, "MAX_DOCUMENT_CHARS", 10)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "y" * 11}) + "\n")
    (item,) = read_all(path)
    assert isinstance(item, Skipped) and "cap" in item.reason


def test_jsonl_streams_before_a_later_error(tmp_path: Path) -> None:
    """Documents come out before the whole file is read: a truncated tail fails late."""
    body = "".join(
        json.dumps({"id": str(i), "text": hashlib.sha256(str(i).encode()).hexdigest() * 4}) + "\n"
        for i in range(20_000)
    )
    data = gzip.compress(body.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    stream = read_file(path)
    first = next(stream)
    assert isinstance(first, Document) and first.doc_id == "0"
    with pytest.raises(InputError, match="truncated gzip"):
        list(stream)


# --- Telegram ------------------------------------------------------------------------


def test_telegram_export() -> None:
    items = read_all(FIXTURES / "telegram" / "result.json")
    docs = documents(items)
    assert [d.doc_id for d in docs] == [
        "Example Air Channel/2",
        "Example Air Channel/3",
        "Example Air Channel/8",
    ]
    assert all(d.outlet == "Example Air Channel" and d.kind == "telegram" for d in docs)
    assert docs[0].published_at == dt.datetime(2024, 1, 2, 7, 15)
    assert docs[1].text == "Air alert update\n\nAir defence destroyed 9 of 11 drones. Details: link"
    assert docs[2].published_at == dt.datetime(2024, 1, 6, 10, 0)  # from date_unixtime, UTC
    reasons = [s.reason for s in skipped(items)]
    assert reasons == [
        "Example Air Channel message 5: missing or invalid 'date'",
        "Example Air Channel message 6: missing or malformed 'text'",
        "Example Air Channel message #6: missing 'id'",
    ]


def test_telegram_published_fallback_rescues_undated_message() -> None:
    fallback = dt.datetime(2024, 1, 3)
    docs = documents(read_all(FIXTURES / "telegram" / "result.json", fallback))
    undated = [d for d in docs if d.doc_id.endswith("/5")]
    assert len(undated) == 1 and undated[0].published_at == fallback


def test_telegram_account_export_with_chats(tmp_path: Path) -> None:
    data = {
        "chats": {
            "list": [
                {
                    "name": None,
                    "id": 77,
                    "messages": [{"id": 1, "date": "2024-02-02T10:00:00", "text": "hello"}],
                }
            ]
        }
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data))
    (doc,) = read_all(path)
    assert doc.doc_id == "77/1"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"name": "x", "messages": [', "malformed JSON"),
        ('{"name": "x"}', "not a Telegram export"),
        ("[1, 2, 3]", "not a Telegram export"),
    ],
)
def test_telegram_bad_files(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content)
    with pytest.raises(InputError, match=reason):
        read_all(path)


def _export(count: int) -> dict:
    messages: list[dict] = [{"id": 0, "type": "service", "date": "2024-03-01T00:00:00", "text": ""}]
    for i in range(1, count):
        text: object = (
            f"Повідомлення {i}: {i * 7} дронів"
            if i % 2
            else [
                {"type": "bold", "text": f"Update {i}"},
                f" — shot down {i % 50} of {i % 50 + 3} drones",
            ]
        )
        messages.append(
            {"id": 1_000_000 + i, "type": "message", "date": "2024-03-01T10:00:00", "text": text}
        )
    return {"name": "Канал", "type": "public_channel", "id": 123456789, "messages": messages}


@pytest.mark.parametrize("chunk", [1, 7, 64, 4096])
def test_telegram_stream_matches_whole_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Tiny read sizes split numbers, strings and UTF-8 characters across chunks."""
    from analytics.readers import telegram

    monkeypatch.setattr(telegram, "_CHUNK", chunk)
    data = _export(300)
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    docs = documents(read_all(path))
    expected = [
        (f"Канал/{m['id']}", telegram.flatten_text(m["text"]))
        for m in data["messages"]
        if m["type"] == "message"
    ]
    assert [(d.doc_id, d.text) for d in docs] == expected


def test_telegram_malformed_tail_fails_after_earlier_messages(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    text = json.dumps(_export(50))
    path.write_text(text[: len(text) // 2] + "}}garbage")
    stream = read_file(path)
    first = next(stream)
    assert isinstance(first, Document) and first.doc_id == "Канал/1000001"
    with pytest.raises(InputError, match="malformed JSON"):
        list(stream)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "empty file"),
        ("   \n", "empty file"),
        ('{"name": "x", "messages": []} extra', "extra data"),
        ('{"name": "x", "messages": [{"id": 1} {"id": 2}]}', "expected ','"),
        ('{"name": "x" "messages": []}', "expected ','"),
    ],
)
def test_telegram_stream_errors(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content)
    with pytest.raises(InputError, match=reason):
        read_all(path)


# --- gzip ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["article_header.txt", "page.html", "corpus.jsonl", "telegram/result.json"]
)
def test_gzip_reads_like_plain(tmp_path: Path, name: str) -> None:
    plain = FIXTURES / name
    packed = gzip_copy(plain, tmp_path)
    strip = lambda items: [  # noqa: E731
        (i.doc_id, i.text, i.published_at, i.title) if isinstance(i, Document) else i.reason
        for i in items
    ]
    assert strip(read_all(packed)) == strip(read_all(plain))
    first = read_all(packed)[0]
    if name == "article_header.txt":
        assert first.doc_id == "article_header"  # both extensions stripped


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress((FIXTURES / "article_header.txt").read_bytes())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[:-12])
    with pytest.raises(InputError, match="truncated gzip"):
        read_all(path)


def test_not_really_gzip(tmp_path: Path) -> None:
    path = tmp_path / "fake.txt.gz"
    path.write_text("plain text pretending to be gzip")
    with pytest.raises(InputError, match="gzip"):
        read_all(path)


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_io, "MAX_DECOMPRESSED_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b" " * (3 * 1024 * 1024)))
    with pytest.raises(InputError, match="size cap"):
        read_all(path)
    text_path = tmp_path / "bomb.txt.gz"
    text_path.write_bytes(gzip.compress(b"a" * (3 * 1024 * 1024)))
    with pytest.raises(InputError, match="cap"):
        read_all(text_path)


def test_text_over_document_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_io, "MAX_DOCUMENT_CHARS", 50)
    path = tmp_path / "long.txt"
    path.write_text("word " * 20)
    with pytest.raises(InputError, match="over the 50 cap"):
        read_all(path)


# --- encodings and bad files ---------------------------------------------------------


@pytest.mark.parametrize(("text", "encoding"), [(UKRAINIAN, "cp1251"), (FRENCH, "latin-1")])
def test_legacy_encodings_are_detected(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / f"legacy-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read_all(path)
    assert doc.text == text


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufefftitle: With BOM\n---\nBody text.".encode())
    (doc,) = read_all(path)
    assert doc.title == "With BOM" and doc.text == "Body text."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("controls.md", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50, "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n   \r\n", "empty file"),
        ("empty.jsonl", b"\n\n  \n", "empty file"),
        ("empty.html", b"", "empty file"),
        ("junk.txt", bytes(range(128, 256)) * 8, "encoding cannot be detected"),
        ("nul.jsonl", b'{"id": "a", "text": "x"}\n\x00\x00\x00', "binary file"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason) as caught:
        read_all(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    if os.name == "posix" and os.geteuid() == 0:  # root reads any file: simulate the refusal

        def refuse(self: Path, *args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", refuse)
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_all(path)
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bin.txt", b"\x00\x01"),
        ("bin.html", b"\x00"),
        ("bin.jsonl", b"\x00"),
        ("result.json", b"[1]"),
    ],
)
def test_whole_file_errors_raise_at_the_call(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError):
        read_file(path)  # not iterated


def test_html_cap_is_on_text_not_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_io, "MAX_DOCUMENT_CHARS", 200)
    monkeypatch.setattr(html, "MAX_DOCUMENT_CHARS", 200)
    path = tmp_path / "padded.html"
    padding = "<div class='x'></div>" * 100
    path.write_text(f"<html><body>{padding}<p>Short article text about drones.</p></body></html>")
    (doc,) = read_all(path)
    assert "Short article text" in doc.text
    path.write_text(f"<html><body><p>{'Long text. ' * 40}</p></body></html>")
    with pytest.raises(InputError, match="cap"):
        read_all(path)


@pytest.mark.parametrize(
    ("name", "reason"), [("missing.txt", "no such file"), ("data.csv", "unsupported file type")]
)
def test_missing_and_unsupported(tmp_path: Path, name: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_all(tmp_path / name)


# --- finding files -------------------------------------------------------------------


def test_iter_input_files_walks_sorted_and_survives_loops(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    for rel in [
        "z.txt",
        "a/one.jsonl",
        "a/two.html.gz",
        "b/deep/three.md",
        "b/notes.csv",
        ".hidden/x.txt",
        ".secret.txt",
        "b/result.json",
    ]:
        (root / rel).write_text("x")
    (root / "b" / "loop").symlink_to(root, target_is_directory=True)
    (root / "b" / "self").symlink_to(root / "b" / "self")  # a link to itself
    (root / "b" / "broken.txt").symlink_to(root / "nowhere.txt")
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    (root / "link.txt").symlink_to(outside)
    found = [p.relative_to(root).as_posix() for p in iter_input_files([root])]
    assert found == [
        "link.txt",
        "z.txt",
        "a/one.jsonl",
        "a/two.html.gz",
        "b/result.json",
        "b/deep/three.md",
    ]
    # The same files named twice are listed once.
    again = list(iter_input_files([root, root / "z.txt"]))
    assert len(again) == len(found)


def test_iter_input_files_explicit_files(tmp_path: Path) -> None:
    path = tmp_path / ".hidden.txt"
    path.write_text("x")
    assert list(iter_input_files([str(path)])) == [path]
    (tmp_path / "x.csv").write_text("a,b")
    with pytest.raises(InputError, match="unsupported"):
        list(iter_input_files([tmp_path / "x.csv"]))
    with pytest.raises(InputError, match="no such file"):
        list(iter_input_files([tmp_path / "absent"]))


def test_supported_extensions_cover_gzip() -> None:
    for ext in (".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".json"):
        assert ext in SUPPORTED_EXTENSIONS and f"{ext}.gz" in SUPPORTED_EXTENSIONS


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-08-06", (2024, 8, 6)),
        ("2022-10-22 11:31", (2022, 10, 22, 11, 31)),
        ("2024-11-13T10:42:00+02:00", (2024, 11, 13, 10, 42)),
        ("2024-11-13T10:42:00.123Z", (2024, 11, 13, 10, 42, 0, 123000)),
        ("Wednesday 13 November 2024 10:42 GMT", (2024, 11, 13, 10, 42)),
        ("October 22, 2022 11:31 am", (2022, 10, 22, 11, 31)),
        ("October 22, 2022 11:31 pm", (2022, 10, 22, 23, 31)),
        ("11:52 a.m. ET, November 15, 2022", (2022, 11, 15, 11, 52)),
        ("15:43 British Summer Time 23 April 2022", (2022, 4, 23, 15, 43)),
        ("Nov. 13, 2024", (2024, 11, 13)),
        ("13 Nov 2024 10.42 GMT", (2024, 11, 13, 10, 42)),
        ("13.11.2024", (2024, 11, 13)),
        ("12:05 am, 1 Jan 2023", (2023, 1, 1, 0, 5)),
        ("31 February 2024", None),
        ("2024-02-30", None),
        ("25:61 13 November 2024", None),
        ("yesterday", None),
        ("", None),
        ("13 November", None),
    ],
)
def test_parse_datetime(text: str, expected: tuple | None) -> None:
    assert parse_datetime(text) == (dt.datetime(*expected) if expected else None)


def test_parse_datetime_default_year() -> None:
    assert parse_datetime("13 November 10:42", default_year=2024) == dt.datetime(
        2024, 11, 13, 10, 42
    )


# --- the development set -------------------------------------------------------------


def test_dev_texts_and_corpus_agree() -> None:
    texts = SHARED / "dev" / "texts"
    if not texts.is_dir():
        pytest.skip(f"{texts} is absent (the shared development set is outside the repository)")
    from_files = {}
    for path in iter_input_files([texts]):
        (doc,) = read_all(path)
        from_files[doc.doc_id] = doc
    gold = {p.stem for p in (SHARED / "dev" / "gold").glob("*.jsonl")}
    assert set(from_files) == gold
    assert all(doc.published_at is not None and doc.url for doc in from_files.values())
    from_corpus = documents(read_all(SHARED / "dev" / "corpus.jsonl"))
    assert {d.doc_id for d in from_corpus} == gold
    for doc in from_corpus:
        assert doc.published_at == from_files[doc.doc_id].published_at
        assert doc.text.strip() == from_files[doc.doc_id].text.strip()


def test_shared_copy_is_independent(tmp_path: Path) -> None:
    """A fixture copied under another name keeps its content hash, not its id."""
    copy = tmp_path / "renamed.txt"
    shutil.copy(FIXTURES / "article_header.txt", copy)
    (original,) = read_all(FIXTURES / "article_header.txt")
    (renamed,) = read_all(copy)
    assert renamed.doc_id == "renamed" and renamed.content_hash == original.content_hash


# --- properties ----------------------------------------------------------------------


_SEEDS = [
    b'{"id": "a", "text": "x"}\n',
    b'{"name": "c", "messages": [{"id": 1, "date": "2024-01-01T00:00:00", "text": "t"}]}',
    b"title: t\n---\nbody 10:42\n",
    b"<html><body><p>text</p></body></html>",
]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(
        ["a.txt", "a.md", "a.html", "a.jsonl", "result.json", "a.txt.gz", "a.jsonl.gz"]
    ),
    st.one_of(
        st.binary(max_size=300),
        st.builds(lambda seed, cut: seed[:cut], st.sampled_from(_SEEDS), st.integers(0, 120)),
        st.text(max_size=200).map(str.encode),
    ),
    st.booleans(),
)
def test_any_bytes_give_documents_or_input_error(
    tmp_path: Path, name: str, content: bytes, compress: bool
) -> None:
    """Whatever the bytes, a reader yields records or raises InputError, nothing else."""
    path = tmp_path / name
    if name.endswith(".gz") and compress:
        content = gzip.compress(content)
    path.write_bytes(content)
    try:
        items = list(read_file(path))
    except InputError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
        return
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Document):
            assert item.text.strip() and item.doc_id
