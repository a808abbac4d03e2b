#!/usr/bin/env bash
# Shared by the benchmarks: builds, starts the test infrastructure (stopped afterwards) and runs one bench class.
# Usage: infra/local/bench-run.sh CLASS MONGO_HEAP [-Dkey=value ...]   (OMNI_MONGO_HEAP overrides the heap)
set -euo pipefail
export OMNI_HOME=${OMNI_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export OMNI_PROFILE=test
. "$OMNI_HOME/infra/local/common.sh"
class=$1 heap=$2
shift 2
find_jdk
say "Building the services, the MongoDB-wire server and the benchmark…"
(cd "$OMNI_HOME" && mvn -B -q -DskipTests -pl platform/mongo-wire,bench -am install) || fail "build failed"
trap 'bash "$OMNI_HOME/infra/local/mongo.sh" stop; bash "$OMNI_HOME/infra/local/keycloak.sh" stop; bash "$OMNI_HOME/infra/local/rabbitmq.sh" stop' EXIT
load_secrets
OMNI_FRESH=1 bash "$OMNI_HOME/infra/local/rabbitmq.sh" start
bash "$OMNI_HOME/infra/local/keycloak.sh" start
OMNI_MONGO_HEAP=${OMNI_MONGO_HEAP:-$heap} bash "$OMNI_HOME/infra/local/mongo.sh" start
export_endpoints
export OMNI_TEST_INFRA=local
"$JAVA_HOME/bin/java" "$@" -cp "$OMNI_HOME/bench/target/classes:$(cat "$OMNI_HOME/bench/target/classpath.txt")" "$class"
