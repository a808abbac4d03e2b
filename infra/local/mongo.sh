#!/usr/bin/env bash
# MongoDB for local runs: the one in MONGODB_URI when you give one, else our embedded MongoDB-wire server
# (H2 file .omni/up/mongo/omnicanal.mv for ./omni up, in memory for tests).
# Usage: infra/local/mongo.sh start|stop|status   (OMNI_PROFILE=up|test; OMNI_MONGO_HEAP, default 1g)
set -euo pipefail
OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
# a MONGODB_URI given by the user means "use this real MongoDB" (ours is only the fallback)
OMNI_EXTERNAL_MONGODB_URI=${OMNI_EXTERNAL_MONGODB_URI-${MONGODB_URI:-}}
. "$OMNI_HOME/infra/local/common.sh"

JAR="$OMNI_HOME/platform/mongo-wire/target/mongo-wire-0.1.0-SNAPSHOT-exec.jar"

start() {
  if [ -n "$OMNI_EXTERNAL_MONGODB_URI" ]; then
    say "Using the MongoDB in MONGODB_URI; not starting the embedded one."
    return
  fi
  find_jdk
  if running mongo; then return; fi
  require_free_port "$MONGO_PORT" mongo
  [ -f "$JAR" ] || fail "$JAR is missing: build it with mvn -B -pl platform/mongo-wire -am -DskipTests install"
  local storage=()
  if [ "$OMNI_PROFILE" = up ]; then
    mkdir -p "$WORK/mongo"
    storage=(--file "$WORK/mongo/omnicanal.mv")
  fi
  say "Starting the MongoDB-wire server on :$MONGO_PORT ($([ "$OMNI_PROFILE" = up ] && echo "data in $WORK/mongo" || echo "in memory"))…"
  # G1 by default: ZGC collected near-continuously under load (minor cycles back to back over millions of live documents);
  # session 12, same machine: activity ingestion 3,070-3,100/s on ZGC vs 3,855/s on G1 (the services on ZGC), and the
  # conversations bench still met its p99 (477 ms; 382 ms on ZGC); identify's p99 2.46 ms
  # OMNI_MONGO_GC: another collector option (e.g. -XX:+UseZGC); OMNI_MONGO_JAVA_OPTS: extra JVM options, e.g. a
  # flight recording while profiling a benchmark
  # The heap is fixed and touched at start (-Xms = -Xmx, AlwaysPreTouch): left to grow, G1 committed it page by page under
  # load, and in a broadcast 47% of the store's CPU was the kernel's (page faults) and 40% its GC threads; session 17,
  # 100,000-member fan-out: store CPU per member 0.30 -> 0.16 ms. Pauses aimed at 50 ms: with the whole heap at hand G1
  # grew its young generation to pauses of ~200 ms, and identify's p99 at 4 callers went 5.7 -> 8.3 ms (5.8 at 50 ms)
  local heap=${OMNI_MONGO_HEAP:-1g}
  # shellcheck disable=SC2086 # split on purpose
  start_bg mongo "$JAVA_HOME/bin/java" "-Xms$heap" "-Xmx$heap" -XX:+AlwaysPreTouch \
    ${OMNI_MONGO_GC:--XX:+UseG1GC -XX:MaxGCPauseMillis=50} \
    ${OMNI_MONGO_JAVA_OPTS:-} -jar "$JAR" --port "$MONGO_PORT" "${storage[@]}"
  wait_port "$MONGO_PORT" 60 mongo
}

stop() { stop_bg mongo 20; }

status() {
  if [ -n "$OMNI_EXTERNAL_MONGODB_URI" ]; then
    printf '%-13s external  %s\n' mongo "$(sed -E 's#//[^@/]*@#//***@#' <<< "$OMNI_EXTERNAL_MONGODB_URI")"
  elif running mongo; then printf '%-13s up    pid %s  port %s\n' mongo "$(cat "$(pidfile mongo)")" "$MONGO_PORT"
  else printf '%-13s down  port %s\n' mongo "$MONGO_PORT"; fi
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
