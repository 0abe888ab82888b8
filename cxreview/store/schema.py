"""Versioned schema: each migration moves the database one version up, in order."""

from __future__ import annotations

# PRAGMA application_id marks a file as ours ("CXRV"), so we never migrate a stranger's database.
APPLICATION_ID = 0x43585256

MIGRATIONS: list[str] = [
    # 1: conversations and their messages.
    """
    CREATE TABLE conversations (
        id           TEXT PRIMARY KEY,
        started_at   TEXT,
        channel      TEXT,
        queue        TEXT,
        language     TEXT,
        agent        TEXT,
        customer     TEXT,
        outcome      TEXT,
        csat         REAL,
        tags         TEXT NOT NULL DEFAULT '[]',
        meta         TEXT NOT NULL DEFAULT '{}',
        n_messages   INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL,
        imported_at  TEXT NOT NULL
    );
    CREATE INDEX conversations_started_at ON conversations(started_at);
    CREATE INDEX conversations_agent ON conversations(agent);
    CREATE INDEX conversations_queue ON conversations(queue);
    CREATE INDEX conversations_customer ON conversations(customer, started_at);
    CREATE TABLE messages (
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('customer', 'agent', 'bot', 'system')),
        author          TEXT,
        text            TEXT NOT NULL,
        at              TEXT,
        PRIMARY KEY (conversation_id, position)
    ) WITHOUT ROWID;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
