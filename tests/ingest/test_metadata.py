from datetime import date

from realpolitik.ingest.dates import parse_date
from realpolitik.ingest.metadata import normalise_fields, split_metadata


def test_trailing_original_source_line_becomes_source() -> None:
    body, meta = split_metadata("Para one.\n\nPara two.\nOriginal Source: www.example.org", "f")
    assert body.strip() == "Para one.\n\nPara two."
    assert normalise_fields(meta)["source"] == "www.example.org"


def test_header_lines_and_url_source() -> None:
    raw = "Title: A report\nDate: 3 December 2024\nURL: https://news.example.com/a/1\n\nBody text."
    body, meta = split_metadata(raw, "f")
    fields = normalise_fields(meta)
    assert body.strip() == "Body text."
    assert fields["title"] == "A report"
    assert fields["published"] == date(2024, 12, 3)
    assert fields["source"] == "news.example.com"


def test_front_matter() -> None:
    raw = "---\ntitle: Front\ndate: 2024-12-08\nsource: realpolitik sample\n---\nBody here."
    body, meta = split_metadata(raw, "f")
    fields = normalise_fields(meta)
    assert body.strip() == "Body here."
    assert fields["published"] == date(2024, 12, 8)
    assert fields["source"] == "realpolitik sample"


def test_colon_lines_inside_body_are_kept() -> None:
    raw = "Intro.\nDate: 2024-01-01 was mentioned here.\nMore text.\nSource: wire"
    body, meta = split_metadata(raw, "f")
    assert "was mentioned here" in body
    assert normalise_fields(meta)["source"] == "wire"


def test_unknown_keys_are_body() -> None:
    body, _ = split_metadata("Washington: The talks began.", "f")
    assert body == "Washington: The talks began."


def test_parse_date_forms() -> None:
    assert parse_date("2024-12-08T10:00:00Z") == date(2024, 12, 8)
    assert parse_date("December 8, 2024") == date(2024, 12, 8)
    assert parse_date("Sun, 08 Dec 2024 10:00:00 +0000") == date(2024, 12, 8)
    assert parse_date("soon") is None
    assert parse_date(None) is None
