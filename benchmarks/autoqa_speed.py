"""AutoQA speed: training on 10,000 reviews (< 30 s) and scoring 100,000 conversations (< 60 s).

Usage: python benchmarks/autoqa_speed.py [--conversations N] [--reviews N] [--scope all|agent]

The demo corpus (about 11 messages per conversation) is imported and analysed into
benchmarks/_work once (reused by later runs). Simulated reviews of the default rubric (three
criteria, so three models) are imported: scores that follow the signals, with noise, one or
two reviewers per conversation. The default rubric applies to conversations where a person took
part (about 73% of the corpus); with ``--scope all`` (the default) the same reviews are imported
a second time for a copy of it that applies to every conversation (``default-all``), so that
scoring covers all of them, as the target says. Then, timed:

- `train` (features, 5-fold grouped cross-validation, bootstrap interval, final fit, per
  criterion) against the 30 s target;
- `score --all` of every conversation by the three models, against the 60 s target and
  against its baseline measured in the same run: only reading the same conversations'
  signals and messages from the store (what no scoring can avoid).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time

from common import ROOT, WORK, corpus, machine

from cxreview.autoqa.score import BATCH, score
from cxreview.autoqa.train import train
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.score_import import import_scores
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import autoqa as store
from cxreview.store import open_database
from cxreview.store.signals import all_conversation_ids

TRAIN_TARGET, SCORE_TARGET = 30.0, 60.0


def cpu() -> float:
    """CPU seconds of this process and its finished worker processes: the shared machine's
    load stretches wall time, not this."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load() -> str:
    """The 1, 5 and 15 minute load averages: how shared the machine was during a step."""
    return "load average " + ", ".join(f"{v:.1f}" for v in os.getloadavg())


def build(conversations: int, reviews: int):  # type: ignore[no-untyped-def]
    path = WORK / f"autoqa-speed-{conversations}-{reviews}.db"
    fresh = not path.exists()
    db = open_database(path)
    if not fresh:
        return db
    started = time.perf_counter()
    import_files(db, [str(corpus(round(conversations * 11.4)))])
    analyze_conversations(db)
    ids = all_conversation_ids(db.conn)
    rng = random.Random(7)
    inputs = store.conversation_inputs(db, ids[:reviews])
    scores = WORK / f"autoqa-speed-{reviews}.csv"
    written = 0
    with scores.open("w", encoding="utf-8") as out:
        out.write("conversation_id,reviewer,criterion,score\n")
        for number, cid in enumerate(ids):
            if written >= reviews:
                break
            row = inputs.get(cid) or {}
            frustration = row.get("peak_frustration") or 0.0
            for reviewer in ("ana", "ben")[: 2 if number % 4 == 0 else 1]:
                if written >= reviews:
                    break
                for criterion, base in (("empathy", 5 - 3 * frustration), ("clarity", 4.0), ("resolution", 3.0)):
                    value = round(base + rng.gauss(0, 0.8))
                    out.write(f"{cid},{reviewer},{criterion},{min(5, max(1, value))}\n")
                written += 1
    import_scores(db, str(scores), default_rubric=resolve_rubric("default"))
    print(f"Built {path.name} in {time.perf_counter() - started:.1f} s")
    return db


def every_conversation_rubric(db) -> str:  # type: ignore[no-untyped-def]
    """A copy of the default rubric that applies to every conversation, with the same reviews."""
    rubric_id = "default-all"
    if not store.training_scores(db, rubric_id):
        text = (ROOT / "rubrics" / "default.yaml").read_text(encoding="utf-8")
        text = text.replace("id: default\n", f"id: {rubric_id}\n", 1).replace("applies_to: agent", "applies_to: any", 1)
        path = WORK / f"{rubric_id}.yaml"
        path.write_text(text, encoding="utf-8")
        csv = sorted(WORK.glob("autoqa-speed-*.csv"))[-1]
        import_scores(db, str(csv), default_rubric=resolve_rubric(str(path)))
    return rubric_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument(
        "--scope",
        choices=("all", "agent"),
        default="all",
        help="all: a copy of the default rubric that applies to every conversation (100%% scored); "
        "agent: the default rubric (conversations where a person took part)",
    )
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}")
    db = build(args.conversations, args.reviews)
    rubric_id = every_conversation_rubric(db) if args.scope == "all" else "default"
    n_reviews = len({(r[3], r[4]) for r in store.training_scores(db, rubric_id)})
    # A model trained on the same reviews by an earlier run would be kept unchanged (no work):
    # set the rubric's models aside so that every run trains afresh.
    with db.transaction() as conn:
        old = "SELECT id FROM autoqa_models WHERE rubric_id = ? AND active = 1"
        conn.execute(f"DELETE FROM autoqa_scores WHERE model_id IN ({old})", (rubric_id,))
        conn.execute("UPDATE autoqa_models SET active = 0 WHERE rubric_id = ?", (rubric_id,))
    print(f"Before training: {load()}")
    started, cpu_started = time.perf_counter(), cpu()
    results = train(db, rubric_id=rubric_id)
    trained, trained_cpu = time.perf_counter() - started, cpu() - cpu_started
    print(f"\nTraining on {n_reviews:,} reviews ({sum(r.n_reviews for r in results):,} scores, 3 criteria):")
    for r in results:
        print(f"  {r.criterion}: {r.reason}")
    print(
        f"  {trained:.2f} s, {trained_cpu:.2f} CPU s (target {TRAIN_TARGET:.0f} s: {trained / TRAIN_TARGET:.2f} of it; "
        f"{load()})"
    )

    ids = all_conversation_ids(db.conn)
    started, cpu_started = time.perf_counter(), cpu()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        store.conversation_inputs(db, chunk)
        for _ in store.messages_for(db, chunk):
            pass
    read, read_cpu = time.perf_counter() - started, cpu() - cpu_started
    print(f"Before scoring: {load()}")
    started, cpu_started = time.perf_counter(), cpu()
    scored = score(db, rubric_id=rubric_id, everything=True)
    scoring, scoring_cpu = time.perf_counter() - started, cpu() - cpu_started
    n_conversations = max(s.covered for s in scored)
    print(f"\nScoring {n_conversations:,} conversations (rubric {rubric_id}) with {len(scored)} models:")
    print(f"  baseline, reading their signals and messages only: {read:.2f} s, {read_cpu:.2f} CPU s")
    print(
        f"  autoqa score --all: {scoring:.2f} s, {scoring_cpu:.2f} CPU s in all processes "
        f"({n_conversations / scoring:,.0f} conversations/s; "
        f"{scoring / read:.2f}x the reading; target {SCORE_TARGET:.0f} s: {scoring / SCORE_TARGET:.2f} of it; "
        f"CPU {scoring_cpu / SCORE_TARGET:.2f} of it; {load()})"
    )
    print(f"  coverage: {', '.join(f'{s.model.criterion} {s.covered:,}/{s.in_scope:,}' for s in scored)}")
    print(f"  outside what AutoQA was trained on (far): {', '.join(f'{s.model.criterion} {s.far:,}' for s in scored)}")
    withheld = ", ".join(f"{s.model.criterion} {sum(s.withheld.values()):,}" for s in scored)
    print(f"  withheld (a channel or language where the model is not reliable): {withheld}")
    started = time.perf_counter()
    again = score(db, rubric_id=rubric_id)
    print(
        f"  again, incremental (nothing changed): {time.perf_counter() - started:.2f} s, "
        f"{sum(s.scored for s in again)} scored"
    )
    # What `cxreview analyze` over everything does to AutoQA's view: every conversation's
    # signals stamped anew, the figures unchanged. Only the stamps move; nothing is re-scored.
    with db.transaction() as conn:
        conn.execute("UPDATE conversation_signals SET analyzed_at = '2099-01-01T00:00:00Z'")
    started, cpu_started = time.perf_counter(), cpu()
    after = score(db, rubric_id=rubric_id)
    print(
        f"  after every conversation's signals were stamped anew (as analyze does): "
        f"{time.perf_counter() - started:.2f} s, {cpu() - cpu_started:.2f} CPU s, "
        f"{sum(s.scored for s in after)} re-scored, {sum(s.unchanged for s in after):,} kept"
    )
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
