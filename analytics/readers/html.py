"""Saved web pages: article text via trafilatura, metadata from the page's own tags.

The HTML string is handed to the parsers, never a URL: nothing is fetched and
no script runs. When trafilatura finds no article body (a short page, an odd
layout) the visible text from lxml is used instead.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura

from analytics.model import Document, InputError
from analytics.readers._io import (
    MAX_DOCUMENT_CHARS,
    MAX_HTML_BYTES,
    content_hash,
    decode,
    read_all,
)
from analytics.readers.dates import detect_published, parse_datetime
from analytics.readers.text import document_stem

# Meta tags that carry the first publication time, most specific first.
DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
TITLE_META = ("og:title", "twitter:title", "dc.title")
OUTLET_META = ("og:site_name", "application-name")
URL_META = ("og:url",)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "table",
    ]
)

# trafilatura logs at WARNING for every page it finds thin; we report instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def read_html_file(path: Path, published: dt.datetime | None = None) -> Iterator[Document]:
    """One Document from a `.html`/`.htm` file (optionally gzipped)."""
    # The character cap applies to the extracted text, not to the markup.
    markup = decode(path, read_all(path, MAX_HTML_BYTES))
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
        _check_limits(path, parser)
        meta = _meta_tags(tree)
        title = _title(tree, meta)
        when = _published(tree, meta)
        text = _article_text(markup) or _visible_text(tree)
    except RecursionError as exc:
        raise InputError(str(path), "HTML nested too deeply to parse") from exc
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(str(path), f"unparsable HTML ({exc})") from exc
    text = text.strip()
    if not text:
        raise InputError(str(path), "empty file (no text in the page)")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(str(path), f"text is over the {MAX_DOCUMENT_CHARS}-character cap")
    url = _first(meta, URL_META) or _canonical(tree)
    yield Document(
        doc_id=document_stem(path),
        text=text,
        source_path=str(path),
        title=title,
        url=url if url and "://" in url else None,
        outlet=_first(meta, OUTLET_META),
        published_at=when
        or detect_published(text)
        or (published.replace(tzinfo=None) if published else None),
        kind="article",
        content_hash=content_hash(text),
    )


def _check_limits(path: Path, parser: lxml.html.HTMLParser) -> None:
    """Refuse a page libxml2 only partly parsed: its text would be silently lost."""
    for error in parser.error_log:
        if error.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in error.message.lower():
            raise InputError(str(path), "HTML nested too deeply (over 256 levels)")
        raise InputError(str(path), f"HTML over the parser's limits ({error.message.strip()})")


def _article_text(markup: str) -> str:
    text = trafilatura.extract(
        markup,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    return text or ""


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    """Text of the body with scripts and styles removed, one line per block."""
    body = tree.find("body")
    root = body if body is not None else tree
    for element in list(root.iter(*_DROP_TAGS)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "start":
            if element.tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if element.tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n\n".join(line for line in lines if line)


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """name/property/itemprop -> content for every <meta>, first occurrence wins."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _title(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    title = _first(meta, TITLE_META)
    if title:
        return title
    for tag in ("title", "h1"):
        element = tree.find(f".//{tag}")
        if element is not None:
            text = " ".join(element.text_content().split())
            if text:
                return text
    return None


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    for element in tree.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            return element.get("href")
    return None


def _published(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> dt.datetime | None:
    """Publication time from meta tags, JSON-LD, then <time> elements."""
    for key in DATE_META:
        when = parse_datetime(meta.get(key))
        if when is not None:
            return when
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (json.JSONDecodeError, RecursionError):
            continue
        when = _json_ld_date(data)
        if when is not None:
            return when
    times = list(tree.iter("time"))
    times.sort(key=lambda element: element.get("pubdate") is None)
    for element in times:
        when = parse_datetime(element.get("datetime")) or parse_datetime(element.text_content())
        if when is not None:
            return when
    return None


def _json_ld_date(data: object, depth: int = 0) -> dt.datetime | None:
    """The first `datePublished` anywhere in a JSON-LD value (objects, lists, @graph)."""
    if depth > 20:
        return None
    if isinstance(data, dict):
        when = parse_datetime(data.get("datePublished"))
        if when is not None:
            return when
        values = list(data.values())
    elif isinstance(data, list):
        values = data
    else:
        return None
    for value in values:
        when = _json_ld_date(value, depth + 1)
        if when is not None:
            return when
    return None
