"""Reading reports: formats, stated metadata, and bad files reported by name and skipped."""
import json
from datetime import date
from pathlib import Path

import pytest

from geomap.ingest import MAX_DOCUMENT_BYTES, read_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_folder_reads_all_five_with_stated_dates():
    documents, skipped = read_documents([SEEDS])
    assert skipped == []
    assert [d.doc_id for d in documents] == sorted(p.name for p in SEEDS.iterdir())
    by_id = {d.doc_id: d for d in documents}
    wsws = by_id["000_c4985d57470bbc53.txt"]
    assert wsws.published == date(2026, 6, 18)  # the dateline "18 June 2026"
    assert wsws.title.startswith("US-Venezuelan forces carry out extrajudicial killing")
    assert wsws.text == (SEEDS / "000_c4985d57470bbc53.txt").read_text(encoding="utf-8")
    briefing = by_id["001_f8505f1104677770.txt"]
    assert briefing.published == date(2026, 6, 12)  # "date: 2026-06-12" in its Meta line
    assert briefing.url == "https://rbtfl.xyz/zh/n/venezuela-nino-guerrero-strike"  # Canonical, not a cited Source


def test_bad_files_are_skipped_by_name_and_the_rest_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("Floods hit Lagos, Nigeria on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.md").write_text("   \n\n ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Bogot\xe1 y Medell\xedn".encode("latin-1"))
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
        handle.seek(0)
        handle.write(b"Caracas " * 10)
    documents, skipped = read_documents([tmp_path])
    assert [d.doc_id for d in documents] == ["good.txt"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["latin1.txt"].startswith("not valid UTF-8 (byte 0xe1 at offset 5)")
    assert reasons["huge.txt"].startswith("too large (10.5 MB")


def test_missing_path_is_reported():
    documents, skipped = read_documents([Path("/nonexistent/report.txt")])
    assert documents == []
    assert [str(s) for s in skipped] == ["/nonexistent/report.txt: no such file or folder"]


def test_jsonl_records_with_metadata_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": "Protest in Quito.", "title": "Quito", "url": "https://www.example.org/a",
                    "published": "2024-03-05"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"id": "x7", "text": "Strike near Goma.", "publisher": "Radio Okapi", "published": "5 March 2024"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, skipped = read_documents([tmp_path / "feed.jsonl"])
    assert [(d.doc_id, d.title, d.publisher, d.published) for d in documents] == [
        ("feed.jsonl#1", "Quito", "example.org", date(2024, 3, 5)),
        ("feed.jsonl#x7", None, "Radio Okapi", date(2024, 3, 5)),
    ]
    assert [(Path(s.path.rsplit(":", 1)[0]).name, s.path.rsplit(":", 1)[1], s.reason.split(" (")[0]) for s in skipped] == [
        ("feed.jsonl", "2", "not valid JSON"),
        ("feed.jsonl", "3", 'no "text" field with the article text'),
    ]


def test_html_text_and_metadata(tmp_path):
    page = """<html><head><title>Page title</title>
    <meta property="og:title" content="Clashes in Goma">
    <meta property="article:published_time" content="2025-01-27T08:00:00Z">
    <meta property="og:site_name" content="Example News">
    <link rel="canonical" href="https://example.org/goma">
    <script>var x = "Paris";</script></head>
    <body><nav>Home | World</nav><h1>Clashes in Goma</h1><p>Fighting reached Goma &amp; Bukavu.</p></body></html>"""
    (tmp_path / "goma.html").write_text(page, encoding="utf-8")
    (document,), skipped = read_documents([tmp_path])
    assert skipped == []
    assert document.text == "Clashes in Goma\n\nFighting reached Goma & Bukavu."
    assert (document.title, document.published, document.publisher, document.url) == (
        "Clashes in Goma", date(2025, 1, 27), "Example News", "https://example.org/goma")


def test_sidecar_and_override(tmp_path):
    (tmp_path / "report").write_text("Soldiers deployed to Kherson.", encoding="utf-8")
    (tmp_path / "report.meta.json").write_text(json.dumps({"published": "2023-11-02", "publisher": "Kyiv Independent"}))
    (document,), _ = read_documents([tmp_path])
    assert (document.doc_id, document.published, document.publisher) == ("report", date(2023, 11, 2), "Kyiv Independent")
    (document,), _ = read_documents([tmp_path], published=date(2024, 1, 1))
    assert document.published == date(2024, 1, 1)


@pytest.mark.parametrize("header, expected", [
    ("Published: Thursday, 18 June 2026", date(2026, 6, 18)),
    ("June 18, 2026", date(2026, 6, 18)),
    ("Updated on: 2026-06-18T10:00Z", date(2026, 6, 18)),
    ("He came to town on 18 June 2026 and stayed there for a long while.", None),
])
def test_datelines(tmp_path, header, expected):
    (tmp_path / "a.txt").write_text(f"Title\n{header}\n\nBody text about Lima.", encoding="utf-8")
    (document,), _ = read_documents([tmp_path])
    assert document.published == expected
