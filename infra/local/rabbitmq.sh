#!/usr/bin/env bash
# Debian's RabbitMQ run as our own node (data under .omni/<profile>/rabbitmq), for ./omni and the tests.
# Usage: infra/local/rabbitmq.sh start|stop|status   (OMNI_PROFILE=up|test; OMNI_FRESH=1 wipes data on start)
set -euo pipefail
OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
. "$OMNI_HOME/infra/local/common.sh"

BASE="$WORK/rabbitmq"
PID_FILE="$BASE/rabbitmq.pid"

node_env() {
  echo "HOME=/var/lib/rabbitmq RABBITMQ_NODENAME=$RABBIT_NODE RABBITMQ_NODE_PORT=$RABBIT_PORT" \
       "RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT RABBITMQ_MNESIA_BASE=$BASE/mnesia RABBITMQ_LOG_BASE=$BASE/log" \
       "RABBITMQ_CONFIG_FILE=$BASE/rabbitmq.conf RABBITMQ_ENABLED_PLUGINS_FILE=$BASE/enabled_plugins" \
       "RABBITMQ_PID_FILE=$PID_FILE"
}

# Runs a RabbitMQ command as the rabbitmq user (Debian's RabbitMQ refuses to run its data as root).
as_rabbit() { as_root runuser -u rabbitmq -- env $(node_env) "$@"; }

install_if_missing() {
  command -v rabbitmq-server > /dev/null && return
  say "Installing RabbitMQ (Debian package rabbitmq-server)…"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server > "$LOGS/apt-rabbitmq.log" 2>&1 \
    || fail "apt-get install rabbitmq-server failed; see $LOGS/apt-rabbitmq.log"
}

# The package may have started Debian's default node on our port: stop it, we run our own.
free_port() {
  port_open "$RABBIT_PORT" || return 0
  say "Port $RABBIT_PORT is taken; stopping Debian's default RabbitMQ node…"
  as_root service rabbitmq-server stop > /dev/null 2>&1 || true
  as_root runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq rabbitmqctl -n "rabbit@$(hostname -s)" stop > /dev/null 2>&1 || true
  sleep 2
  port_open "$RABBIT_PORT" && fail "Port $RABBIT_PORT is in use by something else; free it or use another profile."
  return 0
}

configure() {
  [ "${OMNI_FRESH:-0}" = 1 ] && as_root rm -rf "$BASE/mnesia" "$BASE/log"
  mkdir -p "$BASE/mnesia" "$BASE/log"
  cat > "$BASE/rabbitmq.conf" <<CONF
listeners.tcp.default = $RABBIT_PORT
management.tcp.port = $RABBIT_MGMT_PORT
management.tcp.ip = 127.0.0.1
CONF
  echo '[rabbitmq_management].' > "$BASE/enabled_plugins"
  as_root chown -R rabbitmq:rabbitmq "$BASE"
}

ensure_user() {
  as_rabbit rabbitmqctl -q add_user "$RABBITMQ_USERNAME" "$RABBITMQ_PASSWORD" > /dev/null 2>&1 \
    || as_rabbit rabbitmqctl -q change_password "$RABBITMQ_USERNAME" "$RABBITMQ_PASSWORD" > /dev/null
  as_rabbit rabbitmqctl -q set_user_tags "$RABBITMQ_USERNAME" administrator > /dev/null
  as_rabbit rabbitmqctl -q set_permissions -p / "$RABBITMQ_USERNAME" '.*' '.*' '.*' > /dev/null
}

is_up() { as_rabbit rabbitmqctl -q status > /dev/null 2>&1; }

start() {
  load_secrets
  install_if_missing
  if is_up; then ensure_user; return; fi
  free_port
  configure
  as_rabbit rabbitmq-server -detached > "$LOGS/rabbitmq.log" 2>&1
  # await_startup gives up at once while the node is not yet registered: poll instead
  for _ in $(seq 1 120); do is_up && break; sleep 1; done
  as_rabbit rabbitmqctl -q await_startup > /dev/null 2>&1 \
    || fail "RabbitMQ did not start; see $BASE/log and $LOGS/rabbitmq.log"
  ensure_user
}

stop() {
  is_up || return 0
  as_rabbit rabbitmqctl -q stop "$PID_FILE" > /dev/null 2>&1 || true
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then kill -KILL "$(cat "$PID_FILE")" || true; fi
  # epmd is started with the first node; leave it only if some other node still uses it
  if ! as_root runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq epmd -names 2>/dev/null | grep -q 'name '; then
    as_root runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq epmd -kill > /dev/null 2>&1 || true
  fi
}

status() {
  if is_up; then echo "rabbitmq  up    pid $(cat "$PID_FILE" 2>/dev/null || echo '?')  port $RABBIT_PORT (management $RABBIT_MGMT_PORT)"
  else echo "rabbitmq  down  port $RABBIT_PORT"; fi
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
