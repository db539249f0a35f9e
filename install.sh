#!/bin/sh
# Installs the `sealant` command: from a release tarball (the jar beside this script; a JDK is all
# it needs) or from a source checkout (built with Maven).
#
#   ./install.sh                    install into ~/.local (bin/sealant, lib/sealant/)
#   ./install.sh --prefix DIR       install into DIR instead (or set PREFIX)
#   ./install.sh --hooks [REPO]     also install the git hooks into REPO (default: .)
#
# POSIX sh, idempotent, never touches the network itself (Maven fetches dependencies from
# Maven Central the first time it builds).
set -eu

usage() {
  cat <<'USAGE'
Usage: ./install.sh [--prefix DIR] [--hooks [REPO]] [--help]

Installs Sealant (from a release tarball as it is; from a source checkout after
'mvn package'):
  PREFIX/lib/sealant/sealant.jar   the application (one unsigned jar)
  PREFIX/lib/sealant/sealant.jsa   a class-data-sharing archive for fast start-up
  PREFIX/bin/sealant               the launcher

Options:
  --prefix DIR     where to install (default: $PREFIX, else ~/.local)
  --hooks [REPO]   also install the pre-commit hook into the git repository REPO (default: .)
  --help           this text
USAGE
}

prefix=${PREFIX:-"$HOME/.local"}
hooks_repo=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
              prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --hooks) shift
             if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then hooks_repo=$1; shift; else hooks_repo=.; fi ;;
    --hooks=*) hooks_repo=${1#--hooks=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
# Java names a class in a jar as jar:file:PATH!/CLASS: a jar under a directory whose name ends in
# '!' loads, but the libraries' own resources in it do not (JGit fails on its first message).
case "$prefix/" in
  *'!/'*) echo "install.sh: $prefix: Java cannot load everything from a jar under a path with '!/' in it (a directory name ending in '!'); choose another --prefix" >&2; exit 2 ;;
esac

need() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "install.sh: '$1' is required but was not found on PATH. $2" >&2
    exit 2
  }
}
here=$(cd "$(dirname "$0")" && pwd)
# A release tarball (sealant-VERSION.tar.gz) holds the built jar beside this script and no pom.xml:
# it installs with only a JDK. A source checkout is built with Maven.
prebuilt=no
if [ -f "$here/sealant.jar" ] && [ ! -f "$here/pom.xml" ]; then prebuilt=yes; fi
# The JDK is chosen as the launcher chooses it (SEALANT_JAVA, then JAVA_HOME, then PATH), so the
# start-up archive is trained by the JDK that will run it.
if [ -n "${SEALANT_JAVA:-}" ]; then java=$SEALANT_JAVA
elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java
else need java "Install a JDK 17 or newer (e.g. 'apt-get install openjdk-17-jdk')."; java=java; fi
if [ "$prebuilt" = no ]; then
  need mvn "Install Apache Maven 3.8 or newer (e.g. 'apt-get install maven'), or install from a release tarball (sealant-VERSION.tar.gz), which needs no Maven."
fi
need git "Install git (e.g. 'apt-get install git')."

java_major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
case "$java_major" in
  "") echo "install.sh: could not run '$java' to read its version: set JAVA_HOME (or SEALANT_JAVA) to a JDK 17 or newer." >&2; exit 2 ;;
  1.*|[0-9]|1[0-6]) echo "install.sh: Java 17 or newer is required (found $java_major)." >&2; exit 2 ;;
esac

if [ "$prebuilt" = yes ]; then
  jar="$here/sealant.jar"
else
  echo "Building Sealant with Maven (tests are run by 'mvn -B verify')..."
  (cd "$here" && mvn -B -q -DskipTests package)
  jar="$here/target/sealant.jar"
fi

# Absolute, so the launcher and the hooks it installs name it wherever they run from.
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
lib="$prefix/lib/sealant"
bin="$prefix/bin"
mkdir -p "$lib" "$bin"
cp "$jar" "$lib/sealant.jar.tmp"
mv -f "$lib/sealant.jar.tmp" "$lib/sealant.jar"

# A class-data-sharing archive of the classes Sealant loads: it cuts JVM start-up, which is most of
# a pre-commit hook's time and of a cached rescan's. Built for this jar and this JDK; the launcher
# falls back silently if it does not fit (e.g. after a JDK upgrade: re-run install.sh).
rm -f "$lib/sealant.jsa" "$lib/sealant.aot"
# Trained on a throwaway repository with a packed history and a staged edit, so reading the index,
# HEAD, trees and pack deltas is all trained; the user's own hooks, signing and identity settings
# are kept out of it. On JDK 25 and newer it is an AOT cache of a pre-commit run (classes loaded and
# linked ahead of time, plus method profiles: the hook's budget is the tightest). Before that, a
# static archive of the classes three runs load: a pre-commit hook (the direct index and object
# readers, the catalog, the detector), a first history scan and a cached one (JGit's revision
# walk, the pack reader, the reports); one run's dynamic archive would hold only its own classes.
java_feature=${java_major%%.*}
train=$(mktemp -d)
cds="no (start-up will be slower)"
hook_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
git_train() { git -c user.name=sealant -c user.email=sealant@invalid -c commit.gpgsign=false \
  -c core.hooksPath=/dev/null "$@"; }
# The training runs git and Sealant in the throwaway repository only: an exported GIT_DIR,
# GIT_INDEX_FILE or GIT_WORK_TREE (vcsh, a dotfiles setup, install.sh run from a hook) would point
# them at the user's repository, to commit into it and rewrite its index.
clean_git_env() { for v in $(git rev-parse --local-env-vars 2>/dev/null); do unset "$v"; done; }
(clean_git_env; cd "$train" && mkdir repo && cd repo && git init -q . && mkdir -p src \
  && printf 'def main():\n    return 0\n' > src/app.py && printf 'host = "localhost"\n' > settings.ini \
  && git add -A && git_train commit -q --no-verify -m train \
  && printf 'port = 8080\n' >> settings.ini && git_train commit -qa --no-verify -m edit \
  && git repack -adq \
  && printf 'password = "not-a-real-one"\n' >> src/app.py && git add -A) >/dev/null 2>&1 || true
if [ "$java_feature" -ge 25 ] 2>/dev/null; then
  archive="$lib/sealant.aot"
  (clean_git_env; cd "$train/repo" || exit 0; "$java" "-XX:AOTCacheOutput=$archive" $hook_flags -jar "$lib/sealant.jar" \
     hook pre-commit) >/dev/null 2>&1 || true
else
  archive="$lib/sealant.jsa"
  (clean_git_env; cd "$train/repo" || exit 0
    "$java" "-XX:DumpLoadedClassList=$train/hook.classes" $hook_flags -jar "$lib/sealant.jar" \
      hook pre-commit
    for run in scan rescan; do
        "$java" "-XX:DumpLoadedClassList=$train/$run.classes" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC \
          -jar "$lib/sealant.jar" scan --no-progress -f json -o /dev/null
      done
    cat "$train"/*.classes | grep -v '^#' | awk '!seen[$0]++' > "$train/all.classes" \
    && "$java" -Xshare:dump "-XX:SharedClassListFile=$train/all.classes" \
         "-XX:SharedArchiveFile=$archive" -cp "$lib/sealant.jar") >/dev/null 2>&1 || true
fi
if [ -s "$archive" ]; then cds="yes ($(basename "$archive"))"; else rm -f "$archive"; fi
rm -rf "$train"

# A value written into the launcher between single quotes: each ' becomes '\''.
sq() { printf '%s' "$1" | sed "s/'/'\\\\''/g"; }
tmp="$bin/.sealant.tmp.$$"
cat > "$tmp" <<LAUNCHER
#!/bin/sh
# Sealant launcher, written by install.sh. Re-run install.sh to update it.
lib='$(sq "$lib")'
# 'sealant install' records this path in the hooks it writes (hooks may run without this PATH).
SEALANT_LAUNCHER='$(sq "$bin/sealant")'
export SEALANT_LAUNCHER
if [ -n "\${SEALANT_JAVA:-}" ]; then java=\$SEALANT_JAVA
elif [ -n "\${JAVA_HOME:-}" ] && [ -x "\$JAVA_HOME/bin/java" ]; then java=\$JAVA_HOME/bin/java
else java=java; fi
# Every command runs on the quick C1 compiler alone. C2 spends seconds compiling the scan's hot
# loops (about 5 s of CPU on a 5 s scan of commons-lang, most methods compiled several times): full
# history scans of ripgrep, flask, laravel, sinatra and commons-lang took 1.5-1.9x longer with it,
# and only git/git's 85k commits paid it back (8 % faster). For such a history, add
# SEALANT_JAVA_OPTS=-XX:TieredStopAtLevel=4. Hooks and staged scans are short: a serial heap starts
# fastest; other commands may scan whole histories with two workers: the parallel collector.
case " \$* " in
  *" hook "*|*" --staged "*) flags="-XX:TieredStopAtLevel=1 -XX:-UsePerfData"; gc="-XX:+UseSerialGC" ;;
  *) flags="-XX:TieredStopAtLevel=1"; gc="-XX:+UseParallelGC" ;;
esac
# Options the user gives the JVM (here, or through the variables the JVM reads itself) win: a
# collector or a sharing mode chosen there would clash with the launcher's at start-up.
user=" \${JAVA_TOOL_OPTIONS:-} \${JDK_JAVA_OPTIONS:-} \${SEALANT_JAVA_OPTS:-} "
case "\$user" in *"GC "*|*"GC="*) gc="" ;; esac
set -- -jar "\$lib/sealant.jar" "\$@"
set -- \${SEALANT_JAVA_OPTS:-} "\$@"
# The start-up archive is offered only to the java that trained it. A JDK that does not fit it
# ignores it: a class-data-sharing archive is checked by -Xshare:auto; a JDK 17-24 behind the same
# path (an alternatives switch) would refuse the AOT cache's option outright, so without options
# of the user's to hide, that option comes with -XX:+IgnoreUnrecognizedVMOptions; -Xlog:disable
# (which every JDK knows) silences a JDK 25 that does not fit the cache: it would warn on stdout,
# where reports may go. No fork: the hook's start-up is the budget.
case "\$user" in
  *" -Xshare:"*) ;;
  *)
    if [ "\$java" != '$(sq "$java")' ]; then :
    elif [ -f "\$lib/sealant.aot" ] && [ -z "\${SEALANT_JAVA_OPTS:-}" ]; then
      set -- -XX:+IgnoreUnrecognizedVMOptions "-XX:AOTCache=\$lib/sealant.aot" -Xlog:disable "\$@"
    elif [ -f "\$lib/sealant.aot" ]; then set -- "-XX:AOTCache=\$lib/sealant.aot" -Xlog:disable "\$@"
    elif [ -f "\$lib/sealant.jsa" ]; then
      set -- "-XX:SharedArchiveFile=\$lib/sealant.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off "\$@"
    fi ;;
esac
# A bounded heap, so that a scan of any history stays within about 512 MiB of memory: the scan's
# caches are sized from it, and a larger repository is read more slowly, never out of memory. An
# -Xmx in SEALANT_JAVA_OPTS comes later on the command line and wins. Measured on git/git (85k
# commits, 2 workers): 320m peaks at 440-465 MiB RSS; 384m at 508 MiB (too close to 512) for no
# less CPU; the serial collector spends less CPU but stops both workers, G1 spends more.
heap="-Xmx320m -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m"
exec "\$java" \$flags \$gc \$heap "\$@"
LAUNCHER
chmod 755 "$tmp"
mv -f "$tmp" "$bin/sealant"

echo "Installed:"
echo "  $bin/sealant"
echo "  $lib/sealant.jar"
echo "  class-data-sharing archive: $cds"
"$bin/sealant" --version

case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "Note: $bin is not on your PATH. Add it, e.g.: export PATH=\"$bin:\$PATH\"" ;;
esac

if [ -n "$hooks_repo" ]; then
  (cd "$hooks_repo" && "$bin/sealant" install)
fi
