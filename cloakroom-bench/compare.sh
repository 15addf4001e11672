#!/usr/bin/env bash
# The side-by-side harness: Cloakroom's demo, express-session, Jetty's own sessions and Spring
# Session under the same load in one run, with the store round trips each request costs. The
# README's "Side by side" section says what it measures and which targets it judges.
#
#   cloakroom-bench/compare.sh                      # warm-up, then 3 rounds of 10 s per case: about 25 minutes
#   ROUNDS=1 DURATION=5 WARMUP=2 WARMUP_MAX=20 RESULTS=/tmp cloakroom-bench/compare.sh   # a quick look
#
# Installs wrk, redis-server, postgresql, nodejs and npm with apt-get when missing (as root), runs
# `npm ci` for the Express app, and builds the demo and the comparison apps unless COMPARE_SKIP_BUILD=1.
# Everything listens on loopback ports 47100-47109, 47379 (Redis) and 47432 (PostgreSQL). Writes
# cloakroom-bench/results/compare-YYYY-MM-DD.md and .svg; raw wrk output stays in the printed
# directory. Exits 1 when a server answers wrongly or with errors; a missed target is reported only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
APPS="$HERE/compare"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}   # seconds of load per case and route, each round
WARMUP=${WARMUP:-5}        # seconds per route in each warm-up step, and all a Node server gets
WARMUP_MAX=${WARMUP_MAX:-240} # at most this many seconds of warm-up per Java server
JIT_QUIET=${JIT_QUIET:-5}  # a Java server is warm when its JIT compilers used under this % of a step
SESSIONS=${SESSIONS:-1000}
RESULTS=${RESULTS:-$HERE/results} # where the .md and .svg go; a quick look can send them elsewhere
TRIP_REQUESTS=${TRIP_REQUESTS:-200}
REDIS_PORT=47379
PG_PORT=47432
SECRET="compare-$(date +%s)-$RANDOM-side-by-side"
PASSWORD="bench-$RANDOM"

WORK="$(mktemp -d /tmp/cloakroom-compare.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
PG_DATA=""
PG_BIN=""

# shellcheck source=lib.sh
source "$HERE/lib.sh" # log, now_ms, wait_for, answers

cleanup() {
  set +e
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do # the servers before the stores they use
    kill -9 "${PIDS[$i]}" 2>/dev/null
    wait "${PIDS[$i]}" 2>/dev/null
  done
  stop_postgres
  rm -rf "$WORK/pg" "$WORK/redis" 2>/dev/null
  log "logs and raw wrk output: $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_missing() {
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  command -v redis-server >/dev/null || need+=(redis-server)
  compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || need+=(postgresql)
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
  if ((${#need[@]})); then
    log "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  if ! (cd "$APPS/express" && npm ls >/dev/null 2>&1); then
    log "npm ci in $APPS/express"
    (cd "$APPS/express" && npm ci --no-audit --no-fund) >"$WORK/npm.log" 2>&1 || { cat "$WORK/npm.log"; exit 1; }
  fi
}

# ---- the stores ---------------------------------------------------------------------------------

start_redis() {
  mkdir -p "$WORK/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK/redis" --save "" --appendonly no \
    --logfile "$WORK/redis.log" &
  PIDS+=($!)
  wait_for 10 redis sh -c "redis-cli -p $REDIS_PORT ping | grep -q PONG"
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_q() { as_postgres "$PG_BIN/psql" -h "$WORK/pg" -p "$PG_PORT" -U cloakroom -d postgres -qAtc "$1"; }

# pg_stat_statements counts the statements the demo sends; it ships with Debian's postgresql.
start_postgres() {
  PG_BIN=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/postgres" | sort -V | tail -1)")
  mkdir -p "$WORK/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
  PG_DATA="$WORK/pg/data"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U cloakroom -A trust >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements" start >/dev/null \
    || { tail -20 "$WORK/pg/postgres.log" >&2; echo "PostgreSQL did not start (is port $PG_PORT free?)" >&2; return 1; }
  psql_q "CREATE EXTENSION pg_stat_statements"
}

stop_postgres() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  fi
}

# ---- the servers: name port kind -------------------------------------------------------------------

# Each case: its server, how its sessions are made (plain or login), its store (for round trips),
# and the routes it is measured on. demo-memory serves both "demo, no session use" (/health) and
# the MemoryStore case.
CASES=(demo-memory demo-redis demo-postgres express-memory express-redis jetty javalin-cloakroom spring-session spring-cloakroom spring-tomcat)
declare -A PORTS=([demo-memory]=47100 [demo-redis]=47101 [demo-postgres]=47102 [express-memory]=47103
  [express-redis]=47104 [jetty]=47105 [spring-session]=47106 [spring-cloakroom]=47107 [spring-tomcat]=47108
  [javalin-cloakroom]=47109)
declare -A SERVER_PID=()
WARMED="" # "case N s" for each server, comma-separated, for the report
declare -A STORES=([demo-redis]=redis [demo-postgres]=postgres [express-redis]=redis [spring-session]=redis [spring-cloakroom]=redis)

start_server() { # case
  local c=$1 port=${PORTS[$1]} redis="redis://127.0.0.1:$REDIS_PORT"
  local demo=(java -jar "$ROOT/cloakroom-demo/target/cloakroom-demo.jar" --port "$port" --secret "$SECRET")
  local spring=(java -jar "$APPS/spring/target/cloakroom-compare-spring.jar" --server.port="$port")
  case $c in
    demo-memory) exec "${demo[@]}" --store memory ;;
    demo-redis) exec "${demo[@]}" --store "$redis" ;;
    demo-postgres) exec "${demo[@]}" --store "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=cloakroom" ;;
    express-memory) PORT=$port SECRET=$SECRET exec node "$APPS/express/app.js" ;;
    express-redis) PORT=$port SECRET=$SECRET REDIS_URL=$redis exec node "$APPS/express/app.js" ;;
    jetty) exec java -jar "$APPS/jetty-sessions/target/cloakroom-compare-jetty.jar" "$port" ;;
    javalin-cloakroom) exec java -cp "$APPS/jetty-sessions/target/cloakroom-compare-jetty.jar" \
      dev.cloakroom.compare.jetty.CloakroomSessionsApp "$port" "$SECRET" ;;
    spring-session | spring-cloakroom | spring-tomcat)
      REDIS_URL=$redis CLOAKROOM_SECRET=$SECRET COMPARE_PASSWORD=$PASSWORD \
        exec "${spring[@]}" --spring.profiles.active="${c#spring-}" ;;
  esac >"$WORK/$c.log" 2>&1 &
  # exec in every branch: $! is the server itself, which cleanup kills.
  PIDS+=($!)
  SERVER_PID[$c]=$!
}

# Sessions.java and CompareReport.java, compiled once rather than by the source launcher each call.
helper() { java -cp "$WORK/classes" "$@"; }

make_sessions() { # case
  local c=$1 base="http://127.0.0.1:${PORTS[$1]}"
  case $c in
    spring-*) helper Sessions login "$base" "$SESSIONS" "$WORK/$c.cookies" "$PASSWORD" ;;
    *) helper Sessions plain "$base" "$SESSIONS" "$WORK/$c.cookies" ;;
  esac >"$WORK/$c.sessions.log" 2>&1 || { log "$c: making sessions failed:"; cat "$WORK/$c.sessions.log"; return 1; }
}

check_server() { # case when: each route answers as it should, for cookies picked at random
  local c=$1 base="http://127.0.0.1:${PORTS[$1]}" out
  out=$(helper Sessions check "$base" "$WORK/$c.cookies" /get-session "Welcome back, ") || {
    log "$c: /get-session $2: $out"
    return 1
  }
}

# ---- load ---------------------------------------------------------------------------------------

# The measurements of a round: "case route" pairs. Case "demo-health" is demo-memory on /health,
# "javalin-health" javalin-cloakroom on /health.
MEASURES=("demo-health /health" "javalin-health /health")
for c in "${CASES[@]}"; do
  MEASURES+=("$c /get-session" "$c /set-session")
done

server_of() { # case: the server a measured case runs on ("demo-health" is demo-memory on /health)
  case $1 in demo-health) echo demo-memory ;; javalin-health) echo javalin-cloakroom ;; *) echo "$1" ;; esac
}

load() { # case route seconds output [threads connections]
  local server
  server=$(server_of "$1")
  COMPARE_COOKIES="$WORK/$server.cookies" wrk -t"${5:-2}" -c"${6:-50}" -d"$3s" --timeout 5s --latency \
    -s "$APPS/cookies.lua" "http://127.0.0.1:${PORTS[$server]}$2" >"$4" 2>&1
}

jit_ms() { # pid: CPU milliseconds its C1 and C2 compiler threads have used so far
  local t ticks=0 hz
  hz=$(getconf CLK_TCK)
  for t in /proc/"$1"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      "C1 Compiler"* | "C2 Compiler"*) ticks=$((ticks + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}'))) ;;
    esac
  done
  echo $((ticks * 1000 / hz))
}

# A JVM under load compiles for a minute or more before it runs at full speed: on two cores, Spring
# on Cloakroom's C2 threads still used 18-23% of a core 70-90 s in, and its req/s more than tripled
# until they went quiet.
# So each Java server is driven on its own routes, WARMUP s per route at a time, until a step in which
# its JIT compilers used under JIT_QUIET % of the step; Node's V8 gets one step. Every route the
# rounds measure on a server is in its steps, so no route is left cold.
warm_up() { # case
  local c=$1 m mc route routes=() start step_ms jit0 jit_used secs
  for m in "${MEASURES[@]}"; do
    read -r mc route <<<"$m"
    [ "$(server_of "$mc")" = "$c" ] && routes+=("$m")
  done
  start=$(now_ms)
  while :; do
    jit0=$(jit_ms "${SERVER_PID[$c]}")
    for m in "${routes[@]}"; do
      read -r mc route <<<"$m"
      load "$mc" "$route" "$WARMUP" "$WORK/wrk/warmup.txt"
    done
    case $c in express-*) break ;; esac
    step_ms=$((${#routes[@]} * WARMUP * 1000))
    jit_used=$(($(jit_ms "${SERVER_PID[$c]}") - jit0))
    secs=$((($(now_ms) - start) / 1000))
    if ((jit_used * 100 < JIT_QUIET * step_ms)); then
      log "  $c warm after $secs s (JIT ${jit_used} ms in the last ${step_ms} ms)"
      WARMED="${WARMED:+$WARMED, }$c $secs s"
      break
    fi
    if ((secs >= WARMUP_MAX)); then
      log "  $c still compiling after $secs s (JIT ${jit_used} ms in the last ${step_ms} ms): measuring it anyway"
      WARMED="${WARMED:+$WARMED, }$c $secs s (still compiling)"
      break
    fi
  done
}

# Store commands per request over exactly TRIP_REQUESTS requests (4 connections, every one answered
# before the count is read), the store watched meanwhile and every other server idle: Redis through
# MONITOR (commands a Lua script runs are tagged "[0 lua]" and not counted: they cost no trip),
# PostgreSQL through pg_stat_statements (statements, BEGIN and COMMIT included). Each row of
# trips.tsv also says which commands or statements they were ("GET 1.00, EXPIRE 1.00").
count_trips() { # case route
  local c=$1 route=$2 out="$WORK/trips/$1${2//\//-}" server=$1 mon kinds
  mkdir -p "$WORK/trips"
  drive() { helper Sessions drive "http://127.0.0.1:${PORTS[$server]}" "$WORK/$server.cookies" "$route" "$TRIP_REQUESTS" >/dev/null; }
  if [ "${STORES[$c]}" = redis ]; then
    redis-cli -p "$REDIS_PORT" monitor >"$out.monitor" &
    mon=$!
    sleep 0.5
    drive
    sleep 0.5
    kill "$mon"
    wait "$mon" 2>/dev/null || true
    kinds=$(grep -v '^OK$' "$out.monitor" | grep -v '\[0 lua\]' | awk '{print $4}' | tr -d '"' | sort | uniq -c || true)
  else
    psql_q "SELECT pg_stat_statements_reset()" >/dev/null
    drive
    sleep 0.5
    kinds=$(psql_q "SELECT sum(calls), upper(split_part(ltrim(query), ' ', 1)) FROM pg_stat_statements
      WHERE query NOT ILIKE '%pg_stat_statements%' GROUP BY 2" | tr '|' ' ')
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$c" "$route" "$(awk '{n += $1} END {print n + 0}' <<<"$kinds")" "$TRIP_REQUESTS" \
    "$(awk -v r="$TRIP_REQUESTS" 'NF {printf "%s%s %.2f", sep, $2, $1 / r; sep = ", "}' <<<"$kinds")" >>"$WORK/trips.tsv"
}

# ---- main ---------------------------------------------------------------------------------------

START=$(now_ms)
install_missing
if [ "${COMPARE_SKIP_BUILD:-}" != 1 ]; then
  log "building the demo and the comparison apps"
  # Spring Boot's repackage leaves a jar it already repackaged as it is, and the jar plugin does not
  # rebuild one whose own classes did not change: without this, a change to Cloakroom would not
  # reach the Spring app, which would run on the libraries of its first build.
  rm -f "$APPS/spring/target/cloakroom-compare-spring.jar"
  (cd "$ROOT" && mvn -B -q -pl cloakroom-demo,cloakroom-bench/compare/jetty-sessions,cloakroom-bench/compare/spring -am \
    package -DskipTests -Dmaven.javadoc.skip=true) >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" "$APPS/Sessions.java" "$APPS/CompareReport.java"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start_redis
start_postgres
# One at a time, each up and able to write a session (Spring's login page saves a CSRF token) before
# the next starts: started all at once on a busy 2-core machine, a store's first connect can time
# out, and the demo then exits (PostgreSQL) or answers 503 (Redis). A server that still fails gets
# a second start.
log "starting ${#CASES[@]} servers"
for c in "${CASES[@]}"; do
  case $c in spring-*) ready=/login ;; *) ready=/set-session ;; esac
  start_server "$c"
  if ! wait_for 180 "$c on ${PORTS[$c]}" answers "${PORTS[$c]}" "$ready"; then
    kill -9 "${PIDS[-1]}" 2>/dev/null || true
    mv "$WORK/$c.log" "$WORK/$c.first-start.log"
    log "starting $c again"
    start_server "$c"
    wait_for 180 "$c on ${PORTS[$c]} (log: $WORK/$c.log)" answers "${PORTS[$c]}" "$ready"
  fi
done
log "creating $SESSIONS sessions on each"
makers=()
for c in "${CASES[@]}"; do
  make_sessions "$c" &
  makers+=($!)
done
for pid in "${makers[@]}"; do wait "$pid"; done
for c in "${CASES[@]}"; do check_server "$c" "before the load"; done

log "counting store round trips"
: >"$WORK/trips.tsv"
for c in "${CASES[@]}"; do
  [ -n "${STORES[$c]:-}" ] || continue
  case $c in demo-*) count_trips "$c" /health ;; esac
  count_trips "$c" /get-session
  count_trips "$c" /set-session
done

mkdir -p "$WORK/wrk"
: >"$WORK/runs.tsv"
if ((WARMUP > 0)); then
  log "warming up: each Java server until its JIT is quiet (at most $WARMUP_MAX s), each Node server $WARMUP s per route"
  for c in "${CASES[@]}"; do warm_up "$c"; done
fi
# Odd rounds run the list forwards and even rounds backwards, so that a machine growing busier
# through a round does not always favour the same side of a ratio.
for ((r = 1; r <= ROUNDS; r++)); do
  log "round $r of $ROUNDS: ${#MEASURES[@]} runs of $DURATION s"
  order=("${MEASURES[@]}")
  if ((r % 2 == 0)); then
    order=()
    for ((i = ${#MEASURES[@]} - 1; i >= 0; i--)); do order+=("${MEASURES[$i]}"); done
  fi
  for m in "${order[@]}"; do
    read -r c route <<<"$m"
    out="$WORK/wrk/$r-$c${route//\//-}.txt"
    load "$c" "$route" "$DURATION" "$out"
    printf '%s\t%s\t%s\t%s\n' "$r" "$c" "$route" "$out" >>"$WORK/runs.tsv"
  done
done

FAILED=0
for c in "${CASES[@]}"; do check_server "$c" "after the load" || FAILED=1; done

DAY=$(date -u +%F)
{
  echo "date=$DAY"
  echo "machine=$(nproc) vCPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
  echo "load=$LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "node=$(node --version)"
  echo "redis=$(redis-server --version | grep -o 'v=[0-9.]*' | cut -d= -f2)"
  echo "postgres=$("$PG_BIN/postgres" --version | awk '{print $3}')"
  echo "wrk=-t2 -c50, $DURATION s per run, $ROUNDS rounds, $SESSIONS sessions per server"
  echo "warmup=Java servers until their JIT used under $JIT_QUIET% of a ${WARMUP} s-per-route step (at most $WARMUP_MAX s), Node $WARMUP s per route; seconds each: ${WARMED:-none}"
  echo "trips=$TRIP_REQUESTS"
  echo "seconds=$((($(now_ms) - START) / 1000))"
} >"$WORK/meta.txt"
# A later run on the same day gets its own name: an earlier run's figures are never written over.
NAME=compare-$DAY
for n in $(seq 2 99); do
  [ -e "$RESULTS/$NAME.md" ] || [ -e "$RESULTS/$NAME.svg" ] || break
  NAME=compare-$DAY-$n
done
helper CompareReport "$WORK" "$RESULTS/$NAME.md" "$RESULTS/$NAME.svg" || FAILED=1
exit $FAILED
