"""Review sessions: reproducible random, stratified and spotlight samples.

Sampling probes random rowids instead of sorting or scanning the conversation table:
a probe is one b-tree lookup, so a session of 50 costs about the same on ten thousand
conversations as on a million. Only when the filters are so narrow that probing keeps
missing does it fall back to listing the filtered conversations through the indexes.

- random: uniform over the conversations that pass the filters (rejection sampling).
- stratified: K per agent (or per queue), each agent found by one index seek; a --size cut
  keeps an even share per group, the groups getting one more drawn by the seed.
- spotlight: probability proportional to risk squared (accept a probed conversation with
  probability risk^2), plus a share of plain random picks so scores stay representative.
  Every strategy probes the conversations' rowids (fixed at import), so the same seed and
  data give the same session, however often or in whatever order signals were re-analysed.
- autoqa-low / uncertain: ranked by AutoQA's machine scores (cxreview.sampling_autoqa), with
  the same share of random picks as spotlight.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from cxreview.errors import ConflictError, NotFoundError, UsageError
from cxreview.filters import Filters
from cxreview.hygiene import clean_name
from cxreview.parties import check_pair, skipped_kinds
from cxreview.progress import SILENT, Phases, Steps
from cxreview.reviews import register_rubric
from cxreview.rubrics.model import Rubric
from cxreview.sampling_autoqa import (
    AUTOQA_STRATEGIES,
    check_criterion,
    coverage_notes,
    models_used,
    ranked,
    targeted,
)
from cxreview.sampling_probes import Probes
from cxreview.store import Database
from cxreview.store import probes as batch
from cxreview.store import sessions as sql
from cxreview.store.conversations import count_conversations
from cxreview.store.phases import conversation_kind

STRATEGIES = ("random", "stratified", "spotlight", *AUTOQA_STRATEGIES)
PROBES_PER_PICK = 60  # random probes per wanted pick before falling back to the indexes
SPOTLIGHT_POWER = 2.0  # weight = risk ** power: sharper than risk alone


@dataclass
class Pick:
    conversation_id: str
    pick: str
    reason: str
    agent: str | None = None


@dataclass
class SampleRequest:
    size: int | None
    strategy: str = "random"
    per_group: int | None = None
    group_by: str = "agent"
    seed: int | None = None
    name: str | None = None
    reviewers: list[str] = field(default_factory=list)
    calibration: bool = False
    filters: Filters = field(default_factory=Filters)
    min_messages: int = 0
    include_reviewed: bool = False
    random_share: float = 0.2
    criterion: str | None = None  # autoqa-low / uncertain: rank on this criterion only


@dataclass
class SampleResult:
    session_id: int
    name: str
    seed: int
    picks: list[Pick]
    assignments: dict[str, list[str]]
    notes: list[str]


class _Candidates:
    """Tests conversations against the filters and takes each one at most once."""

    def __init__(self, db: Database, request: SampleRequest, skip_kinds: tuple[str, ...] = ()) -> None:
        self.db = db
        self.request = request
        self.filters = request.filters
        self.chosen: set[str] = set()
        self.skip_kinds = skip_kinds
        self.skipped: set[str] = set()
        self.wants_kind = bool(skip_kinds)
        # Looked up ahead in batches (one query each, not one per conversation): nothing
        # sampling does changes them before the session is written.
        self.taken: dict[str, bool] = {}
        self.kinds: dict[str, str | None] = {}

    def remember(self, rows: Any) -> None:
        for row in rows:
            self.taken[row["id"]] = bool(row["taken"])
            if self.wants_kind:
                self.kinds[row["id"]] = row["kind"]

    def look_up(self, rows: list[Any]) -> list[Any]:
        """``rows``, after fetching what ``accepts`` needs for all of them in a few queries."""
        ids = [r["id"] for r in rows if r["id"] not in self.taken]
        self.remember(batch.taken_and_kinds(self.db.conn, ids, self.wants_kind))
        return rows

    def accepts(self, row: Any) -> bool:
        if row is None or row["id"] in self.chosen:
            return False
        if not self.filters.matches(row):
            return False
        if row["n_messages"] < self.request.min_messages:
            return False
        conversation = row["id"]
        if not self.request.include_reviewed:
            taken = self.taken.get(conversation)
            if taken if taken is not None else sql.is_taken(self.db.conn, conversation):
                return False
        if self.skip_kinds:
            kind = (
                self.kinds[conversation]
                if conversation in self.kinds
                else conversation_kind(self.db.conn, conversation)
            )
            if kind in self.skip_kinds:
                self.skipped.add(conversation)
                return False
        return True

    def scope(self) -> tuple[Filters, int]:
        """What the store's listing of candidates needs: the filters and the minimum length."""
        return self.filters, self.request.min_messages


def create_session(
    db: Database,
    request: SampleRequest,
    rubric: Rubric,
    on_progress: Callable[[int], None] | None = None,
    bot_rubric: Rubric | None = None,
    phases: Phases = SILENT,
) -> SampleResult:
    """Sample conversations and store them as a named session assigned to reviewers; with a
    ``bot_rubric`` the bot's part of each conversation is scored with it (cxreview.parties)."""
    # Names reach other reviewers' terminals through the shared database: clean them first.
    request = replace(
        request,
        name=None if request.name is None else clean_name(request.name),
        reviewers=[clean_name(r) for r in request.reviewers],
    )
    if any(not r for r in request.reviewers):
        raise UsageError("a reviewer name is empty", "pass --reviewer with a name")
    _validate(db, request)
    check_pair(rubric, bot_rubric)
    check_criterion(rubric, request.criterion)
    seed = request.seed if request.seed is not None else random.SystemRandom().randrange(1, 2**31)
    rng = random.Random(seed)
    candidates = _Candidates(db, request, skipped_kinds(rubric, bot_rubric))
    notes: list[str] = []
    step = Steps(phases, "Sampling", 2)
    step.next(f"{request.strategy} picks over the filters")
    if request.strategy == "random":
        picks = _random(db, candidates, rng, request.size or 0, "random", notes)
    elif request.strategy == "stratified":
        picks = _stratified(db, candidates, rng, request, notes)
    elif request.strategy in AUTOQA_STRATEGIES:
        picks = _autoqa(db, candidates, rng, request, rubric, notes)
    else:
        picks = _spotlight(db, candidates, rng, request, notes)
    party = "no bot" if rubric.applies_to == "bot" else "no person"
    if not picks and candidates.skipped:  # e.g. only bot-only conversations, and an agent rubric
        raise NotFoundError(
            f"every matching conversation is one where {party} took part, and rubric {rubric.id} cannot score it",
            "add --bot-rubric bot to review the bot" if rubric.applies_to != "bot" else "choose an agent rubric",
        )
    if not picks and not count_conversations(db.conn):
        raise NotFoundError("the database holds no conversations yet", "import some first: cxreview import FILE")
    if not picks:
        raise NotFoundError(
            "no conversation matches the filters" + ("" if request.include_reviewed else " (reviewed ones left out)"),
            "widen the filters, or add --include-reviewed",
        )
    if candidates.skipped:
        notes.append(
            f"conversations where {party} took part were left out: rubric {rubric.id} cannot score them"
            + ("" if rubric.applies_to == "bot" else " (add --bot-rubric bot to review the bot too)")
        )
    wanted = request.size if request.strategy != "stratified" else None
    if wanted and len(picks) < wanted:
        notes.append(f"only {len(picks)} conversations match the filters; the session has {len(picks)}, not {wanted}")
    reviewers = request.reviewers or ["unassigned"]
    assignments: dict[str, list[str]] = {r: [] for r in reviewers}
    items: list[tuple[int, str, str, str, str]] = []
    for position, pick in enumerate(picks, start=1):
        targets = reviewers if request.calibration else [reviewers[(position - 1) % len(reviewers)]]
        for reviewer in targets:
            assignments[reviewer].append(pick.conversation_id)
            items.append((position, pick.conversation_id, reviewer, pick.pick, pick.reason))
    step.next("writing the session")
    register_rubric(db, rubric)
    if bot_rubric is not None:
        register_rubric(db, bot_rubric)
    name = request.name or _default_name(db, request.strategy)
    filters = {k: v for k, v in vars(request.filters).items() if v}
    if request.min_messages:
        filters["min_messages"] = request.min_messages
    with db.transaction() as conn:
        if sql.session_id(conn, name) is not None:
            raise ConflictError(f'a session named "{name}" exists', "choose another --name")
        session = sql.insert_session(
            conn,
            name,
            request.strategy,
            seed,
            request.calibration,
            rubric.id,
            rubric.version,
            request.random_share if request.strategy in ("spotlight", *AUTOQA_STRATEGIES) else None,
            filters,
            notes,
            (bot_rubric.id, bot_rubric.version) if bot_rubric is not None else None,
            models_used(db, rubric, request.strategy, request.criterion)
            if request.strategy in AUTOQA_STRATEGIES
            else None,
        )
        sql.insert_items(conn, [(session, *item) for item in items])
    return SampleResult(session, name, seed, picks, assignments, notes)


def _validate(db: Database, request: SampleRequest) -> None:
    if request.strategy not in STRATEGIES:
        raise UsageError(f'unknown strategy "{request.strategy}"', f"use one of {', '.join(STRATEGIES)}")
    if request.strategy == "stratified":
        if not request.per_group or request.per_group <= 0:
            raise UsageError("stratified sampling needs --per-agent K (K > 0)", "e.g. --per-agent 5")
    elif request.size is None or request.size <= 0:
        raise UsageError("--size must be a number above 0", "e.g. --size 20")
    if request.size is not None and request.size <= 0:
        raise UsageError("--size must be a number above 0", "e.g. --size 20")
    if not 0 <= request.random_share <= 1:
        raise UsageError("--random-share must be between 0 and 1", "e.g. --random-share 0.2")
    if request.per_group is not None and request.strategy != "stratified":
        raise UsageError(
            f"--per-agent only applies to --strategy stratified, not {request.strategy}",
            "add --strategy stratified, or leave --per-agent out and give --size",
        )
    if request.criterion is not None and request.strategy not in AUTOQA_STRATEGIES:
        raise UsageError(
            f"--criterion only applies to --strategy autoqa-low or uncertain, not {request.strategy}",
            "choose one of those strategies, or leave --criterion out",
        )
    if request.group_by not in ("agent", "queue"):
        raise UsageError(f'cannot stratify by "{request.group_by}"', "use --by agent or --by queue")
    if len(set(request.reviewers)) != len(request.reviewers):
        raise UsageError("a reviewer is named twice", "name each reviewer once")
    if request.strategy == "spotlight":
        from cxreview.store.signals import count_unanalysed

        missing = count_unanalysed(db)
        if missing:  # spotlight would silently never pick them
            raise ConflictError(
                f"{missing:,} conversation{'s have' if missing != 1 else ' has'} no signals yet "
                "(an import or analysis was interrupted, or is still running, or used --no-analyze)",
                "run 'cxreview analyze --stale' (or wait for the running import) and sample again",
            )
    if request.name is not None:
        if not request.name.strip():
            raise UsageError("the session name is empty", "pass --name with some text")
        if sql.session_id(db.conn, request.name) is not None:
            raise ConflictError(f'a session named "{request.name}" exists', "choose another --name")


def _default_name(db: Database, strategy: str) -> str:
    base = f"{date.today().isoformat()}-{strategy}"
    name, number = base, 1
    while sql.session_id(db.conn, name) is not None:
        number += 1
        name = f"{base}-{number}"
    return name


def _random(
    db: Database, candidates: _Candidates, rng: random.Random, size: int, pick: str, notes: list[str]
) -> list[Pick]:
    """Uniform picks by probing random rowids; exact, since every rowid is equally likely."""
    picks: list[Pick] = []
    if size <= 0:
        return picks
    low, high = sql.rowid_bounds(db.conn)
    if high == 0:
        return picks
    probes = Probes(db, candidates, rng, (low, high))
    for _ in range(size * PROBES_PER_PICK + 200):
        row = probes.row(rng.randint(low, high))
        if row is not None and candidates.accepts(row):
            candidates.chosen.add(row["id"])
            picks.append(Pick(row["id"], pick, "random pick", row["agent"]))
            if len(picks) == size:
                return picks
    # Narrow filters: probing rarely hits. List the filtered conversations instead.
    pool = [
        r for r in candidates.look_up(sql.filtered_candidates(db.conn, *candidates.scope())) if candidates.accepts(r)
    ]
    for row in rng.sample(pool, min(size - len(picks), len(pool))):
        candidates.chosen.add(row["id"])
        picks.append(Pick(row["id"], pick, "random pick", row["agent"]))
    return picks


def _stratified(
    db: Database, candidates: _Candidates, rng: random.Random, request: SampleRequest, notes: list[str]
) -> list[Pick]:
    """K per agent (or queue). The groups are found by index seeks; one shared run of random
    probes fills them all (each probed conversation goes to its own group), so the probing
    budget is linear in the number of groups. Only groups probing cannot fill (small ones)
    are listed through the index."""
    column = request.group_by
    per_group = request.per_group or 0
    wanted = set(request.filters.agents if column == "agent" else request.filters.queues)
    low, high = sql.rowid_bounds(db.conn)
    groups: list[str] = []
    value = sql.next_value(db.conn, column, None)
    while value is not None:
        if not wanted or value in wanted:
            groups.append(value)
        value = sql.next_value(db.conn, column, value)
    found: dict[str, list[Pick]] = {group: [] for group in groups}
    reasons = {group: f"{per_group} per {column}: {group}" for group in groups}
    open_groups = len(groups)
    # Linear in the groups; and never more than a few probes per conversation, since groups
    # probing cannot fill are listed through the index below anyway (small tables, big K).
    budget = min(per_group * PROBES_PER_PICK * len(groups), 3 * (high - low + 1)) if groups else 0
    probes = Probes(db, candidates, rng, (low, high))
    for _ in range(budget):
        row = probes.row(rng.randint(low, high))
        if row is None or row[column] not in found:
            continue
        group = row[column]
        if len(found[group]) == per_group or not candidates.accepts(row):
            continue
        candidates.chosen.add(row["id"])
        found[group].append(Pick(row["id"], "stratified", reasons[group], row["agent"]))
        if len(found[group]) == per_group:
            open_groups -= 1
            if open_groups == 0:
                break
    for group in groups:
        short = per_group - len(found[group])
        if short <= 0:
            continue
        listed = candidates.look_up(sql.rows_for_value(db.conn, column, group, *candidates.scope()))
        rows = [r for r in listed if candidates.accepts(r)]
        for row in rng.sample(rows, min(short, len(rows))):
            candidates.chosen.add(row["id"])
            found[group].append(Pick(row["id"], "stratified", reasons[group], row["agent"]))
        if len(found[group]) < per_group:
            notes.append(
                f"{column} {group} has only {len(found[group])} conversation(s) to review, not {per_group}: all taken"
            )
    total = sum(len(p) for p in found.values())
    if request.size and total > request.size:
        quota = fair_quota({group: len(picks) for group, picks in found.items()}, request.size, rng)
        kept = sum(1 for q in quota.values() if q)
        notes.append(
            f"{total} picked, cut to --size {request.size}: an even share for each {column} "
            f"({kept} of {len(groups)} kept), which ones get one more chosen at random by the seed"
        )
        found = {group: picks[: quota[group]] for group, picks in found.items()}
    return [pick for group in groups for pick in found[group]]


def fair_quota(available: dict[str, int], size: int, rng: random.Random) -> dict[str, int]:
    """How many picks each group keeps when --size cuts a stratified sample: shares as even as
    the groups allow (a group short of its share gives the rest to others), dealt one at a
    time in an order shuffled by the seed, so no group is favoured by its name."""
    order = sorted(available)
    rng.shuffle(order)
    quota = dict.fromkeys(order, 0)
    remaining = min(size, sum(available.values()))
    while remaining:
        for group in order:
            if remaining and quota[group] < available[group]:
                quota[group] += 1
                remaining -= 1
    return quota


def _spotlight(
    db: Database, candidates: _Candidates, rng: random.Random, request: SampleRequest, notes: list[str]
) -> list[Pick]:
    size = request.size or 0
    n_random = round(size * request.random_share)
    n_spot = size - n_random
    # Probe the conversations' rowids, not the signal rows': conversations keep theirs from
    # import, while signal rows are written in whatever order the analysis workers finish.
    # The same seed and data must give the same session after any re-analysis.
    if not sql.has_signals(db.conn):
        raise NotFoundError("no conversation has signals yet", "run 'cxreview analyze' first")
    low, high = sql.rowid_bounds(db.conn)
    picks: list[Pick] = []
    # Each probe that finds a conversation with signals draws one random() to weigh it.
    probes = Probes(db, candidates, rng, (low, high), randoms_per_probe=1)
    for _ in range(n_spot * PROBES_PER_PICK * 4 + 400):
        if len(picks) == n_spot:
            break
        row = probes.row(rng.randint(low, high))
        if row is None or row["id"] in candidates.chosen:
            continue
        signal = row if row["signalled"] else None
        if signal is None or rng.random() >= (signal["risk"] or 0) ** SPOTLIGHT_POWER:
            continue
        if candidates.accepts(row):
            candidates.chosen.add(row["id"])
            picks.append(Pick(row["id"], "spotlight", _reason(signal["risk"], signal["risk_reasons"]), row["agent"]))
    if len(picks) < n_spot:
        picks.extend(_weighted_fallback(db, candidates, rng, n_spot - len(picks)))
    picks.extend(_random(db, candidates, rng, n_random, "random", notes))
    # Interleave so the random share is spread over the session, not left for the end.
    rng.shuffle(picks)
    return picks


def _autoqa(
    db: Database, candidates: _Candidates, rng: random.Random, request: SampleRequest, rubric: Rubric, notes: list[str]
) -> list[Pick]:
    """The lowest predicted (or least certain) conversations, plus a share of random picks."""
    size = request.size or 0
    n_random = round(size * request.random_share)
    order = ranked(db, rubric, request.strategy, request.criterion, rng)
    notes.extend(coverage_notes(db, candidates, order, rubric, request.strategy, request.criterion))
    # Blind calibration never shows AutoQA's figures (they would anchor the reviewers).
    # Nor the strategy's name: "autoqa-low" would tell reviewers the machine expects a low score.
    hidden = "picked by AutoQA; figures hidden in blind calibration"
    picks = [
        Pick(cid, "autoqa", hidden if request.calibration else why, agent)
        for cid, why, agent in targeted(db, candidates, order, size - n_random)
    ]
    if len(picks) < size - n_random:
        notes.append(f"only {len(picks)} candidates could be ranked by AutoQA; the rest are random picks")
        n_random = size - len(picks)
    picks.extend(_random(db, candidates, rng, n_random, "random", notes))
    rng.shuffle(picks)  # the random share spread over the session, not left for the end
    return picks


def _weighted_fallback(db: Database, candidates: _Candidates, rng: random.Random, count: int) -> list[Pick]:
    """Narrow filters: weighted sampling without replacement over the filtered set
    (Efraimidis-Spirakis keys u^(1/w))."""
    keyed = []
    rows = candidates.look_up(sql.filtered_candidates(db.conn, *candidates.scope()))
    risks = batch.risks_of(db.conn, [r["id"] for r in rows])
    for row in rows:
        if not candidates.accepts(row):
            continue
        signal = risks.get(row["id"])
        weight = (signal["risk"] if signal else 0) ** SPOTLIGHT_POWER
        if weight > 0:
            keyed.append((rng.random() ** (1 / weight), row, signal))
    keyed.sort(key=lambda item: item[0], reverse=True)
    picks = []
    for _, row, signal in keyed[:count]:
        assert signal is not None  # a weight above 0 needs a risk
        candidates.chosen.add(row["id"])
        picks.append(Pick(row["id"], "spotlight", _reason(signal["risk"], signal["risk_reasons"]), row["agent"]))
    return picks


def _reason(risk: float, reasons_json: str) -> str:
    reasons = json.loads(reasons_json) if reasons_json else []
    return f"risk {risk:.2f}: " + (", ".join(reasons) if reasons else "no single reason")


def add_to_session(db: Database, session: str, conversation_id: str, reviewer: str, reason: str) -> int:
    """Add one conversation at the end of a reviewer's part of a session (from an insight in
    the review app); returns its position. Refused when it is there already."""
    from cxreview.store import drill

    with db.transaction() as conn:
        session_id = sql.session_id(conn, session)
        if session_id is None:
            raise NotFoundError(f'no session "{session}"', "list sessions with 'cxreview sessions'")
        if drill.in_session(conn, session_id, conversation_id, reviewer):
            raise ConflictError(
                f'{conversation_id} is already in session "{session}" for {reviewer}', "open it from the queue"
            )
        return drill.append_item(conn, session_id, conversation_id, reviewer, clean_name(reason)[:200])
