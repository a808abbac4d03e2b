#!/usr/bin/env bash
# Debian's RabbitMQ run as our own node (data under .omni/<profile>/rabbitmq), for ./omni and the tests.
# Usage: infra/local/rabbitmq.sh start|stop|status
#   OMNI_PROFILE=up|test (ports in docs/local-contract.md); OMNI_FRESH=1 wipes the node's data on start.
# Tests call "$OMNI_RABBITMQ_CTL stop" then "start" to take the broker down and back (data kept).
set -euo pipefail
OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
. "$OMNI_HOME/infra/local/common.sh"

BASE="$WORK/rabbitmq"
PID_FILE="$BASE/rabbitmq.pid"
RABBIT_HOME_DIR=$(getent passwd rabbitmq 2> /dev/null | cut -d: -f6 || true)
RABBIT_HOME_DIR=${RABBIT_HOME_DIR:-/var/lib/rabbitmq}
# runuser and service live in the sbin directories, which a minimal PATH (a CI runner's) may leave out
export PATH="$PATH:/usr/sbin:/sbin"
# The real scripts, not Debian's /usr/sbin wrappers (those redirect the output to /var/log/rabbitmq).
RABBIT_BIN=/usr/lib/rabbitmq/bin

NODE_ENV=(
  "HOME=$RABBIT_HOME_DIR"
  "PATH=$RABBIT_BIN:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
  "RABBITMQ_NODENAME=$RABBIT_NODE"
  "RABBITMQ_NODE_PORT=$RABBIT_PORT"
  "RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT"
  "RABBITMQ_MNESIA_BASE=$BASE/mnesia"
  "RABBITMQ_LOG_BASE=$BASE/log"
  "RABBITMQ_CONFIG_FILE=$BASE/rabbitmq.conf"
  "RABBITMQ_CONF_ENV_FILE=$BASE/rabbitmq-env.conf"
  "RABBITMQ_ENABLED_PLUGINS_FILE=$BASE/enabled_plugins"
  "RABBITMQ_PID_FILE=$PID_FILE"
  # Erlang's schedulers spin before they sleep, which RabbitMQ's runtime guide advises turning off where the broker
  # shares its cores with busy services, as here; one scheduler: the broker's CPU through a broadcast 7.5 -> 5.5 s per
  # 25 s (session 18; it used a third of a core, and two schedulers passed work between them), raw rate unchanged
  "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=${OMNI_RABBIT_ERL_ARGS-+sbwt none +sbwtdcpu none +sbwtdio none +S 1:1}"
)

# Runs a RabbitMQ command as the rabbitmq user (Debian's RabbitMQ refuses to run its data as root).
as_rabbit() { as_root runuser -u rabbitmq -- env "${NODE_ENV[@]}" "$@"; }

install_if_missing() {
  [ -x "$RABBIT_BIN/rabbitmq-server" ] && return
  say "Installing RabbitMQ (Debian package rabbitmq-server)…"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq > "$LOGS/apt-rabbitmq.log" 2>&1 \
    || fail "apt-get update failed; see $LOGS/apt-rabbitmq.log"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server \
    >> "$LOGS/apt-rabbitmq.log" 2>&1 || fail "apt-get install rabbitmq-server failed; see $LOGS/apt-rabbitmq.log"
  [ -x "$RABBIT_BIN/rabbitmq-server" ] || fail "rabbitmq-server installed but $RABBIT_BIN/rabbitmq-server is missing"
}

node_pid() { [ -f "$PID_FILE" ] && cat "$PID_FILE" 2> /dev/null; }
node_alive() { local pid; pid=$(node_pid) && [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; }

# The rabbit application runs on our node (not just the Erlang VM). The CLI is asked only when our node's
# process or port is there: every CLI call starts epmd, which would otherwise be left behind by "status".
is_up() {
  node_alive || port_open "$RABBIT_PORT" || return 1
  as_rabbit rabbitmq-diagnostics -q check_running > /dev/null 2>&1
}

# The package may have started Debian's default node (rabbit@host, via systemd) on our ports: stop it.
free_ports() {
  local port taken=""
  for port in "$RABBIT_PORT" "$RABBIT_MGMT_PORT" "$RABBIT_DIST_PORT"; do port_open "$port" && taken="$taken $port"; done
  [ -z "$taken" ] && return 0
  say "Port(s)$taken taken; stopping Debian's default RabbitMQ node if it is the one holding them…"
  as_root service rabbitmq-server stop > /dev/null 2>&1 || true
  as_root runuser -u rabbitmq -- env "HOME=$RABBIT_HOME_DIR" "$RABBIT_BIN/rabbitmqctl" -q \
    -n "rabbit@$(hostname -s)" stop > /dev/null 2>&1 || true
  local _
  for _ in $(seq 1 10); do
    taken=""
    for port in "$RABBIT_PORT" "$RABBIT_MGMT_PORT" "$RABBIT_DIST_PORT"; do port_open "$port" && taken="$taken $port"; done
    [ -z "$taken" ] && return 0
    sleep 1
  done
  fail "Port(s)$taken still in use by another process (ss -ltnp); free them to run RabbitMQ profile $OMNI_PROFILE."
}

configure() {
  if [ "${OMNI_FRESH:-0}" = 1 ]; then as_root rm -rf "$BASE/mnesia" "$BASE/log"; fi
  mkdir -p "$BASE/mnesia" "$BASE/log"
  cat > "$BASE/rabbitmq.conf" <<CONF
listeners.tcp.default = $RABBIT_PORT
management.tcp.port = $RABBIT_MGMT_PORT
management.tcp.ip = 127.0.0.1
CONF
  echo '[rabbitmq_management].' > "$BASE/enabled_plugins"
  : > "$BASE/rabbitmq-env.conf" # keeps /etc/rabbitmq/rabbitmq-env.conf out of our node
  as_root chown -R rabbitmq:rabbitmq "$BASE"
}

ensure_user() {
  if ! as_rabbit rabbitmqctl -q add_user "$RABBITMQ_USERNAME" "$RABBITMQ_PASSWORD" > /dev/null 2>&1; then
    as_rabbit rabbitmqctl -q change_password "$RABBITMQ_USERNAME" "$RABBITMQ_PASSWORD" > /dev/null \
      || fail "could not create or update RabbitMQ user $RABBITMQ_USERNAME"
  fi
  as_rabbit rabbitmqctl -q set_user_tags "$RABBITMQ_USERNAME" administrator > /dev/null
  as_rabbit rabbitmqctl -q set_permissions -p / "$RABBITMQ_USERNAME" '.*' '.*' '.*' > /dev/null
}

start() {
  load_secrets
  install_if_missing
  if is_up; then ensure_user; return; fi
  if node_alive; then
    say "RabbitMQ node $RABBIT_NODE (pid $(node_pid)) is alive but not running; stopping it first…"
    stop
  fi
  free_ports
  configure
  say "Starting RabbitMQ $RABBIT_NODE on :$RABBIT_PORT (management :$RABBIT_MGMT_PORT)…"
  local started=$SECONDS
  as_rabbit rabbitmq-server -detached > "$LOGS/rabbitmq.log" 2>&1 \
    || fail "rabbitmq-server did not start; see $LOGS/rabbitmq.log and $BASE/log"
  # await_startup gives up at once while the node is not registered yet: poll until the app runs
  while ! is_up; do
    [ $((SECONDS - started)) -lt 120 ] \
      || fail "RabbitMQ not running after 120 s; see $BASE/log/$RABBIT_NODE.log and $LOGS/rabbitmq.log"
    sleep 1
  done
  as_rabbit rabbitmqctl -q await_startup --timeout 60 > /dev/null 2>&1 \
    || fail "RabbitMQ did not finish booting; see $BASE/log/$RABBIT_NODE.log"
  ensure_user
  say "RabbitMQ ready in $((SECONDS - started)) s."
}

# epmd is started with the first Erlang node; stop it when no node is registered any more.
stop_epmd_if_unused() {
  local names
  names=$(as_root runuser -u rabbitmq -- env "HOME=$RABBIT_HOME_DIR" epmd -names 2> /dev/null) || return 0
  if ! grep -q '^name ' <<< "$names"; then
    as_root runuser -u rabbitmq -- env "HOME=$RABBIT_HOME_DIR" epmd -kill > /dev/null 2>&1 || true
  fi
}

stop() {
  local pid _
  pid=$(node_pid || true)
  if is_up || node_alive; then
    # bounded: rabbitmqctl waits for the pid in the pid file to exit, for ever if a newer node wrote it meanwhile
    as_rabbit timeout 60 rabbitmqctl -q stop "$PID_FILE" > /dev/null 2>&1 || true
  fi
  if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then
    as_root kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    as_root kill -KILL "$pid" 2> /dev/null || true
  fi
  as_root rm -f "$PID_FILE"
  stop_epmd_if_unused
}

status() {
  if is_up; then printf '%-13s up    pid %s  port %s (management %s)\n' rabbitmq "$(node_pid || echo '?')" \
    "$RABBIT_PORT" "$RABBIT_MGMT_PORT"
  else printf '%-13s down  port %s\n' rabbitmq "$RABBIT_PORT"; fi
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
