#!/usr/bin/env bash
# Pre-commit hook overhead: `git commit` with the hook minus `git commit --no-verify`, on a default
# install (install.sh into bench/out/prefix-<jdk>, JVM start-up included).
#
#   bench/hook.sh                          RUNS=40 pairs of a 5-file change; BIG_RUNS=5 pairs of a
#                                          2,000-file, 24 MB initial commit
#   SEALANT_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/hook.sh
#                                          another JDK: install.sh trains its archive (an AOT cache
#                                          on JDK 25+) with it, and the launcher runs it
#
# Each pair runs the two commits back to back (which goes first alternates), so both see the same
# load; the overhead is the per-pair difference, reported as its median (p50) and 95th percentile
# (p95, nearest rank). The machine's load is printed before and after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
runs=${RUNS:-40}
big_runs=${BIG_RUNS:-5}
java=${SEALANT_JAVA:-java}
jdk=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
prefix="$out/prefix-$jdk"
mkdir -p "$out"
"$root/install.sh" --prefix "$prefix" >/dev/null
export PATH="$prefix/bin:$PATH"
[ -z "${SEALANT_JAVA:-}" ] || export SEALANT_JAVA

ms() { echo $(( $(date +%s%N) / 1000000 )); }

# pairs FILE PREP-COMMAND RESET-COMMAND N: appends "with without" ms per pair to FILE.
pairs() {
  local file=$1 prep=$2 reset=$3 n=$4 i s e w o
  : > "$file"
  for i in $(seq "$n"); do
    for order in $(( i % 2 )) $(( 1 - i % 2 )); do
      sh -c "$prep" >/dev/null 2>&1
      if [ "$order" = 0 ]; then
        s=$(ms); git commit -q -m bench >/dev/null 2>&1 || true; e=$(ms); w=$((e - s))
      else
        s=$(ms); git commit -q --no-verify -m bench >/dev/null 2>&1; e=$(ms); o=$((e - s))
      fi
      sh -c "$reset" >/dev/null 2>&1
    done
    echo "$w $o" >> "$file"
  done
}

# pct FILE COLUMN P: the P-th percentile (nearest rank) of a column of FILE ("d": with - without).
pct() {
  awk -v c="$2" '{ print (c == "d" ? $1 - $2 : $c) }' "$1" | sort -n \
    | awk -v p="$3" '{ a[NR] = $1 } END { k = int(p * NR + 0.999999); if (k < 1) k = 1; print a[k] }'
}

# summary FILE LABEL: p50/p95 of with, without and the per-pair difference.
summary() {
  echo "$2, $(wc -l < "$1") pairs: with hook p50 $(pct "$1" 1 .5) ms, p95 $(pct "$1" 1 .95);" \
    "without p50 $(pct "$1" 2 .5), p95 $(pct "$1" 2 .95);" \
    "hook overhead p50 $(pct "$1" d .5) ms, p95 $(pct "$1" d .95) ms"
}

echo "machine: $(nproc) cores, $(uname -sr), $("$java" -version 2>&1 | head -n 1), $(git --version)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

repo="$out/hook-repo"
if [ ! -d "$repo/.git" ]; then
  git init -q "$repo"
  java "$root/bench/history/HistoryGenerator.java" --commits 300 --seed 11 | git -C "$repo" fast-import --quiet
  # Packed as git's own gc packs a real repository (fast-import's raw pack keeps the newest
  # objects at the end of delta chains 90 deep, which no repository that has seen a gc has).
  git -C "$repo" gc -q
  git -C "$repo" checkout -q main
fi
cd "$repo"
git config user.name bench; git config user.email bench@example.com; git config commit.gpgsign false
sealant install --force >/dev/null
# Five files changed and staged before every timed commit (not timed itself).
pairs "$out/.hook-small" \
  'for f in $(git ls-files | head -n 5); do echo "value_$RANDOM = compute($RANDOM)" >> "$f"; done; git add -A' \
  ':' "$runs"
summary "$out/.hook-small" "5-file change"

# An initial commit of 2,000 text files, 24 MB (seeded, the same every run): each timed commit is
# undone (the branch deleted, the files kept staged) so the next is an initial commit again.
big="$out/hook-big"
if [ ! -d "$big/.git" ]; then
  git init -q "$big"
  awk -v dir="$big" 'BEGIN {
    srand(17)
    for (d = 0; d < 40; d++) system(sprintf("mkdir -p %s/src/m%02d", dir, d))
    for (f = 0; f < 2000; f++) {
      file = sprintf("%s/src/m%02d/file%04d.py", dir, f % 40, f)
      size = 0
      while (size < 12000) {
        line = sprintf("    value_%d = compute(%d, \"%s\")  # step %d of the batch", int(rand() * 1e6), int(rand() * 1e4), substr("abcdefghijklmnopqrstuvwxyz", 1 + int(rand() * 20), 6), size)
        print line > file
        size += length(line) + 1
      }
      close(file)
    }
  }'
fi
cd "$big"
git config user.name bench; git config user.email bench@example.com; git config commit.gpgsign false
sealant install --force >/dev/null
git add -A
echo "2,000-file commit: $(git ls-files | wc -l) files, $(du -sk --exclude=.git . | cut -f1) KiB"
pairs "$out/.hook-big" ':' 'git update-ref -d HEAD' "$big_runs"
summary "$out/.hook-big" "2,000-file 24 MB initial commit"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
