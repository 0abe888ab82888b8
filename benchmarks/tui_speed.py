"""TUI speed: startup to a painted transcript, and opening a 500-message conversation.

Usage: python benchmarks/tui_speed.py
Targets: startup within 2x a bare Textual app (header, text, footer) started the same way in
the same run; after the first, a 500-message conversation opens in under 100 ms. Runs the
real app headless (Textual's test driver) on a real database; startup is measured in a fresh
interpreter so imports count (medians of five processes each). Run it as an installed
package would start: with compiled bytecode (`python -m compileall -q cxreview` once, and
without PYTHONDONTWRITEBYTECODE), as Textual's own modules are.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from common import ROOT, WORK, fresh, machine

RUNS = 5  # fresh processes per app; the medians are compared

PROBE = r"""
import time
start = time.perf_counter()
cpu_start = time.process_time()
import asyncio, sys
from textual.screen import Screen
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.transcript import Transcript

# When the screen was last painted: an open counts until its last paint, not until the data
# arrived (the pause below waits until the app is idle, which adds its own slack).
painted = [0.0, 0.0]  # wall clock, and this process's CPU time (less sensitive to other load)
_refresh = Screen._compositor_refresh

def _timed_refresh(self):
    _refresh(self)
    painted[:] = [time.perf_counter(), time.process_time()]

Screen._compositor_refresh = _timed_refresh

def shown(screen, target=None):
    return (
        isinstance(screen, ReviewScreen)
        and screen.view is not None
        and (target is None or screen.index == target)
        and any(_lines(transcript) for transcript in screen.query(Transcript))  # composed, lines counted
    )

def _lines(transcript):  # the lazy transcript's count, or (before it) its list of lines
    return getattr(transcript, "line_count", None) or len(getattr(transcript, "_lines", ()))

async def main():
    app = ReviewApp(sys.argv[1], "bench", "bench")
    async with app.run_test(size=(120, 40)) as pilot:
        while not shown(app.screen):
            await pilot.pause(0.005)
        await pilot.pause()  # until the app is idle: the transcript is painted
        startup, startup_cpu = painted[0] - start, painted[1] - cpu_start
        screen = app.screen
        # The reviewer's path: enter submits and the next conversation opens in the same
        # screen. Alternate between the two 500-message conversations.
        opens, opens_cpu = [], []
        for attempt in range(7):
            target = 1 - screen.index
            began, began_cpu = time.perf_counter(), time.process_time()
            screen.open_item(target)
            while not shown(screen, target):
                await pilot.pause(0.001)
            await pilot.pause()
            opens.append(painted[0] - began)
            opens_cpu.append(painted[1] - began_cpu)
        lines = _lines(screen.query_one(Transcript))
        print(startup, sorted(opens)[3], lines, startup_cpu, sorted(opens_cpu)[3])

asyncio.run(main())
"""


BARE = r"""
import time
start = time.perf_counter()
cpu_start = time.process_time()
import asyncio
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.005)
        print(time.perf_counter() - start, time.process_time() - cpu_start)

asyncio.run(main())
"""


def build() -> str:
    sys.path.insert(0, str(ROOT))
    from cxreview.ingest.importer import import_files
    from cxreview.rubrics import resolve_rubric
    from cxreview.sampling import SampleRequest, create_session
    from cxreview.signals.analyze import analyze_conversations
    from cxreview.store import open_database

    WORK.mkdir(parents=True, exist_ok=True)
    path = fresh(WORK / "tui.db")
    source = WORK / "tui.jsonl"
    roles = ["bot", "customer", "agent", "customer"]
    records = []
    for conv in range(2):
        messages = [
            {
                "role": roles[i % 4],
                "text": f"Message {i} about order NW-{1000000 + i}: the parcel is late, "
                "I have asked twice already and nobody answers. Can you help me today please?",
                "at": f"2026-10-01T10:{(i // 60) % 60:02d}:{i % 60:02d}Z",
            }
            for i in range(500)
        ]
        records.append(
            {"id": f"long-{conv}", "agent": "Bench Agent", "queue": "delivery", "language": "en", "messages": messages}
        )
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    with open_database(path) as db:
        import_files(db, [str(source)])
        analyze_conversations(db)
        create_session(db, SampleRequest(size=2, seed=1, name="bench", reviewers=["bench"]), resolve_rubric("default"))
        from cxreview import reviews

        first = db.scalar("SELECT conversation_id FROM session_items WHERE position = 1")
        reviews.start_review(db, first, "bench", resolve_rubric("default"))
    return str(path)


def main() -> None:
    path = build()
    # Five fresh processes, like the bare app below: one start-up on a shared machine is noise.
    probes = []
    for _ in range(RUNS):
        result = subprocess.run(
            [sys.executable, "-c", PROBE, path], capture_output=True, text=True, cwd=ROOT, timeout=300
        )
        if result.returncode != 0:
            print(result.stderr)
            raise SystemExit(1)
        probes.append(tuple(float(x) for x in result.stdout.split()))
    startup, open_time, lines, _, open_cpu = sorted(probes)[RUNS // 2]
    startup_cpu = sorted(p[3] for p in probes)[RUNS // 2]
    bare_runs = []
    for _ in range(RUNS):
        bare_run = subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True, timeout=120)
        if bare_run.returncode != 0:  # say why, once, instead of a traceback from float("")
            raise SystemExit(f"the bare Textual app failed: {bare_run.stderr.strip().splitlines()[-1:]}")
        bare_runs.append(tuple(float(x) for x in bare_run.stdout.split()))
    bare, bare_cpu = sorted(bare_runs)[RUNS // 2]
    bare_cpu = sorted(cpu for _, cpu in bare_runs)[RUNS // 2]
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} (wall times grow with it; CPU times less)")
    print(f"bare Textual app to first paint (median of {RUNS}): {bare:.2f} s wall, {bare_cpu:.2f} s CPU")
    print(
        f"startup to painted transcript (500 messages, {int(lines)} lines counted; median of {RUNS}): {startup:.2f} s wall "
        f"({startup / bare:.2f}x the bare app; target < 2x), {startup_cpu:.2f} s CPU ({startup_cpu / bare_cpu:.2f}x)"
    )
    print(
        f"open a 500-message conversation after the first (median of 7): {open_time * 1000:.0f} ms wall "
        f"(target < 100 ms, {open_time / 0.1:.2f} of budget), {open_cpu * 1000:.0f} ms CPU"
    )


if __name__ == "__main__":
    main()
