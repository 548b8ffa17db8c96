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


def _spark_missing() -> str | None:
    """Why Spark cannot run here, or None."""
    import importlib.util
    import os
    import shutil

    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'coopwatch[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and Path(java_home, "bin", "java").exists()):
        return "no java on PATH (Spark needs Java 17: apt-get install default-jre-headless)"
    return None


@pytest.fixture(scope="session")
def spark_available() -> None:
    """Skips (with the reason) a test when pyspark or Java is missing; fails it when CI is set."""
    import os

    reason = _spark_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def spark_session(spark_available: None):
    """One local Spark (2 cores) for the whole test session."""
    from coopwatch.spark.job import session

    spark = session("local[2]", app_name="coopwatch-tests")
    spark.conf.set("spark.sql.shuffle.partitions", "2")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()
