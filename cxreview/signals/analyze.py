"""Run the analysis over many conversations: each distinct text once, both cores.

1. The main process lists the distinct (language, role, text) keys of the conversations
   to analyse, and a process pool computes their features (VADER sentiment, cues) once
   each: bot texts repeat a lot, so most messages cost nothing here.
2. A second pool, forked after the features exist so it inherits them without copying,
   analyses conversations in chunks: repeats, spikes, handover, risk. Each worker
   writes its chunk in its own short transaction, so the writes are spread over both
   cores and readers (reviewers in the TUI) are never blocked for long.
Small jobs run in the calling process: starting processes would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cxreview.records import NOTE
from cxreview.signals.config import config_hash, load_config
from cxreview.signals.conversation import ConversationSignals, analyze
from cxreview.signals.features import TextFeatures, Tone, shape_of, tone, with_details
from cxreview.signals.language import detect_language
from cxreview.signals.phases import Phases, name_the_phase, split_phases
from cxreview.signals.summary import csat_scale
from cxreview.store import Database, open_database
from cxreview.store import signals as sql
from cxreview.store.phases import replace_phases

CHUNK = 500  # conversations per phase-2 task: small, so writes interleave
PARALLEL_MIN_MESSAGES = 20_000
SUPER_CHUNK = 150_000  # conversations whose features are held in memory at once

Key = tuple[str, bool, str]  # (language, is customer, text)


@dataclass
class AnalyzeSummary:
    conversations: int = 0
    messages: int = 0
    distinct_texts: int = 0


# Process-wide state of the workers: set by the initialiser, or inherited through fork.
_FEATURES: dict[Key, TextFeatures] = {}
_STATE: dict[str, Any] = {}


def _init_worker(
    config: dict[str, Any], db_path: str | None, features: dict[Key, TextFeatures] | None, scale: float | None
) -> None:
    _STATE["config"] = config
    _STATE["config_hash"] = config_hash(config)
    _STATE["csat_scale"] = scale
    _STATE["db_path"] = db_path
    _STATE["db"] = None
    if features is not None:  # spawn: the features come pickled; fork: they are inherited
        _FEATURES.update(features)


def _tone_batch(batch: list[Key]) -> list[Tone]:
    return [tone(shape, language, customer) for language, customer, shape in batch]


def _features_for(keys: list[Key], pool: Any | None) -> dict[Key, TextFeatures]:
    """Features of distinct texts: the tone once per distinct shape, details once per text.

    Tones (VADER and the cues) are the expensive part and go to the pool when there are
    many shapes. Details stay in this process: they cost a few microseconds a text, less
    than sending them to a worker and back (measured: 2.1 s here against 4.1 s through the
    pool for 127,000 texts).
    """
    shapes = {key: (key[0], key[1], shape_of(key[2])) for key in keys}
    distinct_shapes = list(set(shapes.values()))
    tones: dict[Key, Tone] = {}
    if pool is None or len(distinct_shapes) < 2000:
        tones.update(zip(distinct_shapes, _tone_batch(distinct_shapes), strict=True))
    else:
        batches = [distinct_shapes[i : i + 500] for i in range(0, len(distinct_shapes), 500)]
        for batch, result in zip(batches, pool.imap(_tone_batch, batches), strict=True):
            tones.update(zip(batch, result, strict=True))
    return {key: with_details(key[2], key[0], key[1], tones[shapes[key]]) for key in keys}


def _lang_key(language: str) -> str:
    return "nl" if language.startswith("nl") else "en"


def _analyze_chunk(
    tasks: list[tuple[str, str, str | None, float | None, bool]], db: Database | None = None
) -> tuple[int, int]:
    """Read, analyse and write one chunk of conversations; returns (conversations, messages)."""
    if db is None:
        db = _STATE.get("db")
        if db is None:
            db = _STATE["db"] = open_database(_STATE["db_path"], create=False)
    config = _STATE["config"]
    ids = [t[0] for t in tasks]
    grouped: dict[str, list[tuple[int, str, str, str | None]]] = {}
    for cid, position, role, text, at in sql.messages_of(db.conn, ids):
        if role == NOTE:
            continue  # internal notes: never analysed, never a reply; the others keep their positions
        grouped.setdefault(cid, []).append((position, role, text, at))
    results: list[ConversationSignals] = []
    phases: list[Phases] = []
    count = 0
    for cid, language, outcome, csat, detected in tasks:
        messages = grouped.get(cid, [])
        count += len(messages)
        key = _lang_key(language)
        prepared = [(pos, role, at, _FEATURES[(key, role == "customer", text)]) for pos, role, text, at in messages]
        result = analyze(cid, language, prepared, config, outcome, csat, _STATE.get("csat_scale"))
        result.language_detected = detected
        results.append(result)
        phases.append(split_phases(cid, prepared, result.messages, config))
        result.risk_reasons = name_the_phase(result.risk_reasons, phases[-1])
    with db.transaction() as conn:
        sql.replace_signals(conn, results, _STATE["config_hash"])
        replace_phases(conn, phases)
    return len(results), count


def analyze_conversations(
    db: Database,
    ids: Sequence[str] | None = None,
    config: dict[str, Any] | None = None,
    on_progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> AnalyzeSummary:
    """Compute and store signals for ``ids`` (all conversations when None)."""
    config = config or load_config()
    target = list(ids) if ids is not None else sql.all_conversation_ids(db.conn)
    summary = AnalyzeSummary()
    workers = workers or min(2, os.cpu_count() or 1)
    largest = sql.max_csat(db.conn)
    _STATE.update(
        config=config,
        config_hash=config_hash(config),
        db_path=str(db.path),
        db=None,
        csat_scale=None if largest is None else csat_scale(largest),
    )
    for start in range(0, len(target), SUPER_CHUNK):
        part = target[start : start + SUPER_CHUNK]
        info = sql.conversation_info(db.conn, part)
        languages = _languages(db, part, info)
        keys = sql.distinct_texts(db.conn, part, languages)
        new_keys = [k for k in keys if k not in _FEATURES]
        n_messages = sql.count_messages(db.conn, part)
        parallel = workers > 1 and n_messages >= PARALLEL_MIN_MESSAGES
        if parallel:
            with _pool(workers, config, None) as pool:
                _FEATURES.update(_features_for(new_keys, pool))
        else:
            _FEATURES.update(_features_for(new_keys, None))
        summary.distinct_texts += len(new_keys)
        tasks = [(cid, languages[cid], info[cid][1], info[cid][2], info[cid][0] is None) for cid in part if cid in info]
        chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
        if parallel:
            # Created after the features exist: forked workers inherit them for free.
            # gc.freeze keeps the garbage collector from walking (and so copying, page by
            # page) the inherited objects in every worker: it tripled the time otherwise.
            shared = None if _can_fork() else dict(_FEATURES)
            gc.freeze()
            try:
                with _pool(workers, config, str(db.path), shared) as pool:
                    for done, n in pool.imap_unordered(_analyze_chunk, chunks):
                        summary.conversations += done
                        summary.messages += n
                        if on_progress:
                            on_progress(done)
            finally:
                gc.unfreeze()
        else:
            for chunk in chunks:
                done, n = _analyze_chunk(chunk, db)
                summary.conversations += done
                summary.messages += n
                if on_progress:
                    on_progress(done)
        _FEATURES.clear()  # bound memory: the next part starts afresh
    return summary


def _languages(
    db: Database, ids: list[str], info: dict[str, tuple[str | None, str | None, float | None]]
) -> dict[str, str]:
    """The given language of each conversation, or a detected one when the import had none."""
    languages = {cid: value[0] for cid, value in info.items() if value[0]}
    unknown = [cid for cid in ids if cid in info and not info[cid][0]]
    texts: dict[str, list[str]] = {}
    for cid, _, _, text, _ in sql.messages_of(db.conn, unknown):
        texts.setdefault(cid, []).append(text)
    for cid in unknown:
        languages[cid] = detect_language(texts.get(cid, []))
    return languages


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _pool(workers: int, config: dict[str, Any], db_path: str | None, features: dict | None = None) -> Any:
    method = "fork" if _can_fork() else "spawn"
    return multiprocessing.get_context(method).Pool(
        workers, initializer=_init_worker, initargs=(config, db_path, features, _STATE.get("csat_scale"))
    )
