#!/usr/bin/env bash
# Keycloak from the Maven Central server zip, unpacked under .omni/<profile>/keycloak, realm imported at start.
# Usage: infra/local/keycloak.sh start|stop|status
#   OMNI_PROFILE=up keeps Keycloak's data (re-imported only when the realm file or the client secrets change);
#   OMNI_PROFILE=test starts from an empty database every time, so the realm is imported fresh.
set -euo pipefail
OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
. "$OMNI_HOME/infra/local/common.sh"

ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
KC_DIR="$WORK/keycloak"
HOME_DIR="$KC_DIR/keycloak-$KC_VERSION"
REALM_FILE="$OMNI_HOME/infra/keycloak/omnicanal-realm.json"
ISSUER="http://localhost:$KC_PORT/realms/omnicanal"

install_if_missing() {
  [ -x "$HOME_DIR/bin/kc.sh" ] && return
  mkdir -p "$KC_DIR"
  say "Fetching Keycloak $KC_VERSION ($ARTIFACT, from the local Maven repository or Maven Central)…"
  # run outside the project so that Maven does not read our reactor
  (cd "$KC_DIR" && mvn -B -q dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$KC_DIR/dist") \
    > "$LOGS/keycloak-fetch.log" 2>&1 || fail "could not fetch $ARTIFACT; see $LOGS/keycloak-fetch.log"
  local zip="$KC_DIR/dist/keycloak-quarkus-dist-$KC_VERSION.zip"
  if command -v unzip > /dev/null; then
    unzip -q -o "$zip" -d "$KC_DIR" || fail "could not unpack $zip"
  else # the JDK's jar tool unpacks it too, without the file modes
    (cd "$KC_DIR" && "$JAVA_HOME/bin/jar" xf "$zip") || fail "could not unpack $zip"
    chmod +x "$HOME_DIR"/bin/*.sh
  fi
  rm -rf "$KC_DIR/dist"
}

# What the imported realm depends on: the realm file and the secrets substituted into it.
realm_fingerprint() {
  { cat "$REALM_FILE"; echo "$OMNI_SERVICES_CLIENT_SECRET $PARTNER_DEMO_CLIENT_SECRET"; } | sha256sum | cut -d' ' -f1
}

prepare_data() {
  local stamp="$HOME_DIR/data/omni-realm.sha256" fingerprint
  fingerprint=$(realm_fingerprint)
  if [ "$OMNI_PROFILE" = test ]; then
    rm -rf "$HOME_DIR/data/h2" # a fresh realm for every test run
  elif [ -d "$HOME_DIR/data/h2" ] && [ "$(cat "$stamp" 2> /dev/null)" != "$fingerprint" ]; then
    say "The realm file or the client secrets changed: Keycloak's data is reset and the realm imported again."
    rm -rf "$HOME_DIR/data/h2"
  fi
  mkdir -p "$HOME_DIR/data/import"
  cp "$REALM_FILE" "$HOME_DIR/data/import/omnicanal-realm.json"
  echo "$fingerprint" > "$stamp"
}

start() {
  load_secrets
  find_jdk
  if running keycloak; then return; fi
  require_free_port "$KC_PORT" keycloak
  require_free_port "$KC_MGMT_PORT" "keycloak management"
  install_if_missing
  prepare_data
  # Keycloak 26.5 runs on Java 17, 21 and 25; on Java 24+ JBoss Threads needs java.lang opened (else errors
  # from its thread-local reset whenever a worker thread ends).
  local opens=""
  if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then opens="--add-opens=java.base/java.lang=ALL-UNNAMED"; fi
  local note="about 15 s"
  [ -f "$KC_DIR/.built" ] || note="the first boot also builds it: about 35 s"
  say "Starting Keycloak $KC_VERSION on :$KC_PORT with $(basename "$JAVA_HOME") ($note)…"
  local started=$SECONDS
  start_bg keycloak env JAVA_HOME="$JAVA_HOME" JAVA_OPTS_APPEND="$opens" "$HOME_DIR/bin/kc.sh" start-dev \
    --import-realm --http-port="$KC_PORT" --hostname="http://localhost:$KC_PORT" \
    --http-management-port="$KC_MGMT_PORT"
  wait_http "$ISSUER/.well-known/openid-configuration" 240 keycloak
  touch "$KC_DIR/.built"
  say "Keycloak ready in $((SECONDS - started)) s (issuer $ISSUER)."
}

stop() { stop_bg keycloak 30; }

status() {
  if running keycloak; then printf '%-13s up    pid %s  port %s\n' keycloak "$(cat "$(pidfile keycloak)")" "$KC_PORT"
  else printf '%-13s down  port %s\n' keycloak "$KC_PORT"; fi
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
