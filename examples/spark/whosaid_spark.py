"""Run whosaid over a JSONL corpus with PySpark in local mode, through `RDD.pipe`.

Each Spark partition is a slice of the corpus's lines; it is piped through the whosaid binary in filter mode
(`whosaid extract --input-format jsonl --format jsonl -`: JSONL documents on standard input, one JSON mention
record per line on standard output), and the records of all partitions are collected into one JSONL file.

    python3 examples/spark/whosaid_spark.py --input corpus.jsonl --output mentions.jsonl

Input lines are objects with an `id` and a `text` field. The output holds the same lines as one whosaid run
over the whole corpus, possibly in another order (documents are spread over partitions).
"""

import argparse
import os
import shlex
import sys
import time

from pyspark.sql import SparkSession


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_binary = os.path.join(here, "..", "..", "target", "release", "whosaid")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", required=True, help="JSONL corpus: one {id, text} object per line")
    ap.add_argument("--output", required=True, help="JSONL file to write the collected records to")
    ap.add_argument("--binary", default=default_binary, help="whosaid binary (default: target/release/whosaid)")
    ap.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    ap.add_argument("--partitions", type=int, default=4, help="minimum number of input partitions (default: 4)")
    ap.add_argument(
        "--table", choices=["mentions", "quotes"], default="mentions", help="records to write (default: mentions)"
    )
    args = ap.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"whosaid binary not found at {binary}: run `cargo build --release` first", file=sys.stderr)
        return 2
    # RDD.pipe splits the command with shlex and runs it with an empty environment: give an absolute path.
    # One extraction thread per pipe: Spark already runs one task per core.
    command = " ".join(
        shlex.quote(a)
        for a in [binary, "extract", "--input-format", "jsonl", "--format", "jsonl", "--table", args.table]
        + ["--quiet", "--threads", "1", "-"]
    )

    # the workers must run the same Python as the driver
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("whosaid")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    try:
        started = time.monotonic()
        lines = spark.sparkContext.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
        partitions = lines.getNumPartitions()
        records = lines.pipe(command, checkCode=True).collect()
        elapsed = time.monotonic() - started
    finally:
        spark.stop()

    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for r in records:
            out.write(r)
            out.write("\n")
    print(
        f"spark: {len(records)} records from {args.input} in {elapsed:.1f} s ({args.master}, "
        f"{partitions} partitions)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
