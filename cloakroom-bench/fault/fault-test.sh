#!/usr/bin/env bash
# The fault test: the demo under wrk load while its store is killed, for Redis (killed for 5 s,
# then restarted from its AOF), PostgreSQL (the same) and Redis Sentinel (the master killed, a
# replica promoted). For each it reports the 5xx outside the outage window, the slowest response
# during the outage, the time to recover, the pre-created sessions lost, and the demo's JVM
# threads before and after. The README's "Fault tests" section says what the targets are.
#
#   cloakroom-bench/fault/fault-test.sh [redis] [postgres] [sentinel]     (default: all three)
#
# Installs wrk, redis-server, redis-sentinel and postgresql with apt-get when missing (as root),
# builds the demo jar unless FAULT_SKIP_BUILD=1, and uses loopback ports 13900 (the demo; it binds
# every interface), 16390-16391, 15432 and 26390-26392. Logs stay in the printed directory.
# Exits 1 when any target is missed.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$ROOT/cloakroom-demo/target/cloakroom-demo.jar"
SESSION_COUNT=${FAULT_SESSIONS:-1000}
DURATION=${FAULT_DURATION:-20}   # seconds of load per scenario
KILL_AFTER=5                     # seconds of load before the kill
DOWN_FOR=5                       # seconds the store stays dead (Redis, PostgreSQL)
CONNECTIONS=8                    # wrk threads, one connection each (see load.lua)
DEMO_PORT=13900
BASE="http://127.0.0.1:$DEMO_PORT"
REDIS_PORT=16390
REPLICA_PORT=16391
PG_PORT=15432
SENTINEL_PORTS=(26390 26391 26392)
SECRET="fault-test-$(date +%s)"

WORK="$(mktemp -d /tmp/cloakroom-fault.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
PG_DATA=""
FAILED=0

# shellcheck source=../lib.sh
source "$HERE/../lib.sh" # log, now_ms, wait_for, answers

# Every process this script starts is listed in PIDS (PostgreSQL's by its data directory) and
# killed here, whichever way the script ends.
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  stop_postgres
  rm -rf "$WORK"/*/data "$WORK"/*/redis-* 2>/dev/null
  log "logs: $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget() { # pid: it is dead, so its number must not be killed again later
  local keep=() p
  for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}

kill_now() { # pid: SIGKILL, reaped here so that bash reports nothing
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget "$1"
}

install_missing() {
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  command -v redis-server >/dev/null || need+=(redis-server)
  command -v redis-sentinel >/dev/null || need+=(redis-sentinel)
  compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || need+=(postgresql)
  if ((${#need[@]})); then
    log "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }

# Thread counts by name, numbers folded ("JettyServerThreadPool-N"), from a jcmd Thread.print.
thread_groups() { grep '^"' "$1" | sed -E 's/^"([^"]*)".*/\1/; s/[0-9]+/N/g' | sort | uniq -c | awk '{c=$1; $1=""; print substr($0, 2) "\t" c}'; }

# The groups that grew between two dumps, "name before->after" each. Four pools start or grow
# under load and stay bounded: Jetty's request pool (up to its maximum, idling back after 60 s),
# Lettuce's event loops and Reactor's parallel scheduler (which Lettuce's Sentinel lookup uses),
# at most max(2, cores) threads each, and HikariCP's one connection-adder thread. Growth anywhere
# else, or past those bounds, fails the test.
grown_groups() { # before-dump after-dump
  join -t $'\t' -a 2 -e 0 -o 0,1.2,2.2 <(thread_groups "$1") <(thread_groups "$2") |
    awk -F'\t' -v limit="$(($(nproc) > 2 ? $(nproc) : 2))" '$3 > $2 {
      bounded = ($1 == "JettyServerThreadPool-N") || (($1 ~ /^lettuce-/ || $1 == "parallel-N") && $3 <= limit) \
        || ($1 ~ /:connection-adder$/ && $3 <= 1)
      printf "%s %d->%d%s; ", $1, $2, $3, bounded ? "" : " (unbounded?)" }'
}

# ---- the demo -------------------------------------------------------------------------------

DEMO_PID=""
start_demo() { # dir store-url
  java -jar "$JAR" --port "$DEMO_PORT" --secret "$SECRET" --store "$2" >"$1/demo.log" 2>&1 &
  DEMO_PID=$!
  PIDS+=("$DEMO_PID")
  wait_for 60 "the demo on $2" answers "$DEMO_PORT" /health
}

stop_demo() {
  kill -TERM "$DEMO_PID" 2>/dev/null || true
  wait "$DEMO_PID" 2>/dev/null || true
  forget "$DEMO_PID"
}

# ---- one run: sessions, load, fault, report ------------------------------------------------------

# Creates the sessions, puts the demo under load, calls $2 (kill the store; sets KILL_MS) after
# KILL_AFTER seconds and $3 (bring it back; sets BACK_MS), then reads every session back and reports.
run_fault() { # dir kill-function back-function
  local dir=$1 wrk_pid before after grown verify result
  mkdir -p "$dir/log"
  java "$HERE/Sessions.java" create "$BASE" "$SESSION_COUNT" "$dir/sessions.tsv" >/dev/null
  if [ -n "${BEFORE_LOAD:-}" ]; then "$BEFORE_LOAD" "$dir"; fi
  before=$(threads_of "$DEMO_PID")
  jcmd "$DEMO_PID" Thread.print >"$dir/threads-before.txt" 2>&1 || true
  log "$SESSION_COUNT sessions; $DURATION s of load on $CONNECTIONS connections"
  FAULT_SESSIONS="$dir/sessions.tsv" FAULT_LOG_DIR="$dir/log" \
    wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$HERE/load.lua" "$BASE" >"$dir/wrk.txt" 2>&1 &
  wrk_pid=$!
  PIDS+=("$wrk_pid")
  sleep "$KILL_AFTER"
  "$2"
  "$3"
  wait "$wrk_pid" || true
  forget "$wrk_pid"
  sleep 2
  after=$(threads_of "$DEMO_PID")
  jcmd "$DEMO_PID" Thread.print >"$dir/threads-after.txt" 2>&1 || true
  grown=$(grown_groups "$dir/threads-before.txt" "$dir/threads-after.txt")
  verify=$(java "$HERE/Sessions.java" verify "$BASE" "$dir/sessions.tsv")
  result=0
  java "$HERE/Report.java" "$dir/log" "$KILL_MS" "$BACK_MS" >"$dir/report.txt" || result=1
  {
    echo "sessions read back after the run: $verify"
    echo "demo JVM threads: $before before the load, $after after; grown: ${grown:-none}"
  } >>"$dir/report.txt"
  case "$verify" in lost=0\ unreachable=0\ *) ;; *) result=1 ;; esac
  case "$grown" in *unbounded*) result=1 ;; esac
  sed 's/^/    /' "$dir/report.txt"
  SUMMARY+=("$(basename "$dir"): $(grep '^RESULT' "$dir/report.txt" | cut -d' ' -f2-5) $verify threads=$before->$after $([ $result = 0 ] && echo PASS || echo FAIL)")
  FAILED=$((FAILED + result))
}

# ---- Redis --------------------------------------------------------------------------------------

# appendfsync always: Redis writes and fsyncs the AOF before it replies, so every write the demo
# was told succeeded is on disk when the kill comes. everysec may, while an fsync is slow, reply
# before even writing; that loses nothing to a killed process on a healthy disk, but the test
# claims no acknowledged write is lost, so it runs the setting that promises it.
redis_up() { # port dir [extra redis-server args...]
  local port=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" \
    --appendonly yes --appendfsync always --logfile "$dir/redis.log" "$@" &
  REDIS_PID=$!
  PIDS+=("$REDIS_PID")
  wait_for 10 "redis on $port" sh -c "redis-cli -p $port ping | grep -q PONG"
}

kill_redis() {
  KILL_MS=$(now_ms)
  kill_now "$REDIS_PID"
  log "redis killed"
}

restart_redis() {
  sleep "$DOWN_FOR"
  redis_up "$REDIS_PORT" "$SCENARIO/redis-data"
  BACK_MS=$(now_ms)
  log "redis back, $(redis-cli -p "$REDIS_PORT" dbsize) keys from the AOF"
}

scenario_redis() {
  SCENARIO="$WORK/redis"
  mkdir -p "$SCENARIO"
  log "== Redis $(redis-server --version | grep -o 'v=[0-9.]*'), killed for $DOWN_FOR s"
  redis_up "$REDIS_PORT" "$SCENARIO/redis-data"
  start_demo "$SCENARIO" "redis://127.0.0.1:$REDIS_PORT"
  run_fault "$SCENARIO" kill_redis restart_redis
  stop_demo
  kill_now "$REDIS_PID"
}

# ---- PostgreSQL ---------------------------------------------------------------------------------

PG_BIN=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$SCENARIO/postgres.log" -w -t 30 \
    -o "-p $PG_PORT -k $SCENARIO -c listen_addresses=127.0.0.1 -c log_connections=on" start >/dev/null
}

stop_postgres() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
}

# SIGKILL to the postmaster and every backend at once, as a crash would: the restart then runs
# crash recovery from the WAL. (Killing the postmaster alone leaves its backends serving.)
kill_postgres() {
  local pm children
  pm=$(head -1 "$PG_DATA/postmaster.pid")
  children=$(ps -o pid= --ppid "$pm" | tr '\n' ' ')
  KILL_MS=$(now_ms)
  # shellcheck disable=SC2086
  kill -9 "$pm" $children
  log "postgres killed"
}

restart_postgres() {
  sleep "$DOWN_FOR"
  start_postgres
  BACK_MS=$(now_ms)
  log "postgres back after crash recovery"
}

scenario_postgres() {
  SCENARIO="$WORK/postgres"
  mkdir -p "$SCENARIO"
  PG_BIN=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/postgres" | sort -V | tail -1)")
  PG_DATA="$SCENARIO/data"
  [ "$(id -u)" = 0 ] && chown postgres "$SCENARIO"
  log "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), killed for $DOWN_FOR s"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U cloakroom -A trust >/dev/null
  start_postgres
  start_demo "$SCENARIO" "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=cloakroom"
  run_fault "$SCENARIO" kill_postgres restart_postgres
  stop_demo
  stop_postgres
}

# ---- Redis Sentinel -----------------------------------------------------------------------------

sentinels_ready() { # every sentinel sees the replica and the two other sentinels
  local port
  for port in "${SENTINEL_PORTS[@]}"; do
    [ "$(redis-cli -p "$port" sentinel replicas fault | grep -c '^name$')" = 1 ] || return 1
    [ "$(redis-cli -p "$port" sentinel sentinels fault | grep -c '^name$')" = 2 ] || return 1
  done
}

replica_in_sync() { # the replica holds every write the master has acknowledged so far
  log "replica acknowledged the pre-created sessions: $(redis-cli -p "$REDIS_PORT" wait 1 2000) of 1 replicas"
}

await_promotion() {
  wait_for 30 "a sentinel to promote the replica" sh -c "[ \"\$(redis-cli -p ${SENTINEL_PORTS[0]} sentinel get-master-addr-by-name fault | tail -1)\" = $REPLICA_PORT ]"
  BACK_MS=$(now_ms)
  log "replica promoted $((BACK_MS - KILL_MS)) ms after the kill"
}

scenario_sentinel() {
  local port conf pid others=()
  SCENARIO="$WORK/sentinel"
  mkdir -p "$SCENARIO"
  log "== Redis Sentinel: one master, one replica, three sentinels; the master killed"
  redis_up "$REDIS_PORT" "$SCENARIO/redis-master"
  local master_pid=$REDIS_PID
  redis_up "$REPLICA_PORT" "$SCENARIO/redis-replica" --replicaof 127.0.0.1 "$REDIS_PORT"
  others+=("$REDIS_PID")
  REDIS_PID=$master_pid
  for port in "${SENTINEL_PORTS[@]}"; do
    conf="$SCENARIO/sentinel-$port.conf"
    cat >"$conf" <<EOF
port $port
bind 127.0.0.1
dir $SCENARIO
logfile $SCENARIO/sentinel-$port.log
sentinel monitor fault 127.0.0.1 $REDIS_PORT 2
sentinel down-after-milliseconds fault 1000
sentinel failover-timeout fault 10000
EOF
    redis-sentinel "$conf" &
    PIDS+=($!)
    others+=($!)
  done
  wait_for 30 "the sentinels to find each other and the replica" sentinels_ready
  start_demo "$SCENARIO" "redis-sentinel://$(printf '127.0.0.1:%s,' "${SENTINEL_PORTS[@]}" | sed 's/,$//')/0#fault"
  BEFORE_LOAD=replica_in_sync run_fault "$SCENARIO" kill_redis await_promotion
  stop_demo
  for pid in "${others[@]}"; do
    kill_now "$pid"
  done
}

# ---- main ---------------------------------------------------------------------------------------

SCENARIOS=("$@")
((${#SCENARIOS[@]})) || SCENARIOS=(redis postgres sentinel)
install_missing
if [ "${FAULT_SKIP_BUILD:-}" != 1 ]; then
  log "building the demo jar"
  (cd "$ROOT" && mvn -B -q -pl cloakroom-demo -am package -DskipTests -Dmaven.javadoc.skip=true) >"$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log"; exit 1; }
fi
SUMMARY=()
START=$(now_ms)
for s in "${SCENARIOS[@]}"; do
  "scenario_$s"
done
echo
echo "Fault tests, $(date -u +%F), $(nproc) cores, $((($(now_ms) - START) / 1000)) s:"
printf '  %s\n' "${SUMMARY[@]}"
exit $((FAILED > 0))
