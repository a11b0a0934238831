from realpolitik.ingest.article import clean_text, content_id, make_article, split_paragraphs


def test_content_id_ignores_layout_but_not_words() -> None:
    a = content_id("Iran backs\n\nthe  government.")
    assert a == content_id("Iran backs the government.")
    assert a != content_id("Iran backs the opposition.")
    assert len(a) == 64


def test_paragraph_offsets_point_into_text() -> None:
    article = make_article("First para here.\n\n\nSecond   para\r\nstill second.\n\nThird.")
    assert [article.paragraph_text(p) for p in article.paragraphs] == [
        "First para here.",
        "Second para\nstill second.",
        "Third.",
    ]
    assert [p.index for p in article.paragraphs] == [0, 1, 2]


def test_single_newline_text_splits_on_lines() -> None:
    text = clean_text("One line.\nAnother line.")
    assert len(split_paragraphs(text)) == 2


def test_article_id_is_content_hash_even_with_external_id() -> None:
    a = make_article("Same words here.", external_id="feed-1")
    b = make_article("Same words here.", external_id="feed-2")
    assert a.id == b.id
    assert a.external_id == "feed-1"
