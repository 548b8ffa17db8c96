"""The evaluation gate: extraction scores may not fall below the floors of baseline.json.

Floors exist per corpus, per language, per field and for the macro F1. Raising a floor
after an improvement is a deliberate edit of baseline.json (``python
tests/evaluation/update_baseline.py`` prints the current scores in its format).
"""

import json
from pathlib import Path

import pytest

from coopwatch.evaluation.run import evaluate

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
BASELINE = json.loads((HERE / "baseline.json").read_text(encoding="utf-8"))
CORPORA = {
    "dev": ROOT.parent / "shared" / "eval" / "dev",
    "tests_fr_en": ROOT / "tests" / "corpus" / "fr_en",
    "tests_ar_ru": ROOT / "tests" / "corpus" / "ar_ru",
    "tests_fresh": ROOT / "tests" / "corpus" / "fresh",
    "tests_fresh2": ROOT / "tests" / "corpus" / "fresh2",
    "tests_fresh3": ROOT / "tests" / "corpus" / "fresh3",
    "tests_web_fr_en": ROOT / "tests" / "corpus" / "web_fr_en",
    "tests_web_ar_ru": ROOT / "tests" / "corpus" / "web_ar_ru",
    "tests_linked": ROOT / "tests" / "corpus" / "linked",
    "tests_web3_fr_en": ROOT / "tests" / "corpus" / "web3_fr_en",
    "tests_web3_ar_ru": ROOT / "tests" / "corpus" / "web3_ar_ru",
    "tests_web4_fr_en": ROOT / "tests" / "corpus" / "web4_fr_en",
    "tests_web4_ar_ru": ROOT / "tests" / "corpus" / "web4_ar_ru",
}
#: Floors of the register's links (SCHEMA.md, last section), per corpus whose gold has them.
LINK_BASELINE = json.loads((HERE / "link_baseline.json").read_text(encoding="utf-8"))
TOLERANCE = 1e-6


def link_scores(directory: Path) -> dict[str, float]:
    links = evaluate(directory).links
    assert links is not None, f"{directory}: the gold carries no step or commitment"
    return {
        "steps_precision": links.steps.precision,
        "steps_recall": links.steps.recall,
        "commitments_precision": links.commitments.precision,
        "commitments_recall": links.commitments.recall,
        "stage_accuracy": links.stage_accuracy,
    }


def scores(directory: Path) -> dict[str, dict[str, float]]:
    result = evaluate(directory)
    out = {}
    for lang, report in result.by_lang.items():
        row = {name: c.f1 for name, c in report.fields.items()}
        row["macro_f1"] = report.macro_f1
        out[lang] = row
    return out


@pytest.mark.parametrize("corpus", sorted(BASELINE))
def test_scores_do_not_fall_below_floors(corpus: str) -> None:
    directory = CORPORA[corpus]
    if not (directory / "gold.jsonl").exists():
        pytest.skip(f"{corpus}: no gold at {directory}")
    measured = scores(directory)
    drops = [
        f"{corpus}/{lang}/{name}: {measured[lang][name]:.4f} < floor {floor:.4f}"
        for lang, floors in BASELINE[corpus].items()
        for name, floor in floors.items()
        if measured.get(lang, {}).get(name, 0.0) < floor - TOLERANCE
    ]
    assert not drops, "scores fell below the pinned floors:\n" + "\n".join(drops)


@pytest.mark.parametrize("corpus", sorted(LINK_BASELINE))
def test_links_do_not_fall_below_floors(corpus: str) -> None:
    directory = CORPORA[corpus]
    if not (directory / "gold.jsonl").exists():
        pytest.skip(f"{corpus}: no gold at {directory}")
    measured = link_scores(directory)
    drops = [
        f"{corpus}/{name}: {measured[name]:.4f} < floor {floor:.4f}"
        for name, floor in LINK_BASELINE[corpus].items()
        if measured[name] < floor - TOLERANCE
    ]
    assert not drops, "link scores fell below the pinned floors:\n" + "\n".join(drops)


def test_negatives_come_out_empty() -> None:
    for corpus, directory in CORPORA.items():
        if not (directory / "gold.jsonl").exists():
            continue
        result = evaluate(directory)
        gold = [
            json.loads(line)
            for line in (directory / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        negatives = [g["id"] for g in gold if not g["parties"]]
        leaks = [doc_id for doc_id in negatives if result.predictions[doc_id]["events"]]
        assert not leaks, f"{corpus}: negatives with events: {leaks}"
