#!/usr/bin/env bash
# Full-history scan time against `git log -p -U0 --all`, on reproducible synthetic histories.
#
#   bench/history.sh                 sizes 1000 and 10000 commits
#   bench/history.sh 1000 80000      any sizes
#   RUNS=5 bench/history.sh          more runs per measurement (default 3)
#
# Prints, per size: commits, git log seconds, sealant seconds, the ratio (target <= 1.0), the
# findings count, and sealant's peak RSS under -Xmx512m. Repositories are generated once under
# bench/out/ (seeded: the same bytes every time) and reused. Uses hyperfine when installed
# (Debian: apt-get install hyperfine), else a plain timing loop.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
jar="$root/target/sealant.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
mkdir -p "$out"
java_opts=(-Xmx512m -XX:+UseParallelGC)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

timeit() { # prints the median wall seconds of the shell command "$1" over $runs runs
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -i -w 1 -r "$runs" --export-json "$out/.h.json" "$1" >/dev/null 2>&1
    sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$out/.h.json" | head -n 1
  else
    for _ in $(seq "$runs"); do
      s=$(date +%s%N); sh -c "$1" >/dev/null 2>&1 || true; e=$(date +%s%N)
      awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
    done | median
  fi
}

printf '%-8s %-10s %-12s %-10s %-8s %-9s %s\n' commits "git log s" "sealant s" ratio findings "peak MiB" machine
for n in "${sizes[@]}"; do
  repo="$out/history-$n"
  if [ ! -d "$repo/.git" ]; then
    git init -q "$repo"
    java "$root/bench/history/HistoryGenerator.java" --commits "$n" --seed 7 | git -C "$repo" fast-import --quiet
    git -C "$repo" gc -q
  fi
  cd "$repo"
  g=$(timeit 'git log -p -U0 --all --no-color > /dev/null')
  s=$(timeit "java ${java_opts[*]} -jar $jar scan --no-progress -f json -o /dev/null")
  findings=$(java "${java_opts[@]}" -jar "$jar" scan --no-progress -f json 2>/dev/null | grep -c '"ruleId"' || true)
  rss=$( (/usr/bin/time -f '%M' java "${java_opts[@]}" -jar "$jar" scan --no-progress -f json -o /dev/null \
    2>&1 >/dev/null || true) | tail -n 1)
  ratio=$(awk -v s="$s" -v g="$g" 'BEGIN { printf "%.2f", s / g }')
  printf '%-8s %-10.2f %-12.2f %-10s %-8s %-9s %s\n' "$n" "$g" "$s" "$ratio" "$findings" "$((rss / 1024))" \
    "$(nproc) cores, $(java -version 2>&1 | head -n 1)"
  cd "$root"
done
