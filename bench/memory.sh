#!/usr/bin/env bash
# Memory bounds under -Xmx512m: a 1 GiB text file and a 1 GiB git blob (loose, then packed), each
# scanned with the default size limit and with --max-file-size 2g; and, given history sizes, the
# full-history scan of bench/out/history-N (as bench/history.sh generates it).
#
#   bench/memory.sh              the 1 GiB checks
#   bench/memory.sh 50000        the same, then the 50k-commit history
#
# Prints, per case: exit code, wall seconds, peak RSS (MiB, /usr/bin/time) and what happened.
# Nothing may fail with an OutOfMemoryError: a file over the in-memory bound is scanned in chunks,
# a blob over it is scanned as it streams out of the object store. Inputs are made once under bench/out/memory (about 3 GB
# of disk with the packed copy) and reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out/memory"
jar="$root/target/sealant.jar"
java_opts=(-Xmx512m -XX:+UseParallelGC)
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
mkdir -p "$out"
big="$out/big.txt"
line='The order status flow retries 3 times before it reports a cache error.'

if [ ! -f "$big.done" ]; then
  # Whole lines up to just under 1 GiB, then one line with a generated credential-like setting,
  # built here so that no such string is written in this repository.
  n=$(( (1024 * 1024 * 1024 - 100) / (${#line} + 1) ))
  set +o pipefail # yes and tr end on SIGPIPE when head has enough
  yes "$line" | head -n "$n" > "$big"
  value=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
  set -o pipefail
  printf '%s_%s = "%s"\n' db password "$value" >> "$big"
  touch "$big.done"
fi
last=$(( $(wc -l < "$big") ))

make_repo() { # $1: directory, $2: "loose" or "packed"
  [ -d "$1/.git" ] && return
  git init -q "$1"
  blob=$(git -C "$1" hash-object -w --path big.txt "$big")
  git -C "$1" update-index --add --cacheinfo "100644,$blob,big.txt"
  GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z \
    git -C "$1" -c user.name=bench -c user.email=bench@example.invalid commit -q -m "a 1 GiB file"
  if [ "$2" = packed ]; then git -C "$1" repack -a -d -q; fi
}
make_repo "$out/repo-loose" loose
make_repo "$out/repo-packed" packed

printf '%-34s %-5s %-8s %-9s %s\n' case exit "wall s" "peak MiB" outcome
run() { # $1: label, $2: directory, rest: sealant arguments
  label=$1 dir=$2
  shift 2
  code=0
  (cd "$dir" && /usr/bin/time -o "$out/.time" -f '%e %M' \
    java "${java_opts[@]}" -jar "$jar" scan --no-progress -v "$@" > "$out/.report.txt" 2> "$out/.err") || code=$?
  read -r wall rss < <(tail -n 1 "$out/.time")
  if grep -q OutOfMemoryError "$out/.err"; then
    outcome="OUT OF MEMORY"
  elif grep -q "big.txt:$last:" "$out/.report.txt"; then
    outcome="scanned: finding on line $last"
  elif grep -q "not scanned" "$out/.err"; then
    outcome="skipped, warned: $(grep -m 1 -o 'not scanned: .*' "$out/.err" | cut -c 14-80)"
  elif grep -q "^skipped big.txt" "$out/.report.txt" "$out/.err"; then
    outcome="skipped: $(cat "$out/.report.txt" "$out/.err" | grep -m 1 '^skipped big.txt' | sed 's/^[^:]*: //' | cut -c 1-66)"
  else
    outcome="no finding (see $out/.err)"
  fi
  printf '%-34s %-5s %-8s %-9s %s\n' "$label" "$code" "$wall" "$((rss / 1024))" "$outcome"
}
run "file, default limit" "$out" --no-git big.txt
run "file, --max-file-size 2g" "$out" --no-git --max-file-size 2g big.txt
run "loose blob, default limit" "$out/repo-loose"
run "loose blob, --max-file-size 2g" "$out/repo-loose" --max-file-size 2g
run "packed blob, default limit" "$out/repo-packed"
run "packed blob, --max-file-size 2g" "$out/repo-packed" --max-file-size 2g

for n in "$@"; do
  repo="$root/bench/out/history-$n"
  [ -d "$repo/.git" ] || { echo "history-$n: missing, run bench/history.sh $n first"; continue; }
  code=0
  (cd "$repo" && /usr/bin/time -o "$out/.time" -f '%e %M' \
    java "${java_opts[@]}" -jar "$jar" scan --no-progress -f json -o /dev/null 2> "$out/.err") || code=$?
  read -r wall rss < <(tail -n 1 "$out/.time")
  outcome=$(grep -q OutOfMemoryError "$out/.err" && echo "OUT OF MEMORY" || echo "completed")
  printf '%-34s %-5s %-8s %-9s %s\n' "history-$n, full scan" "$code" "$wall" "$((rss / 1024))" "$outcome"
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), java ${java_opts[*]}"
