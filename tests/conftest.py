from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "examples" / "000_af0d341a7a1a1dd7.txt"
DEV = SHARED / "eval" / "dev"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def dev_dir() -> Path:
    if not (DEV / "gold.jsonl").exists():
        pytest.skip(f"development set not found at {DEV}")
    return DEV
