"""Versioned schema of the realpolitik database, as forward-only migrations.

Each migration is applied once, in order, inside a transaction, and recorded in
`schema_migrations`. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, mentions, actors, events, relations",
        (
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                seq BIGINT NOT NULL,
                external_id VARCHAR,
                title VARCHAR,
                text VARCHAR NOT NULL,
                url VARCHAR,
                source VARCHAR,
                published DATE,
                language VARCHAR,
                ingested_at TIMESTAMP NOT NULL,
                origin VARCHAR,
                word_count INTEGER NOT NULL,
                nlp_status VARCHAR NOT NULL
            )""",
            "CREATE SEQUENCE article_seq START 1",
            """CREATE TABLE paragraphs (
                article_id VARCHAR NOT NULL,
                idx INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                PRIMARY KEY (article_id, idx)
            )""",
            """CREATE TABLE actors (
                id VARCHAR PRIMARY KEY,
                code VARCHAR,
                name VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                country VARCHAR,
                role VARCHAR,
                parent_id VARCHAR,
                label VARCHAR,
                valid_from DATE,
                valid_to DATE
            )""",
            """CREATE TABLE mentions (
                article_id VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                actor_id VARCHAR,
                label VARCHAR,
                method VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL,
                PRIMARY KEY (article_id, start_char, end_char)
            )""",
            """CREATE TABLE events (
                id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                date DATE,
                date_end DATE,
                type VARCHAR NOT NULL,
                mode VARCHAR,
                cameo VARCHAR,
                quad_class INTEGER,
                intensity DOUBLE,
                status VARCHAR NOT NULL,
                attributed_to VARCHAR,
                source_actor VARCHAR,
                target_actor VARCHAR,
                location_name VARCHAR,
                location_country VARCHAR,
                lat DOUBLE,
                lon DOUBLE,
                location_precision VARCHAR,
                location_from VARCHAR,
                evidence_text VARCHAR,
                evidence_start INTEGER,
                evidence_end INTEGER,
                trigger_start INTEGER,
                trigger_end INTEGER,
                mentions INTEGER NOT NULL DEFAULT 1,
                articles INTEGER NOT NULL DEFAULT 1,
                sources INTEGER NOT NULL DEFAULT 1,
                confidence DOUBLE,
                coder VARCHAR
            )""",
            """CREATE TABLE event_evidence (
                event_id VARCHAR NOT NULL,
                article_id VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                PRIMARY KEY (event_id, article_id, start_char)
            )""",
            """CREATE TABLE relations (
                id VARCHAR PRIMARY KEY,
                source_actor VARCHAR NOT NULL,
                target_actor VARCHAR NOT NULL,
                relation VARCHAR NOT NULL,
                status VARCHAR NOT NULL,
                first_seen DATE,
                last_seen DATE,
                confidence DOUBLE,
                coder VARCHAR
            )""",
            """CREATE TABLE relation_evidence (
                relation_id VARCHAR NOT NULL,
                article_id VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                PRIMARY KEY (relation_id, article_id, start_char)
            )""",
            "CREATE INDEX articles_published ON articles (published)",
            "CREATE INDEX mentions_actor ON mentions (actor_id)",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        2,
        "near-duplicate fingerprints and event indexes",
        (
            "ALTER TABLE articles ADD COLUMN simhash BIGINT",
            "ALTER TABLE event_evidence ADD COLUMN trigger_start INTEGER",
            "ALTER TABLE event_evidence ADD COLUMN trigger_end INTEGER",
            "CREATE INDEX events_source ON events (source_actor)",
            "CREATE INDEX events_target ON events (target_actor)",
            "CREATE INDEX events_date ON events (date)",
            "CREATE INDEX events_article ON events (article_id)",
            "CREATE INDEX event_evidence_article ON event_evidence (article_id)",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
