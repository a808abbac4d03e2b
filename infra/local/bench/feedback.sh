#!/usr/bin/env bash
# ./omni bench feedback [-Drate=1000 -Dseconds=60 -Dresponses=1000000 -Dconcurrency=256]
# Issue #7's numbers on the embedded store: public answers through the gateway, and the dashboard over 1M responses.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
# the bench runs these two jars; the shared runner builds only the bench's own reactor
(cd "$root" && mvn -B -q -o -DskipTests -pl feedback-service,gateway -am package) || { echo "build failed" >&2; exit 1; }
exec bash "$root/infra/local/bench-run.sh" com.omnicanal.bench.FeedbackBench 6g "$@"
