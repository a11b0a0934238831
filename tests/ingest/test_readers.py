import json
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, article_text

from realpolitik.errors import InputError
from realpolitik.ingest import ReadOptions, read_articles
from realpolitik.ingest.article import Article


def _split(items: list) -> tuple[list[Article], list[InputError]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, InputError)],
    )


def test_text_fixture_with_trailing_source(tmp_path: Path) -> None:
    [article] = list(read_articles([FIXTURES / "wire_report.txt"]))
    assert isinstance(article, Article)
    assert article.source == "www.example-news.org"
    assert "Original Source" not in article.text
    assert article.published is not None and article.published.isoformat() == "2024-12-02"
    assert article.language == "en"
    assert len(article.paragraphs) == 2


def test_jsonl_bad_lines_are_named_and_skipped(write) -> None:
    lines = [
        json.dumps({"text": article_text("Aleppo"), "title": "A", "published": "2024-11-30"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": article_text("Hama"), "published": "yesterday-ish"}),
        "",
        json.dumps({"text": article_text("Homs"), "url": "https://wire.example.com/x"}),
    ]
    path = write("feed.jsonl", "\n".join(lines))
    articles, errors = _split(list(read_articles([path])))
    assert [a.title for a in articles] == ["A", None]
    assert articles[1].source == "wire.example.com"
    assert [e.where for e in errors] == [f"{path} line 2", f"{path} line 3", f"{path} line 4"]
    assert 'missing "text"' in str(errors[1])


def test_json_array(write) -> None:
    path = write("items.json", json.dumps([{"text": article_text("Idlib")}, {"text": 5}]))
    articles, errors = _split(list(read_articles([path])))
    assert len(articles) == 1
    assert str(errors[0]).startswith(f"{path} item 2")


def test_html_page(write) -> None:
    body = "".join(f"<p>{article_text(t)}</p>" for t in ("Aleppo", "Hama"))
    html = (
        "<html><head><title>Front falls</title>"
        '<meta property="article:published_time" content="2024-12-05"></head>'
        f"<body><nav>Home | World</nav><article><h1>Front falls</h1>{body}</article></body></html>"
    )
    [article] = list(read_articles([write("page.html", html)]))
    assert isinstance(article, Article)
    assert "Home | World" not in article.text
    assert article.published is not None and article.published.isoformat() == "2024-12-05"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("blob.txt", bytes(range(256)) * 4, "binary file"),
        (
            "latin.txt",
            "Caf\u00e9 owners in the city said the army had left.".encode("latin-1") * 3,
            "not valid utf-8",
        ),
        ("short.txt", b"Too short.", "too short"),
    ],
)
def test_bad_single_inputs(write, name: str, content: bytes, reason: str) -> None:
    path = write(name, content)
    [error] = list(read_articles([path]))
    assert isinstance(error, InputError)
    assert error.where == str(path)
    assert reason in str(error).lower()


def test_oversized_file_is_refused_without_reading_it(write) -> None:
    path = write("huge.txt", article_text() * 50)
    [error] = list(read_articles([path], ReadOptions(max_article_bytes=1000)))
    assert isinstance(error, InputError) and "limit" in str(error)


def test_encoding_option_reads_latin1(write) -> None:
    path = write("latin.txt", article_text("Caf\u00e9 Square").encode("latin-1"))
    [article] = list(read_articles([path], ReadOptions(encoding="latin-1")))
    assert isinstance(article, Article) and "Caf\u00e9" in article.text


def test_non_english_is_detected(write) -> None:
    german = (
        "Die Regierung in Damaskus hat am Dienstag erklärt, dass die Armee die Stadt verlassen "
        "habe. Beobachter berichteten von schweren Kämpfen in den nördlichen Vororten."
    )
    [article] = list(read_articles([write("de.txt", german)]))
    assert isinstance(article, Article)
    assert article.language == "de" and not article.is_english


def test_missing_path_and_folder_walk(write, tmp_path: Path) -> None:
    write("a.md", "# Title A\n\n" + article_text("Manbij"))
    write("sub/b.txt", article_text("Kobani"))
    write("sub/.hidden.txt", article_text("hidden"))
    write("notes.csv", "a,b")
    items = list(read_articles([tmp_path / "inputs", tmp_path / "nope.txt"]))
    articles, errors = _split(items)
    assert [a.title for a in articles] == ["Title A", None]
    assert [str(e) for e in errors] == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_glob_patterns(write, tmp_path: Path) -> None:
    write("a.md", article_text("A"))
    write("b.txt", article_text("B"))
    write("c.jsonl", json.dumps({"text": article_text("C")}))
    items = list(read_articles([tmp_path / "inputs"], glob="*.md,*.txt"))
    assert len(_split(items)[0]) == 2
