"""Shared helpers for the benchmark scripts: corpora on disk, timing, machine info."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
sys.path.insert(0, str(ROOT))

# About 11.4 messages per demo conversation: 88,000 conversations give ~1M messages.
MESSAGES_PER_CONVERSATION = 11.4


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} ({cpu})"
    )


def corpus(messages: int) -> Path:
    """A demo corpus of about ``messages`` messages, generated once and cached."""
    from cxreview.demo.generator import write_jsonl

    WORK.mkdir(parents=True, exist_ok=True)
    conversations = max(10, round(messages / MESSAGES_PER_CONVERSATION))
    path = WORK / f"corpus-{conversations}.jsonl"
    if not path.exists():
        write_jsonl(path, conversations, seed=7)
    return path


def distinct_corpus(messages: int) -> Path:
    """The demo corpus with every customer message made distinct: three words of the
    corpus' own vocabulary, a different combination for each message, are added to it
    (real traffic repeats far less than the demo's templates; bot messages stay templates)."""
    import re

    source = corpus(messages)
    path = source.with_name(source.stem + "-distinct.jsonl")
    if path.exists():
        return path
    lines = source.read_text(encoding="utf-8").splitlines()
    vocabulary = sorted({w for line in lines for w in re.findall(r"\b[a-z]{4,12}\b", line)})[:400]
    size, counter = len(vocabulary), 0
    with path.open("w", encoding="utf-8") as out:
        for line in lines:
            conv = json.loads(line)
            for m in conv["messages"]:
                if m["role"] == "customer":
                    a, b, c = counter % size, counter // size % size, counter // size // size % size
                    m["text"] = f"{m['text']} ({vocabulary[a]} {vocabulary[b]} {vocabulary[c]})"
                    counter += 1
            out.write(json.dumps(conv, ensure_ascii=False) + "\n")
    return path


def flat_messages(source: Path) -> Path:
    """The same corpus as one JSON object per message, as sqlite-utils insert --nl wants."""
    path = source.with_suffix(".messages.jsonl")
    if not path.exists():
        with source.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
            for line in src:
                conv = json.loads(line)
                for position, m in enumerate(conv["messages"], start=1):
                    out.write(
                        json.dumps(
                            {
                                "conversation_id": conv["id"],
                                "position": position,
                                "role": m["role"],
                                "author": m.get("author"),
                                "text": m["text"],
                                "at": m.get("at"),
                            },
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
    return path


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def run_quiet(args: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)


def installed_env() -> dict[str, str]:
    """The environment for a cxreview subprocess that loads compiled bytecode, as an
    installed package does (pip compiles it): with PYTHONDONTWRITEBYTECODE set, as in some
    sandboxes, every run would first compile cxreview's sources. The bytecode goes to
    benchmarks/_work/pycache, compiled here once."""
    import compileall

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(WORK / "pycache")
    previous = sys.pycache_prefix
    sys.pycache_prefix = env["PYTHONPYCACHEPREFIX"]
    try:
        compileall.compile_dir(str(ROOT / "cxreview"), quiet=1)
    finally:
        sys.pycache_prefix = previous
    return env


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path
