"""Versioned schema: each migration moves the database one version up, in order.

What PostgreSQL runs differently is in :mod:`cxreview.store.schema_postgres`."""

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
    # 2: rubrics as used by reviews, reviews, their criterion scores, notes and undo log.
    """
    CREATE TABLE rubrics (
        id           TEXT NOT NULL,
        version      INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        name         TEXT NOT NULL,
        definition   TEXT NOT NULL,
        source       TEXT,
        first_used_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
    );
    CREATE TABLE reviews (
        id              INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        reviewer        TEXT NOT NULL,
        rubric_id       TEXT NOT NULL,
        rubric_version  INTEGER NOT NULL,
        session_id      INTEGER,
        status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
        source          TEXT NOT NULL DEFAULT 'cxreview',
        started_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        submitted_at    TEXT,
        review_seconds  REAL NOT NULL DEFAULT 0,
        overall_note    TEXT NOT NULL DEFAULT '',
        score           REAL,
        passed          INTEGER,
        critical_fail   INTEGER NOT NULL DEFAULT 0,
        last_criterion  TEXT,
        FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version),
        UNIQUE (conversation_id, reviewer, rubric_id)
    );
    CREATE INDEX reviews_reviewer ON reviews(reviewer, status);
    CREATE INDEX reviews_session ON reviews(session_id);
    CREATE TABLE review_scores (
        review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        criterion   TEXT NOT NULL,
        score       INTEGER,
        na          INTEGER NOT NULL DEFAULT 0,
        root_causes TEXT NOT NULL DEFAULT '[]',
        note        TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (review_id, criterion)
    ) WITHOUT ROWID;
    CREATE TABLE message_notes (
        review_id  INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        note       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (review_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE review_changes (
        id        INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        field     TEXT NOT NULL,
        target    TEXT NOT NULL,
        before    TEXT,
        after     TEXT,
        at        TEXT NOT NULL
    );
    CREATE INDEX review_changes_review ON review_changes(review_id, id);
    """,
    # 3: signals per conversation and per message, with the evidence behind every flag.
    """
    CREATE TABLE message_flags (
        conversation_id TEXT NOT NULL,
        position        INTEGER NOT NULL,
        flag            TEXT NOT NULL,
        rule            TEXT NOT NULL,
        detail          TEXT NOT NULL,
        related         TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (conversation_id, position, flag),
        FOREIGN KEY (conversation_id, position) REFERENCES messages(conversation_id, position) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX message_flags_flag ON message_flags(flag, conversation_id);
    CREATE TABLE conversation_signals (
        conversation_id          TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        language                 TEXT NOT NULL,
        analyzed_at              TEXT NOT NULL,
        config_hash              TEXT NOT NULL,
        n_customer_messages      INTEGER NOT NULL,
        peak_frustration         REAL,
        mean_frustration         REAL,
        sentiment_start          REAL,
        sentiment_end            REAL,
        trajectory               REAL,
        trajectory_label         TEXT,
        bot_loop                 INTEGER NOT NULL,
        stuck_in_bot             INTEGER NOT NULL,
        handover                 INTEGER NOT NULL,
        handover_position        INTEGER,
        handover_latency_turns   INTEGER,
        handover_latency_seconds REAL,
        bot_disclosed            INTEGER,
        handover_offered         INTEGER,
        uncertainty_admitted     INTEGER,
        n_spikes                 INTEGER NOT NULL,
        n_bot_repeats            INTEGER NOT NULL,
        n_customer_repeats       INTEGER NOT NULL,
        n_human_requests         INTEGER NOT NULL,
        max_ignored_bot_turns    INTEGER NOT NULL,
        risk                     REAL NOT NULL,
        risk_reasons             TEXT NOT NULL,
        per_message              TEXT NOT NULL
    );
    -- Per-message values are stored per conversation, as a JSON array of
    -- [sentiment, frustration, cues] by position (1 row instead of N makes analysis
    -- several times faster); this view shows them as one row per message.
    CREATE VIEW message_signals AS
        SELECT s.conversation_id AS conversation_id,
               CAST(j.key AS INTEGER) + 1 AS position,
               json_extract(j.value, '$[0]') AS sentiment,
               json_extract(j.value, '$[1]') AS frustration,
               json_extract(j.value, '$[2]') AS cues
        FROM conversation_signals s, json_each(s.per_message) j;
    CREATE INDEX conversation_signals_risk ON conversation_signals(risk);
    CREATE TABLE conversation_flags (
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        flag            TEXT NOT NULL,
        rule            TEXT NOT NULL,
        detail          TEXT NOT NULL,
        positions       TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (conversation_id, flag)
    ) WITHOUT ROWID;
    CREATE INDEX conversation_flags_flag ON conversation_flags(flag, conversation_id);
    """,
    # 4: review sessions: which conversations, for which reviewers, and why they were picked.
    """
    CREATE TABLE sessions (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        created_at     TEXT NOT NULL,
        strategy       TEXT NOT NULL,
        seed           INTEGER NOT NULL,
        calibration    INTEGER NOT NULL DEFAULT 0,
        rubric_id      TEXT NOT NULL,
        rubric_version INTEGER NOT NULL,
        random_share   REAL,
        filters        TEXT NOT NULL DEFAULT '{}',
        notes          TEXT NOT NULL DEFAULT '[]',
        FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version)
    );
    CREATE TABLE session_items (
        session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        reviewer        TEXT NOT NULL,
        pick            TEXT NOT NULL CHECK (pick IN ('random', 'spotlight', 'stratified')),
        reason          TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (session_id, reviewer, position)
    ) WITHOUT ROWID;
    CREATE INDEX session_items_conversation ON session_items(conversation_id);
    CREATE INDEX session_items_reviewer ON session_items(reviewer, session_id);
    """,
    # 5: blindness of calibration reviews: seeing others' scores and then changing yours
    # makes a review no longer independent, so agreement statistics leave it out.
    """
    ALTER TABLE reviews ADD COLUMN seen_others_at TEXT;
    ALTER TABLE reviews ADD COLUMN blind INTEGER NOT NULL DEFAULT 1;
    """,
    # 6: credit to the right party. Phases of each conversation (bot phase, handover,
    # agent phase) with the customer's frustration per phase and their state on arrival;
    # and a second rubric per session for the bot's part of a conversation.
    """
    CREATE TABLE conversation_phases (
        conversation_id         TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        kind                    TEXT NOT NULL CHECK (kind IN ('bot', 'agent', 'hybrid', 'none')),
        bot_start               INTEGER,
        bot_end                 INTEGER,
        bot_customer_messages   INTEGER NOT NULL DEFAULT 0,
        bot_peak_frustration    REAL,
        bot_mean_frustration    REAL,
        bot_spikes              INTEGER NOT NULL DEFAULT 0,
        bot_repeats             INTEGER NOT NULL DEFAULT 0,
        bot_customer_repeats    INTEGER NOT NULL DEFAULT 0,
        request_position        INTEGER,
        offer_position          INTEGER,
        announced_position      INTEGER,
        wait_messages           INTEGER,
        wait_seconds            REAL,
        agent_start             INTEGER,
        agent_end               INTEGER,
        agent_started_at        TEXT,
        agent_customer_messages INTEGER NOT NULL DEFAULT 0,
        agent_peak_frustration  REAL,
        agent_mean_frustration  REAL,
        agent_spikes            INTEGER NOT NULL DEFAULT 0,
        agent_customer_repeats  INTEGER NOT NULL DEFAULT 0,
        arrival_frustration     REAL,
        arrived_frustrated      INTEGER,
        arrival_evidence        TEXT NOT NULL DEFAULT '',
        arrival_positions       TEXT NOT NULL DEFAULT '[]',
        agent_end_frustration   REAL,
        agent_change            TEXT CHECK (agent_change IN ('recovered', 'stayed', 'worse')),
        agent_added             REAL
    );
    ALTER TABLE sessions ADD COLUMN bot_rubric_id TEXT;
    ALTER TABLE sessions ADD COLUMN bot_rubric_version INTEGER;
    """,
    # 7: corrections and disputes. A submitted review that is changed keeps the reviewer's
    # first submission (review_originals, original_score) for calibration, and every later
    # save that changed something is a revision with its changed values (who, when, why).
    # Agents dispute one criterion of a submitted review; an arbiter decides.
    """
    ALTER TABLE reviews ADD COLUMN first_submitted_at TEXT;
    ALTER TABLE reviews ADD COLUMN original_score REAL;
    ALTER TABLE reviews ADD COLUMN edit_by TEXT;
    ALTER TABLE reviews ADD COLUMN edit_as TEXT;
    UPDATE reviews SET first_submitted_at = submitted_at WHERE status = 'submitted';
    CREATE TABLE review_originals (
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        criterion TEXT NOT NULL,
        score     INTEGER,
        na        INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (review_id, criterion)
    ) WITHOUT ROWID;
    CREATE TABLE review_revisions (
        id         INTEGER PRIMARY KEY,
        review_id  INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        editor     TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('reviewer', 'arbiter')),
        reason     TEXT NOT NULL DEFAULT '',
        dispute_id INTEGER,
        at         TEXT NOT NULL
    );
    CREATE INDEX review_revisions_review ON review_revisions(review_id, id);
    CREATE TABLE review_edits (
        revision_id INTEGER NOT NULL REFERENCES review_revisions(id) ON DELETE CASCADE,
        field       TEXT NOT NULL,
        target      TEXT NOT NULL,
        before      TEXT,
        after       TEXT
    );
    CREATE INDEX review_edits_revision ON review_edits(revision_id);
    CREATE TABLE disputes (
        id           INTEGER PRIMARY KEY,
        review_id    INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        criterion    TEXT NOT NULL,
        opened_by    TEXT NOT NULL,
        reason       TEXT NOT NULL,
        opened_at    TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'accepted', 'rejected', 'withdrawn')),
        score_before INTEGER,
        na_before    INTEGER NOT NULL DEFAULT 0,
        score_after  INTEGER,
        na_after     INTEGER,
        resolved_by  TEXT,
        resolved_at  TEXT,
        answer       TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX disputes_review ON disputes(review_id, criterion);
    CREATE INDEX disputes_status ON disputes(status, opened_at);
    CREATE TABLE dispute_notes (
        id         INTEGER PRIMARY KEY,
        dispute_id INTEGER NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        role       TEXT NOT NULL,
        text       TEXT NOT NULL,
        at         TEXT NOT NULL
    );
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,  # 8: views for SQL users and Datasette, and full-text search on message text.
    # The views are one text for both engines (json_group_array exists on PostgreSQL
    # through POSTGRES_COMPAT). message_fts is SQLite's FTS5, kept in sync by triggers, so
    # every import, re-import and deletion updates it in the same transaction; its rowid is
    # the conversation's rowid * 2^20 + position (messages has no rowid of its own), so a
    # deleted message is found by rowid, not by scanning. PostgreSQL skips the FTS part
    # (see postgres.py, docs/schema.md).
    """
    CREATE VIEW conversation_overview AS
        SELECT c.id AS conversation_id, c.started_at, c.channel, c.queue, c.language, c.agent,
               c.outcome, c.csat, c.n_messages,
               s.risk, s.risk_reasons, s.peak_frustration, s.mean_frustration, s.sentiment_start,
               s.sentiment_end, s.trajectory, s.trajectory_label, s.bot_loop, s.stuck_in_bot, s.handover,
               (SELECT json_group_array(flag) FROM (
                    SELECT DISTINCT flag FROM message_flags WHERE conversation_id = c.id
                    UNION SELECT flag FROM conversation_flags WHERE conversation_id = c.id ORDER BY flag) AS all_flags)
                   AS flags,
               p.kind AS phases, p.arrival_frustration, p.arrived_frustrated, p.agent_change,
               r.id AS latest_review_id, r.reviewer AS latest_reviewer, r.submitted_at AS latest_review_at,
               r.score AS latest_review_score, r.passed AS latest_review_pass
        FROM conversations c
        LEFT JOIN conversation_signals s ON s.conversation_id = c.id
        LEFT JOIN conversation_phases p ON p.conversation_id = c.id
        LEFT JOIN reviews r ON r.id = (
            SELECT r2.id FROM reviews r2 WHERE r2.conversation_id = c.id AND r2.status = 'submitted'
            ORDER BY r2.submitted_at DESC, r2.id DESC LIMIT 1);
    CREATE VIEW review_overview AS
        SELECT r.id AS review_id, r.conversation_id, c.agent, c.queue, c.channel, c.started_at, r.reviewer,
               se.name AS session, r.rubric_id, r.rubric_version, r.status, r.submitted_at, r.review_seconds,
               r.score AS raw_score, r.original_score, r.passed AS pass, r.critical_fail
        FROM reviews r
        JOIN conversations c ON c.id = r.conversation_id
        LEFT JOIN sessions se ON se.id = r.session_id;
    CREATE VIRTUAL TABLE message_fts USING fts5(
        text, conversation_id UNINDEXED, position UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO message_fts(rowid, text, conversation_id, position)
        SELECT c.rowid * 1048576 + m.position, m.text, m.conversation_id, m.position
        FROM messages m JOIN conversations c ON c.id = m.conversation_id;
    CREATE TRIGGER message_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO message_fts(rowid, text, conversation_id, position)
        VALUES ((SELECT rowid FROM conversations WHERE id = new.conversation_id) * 1048576 + new.position,
                new.text, new.conversation_id, new.position);
    END;
    CREATE TRIGGER message_fts_delete AFTER DELETE ON messages BEGIN
        DELETE FROM message_fts
        WHERE rowid = (SELECT rowid FROM conversations WHERE id = old.conversation_id) * 1048576 + old.position;
    END;
    CREATE TRIGGER message_fts_update AFTER UPDATE OF text ON messages BEGIN
        UPDATE message_fts SET text = new.text
        WHERE rowid = (SELECT rowid FROM conversations WHERE id = new.conversation_id) * 1048576 + new.position;
    END;
    CREATE TRIGGER message_fts_conversation_delete BEFORE DELETE ON conversations BEGIN
        DELETE FROM message_fts WHERE rowid BETWEEN old.rowid * 1048576 AND old.rowid * 1048576 + 1048575;
    END;
    """,
    # 9: new messages reach message_fts by one statement per import batch
    # (store/conversations.py), not a trigger per row: import was 2-3x slower with it.
    """
    DROP TRIGGER IF EXISTS message_fts_insert;
    """,
    # 10: internal notes kept on import are turns with role 'note' (shown, never analysed).
    # SQLite cannot change a CHECK: the table is rebuilt. Dropping the old one cascades to
    # message_flags (foreign keys stay on inside our transaction), so its rows are kept aside
    # and put back; the full-text index is refilled and the triggers of messages (delete and
    # update; inserts are indexed by the import, see 9) made again. PostgreSQL swaps the
    # constraint instead (POSTGRES_MIGRATIONS).
    """
    CREATE TEMP TABLE kept_message_flags AS SELECT * FROM message_flags;
    CREATE TABLE messages_v10 (
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('customer', 'agent', 'bot', 'system', 'note')),
        author          TEXT,
        text            TEXT NOT NULL,
        at              TEXT,
        PRIMARY KEY (conversation_id, position)
    ) WITHOUT ROWID;
    INSERT INTO messages_v10 SELECT conversation_id, position, role, author, text, at FROM messages;
    DROP TABLE messages;
    ALTER TABLE messages_v10 RENAME TO messages;
    INSERT INTO message_flags SELECT * FROM kept_message_flags;
    DROP TABLE kept_message_flags;
    DELETE FROM message_fts;
    INSERT INTO message_fts(rowid, text, conversation_id, position)
        SELECT c.rowid * 1048576 + m.position, m.text, m.conversation_id, m.position
        FROM messages m JOIN conversations c ON c.id = m.conversation_id;
    CREATE TRIGGER message_fts_delete AFTER DELETE ON messages BEGIN
        DELETE FROM message_fts
        WHERE rowid = (SELECT rowid FROM conversations WHERE id = old.conversation_id) * 1048576 + old.position;
    END;
    CREATE TRIGGER message_fts_update AFTER UPDATE OF text ON messages BEGIN
        UPDATE message_fts SET text = new.text
        WHERE rowid = (SELECT rowid FROM conversations WHERE id = new.conversation_id) * 1048576 + new.position;
    END;
    """,
    # 11: AutoQA (docs/autoqa.md). One model per rubric version and criterion, its parameters
    # as JSON (never pickle: a shared database must not be able to run code) and its measured
    # agreement; older models stay as history (active = 0). Machine scores live apart from
    # human ones; each remembers the conversation and signals it saw (conversation_hash,
    # analyzed_at), so scoring again only redoes what changed. review_scores.suggested marks a
    # human score that is an accepted suggestion (training leaves those out).
    """
    CREATE TABLE autoqa_models (
        id              INTEGER PRIMARY KEY,
        rubric_id       TEXT NOT NULL,
        rubric_version  INTEGER NOT NULL,
        criterion       TEXT NOT NULL,
        trained_at      TEXT NOT NULL,
        n_reviews       INTEGER NOT NULL,
        n_conversations INTEGER NOT NULL,
        content_hash    TEXT NOT NULL,
        params          TEXT NOT NULL,
        reliable        INTEGER NOT NULL DEFAULT 0,
        reason          TEXT NOT NULL DEFAULT '',
        alpha           REAL,
        alpha_low       REAL,
        alpha_high      REAL,
        exact           REAL,
        within_one      REAL,
        reviewers_alpha REAL,
        active          INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX autoqa_models_active ON autoqa_models(rubric_id, rubric_version, criterion, active);
    CREATE TABLE autoqa_scores (
        model_id          INTEGER NOT NULL REFERENCES autoqa_models(id) ON DELETE CASCADE,
        conversation_id   TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        value             REAL NOT NULL,
        uncertainty       REAL NOT NULL,
        reasons           TEXT NOT NULL DEFAULT '[]',
        scored_at         TEXT NOT NULL,
        conversation_hash TEXT,
        analyzed_at       TEXT,
        PRIMARY KEY (model_id, conversation_id)
    ) WITHOUT ROWID;
    CREATE INDEX autoqa_scores_conversation ON autoqa_scores(conversation_id);
    ALTER TABLE review_scores ADD COLUMN suggested INTEGER NOT NULL DEFAULT 0;
    """,
    # 12: sessions sampled from AutoQA's machine scores (sample --strategy autoqa-low or
    # uncertain) mark their targeted picks 'autoqa'. SQLite cannot change a CHECK: the table
    # is rebuilt (nothing refers to it); PostgreSQL swaps the constraint (POSTGRES_MIGRATIONS).
    """
    CREATE TABLE session_items_v12 (
        session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        reviewer        TEXT NOT NULL,
        pick            TEXT NOT NULL CHECK (pick IN ('random', 'spotlight', 'stratified', 'autoqa')),
        reason          TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (session_id, reviewer, position)
    ) WITHOUT ROWID;
    INSERT INTO session_items_v12 SELECT session_id, position, conversation_id, reviewer, pick, reason
        FROM session_items;
    DROP TABLE session_items;
    ALTER TABLE session_items_v12 RENAME TO session_items;
    CREATE INDEX session_items_conversation ON session_items(conversation_id);
    CREATE INDEX session_items_reviewer ON session_items(reviewer, session_id);
    """,
    # 13: calibrated scores stored, so SQL, Datasette and review_overview show the numbers the
    # exports show. The leniency offsets per rubric version and each submitted review's
    # calibrated score are written by cxreview/calibrated.py whenever reviews or calibration
    # change; without a settings row 'calibrated_scores' (an upgraded database: the fit is
    # Python, not SQL) or with 'stale' there, the next command that writes fills them.
    """
    CREATE TABLE calibration_offsets (
        rubric_id      TEXT NOT NULL,
        rubric_version INTEGER NOT NULL,
        reviewer       TEXT NOT NULL,
        criterion      TEXT NOT NULL,
        estimate       REAL NOT NULL,
        applied        REAL NOT NULL,
        n              INTEGER NOT NULL,
        low            REAL NOT NULL,
        high           REAL NOT NULL,
        reason         TEXT NOT NULL,
        PRIMARY KEY (rubric_id, rubric_version, reviewer, criterion)
    );
    CREATE TABLE calibrated_reviews (
        review_id        INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        calibrated_score REAL,
        passed           INTEGER,
        critical_fail    INTEGER NOT NULL,
        offsets          TEXT NOT NULL,
        refreshed_at     TEXT NOT NULL,
        PRIMARY KEY (review_id)
    );
    DROP VIEW review_overview;
    CREATE VIEW review_overview AS
        SELECT r.id AS review_id, r.conversation_id, c.agent, c.queue, c.channel, c.started_at, r.reviewer,
               se.name AS session, r.rubric_id, r.rubric_version, r.status, r.submitted_at, r.review_seconds,
               r.score AS raw_score, k.calibrated_score, r.original_score,
               coalesce(k.passed, r.passed) AS pass, coalesce(k.critical_fail, r.critical_fail) AS critical_fail,
               r.passed AS raw_pass, k.offsets
        FROM reviews r
        JOIN conversations c ON c.id = r.conversation_id
        LEFT JOIN sessions se ON se.id = r.session_id
        LEFT JOIN calibrated_reviews k ON k.review_id = r.id AND r.status = 'submitted';
    """,
    # 14: whether a first-submitted score was an accepted AutoQA suggestion, so a review
    # corrected later still leaves the machine's value out of the agreement between people.
    """
    ALTER TABLE review_originals ADD COLUMN suggested INTEGER NOT NULL DEFAULT 0;
    """,
    # 15: the insights kept between runs (computing them takes a minute on a million
    # messages; the review app's Insights screen must open in under 2 s), each with a stamp
    # of the data it was computed from: a stored result whose stamp no longer matches the
    # data is stale and never shown as current (cxreview/insights_cache.py).
    """
    CREATE TABLE insights_cache (
        key         TEXT PRIMARY KEY,
        stamp       TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        seconds     REAL NOT NULL,
        content     TEXT NOT NULL
    );
    """,
    # 16: internal notes kept on import (role 'note') are shown but are not turns of the
    # conversation, so they no longer count in n_messages (sampling's --min-messages, the
    # queue's message count, exports). Only conversations with notes change.
    """
    UPDATE conversations SET n_messages = (
        SELECT count(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.role <> 'note'
    )
    WHERE id IN (SELECT conversation_id FROM messages WHERE role = 'note');
    """,
    # 17: a fingerprint of the figures an AutoQA model read for a conversation, so a new
    # signals run that leaves them as they were (cxreview analyze again) keeps the machine
    # score instead of scoring everything again (cxreview/autoqa/score.py).
    """
    ALTER TABLE autoqa_scores ADD COLUMN feature_hash TEXT;
    """,
    # 18: how far a conversation lies from the conversations an AutoQA model was trained on,
    # and whether that is beyond what the model can back (docs/autoqa.md): such a score is
    # kept (sampling for review may use it) but never shown as a figure nor averaged.
    """
    ALTER TABLE autoqa_scores ADD COLUMN distance REAL;
    ALTER TABLE autoqa_scores ADD COLUMN far INTEGER NOT NULL DEFAULT 0;
    """,
    # 19: the machine score before it was clipped to the scale. A weak model widened to the
    # reviewers' spread piles many conversations at 1.0 or 5.0; the unclipped value orders
    # them (sample --strategy autoqa-low) and the review screen says when a value was clipped.
    """
    ALTER TABLE autoqa_scores ADD COLUMN unclipped REAL;
    """,
    # 20: the AutoQA models whose scores ranked a session's picks (autoqa-low, uncertain), so
    # after a retrain its "why picked" can say it came from an older model.
    """
    ALTER TABLE sessions ADD COLUMN autoqa_models TEXT;
    """,
    # 21: why a machine score is withheld besides "far": the conversation's channel or language
    # is one where the model measurably does not agree with the reviewers ("channel email").
    """
    ALTER TABLE autoqa_scores ADD COLUMN withheld TEXT;
    """,
    # 22: whether a conversation's language was detected by an analysis (1) or given by its
    # import (0). A detected language is detected again by the next analysis (a better
    # detector corrects it: round 22 named Spanish that earlier analyses stored as "nl"); a
    # given one never is. Databases analysed before this schema cannot tell the two apart:
    # their languages count as given (docs/signals.md "Languages" says how to detect again).
    """
    ALTER TABLE conversations ADD COLUMN language_detected INTEGER NOT NULL DEFAULT 0;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
