#!/usr/bin/env bash
# The contention test: 400 simultaneous writes to one session filled to the size limit, on the
# demo in its own JVM, with /health probed from another process throughout. It reports the writes
# kept, refused with 413 and lost (read back from the session), /health's p50, p99 and max idle
# and during each burst, their ratio, the server's CPU, and the floor: the same 400 requests to a
# route that leaves the session alone. The README's "Concurrent requests and big sessions" says
# what the target is.
#
#   cloakroom-bench/contention.sh                   # 3 rounds, about a minute
#   ROUNDS=5 CONTENTION_JFR=1 cloakroom-bench/contention.sh   # JFR over the last round's race
#
# Builds the demo jar unless CONTENTION_SKIP_BUILD=1 (CONTENTION_JAR=path runs another build of it, for a
# before-and-after pair). The demo listens on 47200 (every interface,
# as a user starts it). Writes cloakroom-bench/results/contention-YYYY-MM-DD.md (RESULTS= elsewhere);
# the raw files stay in the printed directory. Exits 1 when a write is lost, a refused write was
# stored, or an answer was neither 200 nor 413; a missed latency target is reported only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR=${CONTENTION_JAR:-$ROOT/cloakroom-demo/target/cloakroom-demo.jar}
ROUNDS=${ROUNDS:-3}
IDLE=${IDLE:-5}            # seconds of idle probing before each round's first burst
GAP=${GAP:-3}              # seconds between a round's two bursts, and after the second
RATE=${RATE:-200}          # /health probes per second
RESULTS=${RESULTS:-$HERE/results}
PORT=47200
SECRET="contention-$(date +%s)-$RANDOM-one-full-session"

WORK="$(mktemp -d /tmp/cloakroom-contention.XXXXXX)"
PIDS=()

# shellcheck source=lib.sh
source "$HERE/lib.sh" # log, now_ms, wait_for, answers

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  log "logs and raw files: $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

helper() { java -cp "$WORK/classes" Contention "$@"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# One round in $1: a fresh full session, the prober started, IDLE s of idle, then the two bursts
# (floor first in odd rounds, race first in even ones, so a machine growing busier favours neither).
round() { # dir number [jfr]
  local dir=$1 n=$2 kinds=(floor race) prober
  mkdir -p "$dir"
  ((n % 2 == 0)) && kinds=(race floor)
  echo "load_before=$(loadavg)" >"$dir/round.txt"
  helper fill 127.0.0.1 "$PORT" "$dir" >"$dir/fill.log"
  helper probe 127.0.0.1 "$PORT" "$RATE" "$dir/probes.tsv" "$dir/stop" &
  prober=$!
  PIDS+=("$prober")
  sleep "$IDLE"
  echo "idle_end=$(date +%s%6N)" >>"$dir/round.txt"
  for kind in "${kinds[@]}"; do
    if [ "$kind" = race ] && [ -n "${3:-}" ]; then
      jcmd "$DEMO_PID" JFR.start name=race filename="$WORK/race.jfr" settings=profile >/dev/null
    fi
    helper burst 127.0.0.1 "$PORT" "$dir" "$kind" "$DEMO_PID"
    if [ "$kind" = race ] && [ -n "${3:-}" ]; then
      jcmd "$DEMO_PID" JFR.stop name=race >/dev/null
      log "JFR of the race: $WORK/race.jfr (jfr print --events jdk.ExecutionSample $WORK/race.jfr)"
    fi
    sleep "$GAP"
  done
  touch "$dir/stop"
  wait "$prober"
  echo "load_after=$(loadavg)" >>"$dir/round.txt"
  log "round $n: $(head -1 "$dir/fill.log"); race $(grep -h '^lost=' "$dir/race.txt")"
}

# ---- main ---------------------------------------------------------------------------------------

START=$(now_ms)
if [ "${CONTENTION_SKIP_BUILD:-}" != 1 ]; then
  log "building the demo jar"
  (cd "$ROOT" && mvn -B -q -pl cloakroom-demo -am package -DskipTests -Dmaven.javadoc.skip=true) >"$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log"; exit 1; }
fi
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" "$HERE"/contention/*.java
LOAD_BEFORE=$(loadavg)
DEMO_FLAGS=(--port "$PORT" --secret "$SECRET" --store memory)
java -jar "$JAR" "${DEMO_FLAGS[@]}" >"$WORK/demo.log" 2>&1 &
DEMO_PID=$!
PIDS+=("$DEMO_PID")
wait_for 60 "the demo on $PORT" answers "$PORT" /health
log "demo up (pid $DEMO_PID); load average $LOAD_BEFORE"

# One round unreported first, so the JIT has compiled the paths the measured rounds take.
log "warm-up round (not reported)"
IDLE=2 GAP=1 round "$WORK/warmup" 0
DIRS=()
for ((r = 1; r <= ROUNDS; r++)); do
  jfr=""
  [ "${CONTENTION_JFR:-}" = 1 ] && ((r == ROUNDS)) && jfr=1
  round "$WORK/round-$r" "$r" $jfr
  DIRS+=("$WORK/round-$r")
done

{
  echo "date=$(date -u +%F)"
  echo "machine=$(nproc) vCPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
  echo "load=$LOAD_BEFORE before, $(loadavg) after"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "demo=java -jar $(basename "$JAR") ${DEMO_FLAGS[*]/$SECRET/S}"
  echo "rate=$RATE"
  echo "idle=$IDLE"
  echo "clk_tck=$(getconf CLK_TCK)"
  echo "seconds=$((($(now_ms) - START) / 1000))"
} >"$WORK/meta.txt"
mkdir -p "$RESULTS"
helper report "$WORK/meta.txt" "$RESULTS/contention-$(date -u +%F).md" "${DIRS[@]}"
