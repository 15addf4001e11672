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
