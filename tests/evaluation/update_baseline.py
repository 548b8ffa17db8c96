"""Print current scores in baseline.json's format (floors rounded down to 3 decimals).

Run it, read the diff, and copy only what you mean to raise: lowering a floor needs a
reason in the commit message.
"""

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from test_gate import CORPORA, LINK_BASELINE, link_scores, scores


def main() -> None:
    baseline = {}
    for corpus, directory in CORPORA.items():
        if (directory / "gold.jsonl").exists():
            baseline[corpus] = {
                lang: {k: math.floor(v * 1000) / 1000 for k, v in sorted(row.items())}
                for lang, row in sorted(scores(directory).items())
            }
    print(json.dumps(baseline, indent=2))
    links = {
        corpus: {k: math.floor(v * 1000) / 1000 for k, v in link_scores(CORPORA[corpus]).items()}
        for corpus in LINK_BASELINE
        if (CORPORA[corpus] / "gold.jsonl").exists()
    }
    print("link_baseline.json:")
    print(json.dumps(links, indent=2))


if __name__ == "__main__":
    main()
