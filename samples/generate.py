"""Write a demo corpus: `python samples/generate.py --size 300 -o samples/demo.jsonl`.

The generator itself lives in cxreview.demo.generator so that `cxreview demo` and the
benchmarks use the same code; this script is the command-line entry for corpus files.
A size of about 88,000 conversations gives one million messages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxreview.demo.generator import DEFAULT_SEED, write_jsonl  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="number of conversations")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("-o", "--output", type=Path, default=Path("samples/demo.jsonl"))
    args = parser.parse_args()
    messages = write_jsonl(args.output, args.size, args.seed)
    print(f"wrote {args.size:,} conversations ({messages:,} messages) to {args.output}")


if __name__ == "__main__":
    main()
