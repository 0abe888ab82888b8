"""Bot repeats: wordllama embeddings against cxreview's token-similarity rule.

Usage: python benchmarks/wordllama_repeats.py   (needs `pip install wordllama`; not a
cxreview dependency: this script is how the decision not to adopt it was measured)

On the hand-labelled pairs of benchmarks/eval/bot_pairs.txt (rephrasings that are repeats,
and near misses that are not: another amount, order number, date, time, name, negation)
it prints the AUC of wordllama's cosine similarity, precision/recall at several thresholds,
the same for the shipped rule (`repeats.candidates` + `repeats.contrast`), the near misses
wordllama finds most similar, and the embedding cost per text. wordllama 0.4 ships its
tokenizer in `wordllama/tokenizers/` but looks for it in `tokenizer/` and otherwise
downloads it, so it is loaded here from a copy in a temporary folder with downloads off.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
from common import ROOT
from signals_eval import auc

from cxreview.signals.config import load_config
from cxreview.signals.features import text_features
from cxreview.signals.repeats import candidates, contrast


def load_offline():  # noqa: ANN201
    import wordllama
    from wordllama import WordLlama

    cache = Path(tempfile.mkdtemp())
    shutil.copytree(Path(wordllama.__file__).parent / "tokenizers", cache / "tokenizers")
    return WordLlama.load(cache_dir=cache, disable_download=True)


def main() -> None:
    repeat_cfg = load_config()["repeat"]
    lines = (ROOT / "benchmarks" / "eval" / "bot_pairs.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("|") for line in lines if line and not line.startswith("#")]
    start = time.perf_counter()
    model = load_offline()
    print(f"wordllama loaded offline in {time.perf_counter() - start:.2f} s")
    labels = np.array([int(r[0]) for r in rows])
    sims = np.array([float(model.similarity(a, b)) for _, _, a, b in rows])
    ours = []
    for _, language, a, b in rows:
        fa, fb = text_features(a, language, False), text_features(b, language, False)
        ours.append(bool(candidates(fb, [fa], repeat_cfg)) and contrast(fb, fa) is None)
    print(f"pairs: {len(rows)} ({labels.sum()} repeats)")
    print(f"wordllama cosine similarity AUC {auc(list(sims), list(labels)):.3f}")
    for threshold in (0.8, 0.85, 0.9, 0.95):
        hit = sims >= threshold
        precision = (hit & (labels == 1)).sum() / max(1, hit.sum())
        print(
            f"  wordllama >= {threshold}: precision {precision:.2f} recall {(hit & (labels == 1)).sum() / labels.sum():.2f}"
        )
    mine = np.array(ours)
    precision = (mine & (labels == 1)).sum() / max(1, mine.sum())
    print(f"cxreview rule: precision {precision:.2f} recall {(mine & (labels == 1)).sum() / labels.sum():.2f}")
    near = sorted(((s, a, b) for (label, _, a, b), s in zip(rows, sims, strict=True) if label == "0"), reverse=True)
    for s, a, b in near[:4]:
        print(f"  near miss, similarity {s:.3f}: {a!r} / {b!r}")
    texts = [r[2] for r in rows] * 20
    start = time.perf_counter()
    model.embed(texts)
    print(f"embedding: {(time.perf_counter() - start) / len(texts) * 1e6:.0f} us per text")


if __name__ == "__main__":
    main()
