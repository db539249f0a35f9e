#!/usr/bin/env bash
# Full-history scan against `git log -p -U0 --all`, on reproducible synthetic histories: the scale
# curve of docs/SCALE.md.
#
#   bench/history.sh                 sizes 1000 and 10000 commits
#   bench/history.sh 1000 100000     any sizes
#   RUNS=3 bench/history.sh          interleaved pairs per size (default 1)
#   SEALANT=/path/bin/sealant ...    an installed launcher (default: install.sh into a temporary
#                                    prefix, so the default install is measured)
#
# Prints, per size: commits, git's and Sealant's wall and CPU (user+sys) seconds (medians), the
# ratios (target <= 1.0), the findings count and Sealant's peak RSS. Scans are first scans
# (--no-cache); git runs from outside the work tree. Repositories are generated once under
# bench/out/ (seeded: the same bytes every time) and reused. The machine's load is printed: on a
# shared machine compare CPU seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
runs=${RUNS:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[ -x /usr/bin/time ] || { echo "history.sh: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }
mkdir -p "$out"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/sealant-history.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
if [ -z "${SEALANT:-}" ]; then
  "$root/install.sh" --prefix "$scratch/prefix" >/dev/null
  SEALANT="$scratch/prefix/bin/sealant"
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # $1: label; rest: command. Appends "label wall cpu rssMiB" to $scratch/rows.
  local label=$1; shift
  /usr/bin/time -o "$scratch/t" -f '%e %U %S %M' "$@" >/dev/null 2>/dev/null || true
  awk -v l="$label" 'END { printf "%s %.2f %.2f %d\n", l, $1, $2 + $3, $4 / 1024 }' "$scratch/t" >> "$scratch/rows"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), $(git --version); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-9s %-9s %-11s %-11s %-7s %-7s %-8s %s\n' commits "git s" "git cpu" "sealant s" "sealant cpu" "wall x" "cpu x" findings "peak MiB"
for n in "${sizes[@]}"; do
  repo="$out/history-$n"
  if [ ! -d "$repo/.git" ]; then
    git init -q "$repo"
    java "$root/bench/history/HistoryGenerator.java" --commits "$n" --seed 7 | git -C "$repo" fast-import --quiet
    git -C "$repo" gc -q
  fi
  : > "$scratch/rows"
  for _ in $(seq "$runs"); do
    (cd / && measure git sh -c "git --git-dir '$repo/.git' log -p -U0 --all --no-color > /dev/null")
    (cd "$repo" && measure scan "$SEALANT" scan --no-cache --no-progress -f json -o /dev/null)
  done
  findings=$(cd "$repo" && "$SEALANT" scan --no-cache --no-progress -f json 2>/dev/null | grep -c '"ruleId"' || true)
  gw=$(awk '$1=="git"{print $2}' "$scratch/rows" | median)
  gc=$(awk '$1=="git"{print $3}' "$scratch/rows" | median)
  sw=$(awk '$1=="scan"{print $2}' "$scratch/rows" | median)
  sc=$(awk '$1=="scan"{print $3}' "$scratch/rows" | median)
  rss=$(awk '$1=="scan"{print $4}' "$scratch/rows" | sort -n | tail -n 1)
  awk -v n="$n" -v gw="$gw" -v gc="$gc" -v sw="$sw" -v sc="$sc" -v f="$findings" -v r="$rss" 'BEGIN {
    printf "%-8s %-9.2f %-9.2f %-11.2f %-11.2f %-7.2f %-7.2f %-8s %s\n", n, gw, gc, sw, sc, sw / gw, sc / gc, f, r }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
