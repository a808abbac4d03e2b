#!/usr/bin/env bash
# ./omni bench conversations [-Drate=1000 -Dseconds=60 -Dburst=10000 -Dcustomers=5000 -Dconcurrency=128]
# Issue #4's numbers on the embedded store, on the test infrastructure (stopped afterwards).
set -euo pipefail
export OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
export OMNI_PROFILE=test
. "$OMNI_HOME/infra/local/common.sh"
find_jdk
say "Building the services, the MongoDB-wire server and the benchmark…"
(cd "$OMNI_HOME" && mvn -B -q -DskipTests -pl platform/mongo-wire,bench -am install) || fail "build failed"
trap 'bash "$OMNI_HOME/infra/local/mongo.sh" stop; bash "$OMNI_HOME/infra/local/keycloak.sh" stop; bash "$OMNI_HOME/infra/local/rabbitmq.sh" stop' EXIT
load_secrets
OMNI_FRESH=1 bash "$OMNI_HOME/infra/local/rabbitmq.sh" start
bash "$OMNI_HOME/infra/local/keycloak.sh" start
OMNI_MONGO_HEAP=${OMNI_MONGO_HEAP:-6g} bash "$OMNI_HOME/infra/local/mongo.sh" start
export_endpoints
export OMNI_TEST_INFRA=local
"$JAVA_HOME/bin/java" "$@" -cp "$OMNI_HOME/bench/target/classes:$(cat "$OMNI_HOME/bench/target/classpath.txt")" \
  com.omnicanal.bench.ConversationsBench
