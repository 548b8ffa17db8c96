"""coopwatch on Apache Spark: the only package that imports pyspark.

``job.run`` reads WARC, JSON Lines, HTML, feed and text files from local paths or
Hadoop-compatible URIs with the readers the CLI uses, runs ``coopwatch.extract`` on
every document (``batch.extract_one``, as ``coopwatch extract`` does) and writes Parquet
tables (``tables.py``). ``coopwatch spark`` runs it on a local Spark; ``submit.main`` is
the entry point for ``spark-submit`` on a cluster. ``coopwatch load`` (``coopwatch.load``,
which needs no Spark) puts the output into the store.
"""
