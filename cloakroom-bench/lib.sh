# Helpers the bench scripts share (compare.sh, contention.sh, fault/fault-test.sh); sourced, not run.

log() { printf '%s %s\n' "$(date +%T)" "$*"; }
now_ms() { date +%s%3N; }

wait_for() { # seconds description command...: retry the command every 50 ms
  local limit=$(($(now_ms) + $1 * 1000)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    if (($(now_ms) > limit)); then
      log "gave up waiting for $what"
      return 1
    fi
    sleep 0.05
  done
}

answers() { # port path: the server on the loopback port answers path with a 2xx
  # Only once something listens there: a connect to a port in the ephemeral range with no listener
  # can be given that same port as its source, and so connect to itself (a TCP self-connect), which
  # then holds the port the server is about to bind.
  if command -v ss >/dev/null; then
    ss -Hltn "sport = :$1" | grep -q . || return 1
  fi
  curl -sf "http://127.0.0.1:$1$2"
}
