#!/usr/bin/env bash
# Shared by ./omni and the infra/local scripts: profile ports, work dirs, JDK discovery, secrets, processes.
# Sourced, not run. Expects OMNI_HOME; OMNI_PROFILE is "up" (default) or "test" (see docs/local-contract.md).
# shellcheck disable=SC2034 # the variables below are read by the scripts that source this file

OMNI_PROFILE=${OMNI_PROFILE:-up}
case "$OMNI_PROFILE" in
  up)   RABBIT_PORT=5672; RABBIT_MGMT_PORT=15672; RABBIT_DIST_PORT=25672; RABBIT_NODE=omni@localhost
        KC_PORT=8180; KC_MGMT_PORT=9180; MONGO_PORT=27017 ;;
  # OMNI_TEST_SLOT=N (default 0) shifts every test port by N*100 so two checkouts can run their tests at once
  test) slot=${OMNI_TEST_SLOT:-0}; shift_by=$((slot * 100))
        RABBIT_PORT=$((5673 + shift_by)); RABBIT_MGMT_PORT=$((15673 + shift_by)); RABBIT_DIST_PORT=$((25673 + shift_by))
        RABBIT_NODE=omni-test${slot#0}@localhost
        KC_PORT=$((8190 + shift_by)); KC_MGMT_PORT=$((9190 + shift_by)); MONGO_PORT=$((27018 + shift_by)) ;;
  *) echo "OMNI_PROFILE must be up or test, not '$OMNI_PROFILE'" >&2; exit 2 ;;
esac
KC_VERSION=26.5.5
WORK="$OMNI_HOME/.omni/$OMNI_PROFILE"
RUN="$WORK/run"
LOGS="$WORK/logs"
mkdir -p "$RUN" "$LOGS"

if [ -t 1 ]; then
  say() { printf '\033[1m%s\033[0m\n' "$*"; }
else
  say() { printf '%s\n' "$*"; }
fi
fail() { if [ -t 2 ]; then printf '\033[31m%s\033[0m\n' "$*" >&2; else printf '%s\n' "$*" >&2; fi; exit 1; }

# The major version of the java in a JDK home (0 when it is not one).
java_major() {
  [ -x "$1/bin/java" ] || { echo 0; return; }
  "$1/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/; t; s/.*/0/'
}

# Exports JAVA_HOME as a JDK >= 21: the given one if new enough, else the newest under /usr/lib/jvm.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then export JAVA_HOME; return; fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/*; do
    if [ ! -d "$home" ] || [ ! -x "$home/bin/javac" ]; then continue; fi
    major=$(java_major "$home")
    if [ "$major" -gt "$best_major" ]; then best=$home; best_major=$major; fi
  done
  [ "$best_major" -ge 21 ] \
    || fail "No JDK >= 21 found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm/*). Install one, e.g. Temurin 21 or 25, or set JAVA_HOME."
  export JAVA_HOME="$best"
}

random_secret() {
  if command -v openssl > /dev/null; then openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 32
  else head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; fi
}

# Generates this profile's secrets once (mode 600) and exports them.
load_secrets() {
  local file="$WORK/secrets.env"
  if [ ! -f "$file" ]; then
    (
      umask 077
      cat > "$file" <<SECRETS
RABBITMQ_USERNAME=omni
RABBITMQ_PASSWORD=$(random_secret)
KC_BOOTSTRAP_ADMIN_USERNAME=admin
KC_BOOTSTRAP_ADMIN_PASSWORD=$(random_secret)
OMNI_SERVICES_CLIENT_SECRET=$(random_secret)
PARTNER_DEMO_CLIENT_SECRET=$(random_secret)
IDENTIFIER_HASH_KEY=$(random_secret)
SECRETS
    )
  fi
  local key # secrets added by later versions, appended to an existing file
  for key in WHATSAPP_VERIFY_TOKEN WHATSAPP_APP_SECRET TWILIO_AUTH_TOKEN TELEGRAM_WEBHOOK_SECRET \
      EMAIL_WEBHOOK_SIGNING_KEY WEBCHAT_SESSION_SECRET MESSENGER_VERIFY_TOKEN MESSENGER_APP_SECRET INSTAGRAM_VERIFY_TOKEN INSTAGRAM_APP_SECRET FEEDBACK_EMBED_SECRET; do
    grep -q "^$key=" "$file" || echo "$key=$(random_secret)" >> "$file"
  done
  set -a
  # shellcheck disable=SC1090 # generated per profile
  . "$file"
  set +a
}

# Exports what services and tests read (docs/local-contract.md).
export_endpoints() {
  if [ -n "${OMNI_EXTERNAL_MONGODB_URI:-}" ]; then
    export MONGODB_URI="$OMNI_EXTERNAL_MONGODB_URI"
  else
    export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT"
  fi
  export RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=$RABBIT_PORT RABBITMQ_MANAGEMENT_PORT=$RABBIT_MGMT_PORT
  export KEYCLOAK_URL="http://localhost:$KC_PORT"
  export KEYCLOAK_ISSUER_URI="$KEYCLOAK_URL/realms/omnicanal"
}

pidfile() { echo "$RUN/$1.pid"; }

running() {
  local file; file=$(pidfile "$1")
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}

# Starts a command as the leader of its own session and process group, logging to $LOGS/NAME.log.
# The pid file holds the pid of the command itself (also the process group id).
start_bg() {
  local name=$1; shift
  local file; file=$(pidfile "$name")
  rm -f "$file"
  # shellcheck disable=SC2016 # $$ and $1 are expanded by the inner shell
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' start_bg "$file" "$@" > "$LOGS/$name.log" 2>&1 < /dev/null &
  local _
  for _ in $(seq 1 50); do [ -s "$file" ] && return 0; sleep 0.1; done
  fail "$name did not start; see $LOGS/$name.log"
}

# Stops a process group started by start_bg: TERM, then KILL after a grace period (seconds).
stop_bg() {
  local name=$1 grace=${2:-30} file pid _
  file=$(pidfile "$name")
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 -- "-$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 $((grace * 5))); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 -- "-$pid" 2>/dev/null; then
      say "$name did not stop within ${grace}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  rm -f "$file"
}

port_open() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# Fails when a port we are about to use is already taken by someone else.
require_free_port() {
  local port=$1 name=$2
  if port_open "$port"; then
    fail "Port $port (for $name) is already in use by another process; stop it first (ss -ltnp 'sport = :$port')."
  fi
}

wait_port() {
  local port=$1 timeout=$2 name=$3 deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    port_open "$port" && return 0
    running "$name" || fail "$name exited while starting; see $LOGS/$name.log"
    sleep 1
  done
  fail "$name did not open port $port within ${timeout}s; see $LOGS/$name.log"
}

wait_http() {
  local url=$1 timeout=$2 name=$3 deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -fsS -o /dev/null --max-time 2 "$url" 2> /dev/null && return 0
    running "$name" || fail "$name exited while starting; see $LOGS/$name.log"
    sleep 1
  done
  fail "$name not ready at $url within ${timeout}s; see $LOGS/$name.log"
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
