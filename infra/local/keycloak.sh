#!/usr/bin/env bash
# Keycloak from the Maven Central server zip, unpacked under .omni/<profile>/keycloak, realm imported at start.
# Usage: infra/local/keycloak.sh start|stop|status   (OMNI_PROFILE=up|test; test re-imports the realm each start)
set -euo pipefail
OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
. "$OMNI_HOME/infra/local/common.sh"

HOME_DIR="$WORK/keycloak/keycloak-$KC_VERSION"
ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"

install_if_missing() {
  [ -x "$HOME_DIR/bin/kc.sh" ] && return
  local repo="${MAVEN_REPO:-$HOME/.m2/repository}"
  local zip="$repo/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [ ! -f "$zip" ]; then
    say "Fetching Keycloak $KC_VERSION from Maven Central…"
    mvn -B -q dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false > "$LOGS/keycloak-fetch.log" 2>&1 \
      || fail "could not fetch $ARTIFACT; see $LOGS/keycloak-fetch.log"
  fi
  mkdir -p "$WORK/keycloak"
  unzip -q -o "$zip" -d "$WORK/keycloak"
}

start() {
  load_secrets
  find_jdk
  if running keycloak; then return; fi
  install_if_missing
  [ "$OMNI_PROFILE" = test ] && rm -rf "$HOME_DIR/data/h2" # a fresh realm for every test run
  mkdir -p "$HOME_DIR/data/import"
  cp "$OMNI_HOME/infra/keycloak/omnicanal-realm.json" "$HOME_DIR/data/import/"
  say "Starting Keycloak on :$KC_PORT (the first boot builds it, about 35 s)…"
  start_bg keycloak env JAVA_HOME="$JAVA_HOME" "$HOME_DIR/bin/kc.sh" start-dev --import-realm \
    --http-port="$KC_PORT" --hostname="http://localhost:$KC_PORT" --http-management-port="$KC_MGMT_PORT"
  wait_http "http://localhost:$KC_PORT/realms/omnicanal/.well-known/openid-configuration" 240 keycloak
}

stop() { stop_bg keycloak 30; }

status() {
  if running keycloak; then echo "keycloak  up    pid $(cat "$(pidfile keycloak)")  port $KC_PORT"
  else echo "keycloak  down  port $KC_PORT"; fi
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
