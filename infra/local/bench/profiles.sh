#!/usr/bin/env bash
# ./omni bench profiles [-Dprofiles=1000000 -Dlookups=20000 -Dactivities=50000 -Dthreads=4]
# Issue #3's numbers on the embedded store, on the test infrastructure (stopped afterwards).
set -euo pipefail
export OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
export OMNI_PROFILE=test
. "$OMNI_HOME/infra/local/common.sh"
find_jdk
say "Building profile-service, the MongoDB-wire server and the benchmark…"
(cd "$OMNI_HOME" && mvn -B -q -DskipTests -pl platform/mongo-wire,bench -am install) || fail "build failed"
trap 'bash "$OMNI_HOME/infra/local/mongo.sh" stop; bash "$OMNI_HOME/infra/local/keycloak.sh" stop; bash "$OMNI_HOME/infra/local/rabbitmq.sh" stop' EXIT
load_secrets
OMNI_FRESH=1 bash "$OMNI_HOME/infra/local/rabbitmq.sh" start
bash "$OMNI_HOME/infra/local/keycloak.sh" start
OMNI_MONGO_HEAP=${OMNI_MONGO_HEAP:-8g} bash "$OMNI_HOME/infra/local/mongo.sh" start
export_endpoints
export OMNI_TEST_INFRA=local
"$JAVA_HOME/bin/java" "$@" -cp "$OMNI_HOME/bench/target/classes:$(cat "$OMNI_HOME/bench/target/classpath.txt")" \
  com.omnicanal.bench.ProfilesBench
