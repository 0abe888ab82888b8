"""Render the HTML reports of the demo data to PNG with headless Chromium, to look at charts.

    python benchmarks/render_reports.py [OUT_DIR]

Builds the demo database in a temporary folder, submits a few generated reviews (two
reviewers) so the coaching report has scores and a trend, writes the insights report and one
coaching report as HTML, and screenshots each with Chromium (`apt-get install chromium`) when
it is installed; without a browser it writes the HTML only and says so. Nothing leaves the
machine: the browser runs with networking features off and opens local files.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxreview import reviews  # noqa: E402
from cxreview.cli import cli  # noqa: E402
from cxreview.demo.build import build_demo  # noqa: E402
from cxreview.rubrics import resolve_rubric  # noqa: E402
from cxreview.store.search import overview_rows  # noqa: E402

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    return None


def _score_some(db_path: Path) -> str:
    """Submit generated reviews for one agent's conversations; return the agent."""
    db, _ = build_demo(db_path)
    rubric = resolve_rubric("default")
    rng = random.Random(7)
    rows = [r for r in overview_rows(db, "conversation_overview") if r["agent"]]
    agent = max({r["agent"] for r in rows}, key=lambda a: sum(r["agent"] == a for r in rows))
    for index, row in enumerate(rows[:80]):
        reviewer = "ana" if index % 2 else "ben"
        review = reviews.start_review(db, row["conversation_id"], reviewer, rubric)
        for criterion in rubric.criteria:
            reviews.set_score(db, review.id, criterion.id, rng.choice(criterion.levels))
        reviews.submit(db, review.id)
    db.close()
    return agent


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "report-screens").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "demo.db"
        agent = _score_some(db_path)
        pages = {
            "insights.html": ["insights", "--format", "html"],
            "coaching.html": ["report", "--agent", agent, "--format", "html"],
        }
        for name, args in pages.items():
            result = CliRunner().invoke(cli, ["--db", str(db_path), "-q", *args, "-o", str(out / name)])
            if result.exit_code != 0:
                print(f"{name}: failed: {result.output.strip()}")
                return 1
    browser = _browser()
    for name in pages:
        html = out / name
        if browser is None:
            print(f"{html}: written; no chromium found, no PNG (apt-get install chromium)")
            continue
        png = html.with_suffix(".png")
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--screenshot={png}", "--window-size=1100,3000", html.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )
        print(f"{png}: {png.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
