#!/usr/bin/env bash
# MongoDB for local runs: the one in MONGODB_URI when you give one, else our embedded MongoDB-wire server
# (H2 file under .omni/up/mongo for ./omni up, in memory for tests).
# Usage: infra/local/mongo.sh start|stop|status   (OMNI_PROFILE=up|test)
set -euo pipefail
OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
. "$OMNI_HOME/infra/local/common.sh"

JAR="$OMNI_HOME/platform/mongo-wire/target/mongo-wire-0.1.0-SNAPSHOT-exec.jar"

start() {
  if [ -n "${OMNI_EXTERNAL_MONGODB_URI:-}" ]; then return; fi
  find_jdk
  if running mongo; then return; fi
  [ -f "$JAR" ] || fail "$JAR is missing: build it with mvn -pl platform/mongo-wire -am install -DskipTests"
  local storage=()
  if [ "$OMNI_PROFILE" = up ]; then storage=(--file "$WORK/mongo/omnicanal.mv"); fi
  start_bg mongo "$JAVA_HOME/bin/java" "-Xmx${OMNI_MONGO_HEAP:-1g}" -jar "$JAR" --port "$MONGO_PORT" "${storage[@]}"
  wait_port "$MONGO_PORT" 60 mongo
}

stop() { stop_bg mongo 20; }

status() {
  if [ -n "${OMNI_EXTERNAL_MONGODB_URI:-}" ]; then echo "mongo     external  $OMNI_EXTERNAL_MONGODB_URI" | sed -E 's#//[^@]*@#//***@#'
  elif running mongo; then echo "mongo     up    pid $(cat "$(pidfile mongo)")  port $MONGO_PORT"
  else echo "mongo     down  port $MONGO_PORT"; fi
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
