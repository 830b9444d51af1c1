"""Read news reports from files and folders into `Document`s.

Formats: plain text (``.txt`` or no extension), Markdown (``.md``), HTML (``.html``/``.htm``)
and JSON Lines (``.jsonl``, one article per line with ``text`` and optional ``title``, ``url``,
``published``, ``publisher``, ``id``). A sidecar ``NAME.meta.json`` next to a file supplies or
overrides its metadata. Reading one bad file never stops the run: it becomes a `SkippedInput`.
"""
from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator, Sequence
from urllib.parse import urlparse

from geomap.dates import parse_absolute_date
from geomap.errors import InputNotReadable
from geomap.models import Document

log = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
"""Larger single documents are refused: no news report is 10 MB of text."""
MAX_JSONL_BYTES = 2 * 1024**3

TEXT_SUFFIXES = {"", ".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
INPUT_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True, slots=True)
class SkippedInput:
    """An input that could not be read, and why (said so a user can fix it)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    doc_id: str


def find_inputs(paths: Sequence[Path]) -> tuple[list[InputFile], list[SkippedInput]]:
    """Expand files and folders into input files with their document ids.

    A file given directly gets its name as id; files found in a folder get their path
    relative to that folder. Folders are walked recursively in sorted order; hidden files,
    sidecars and files with unknown extensions inside folders are ignored.
    """
    found: list[InputFile] = []
    skipped: list[SkippedInput] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    file = Path(root) / name
                    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                        continue
                    if file.suffix.lower() not in INPUT_SUFFIXES:
                        continue
                    found.append(InputFile(file, file.relative_to(path).as_posix()))
        elif path.is_file():
            found.append(InputFile(path, path.name))
        elif path.exists():
            skipped.append(SkippedInput(str(path), "not a regular file"))
        else:
            skipped.append(SkippedInput(str(path), "no such file or folder"))
    return found, skipped


def read_documents(
    paths: Sequence[Path], *, published: date | None = None
) -> tuple[list[Document], list[SkippedInput]]:
    """Read every document under ``paths``.

    Parameters
    ----------
    paths : sequence of Path
        Files and folders.
    published : date, optional
        Overrides every document's publication date.

    Returns
    -------
    (documents, skipped) : every document read, and every input that could not be.
    """
    inputs, skipped = find_inputs(paths)
    documents: list[Document] = []
    for item in inputs:
        try:
            for entry in iter_file_documents(item):
                if isinstance(entry, SkippedInput):
                    skipped.append(entry)
                else:
                    documents.append(replace(entry, published=published) if published else entry)
        except InputNotReadable as exc:
            log.warning("%s", exc)
            skipped.append(SkippedInput(str(item.path), str(exc).split(": ", 1)[-1]))
    return documents, skipped


def iter_file_documents(item: InputFile) -> Iterator[Document | SkippedInput]:
    """The documents in one file (one, or one per good JSON Lines record).

    Raises `InputNotReadable` for a file that yields nothing usable.
    """
    suffix = item.path.suffix.lower()
    limit = MAX_JSONL_BYTES if suffix in JSONL_SUFFIXES else MAX_DOCUMENT_BYTES
    raw = _read_bytes(item.path, limit)
    sidecar = _read_sidecar(item.path)
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_documents(item, raw, sidecar)
        return
    text = _decode(item.path, raw)
    if suffix in HTML_SUFFIXES:
        doc = _html_document(item.doc_id, text)
    else:
        doc = _text_document(item.doc_id, text)
    if not doc.text.strip():
        raise InputNotReadable(f"{item.path}: no text in it")
    yield _apply_metadata(replace(doc, path=str(item.path)), sidecar, item.path)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputNotReadable(
                f"{path}: too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB per document)"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputNotReadable(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise InputNotReadable(f"{path}: empty file")
    if b"\x00" in raw[:8192]:
        raise InputNotReadable(f"{path}: binary file, not text")
    return raw


def _decode(path: Path | str, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputNotReadable(
            f"{path}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); convert it to UTF-8"
        ) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise InputNotReadable(f"{path}: binary file, not text")
    return text


def _jsonl_documents(item: InputFile, raw: bytes, sidecar: dict) -> Iterator[Document | SkippedInput]:
    text = _decode(item.path, raw)
    good = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{item.path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SkippedInput(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield SkippedInput(where, 'no "text" field with the article text')
            continue
        if len(record["text"].encode("utf-8")) > MAX_DOCUMENT_BYTES:
            yield SkippedInput(where, "article text too large")
            continue
        doc_id = f"{item.doc_id}#{record.get('id') or number}"
        doc = Document(doc_id=doc_id, text=record["text"], path=str(item.path))
        good += 1
        yield _apply_metadata(doc, {**sidecar, **record}, where)
    if not good:
        raise InputNotReadable(f"{item.path}: no readable JSON Lines record")


def _read_sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.exists() or sidecar == path:
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputNotReadable(f"{sidecar}: metadata sidecar is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise InputNotReadable(f"{sidecar}: metadata sidecar must be a JSON object")
    return data


def _apply_metadata(doc: Document, meta: dict, where: object) -> Document:
    """Explicit metadata (JSON Lines fields, sidecar) wins over what the text states."""
    changes: dict = {}
    for key in ("title", "publisher", "url"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            changes[key] = value.strip()
    if meta.get("published"):
        parsed = parse_date(str(meta["published"]))
        if parsed is None:
            log.warning("%s: cannot read published date %r; ignored", where, meta["published"])
        else:
            changes["published"] = parsed
    doc = replace(doc, **changes) if changes else doc
    if doc.url and not doc.publisher:
        doc = replace(doc, publisher=_host(doc.url))
    return doc


# --- metadata stated in the text -------------------------------------------------------

_KEY_DATE = re.compile(r"(?:^|[\s·|*])(?:date|published|pubdate|published_at)\s*[:=]\s*(?P<value>[^·|]+)", re.I)
_URL_LINE = re.compile(r"^\s*(?P<key>canonical|url|source|link)\s*:\s*(?P<url>https?://\S+)\s*$", re.I)
_MD_TITLE = re.compile(r"^\s{0,3}#\s+(?P<title>.+?)\s*#*\s*$")
HEADER_LINES = 15


_ISO_DAY = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
DATELINE_MAX_CHARS = 48
"""A header line this short that holds a full date is a dateline ("Published: Thursday, 18 June 2026")."""


def parse_date(text: str) -> date | None:
    """A calendar day from a metadata value: ISO 8601 (with or without a time) or written out."""
    iso = _ISO_DAY.search(text)
    if iso:
        try:
            return date.fromisoformat(iso.group(0))
        except ValueError:
            pass
    return parse_absolute_date(text)


def _text_document(doc_id: str, text: str) -> Document:
    """Plain text and Markdown keep the file's text exactly, so offsets point into the file."""
    lines = [line for line in text.splitlines() if line.strip()]
    header = lines[:HEADER_LINES]
    title = None
    for line in header:
        md = _MD_TITLE.match(line)
        if md:
            title = md.group("title")
            break
    if title is None and header and len(header[0]) <= 250:
        title = header[0].strip().lstrip("#").strip()
    published = _stated_date(header)
    url = _stated_url(lines)
    return Document(doc_id=doc_id, text=text, title=title, published=published, url=url)


def _stated_date(header: Iterable[str]) -> date | None:
    """A dateline (a short line holding a full date) or a ``date:`` field in the document's first lines."""
    for line in header:
        keyed = _KEY_DATE.search(line)
        if keyed and (found := parse_date(keyed.group("value"))):
            return found
        if len(line.strip()) <= DATELINE_MAX_CHARS and (found := parse_date(line)):
            return found
    return None


def _stated_url(lines: list[str]) -> str | None:
    """The document's own address ("Canonical:", "URL:") before any cited "Source:" link."""
    found = {}
    for line in lines:
        match = _URL_LINE.match(line)
        if match:
            found.setdefault(match.group("key").lower(), match.group("url"))
    return found.get("canonical") or found.get("url") or found.get("source") or found.get("link")


def _host(url: str) -> str | None:
    host = urlparse(url).hostname
    return host[4:] if host and host.startswith("www.") else host


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, one block element per paragraph, plus its metadata."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
             "header", "blockquote", "pre", "figcaption", "dd", "dt", "time"}
    META_KEYS = {
        "og:title": "title", "twitter:title": "title",
        "article:published_time": "published", "date": "published", "pubdate": "published",
        "dc.date": "published", "og:site_name": "publisher", "publisher": "publisher",
        "og:url": "url",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip_depth = 0
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key in self.META_KEYS and attr.get("content"):
                self.meta.setdefault(self.META_KEYS[key], attr["content"])
        elif tag == "link" and attr.get("rel", "").lower() == "canonical" and attr.get("href"):
            self.meta.setdefault("url", attr["href"])
        elif tag == "time" and attr.get("datetime"):
            self.meta.setdefault("published", attr["datetime"])
        if tag == "title":
            self._in_title = True
        elif tag in self.SKIP:
            self._skip_depth += 1
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP and self._skip_depth:
            self._skip_depth -= 1
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip_depth:
            self.parts.append(data)

    def text(self) -> str:
        joined = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.parts))
        return re.sub(r"\s*\n\s*(?:\n\s*)+", "\n\n", joined).strip()

    def title(self) -> str | None:
        return " ".join("".join(self._title).split()) or None


def _html_document(doc_id: str, html: str) -> Document:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = parser.text()
    meta = parser.meta
    title = meta.get("title") or parser.title()
    published = parse_date(meta["published"]) if meta.get("published") else None
    if published is None:
        published = _stated_date(text.splitlines()[:HEADER_LINES])
    return Document(doc_id=doc_id, text=text, title=title, published=published,
                    publisher=meta.get("publisher"), url=meta.get("url"))
