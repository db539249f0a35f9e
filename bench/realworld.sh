#!/usr/bin/env bash
# Real-code benchmark: scans well-known public repositories (their checked-out tree and their full
# history) and checks every finding against the reviewed list in bench/realworld-expected.tsv.
#
#   mvn -B -q -DskipTests package
#   bench/realworld.sh [options] SOURCE...
#
# SOURCE is a bare git directory or a clone (/work/.mirror/git+git/repo), a directory holding
# mirrors as <owner>+<name>/repo, or an https URL. Only URLs are fetched (git clone --bare into
# the work directory); paths are read and never written to.
#
# Options:
#   --jar FILE           the Sealant jar (default: target/sealant.jar)
#   --expected FILE      the reviewed list (default: bench/realworld-expected.tsv)
#   --work DIR           where checkouts, clones and reports go (default: a temporary directory)
#   --modes LIST         tree,history (default: both)
#   --threads N          passed to 'sealant scan' (default: 2)
#   --tree-only REPO     scan only the tree of owner/name (repeatable): for a mirror snapshot that
#                        lacks some blobs, whose history scan would fail (exit 3); the table says
#                        'skipped' for its history and its history rows are kept as they are
#   --rescore            compare the findings of an earlier run in --work again, without scanning
#   --update-expected    rewrite the list: rows still found keep their verdict, new findings are
#                        added as 'unreviewed' for a human to classify, rows no longer found (for
#                        the repositories scanned) are dropped
#
# Per repository and mode it prints findings, expected (reviewed rows: one per location and
# fingerprint), new (not in the list), missing (in the list, no longer found) and the rows found
# per verdict, then each new, unreviewed and missing row. Secrets are never printed:
# rows carry the rule id and fingerprint, and the report's redacted value is shown for new ones.
# History means every commit reachable from the branches and tags, as a clone has them.
# Exit: 0 every finding reviewed, 1 new or 'unreviewed' findings (or a reviewed true secret no
# longer found), 2 usage, 3 a scan or git failure (the other repositories are still scanned).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$here/target/sealant.jar
expected=$here/bench/realworld-expected.tsv
work=
modes=tree,history
threads=2
update=false
rescore=false
treeonly=,
sources=()
usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --jar) jar=$2; shift 2 ;;
    --expected) expected=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --tree-only) treeonly=$treeonly$2,; shift 2 ;;
    --update-expected) update=true; shift ;;
    --rescore) rescore=true; shift ;;
    -h|--help) usage ;;
    -*) echo "unknown option: $1" >&2; usage ;;
    *) sources+=("$1"); shift ;;
  esac
done
[ ${#sources[@]} -gt 0 ] || $rescore || usage
[ -f "$jar" ] || { echo "no jar at $jar: run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/realworld.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
touch "$expected"

found=$work/found.tsv
heads=$work/heads.tsv
failures=$work/failures.tsv
skipped=$work/skipped.tsv
if $rescore; then
  [ -f "$found" ] || { echo "--rescore needs the --work of an earlier run" >&2; exit 2; }
else
# Resolve SOURCEs to "name<TAB>git-dir" lines.
repos=$work/repos.tsv
: >"$repos"
add_repo() { # $1 git dir, $2 name
  printf '%s\t%s\n' "$2" "$1" >>"$repos"
}
name_of() { # owner/name from .../<owner>+<name>/repo, else the directory's name
  local p=${1%/}
  p=${p%/.git}
  case $p in
    */repo) local d; d=$(basename "$(dirname "$p")"); echo "${d/+//}" ;;
    *) basename "$p" ;;
  esac
}
for s in "${sources[@]}"; do
  case $s in
    https://*|http://*|git@*)
      n=$(echo "$s" | sed -E 's#\.git$##; s#^.*[/:]([^/:]+)/([^/]+)$#\1/\2#')
      dir=$work/clones/${n/\//+}.git
      [ -d "$dir" ] || git clone -q --bare "$s" "$dir" || { echo "clone failed: $s" >&2; exit 3; }
      add_repo "$dir" "$n" ;;
    *)
      [ -d "$s" ] || { echo "not a directory: $s" >&2; exit 2; }
      if [ -e "$s/.git" ] || { [ -f "$s/HEAD" ] && [ -d "$s/objects" ]; }; then
        g=$(git -C "$s" rev-parse --absolute-git-dir)
        add_repo "$g" "$(name_of "$(cd "$s" && pwd)")"
      else
        any=false # not $found: that names the findings file
        for m in "$s"/*/repo; do
          if g=$(git -C "$m" rev-parse --absolute-git-dir 2>/dev/null); then
            add_repo "$g" "$(name_of "$m")"
            any=true
          fi
        done
        $any || { echo "no git repository in $s" >&2; exit 2; }
      fi ;;
  esac
done

# Scan each repository: findings as "repo mode path loc rule fingerprint redacted" rows.
: >"$found"
: >"$heads"
: >"$failures"
: >"$skipped"
to_rows() { # $1 repo, $2 mode, JSON report on stdin
  jq -r --arg repo "$1" --arg mode "$2" '.[] | [$repo, $mode, .path,
      (if $mode == "history" then .commit + ":" + (.line | tostring) else (.line | tostring) end),
      .ruleId, .fingerprint, .secret] | @tsv'
}
scan() { # $1 repo, $2 mode, $3 report file, then the scan's own arguments
  local repo=$1 mode=$2 out=$3 rc=0
  shift 3
  java -jar "$jar" scan -f json --no-progress --threads "$threads" -o "$out" "$@" 2>"$out.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    # Reported and counted, and the other repositories are still scanned (a mirror snapshot may
    # lack its largest blobs: Sealant then names the missing object and exits 3).
    printf '%s\t%s\t%s\n' "$repo" "$mode" "$(head -c 300 "$out.err" | tr '\t\n' '  ')" >>"$failures"
    return 0
  fi
  to_rows "$repo" "$mode" <"$out" >>"$found"
}
while IFS=$'\t' read -r name gitdir; do
  slug=${name/\//+}
  head=$(git --git-dir="$gitdir" rev-parse HEAD)
  printf '%s\t%s\n' "$name" "$head" >>"$heads"
  case ",$modes," in
    *,tree,*)
      tree=$work/tree/$slug
      rm -rf "$tree" && mkdir -p "$tree"
      # A private index: the checkout writes nothing into the source repository.
      GIT_INDEX_FILE=$work/$slug.index git --git-dir="$gitdir" --work-tree="$tree" read-tree HEAD
      GIT_INDEX_FILE=$work/$slug.index git --git-dir="$gitdir" --work-tree="$tree" checkout-index -a
      (cd "$tree" && scan "$name" tree "$work/$slug.tree.json" --no-git .) ;;
  esac
  case ",$modes,$treeonly" in
    *,history,*,"$name",*) printf '%s\thistory\n' "$name" >>"$skipped" ;;
    *,history,*)
      # History is what a clone holds: branches and tags (mirrors also carry refs/pull/*, other
      # people's unmerged work, whose objects may be missing). A local clone hardlinks the packs.
      clone=$work/history/$slug.git
      rm -rf "$clone"
      git clone -q --bare "$gitdir" "$clone"
      (cd "$clone" && scan "$name" history "$work/$slug.history.json") ;;
  esac
done <"$repos"
fi

# Compare with the reviewed list (rows: repo mode path loc rule fingerprint verdict reason).
report=$work/report.txt
awk -F'\t' -v OFS='\t' -v heads="$heads" -v failures="$failures" -v skipped="$skipped" -v modes="$modes" -v update="$update" -v out="$work/expected.new" '
  BEGIN {
    while ((getline l < heads) > 0) { split(l, h, "\t"); scanned[h[1]] = 1; order[++nrepo] = h[1] }
    while ((getline l < failures) > 0) { split(l, h, "\t"); failed[h[1], h[2]] = 1 }
    # A skipped mode counts as not scanned: its rows are neither compared nor dropped.
    while ((getline l < skipped) > 0) { split(l, h, "\t"); failed[h[1], h[2]] = 1; skip[h[1], h[2]] = 1 }
  }
  FNR == NR {
    if ($0 ~ /^#/ || $0 == "") { header[++nh] = $0; next }
    k = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4 SUBSEP $5 SUBSEP $6
    verdict[k] = $7; reason[k] = $8; erow[k] = $0; ekeys[++ne] = k
    if (scanned[$1] && index("," modes ",", "," $2 ",")) { nexp[$1, $2]++ }
    next
  }
  {
    k = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4 SUBSEP $5 SUBSEP $6
    nfound[$1, $2]++ # every finding; two on one line with one fingerprint share a row
    if (k in seen) next
    seen[k] = 1
    if (!(k in verdict)) { nnew[$1, $2]++; newrows[++nn] = $0; fresh[k] = $1 OFS $2 OFS $3 OFS $4 OFS $5 OFS $6 OFS "unreviewed" OFS "" }
    else if (verdict[k] == "unreviewed") { nunrev[$1, $2]++; unrev[++nu] = erow[k] }
    else { verdicts[$1, $2, verdict[k]]++ }
  }
  END {
    split(modes, ms, ",")
    printf "%-34s %-8s %8s %8s %5s %7s %6s %6s %6s\n", "repository", "mode", "findings", "expected", "new", "missing", "true", "test", "fp"
    for (i = 1; i <= nrepo; i++) for (j = 1; j in ms; j++) {
      r = order[i]; m = ms[j]
      if ((r, m) in skip) { printf "%-34s %-8s %8s   (skipped: --tree-only)\n", r, m, "-"; continue }
      if ((r, m) in failed) { printf "%-34s %-8s %8s   (scan failed, see below)\n", r, m, "-"; continue }
      miss = 0
      for (e = 1; e <= ne; e++) { split(ekeys[e], p, SUBSEP); if (p[1] == r && p[2] == m && !(ekeys[e] in seen)) miss++ }
      printf "%-34s %-8s %8d %8d %5d %7d %6d %6d %6d\n", r, m, nfound[r, m], nexp[r, m], nnew[r, m] + nunrev[r, m], miss,
        verdicts[r, m, "true-secret"], verdicts[r, m, "published-test-key"], verdicts[r, m, "false-positive"]
    }
    status = 0
    for (i = 1; i <= nn; i++) { split(newrows[i], p, "\t"); printf "new         %s %s %s:%s %s %s %s\n", p[1], p[2], p[3], p[4], p[5], p[6], p[7]; status = 1 }
    for (i = 1; i <= nu; i++) { split(unrev[i], p, "\t"); printf "unreviewed  %s %s %s:%s %s %s\n", p[1], p[2], p[3], p[4], p[5], p[6]; status = 1 }
    for (e = 1; e <= ne; e++) {
      split(ekeys[e], p, SUBSEP)
      if (scanned[p[1]] && index("," modes ",", "," p[2] ",") && !(ekeys[e] in seen) && !((p[1], p[2]) in failed)) {
        printf "missing     %s %s %s:%s %s %s (%s)\n", p[1], p[2], p[3], p[4], p[5], p[6], verdict[ekeys[e]]
        if (verdict[ekeys[e]] == "true-secret") status = 1
      }
    }
    if (update == "true") {
      for (i = 1; i <= nh; i++) print header[i] > out
      for (e = 1; e <= ne; e++) {
        split(ekeys[e], p, SUBSEP)
        if (!scanned[p[1]] || !index("," modes ",", "," p[2] ",") || (ekeys[e] in seen) || ((p[1], p[2]) in failed)) print erow[ekeys[e]] > out
      }
      for (k in fresh) print fresh[k] > out
      close(out)
    }
    exit status
  }' "$expected" "$found" >"$report" && status=0 || status=$?
cat "$report"
if [ -s "$failures" ]; then
  while IFS=$'\t' read -r r m e; do echo "scan failed $r $m: $e"; done <"$failures"
  status=3
fi
if $update; then
  { grep '^#' "$work/expected.new" || true; grep -v '^#' "$work/expected.new" | LC_ALL=C sort -t$'\t' -k1,1 -k2,2 -k3,3 -k4,4 -k5,5 -k6,6 || true; } >"$expected"
  echo "wrote $expected: classify each 'unreviewed' row (true-secret, published-test-key, false-positive) and give a reason" >&2
fi
exit "$status"
