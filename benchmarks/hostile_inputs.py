"""Hostile inputs: memory and time of imports of decompression bombs, and `rubric check` of
hostile rubrics under 1 MB (issue 14).

Targets: importing a gzip that decompresses to 1 GB stays under 300 MB peak RSS (whatever
the limits), and `rubric check` of any file under 1 MB returns within 2 s. The baseline is the
same process doing nothing but loading cxreview (peak RSS) in this run.

    python benchmarks/hostile_inputs.py
"""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

from common import ROOT, WORK, machine

GB = 1024**3
MB = 1024**2

PROBE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "print(round(time.perf_counter() - start, 2), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,"
    " done.returncode, (done.stderr.strip().splitlines() or [''])[-1][:110], sep='|')\n"
)


def measure(*args: str) -> tuple[float, int, int, str]:
    """Wall time (s), peak RSS (MB), exit code and last stderr line of one cxreview run."""
    command = [sys.executable, "-c", PROBE, sys.executable, "-m", "cxreview", *args]
    out = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip()
    seconds, rss, code, last = out.split("|", 3)
    return float(seconds), int(rss), int(code), last


def gzip_of(name: str, byte: bytes, size: int = GB) -> Path:
    """A gzip of ``size`` repetitions of ``byte``, streamed to disk once and cached."""
    path = WORK / name
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        chunk = byte * MB
        with open(path, "wb") as out:
            for _ in range(size // MB):
                out.write(compressor.compress(chunk))
            out.write(compressor.flush())
    return path


def hostile_rubrics() -> dict[str, str]:
    base = (ROOT / "rubrics" / "default.yaml").read_text(encoding="utf-8")
    head, first = (
        base[: base.index("  - id: empathy")],
        base[base.index("  - id: empathy") : base.index("  - id: clarity")],
    )
    room = 990_000
    bomb = (
        "["
        + ", ".join(
            ["&a0 [x, x, x, x, x, x, x, x, x]"]
            + [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
        )
        + "]"
    )
    return {
        "1 MB description": base.replace(
            "id: default\n", "id: default\ndescription: " + "x" * (room - len(base)) + "\n"
        ),
        "9,000 unknown keys": "".join(f"k{i}: v\n" for i in range(9000)) + base,
        "criteria up to the value cap": head + "".join(first.replace("id: empathy", f"id: e{i}") for i in range(450)),
        "criteria to 1 MB": head
        + "".join(first.replace("id: empathy", f"id: e{i}") for i in range(room // len(first))),
        "alias bomb": base.replace("    weight: 2\n", f"    weight: {bomb}\n", 1),
        "100,000 nested brackets": "id: x\nname: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "scale of 10^8 levels": base.replace("scale: {min: 1, max: 5}", "scale: {min: 1, max: 100000000}", 1),
    }


def main() -> None:
    print(f"Machine: {machine()}")
    db = WORK / "hostile.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    base_s, base_rss, _, _ = measure("--help")
    print(f"Baseline (cxreview --help): {base_rss} MB peak RSS, {base_s:.2f} s\n")
    zeros, newlines = gzip_of("zeros-1g.jsonl.gz", b"\0"), gzip_of("newlines-1g.jsonl.gz", b"\n")
    cases = [
        ("1 GB of zeros (defaults)", zeros, []),
        ("1 GB of newlines (defaults)", newlines, []),
        ("1 GB of zeros, gzip ratio check off", zeros, ["--max-gzip-ratio", "1e9", "--max-line-mb", "64"]),
        ("1 GB of newlines, ratio off, 20 MB cap", newlines, ["--max-gzip-ratio", "1e9", "--max-input-mb", "20"]),
    ]
    print(f"| import of a {zeros.stat().st_size // 1024:,} KB gzip | time | peak RSS | x baseline | exit | message |")
    print("|---|---|---|---|---|---|")
    worst = 0
    for label, path, extra in cases:
        seconds, rss, code, last = measure("--db", str(db), "import", "-q", "--no-analyze", *extra, str(path))
        worst = max(worst, rss)
        print(f"| {label} | {seconds:.2f} s | {rss} MB | {rss / base_rss:.1f} | {code} | {last.split(';')[0][-70:]} |")
    print(f"\nWorst peak RSS: {worst} MB (target < 300 MB): {'OK' if worst < 300 else 'OVER'}\n")
    print("| rubric check of | size | time | exit |")
    print("|---|---|---|---|")
    slowest = 0.0
    for label, text in hostile_rubrics().items():
        path = WORK / "hostile.yaml"
        path.write_text(text, encoding="utf-8")
        seconds, _, code, _ = measure("rubric", "check", str(path))
        slowest = max(slowest, seconds)
        print(f"| {label} | {len(text.encode()) // 1024:,} KB | {seconds:.2f} s | {code} |")
    print(
        f"\nSlowest rubric check: {slowest:.2f} s (target < 2 s, start-up included): {'OK' if slowest < 2 else 'OVER'}"
    )
    print(f"Ratio slowest check / --help start-up: {slowest / base_s:.1f}")


if __name__ == "__main__":
    main()
