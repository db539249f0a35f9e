#!/usr/bin/env bash
# Full-history scan of real repositories against git's own `log -p`, and the cached rescan.
#
#   bench/realrepos.sh /work/.mirror/apache+commons-lang/repo /work/.mirror/git+git/repo
#   RUNS=3 bench/realrepos.sh REPO...       more interleaved pairs per repository (default 3)
#   SEALANT=/path/bin/sealant bench/...     an installed launcher (default: install.sh into a
#                                           temporary prefix, so the default install is measured)
#
# Each REPO is a path to a local repository (bare or not). Its branches and tags are cloned once,
# locally (hard links; nothing is downloaded), to a scratch directory, so that the scan's cache
# under the git dir is never written into the original. Per repository it runs RUNS pairs, interleaved:
#   floor: git --git-dir CLONE log -p -U0 --all --no-color > /dev/null   (run from outside any
#          work tree: inside one, .gitattributes diff drivers slow git down and flatter the ratio)
#   scan:  sealant scan --no-progress -f json -o /dev/null   (cache removed first: a first scan)
# then one cached rescan (the same scan again, its cache kept). For each it prints wall seconds,
# user+sys CPU seconds and peak RSS (MiB, /usr/bin/time -f %M); then the medians and the ratios.
# The machine is shared: compare CPU seconds as well as wall seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
[ $# -gt 0 ] || { sed -n '2,8p' "$0"; exit 2; }
[ -x /usr/bin/time ] || { echo "realrepos.sh: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/sealant-realrepos.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

if [ -z "${SEALANT:-}" ]; then
  "$root/install.sh" --prefix "$scratch/prefix" >/dev/null
  SEALANT="$scratch/prefix/bin/sealant"
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # $1: label; rest: command. Prints "label wall cpu rssMiB exit".
  local label=$1; shift
  local rc=0
  /usr/bin/time -o "$scratch/t" -f '%e %U %S %M' "$@" >/dev/null 2>"$scratch/err" || rc=$?
  awk -v l="$label" -v rc="$rc" 'END { printf "%-8s %8.2f %8.2f %8d %4s\n", l, $1, $2 + $3, $4 / 1024, rc }' "$scratch/t"
}

echo "machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -n 1), $(git --version)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for repo in "$@"; do
  name=$(basename "$(cd "$repo/.." && pwd)")/$(basename "$repo")
  clone="$scratch/clone"
  rm -rf "$clone"
  git clone -q --bare "$repo" "$clone" # branches and tags, as a user clones them
  commits=$(git --git-dir "$clone" rev-list --all | wc -l)
  echo
  echo "== $name ($commits commits)"
  printf '%-8s %8s %8s %8s %4s\n' what wall_s cpu_s rss_MiB exit
  : > "$scratch/rows"
  for _ in $(seq "$runs"); do
    (cd / && measure floor sh -c "git --git-dir '$clone' log -p -U0 --all --no-color > /dev/null") | tee -a "$scratch/rows"
    rm -rf "$clone/sealant"
    (cd "$clone" && measure scan "$SEALANT" scan --no-progress -f json -o /dev/null) | tee -a "$scratch/rows"
    [ "$(awk 'END{print $5}' "$scratch/rows")" -le 1 ] || { cat "$scratch/err" >&2; exit 3; }
  done
  (cd "$clone" && measure rescan "$SEALANT" scan --no-progress -f json -o /dev/null) | tee -a "$scratch/rows"
  fw=$(awk '$1=="floor"{print $2}' "$scratch/rows" | median)
  fc=$(awk '$1=="floor"{print $3}' "$scratch/rows" | median)
  sw=$(awk '$1=="scan"{print $2}' "$scratch/rows" | median)
  sc=$(awk '$1=="scan"{print $3}' "$scratch/rows" | median)
  sr=$(awk '$1=="scan"{print $4}' "$scratch/rows" | sort -n | tail -n 1)
  rw=$(awk '$1=="rescan"{print $2}' "$scratch/rows")
  awk -v fw="$fw" -v fc="$fc" -v sw="$sw" -v sc="$sc" -v sr="$sr" -v rw="$rw" -v n="$name" 'BEGIN {
    printf "%s: floor %.2f s (cpu %.2f), scan %.2f s (cpu %.2f), ratio %.2fx wall, %.2fx cpu; peak %d MiB; rescan %.2f s (%.1f%% of scan)\n",
      n, fw, fc, sw, sc, sw / fw, sc / fc, sr, rw, 100 * rw / sw }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
