"""Run the analysis over many conversations: each distinct text once, every core.

A process pool analyses conversations in chunks. Each worker reads its chunk, computes
the features of every text it has not seen yet (the tone, VADER and cues, once per
distinct *shape* of a text; the exact details once per distinct text; both remembered
in the worker, so bot templates cost nothing after their first use), applies the
per-conversation rules (repeats, spikes, handover, risk) and writes the chunk in its
own short transaction: the writes are spread over the workers and readers (reviewers in
the TUI) are never blocked for long. Nothing is computed in the main process and sent
to the workers: shipping features between processes cost more than computing them.
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
from cxreview.signals import answers, asked_steps, person_offer, requested, restated, step_phrases
from cxreview.signals.config import config_hash, load_config
from cxreview.signals.conversation import ConversationSignals, analyze
from cxreview.signals.features import (
    WORDLESS,
    TextFeatures,
    Tone,
    features_with_tone,
    reading_key,
    shape_of,
    tone_of,
    warm_up,
)
from cxreview.signals.frustration import model
from cxreview.signals.language import conversation_language
from cxreview.signals.lexicon import lexicon_language
from cxreview.signals.phases import Phases, name_the_phase, split_phases
from cxreview.signals.summary import analysis_key, csat_scale
from cxreview.store import Database, open_database
from cxreview.store import signals as sql
from cxreview.store.connection import BULK_CONVERSATIONS
from cxreview.store.phases import replace_phases

CHUNK = 500  # conversations per task: small, so writes interleave
MAX_WORKERS = 4
PARALLEL_MIN_MESSAGES = 20_000
SUPER_CHUNK = 150_000  # conversations whose details are listed at once
CACHE_LIMIT = 200_000  # texts (and shapes) whose features a process remembers: a few hundred MB at most

Key = tuple[str, str, str]  # (language, kind of writer: see _KIND, text)
# Customers and the bot need every feature; agents and the system only their tone.
_KIND = {"customer": "customer", "bot": "bot"}


@dataclass
class AnalyzeSummary:
    conversations: int = 0
    messages: int = 0
    distinct_texts: int = 0  # texts whose features were computed (a bot template once per worker)


# Process-wide state: set by the initialiser, or inherited through fork. The caches grow
# as chunks are analysed; each worker has its own.
_FEATURES: dict[Key, TextFeatures] = {}
_TONES: dict[Key, Tone] = {}
_STATE: dict[str, Any] = {}


def _init_worker(config: dict[str, Any], db_path: str | None) -> None:
    _STATE["config"] = config
    _STATE["config_hash"] = config_hash(config)
    _STATE["db_path"] = db_path
    _STATE["db"] = None


def _features(key: Key) -> TextFeatures:
    """The features of a text, computed on first use: the tone once per shape."""
    found = _FEATURES.get(key)
    if found is None:
        language, kind, text = key
        shape_key = (language, kind, shape_of(text))
        known = _TONES.get(shape_key)
        if known is None:
            known = _TONES[shape_key] = tone_of(shape_key[2], language, kind)
        found = _FEATURES[key] = features_with_tone(text, language, kind, known)
    return found


def _analyze_chunk(
    tasks: list[tuple[str, str, str | None, float | None, bool, float | None]], db: Database | None = None
) -> tuple[int, int, int]:
    """Read, analyse and write one chunk of conversations; returns (conversations, messages,
    texts whose features were computed)."""
    # A chunk allocates many small objects (features, per-message signals, flags) and
    # makes no reference cycles (a collection after a chunk finds nothing): reference
    # counting frees them all. With the garbage collector on, its passes over the young
    # objects cost a third of the per-conversation work, so it is off for the chunk.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyze_chunk_unguarded(tasks, db)
    finally:
        # The remembered features are many small objects that live for the whole run: left
        # to the collector, every full collection walks all of them (it cost a third of
        # the analysis time). Frozen, they are skipped; they hold no reference cycles
        # (and anything frozen is handed back to the collector when the analysis ends).
        gc.freeze()
        if enabled:
            gc.enable()


def _analyze_chunk_unguarded(
    tasks: list[tuple[str, str, str | None, float | None, bool, float | None]], db: Database | None
) -> tuple[int, int, int]:
    if db is None:
        db = _STATE.get("db")
        if db is None:
            db = _STATE["db"] = open_database(_STATE["db_path"], create=False)
    config = _STATE["config"]
    if len(_FEATURES) > CACHE_LIMIT or len(_TONES) > CACHE_LIMIT:  # bounded memory
        _FEATURES.clear()
        _TONES.clear()
    known = len(_FEATURES)
    features = _FEATURES.get
    kind_of = _KIND.get
    language_of = {t[0]: reading_key(t[1]) for t in tasks}
    # The messages come grouped by conversation and in order: each is turned into
    # (position, role, at, features) as it is read.
    conversations: dict[str, list[tuple[int, str, str | None, TextFeatures]]] = {}
    current, key, prepared = None, "", []
    for cid, position, role, text, at in sql.messages_of(db.conn, list(language_of)):
        if cid != current:
            current, key = cid, language_of[cid]
            prepared = conversations[cid] = []
        if role == NOTE:
            continue  # internal notes: never analysed, never a reply; the others keep their positions
        text_key = (key, kind_of(role, "other"), text)
        prepared.append((position, role, at, features(text_key) or _features(text_key)))
    results: list[ConversationSignals] = []
    phases: list[Phases] = []
    count = 0
    keys: dict[str, str] = {}
    for cid, language, outcome, csat, detected, scale in tasks:
        prepared = conversations.get(cid, [])
        count += len(prepared)
        result = analyze(cid, language, prepared, config, outcome, csat, scale)
        if csat is not None:
            keys[cid] = analysis_key(_STATE["config_hash"], csat, scale, config)
        result.language_detected = detected
        if language_of[cid] == WORDLESS:  # what only words say is not known, rather than "no"
            result.bot_disclosed = result.handover_offered = result.uncertainty_admitted = None
        results.append(result)
        phase = split_phases(cid, prepared, result.messages, config)
        phases.append(phase)
        result.risk_reasons = name_the_phase(result.risk_reasons, phase)
    with db.transaction() as conn:
        sql.replace_signals(conn, results, _STATE["config_hash"], keys)
        replace_phases(conn, phases)
    return len(results), count, len(_FEATURES) - known


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
    workers = workers or default_workers()
    scales = csat_scales(db)
    _STATE.update(config=config, config_hash=config_hash(config), db_path=str(db.path), db=None)
    parallel = workers > 1 and sql.count_messages(db.conn, target) >= PARALLEL_MIN_MESSAGES
    pool = None
    try:
        for start in range(0, len(target), SUPER_CHUNK):
            part = target[start : start + SUPER_CHUNK]
            info = sql.conversation_info(db.conn, part)
            languages = _languages(db, part, info)
            # Each task carries the csat scale of its channel (a 1..5 chat and a 0..10 e-mail survey).
            tasks = [
                (cid, languages[cid], info[cid][1], info[cid][2], info[cid][0] is None, scales.get(info[cid][3]))
                for cid in part
                if cid in info
            ]
            if parallel and pool is None:
                pool = _pool(workers, config, str(db.path), {reading_key(lang) for lang in languages.values()})
            chunks = _chunks(tasks, workers if pool else 1)
            done_chunks = (
                pool.imap_unordered(_analyze_chunk, chunks) if pool else (_analyze_chunk(c, db) for c in chunks)
            )
            for done, n, computed in done_chunks:
                summary.conversations += done
                summary.messages += n
                summary.distinct_texts += computed
                if on_progress:
                    on_progress(done)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
            gc.unfreeze()
        else:
            _FEATURES.clear()  # the calling process does not keep them: the next call may use other lexicons
            _TONES.clear()
            gc.unfreeze()
    if summary.conversations >= BULK_CONVERSATIONS:
        db.after_bulk_write(sql.SIGNAL_TABLES)
    return summary


def csat_scales(db: Database) -> dict[str | None, float]:
    """Channel -> the usual survey scale (5, 10, 100) that holds its largest csat."""
    return {channel: csat_scale(largest) for channel, largest in sql.max_csat_per_channel(db.conn).items()}


def stale_ids(db: Database, config: dict[str, Any], rescaled_only: bool = False) -> list[str]:
    """Conversations never analysed, or analysed under another config or, for one with a csat,
    another inferred scale of its channel. ``rescaled_only``: only those analysed under this
    config whose channel's scale changed since (a new import brought a larger answer)."""
    current = config_hash(config)
    scales = csat_scales(db)
    stale = []
    for cid, channel, csat, stored in sql.analysis_keys(db.conn):
        expected = analysis_key(current, csat, scales.get(channel), config)
        if stored == expected:
            continue
        if rescaled_only and (stored is None or stored.split("/")[0] != current):
            continue
        stale.append(cid)
    return stale


def default_workers() -> int:
    """Worker processes for a large analysis: one per core this process may use, at most
    MAX_WORKERS (each keeps its own text cache, and the writes of all of them queue for
    SQLite's one write lock)."""
    try:
        cores = len(os.sched_getaffinity(0))  # the cores a container or taskset allows
    except AttributeError:  # not on macOS or Windows
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def _chunks(tasks: list[Any], workers: int) -> list[list[Any]]:
    """Tasks in chunks of CHUNK conversations. With several workers the last ones are a
    quarter of that, so the workers finish at about the same time (a full chunk left to
    one worker at the end kept the other core idle for a chunk's time)."""
    if workers <= 1:
        return [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
    split = max(0, len(tasks) - workers * CHUNK)
    head = [tasks[i : min(i + CHUNK, split)] for i in range(0, split, CHUNK)]
    small = max(1, CHUNK // 4)
    return head + [tasks[i : i + small] for i in range(split, len(tasks), small)]


def _languages(
    db: Database, ids: list[str], info: dict[str, tuple[str | None, str | None, float | None, str | None]]
) -> dict[str, str]:
    """The given language of each conversation, or a detected one when the import had none."""
    languages = {cid: value[0] for cid, value in info.items() if value[0]}
    unknown = [cid for cid in ids if cid in info and not info[cid][0]]
    texts: dict[str, list[tuple[str, str]]] = {}
    for cid, _, role, text, _ in sql.messages_of(db.conn, unknown):
        if role != NOTE:  # an internal note is not the conversation's language
            texts.setdefault(cid, []).append((role, text))
    for cid in unknown:
        languages[cid] = conversation_language(texts.get(cid, []))
    return languages


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _pool(workers: int, config: dict[str, Any], db_path: str, languages: set[str]) -> Any:
    method = "fork" if _can_fork() else "spawn"
    if method == "fork":
        # Lexicons, cue indexes and word lists, built once here and inherited by every
        # worker (each built its own: ~0.1 s of CPU per worker); frozen, so no collection
        # in a worker walks (and copies) the inherited objects.
        warm_up(lang if lang != WORDLESS else "en" for lang in languages)
        _warm_rules({lexicon_language(lang) for lang in languages if lang != WORDLESS} or {"en"})
        model()
        gc.freeze()
    return multiprocessing.get_context(method).Pool(workers, initializer=_init_worker, initargs=(config, db_path))


def _warm_rules(languages: set[str]) -> None:
    """Compile the regexes the per-conversation rules build on first use from cues.yaml and
    their own word lists (``languages``: lexicon languages), so that the workers inherit them
    instead of each compiling its own (about 0.1e9 instructions per worker)."""
    for module in (answers, asked_steps, person_offer, requested, restated, step_phrases):
        module.compile_rules(languages)
