"""Input files to Documents: one module per format, chosen by file extension.

`iter_input_files` finds the files under the paths a user names;
`read_file` turns one file into Documents. A file that cannot be read at all
raises `InputError`; a bad record inside a good file is yielded as `Skipped`,
so one broken line never costs the rest of a corpus.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analytics.model import Document, InputError, Skipped
from analytics.readers._io import MAX_DECOMPRESSED_BYTES, MAX_DOCUMENT_CHARS
from analytics.readers.dates import detect_published, parse_datetime
from analytics.readers.html import read_html_file
from analytics.readers.jsonl import read_jsonl_file
from analytics.readers.telegram import read_telegram_file
from analytics.readers.text import read_text_file

__all__ = [
    "MAX_DECOMPRESSED_BYTES",
    "MAX_DOCUMENT_CHARS",
    "SUPPORTED_EXTENSIONS",
    "detect_published",
    "iter_input_files",
    "parse_datetime",
    "read_file",
    "reader_for",
]

Reader = Callable[[Path, dt.datetime | None], Iterator[Document | Skipped]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".json": read_telegram_file,
}
# Formats read as a stream (corpora and exports can be gigabytes).
STREAMED = frozenset({read_jsonl_file, read_telegram_file})
SUPPORTED_EXTENSIONS = tuple(sorted(READERS)) + tuple(sorted(f"{ext}.gz" for ext in READERS))


def _extension(path: Path) -> str:
    """`.txt` for `a.txt` and `a.txt.gz`; '' when there is none."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def reader_for(path: Path) -> Reader | None:
    """The reader a file's extension selects, or None when the format is not supported."""
    return READERS.get(_extension(path))


def read_file(path: Path, published: dt.datetime | None = None) -> Iterator[Document | Skipped]:
    """Documents (and skipped records) from one file, by extension.

    `published` (the CLI's --published) dates documents whose file gives no
    date. Raises `InputError` for a file that cannot be read at all: at the
    call for whole-file formats (text, HTML) and for a streamed file (JSON
    Lines, Telegram export) whose start is bad; while iterating for a
    streamed file that goes bad further in (a truncated gzip, malformed JSON),
    after the documents before the fault.
    """
    path = Path(path)
    reader = reader_for(path)
    if reader is None:
        raise InputError(
            str(path), f"unsupported file type (expected one of {', '.join(SUPPORTED_EXTENSIONS)})"
        )
    if path.is_dir():
        raise InputError(str(path), "is a directory")
    if not path.exists():
        raise InputError(str(path), "no such file")
    if reader in STREAMED:
        return reader(path, published)  # checks its first block now, streams the rest
    # Whole-file formats are read now, so a bad file raises here, not mid-iteration.
    return iter(list(reader(path, published)))


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The supported files named by `paths`, folders walked recursively in sorted order.

    Symlinks are followed, but each directory and each file is visited once,
    so a symlink loop ends the walk of that branch silently. Hidden files and
    folders (a leading dot) are skipped inside folders; a file named
    explicitly is taken as given, and an unsupported or missing one raises
    `InputError`.
    """
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, seen_dirs, seen_files)
            continue
        if not path.exists():
            raise InputError(str(path), "no such file or directory")
        if reader_for(path) is None:
            raise InputError(str(path), "unsupported file type")
        key = _identity(path)
        if key is not None and key not in seen_files:
            seen_files.add(key)
            yield path


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None  # broken symlink, vanished file, unreadable mount
    return info.st_dev, info.st_ino


def _walk(
    root: Path, seen_dirs: set[tuple[int, int]], seen_files: set[tuple[int, int]]
) -> Iterator[Path]:
    """Depth-first, names sorted: files of a folder first, then its subfolders.

    Iterative, so a very deep tree cannot exhaust the recursion limit.
    """
    stack = [root]
    while stack:
        folder = stack.pop()
        key = _identity(folder)
        if key is None or key in seen_dirs:
            continue
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # unreadable folder: nothing to list
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue  # symlink loop or vanished entry
            if is_dir:
                subfolders.append(path)
            elif is_file and reader_for(path) is not None:
                file_key = _identity(path)
                if file_key is not None and file_key not in seen_files:
                    seen_files.add(file_key)
                    yield path
        stack.extend(reversed(subfolders))
