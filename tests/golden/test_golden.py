"""Golden extraction of the example corpus: what `coopwatch extract` says of each document.

`python tests/golden/test_golden.py` rewrites examples.jsonl from the current code; review the
diff before committing it — every change of the golden file is a change of behaviour.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coopwatch import extract
from coopwatch.model import Document
from coopwatch.readers import iter_inputs

HERE = Path(__file__).parent
EXAMPLES = HERE.parent.parent / "examples"
GOLDEN = HERE / "examples.jsonl"


def summary(extraction: Any, root: Path) -> dict[str, Any]:
    """The facts of an extraction, without ids and spans that churn on every edit."""
    out = extraction.to_json()
    path, _, item = out["source"].partition("#")
    source = str(Path(path).relative_to(root)) + (f"#{item}" if item else "")
    return {
        "source": source,
        "lang": out["lang"],
        "published": out["published"],
        "parties": out["parties"],
        "events": sorted((e["type"], e["date"]) for e in out["events"]),
        "sectors": out["sectors"],
        "instruments": out["instruments"],
        "organizations": out["organizations"],
        "persons": sorted((p["name"], p["country"]) for p in out["persons"]),
        "amounts": [(a["value"], a["currency"]) for a in out["amounts"]],
        "jobs": out["jobs"],
    }


def current() -> list[dict[str, Any]]:
    rows = []
    for item in iter_inputs([EXAMPLES]):
        assert isinstance(item, Document), f"example unreadable: {item}"
        rows.append(json.loads(json.dumps(summary(extract(item), EXAMPLES.parent))))
    return rows


def test_examples_extract_as_the_golden_file_says():
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    got = current()
    assert [r["source"] for r in got] == [r["source"] for r in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert mine == theirs, f"{mine['source']} changed; rerun tests/golden/golden.py if meant"


def test_golden_file_has_the_seed_facts():
    rows = {
        r["source"]: r for r in map(json.loads, GOLDEN.read_text(encoding="utf-8").splitlines())
    }
    seed = rows["examples/000_af0d341a7a1a1dd7.txt"]
    assert seed["parties"] == ["BY", "DZ"]
    assert ["meeting", "2025-12-02"] in seed["events"]
    negatives = [r for s, r in rows.items() if "negative" in s]
    assert negatives and all(not r["events"] and not r["parties"] for r in negatives)


if __name__ == "__main__":
    GOLDEN.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in current()), encoding="utf-8"
    )
    print(f"wrote {GOLDEN}")
