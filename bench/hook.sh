#!/usr/bin/env bash
# Pre-commit hook overhead: `git commit` of a 5-file staged change with the hook, minus without,
# on a default install (install.sh into bench/out/prefix, JVM start included).
#
#   bench/hook.sh            RUNS=20 by default
#
# Uses hyperfine when installed (Debian: apt-get install hyperfine), else a timing loop.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
runs=${RUNS:-20}
prefix="$out/prefix"
mkdir -p "$out"
"$root/install.sh" --prefix "$prefix" >/dev/null
export PATH="$prefix/bin:$PATH"
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
git config user.name bench; git config user.email bench@example.com
sealant install --force >/dev/null
# Five files changed and staged before every timed commit (not timed itself).
prep='for f in $(git ls-files | head -n 5); do echo "value_$RANDOM = compute($RANDOM)" >> "$f"; done; git add -A'

median_of() { # median wall ms of "$1" over $runs runs, with $prep before each
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -w 2 -r "$runs" --prepare "sh -c '$prep'" --export-json "$out/.hook.json" "$1" >/dev/null 2>&1 \
      || hyperfine -w 2 -r "$runs" --prepare "$prep" --export-json "$out/.hook.json" "$1" >/dev/null
    python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$out/.hook.json"
  else
    for _ in $(seq "$runs"); do
      sh -c "$prep"
      s=$(date +%s%N); sh -c "$1" >/dev/null 2>&1; e=$(date +%s%N)
      echo $(( (e - s) / 1000000 ))
    done | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
  fi
}

with=$(median_of "git commit -q -m bench")
without=$(median_of "git commit -q --no-verify -m bench")
echo "git commit, 5 staged files, median of $runs: with hook ${with} ms, without ${without} ms," \
  "hook overhead $((with - without)) ms ($(nproc) cores, $(java -version 2>&1 | head -n 1))"
