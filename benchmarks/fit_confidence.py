"""Fit the event confidence and print its calibration.

    PYTHONPATH=src python benchmarks/fit_confidence.py

The weights are fitted on the held-back half (odd-numbered pages) of the blind web
corpora, which no rule was tuned on. The calibration is printed for that half by
leaving each page out of the fit in turn (an honest figure for unseen text), and with
the fitted weights for the other corpora. Paste the printed weights into
``coopwatch/assemble/confidence.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from coopwatch import extract
from coopwatch.assemble.confidence import FEATURES, features
from coopwatch.evaluation.run import read_document
from coopwatch.evaluation.scoring import same_event

ROOT = Path(__file__).resolve().parent.parent
WEB = [ROOT / "tests" / "corpus" / "web_fr_en", ROOT / "tests" / "corpus" / "web_ar_ru"]
OTHERS = [ROOT.parent / "shared" / "eval" / "dev"] + [
    ROOT / "tests" / "corpus" / name for name in ("fr_en", "ar_ru", "fresh", "fresh2", "fresh3")
]
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
L2 = 3.0  # pulls weights towards 0: 64 events fit 11 weights


def held_back(doc_id: str) -> bool:
    return int(re.sub(r"\D", "", doc_id) or 0) % 2 == 1


def tuning_half(doc_id: str) -> bool:
    return not held_back(doc_id)


def everything(doc_id: str) -> bool:
    return True


def events_of(
    directory: Path, keep: Callable[[str], bool]
) -> list[tuple[str, tuple[float, ...], bool]]:
    rows = []
    for line in (directory / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        if not keep(gold["id"]):
            continue
        extraction = extract(read_document(directory, gold["id"]))
        published = extraction.document.published
        for event in extraction.events:
            right = any(same_event(g, event.to_json()) for g in gold["events"])
            rows.append((f"{directory.name}/{gold['id']}", features(event, published), right))
    return rows


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(5000):  # gradient descent on the regularised log-loss
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y) + L2 * np.r_[0.0, w[1:]] / len(y)
        w -= 0.5 * grad
    return w


def calibration(probabilities: np.ndarray, y: np.ndarray) -> str:
    cells = []
    for low, high in BANDS:
        mask = (probabilities >= low) & (probabilities < high)
        right, total = int(y[mask].sum()), int(mask.sum())
        share = f"{right / total:.2f}" if total else "  - "
        cells.append(f"[{low:.1f},{min(high, 1.0):.1f}) {right}/{total} = {share}")
    return " | ".join(cells)


def main() -> None:
    rows = [r for d in WEB for r in events_of(d, held_back)]
    docs = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    y = np.array([float(r[2]) for r in rows])
    w = fit(x, y)
    print("weights:", ", ".join(f"{name}={v:.2f}" for name, v in zip(FEATURES, w, strict=True)))
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in w) + ")")
    loo = np.zeros(len(y))
    for doc in set(docs):  # each page predicted by weights fitted without it
        out = docs == doc
        loo[out] = 1.0 / (1.0 + np.exp(-x[out] @ fit(x[~out], y[~out])))
    print(f"held-back web half, leave-one-page-out ({len(y)} events): {calibration(loo, y)}")
    for directory in [*WEB, *OTHERS]:
        if not (directory / "gold.jsonl").exists():
            continue
        tuned = directory in WEB
        part = events_of(directory, tuning_half if tuned else everything)
        if not part:
            continue
        xs = np.array([r[1] for r in part])
        ys = np.array([float(r[2]) for r in part])
        label = f"{directory.name}{' (tuning half)' if tuned else ''}"
        print(f"{label} ({len(ys)} events): {calibration(1 / (1 + np.exp(-xs @ w)), ys)}")


if __name__ == "__main__":
    main()
