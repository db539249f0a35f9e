#!/usr/bin/env bash
# Quality benchmark: generates a seeded corpus with planted synthetic secrets and hard negatives,
# scans it with the shipped catalog and prints precision, recall and F1 per rule family.
#
#   mvn -q test-compile && bench/quality.sh [--seed N] [--files N] [--patterns DIR] [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d target/test-classes/dev/sealant/quality ]; then
  echo "run 'mvn -q test-compile' first" >&2
  exit 2
fi
cp_file=target/quality-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
fi
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" dev.sealant.quality.QualityBench "$@"
