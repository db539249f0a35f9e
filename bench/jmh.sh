#!/usr/bin/env bash
# Detector throughput (JMH), full built-in catalog, realistic source text, one thread.
#
#   bench/jmh.sh             build, install the jar locally, run; prints MB/s per core
#   bench/jmh.sh -f 1 -wi 1  extra arguments go to JMH
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
(cd "$root" && mvn -B -q -DskipTests install)
(cd "$root/bench/jmh" && mvn -B -q package)
java -jar "$root/bench/jmh/target/benchmarks.jar" -rf json -rff "$root/bench/jmh/target/result.json" "$@" \
  dev.sealant.bench.DetectorBench
# One operation scans 4 MiB: MB/s = ops/s x 4.194304.
python3 - "$root/bench/jmh/target/result.json" <<'PY' 2>/dev/null || true
import json, sys
for r in json.load(open(sys.argv[1])):
    s = r["primaryMetric"]
    print("keywordDensity=%s: %.0f MB/s per core (+/- %.0f)" % (r["params"]["keywordDensity"], s["score"] * 4.194304, s["scoreError"] * 4.194304))
PY
