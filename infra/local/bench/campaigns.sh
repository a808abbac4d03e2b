#!/usr/bin/env bash
# ./omni bench campaigns [-Dmembers=1000000 -Dwaiting=100000 -Dtriggers=1000 -Dseconds=30 -Dlimit=PT30M
#                         -Dparts=triggers,waits,fanout -Dprofile.service=campaign-service,conversation-service
#                         -Dservice.jvm="-XX:StartFlightRecording=filename=/tmp/c-%p.jfr,settings=profile"]
# Issue #6's numbers on the embedded store (a large heap: a million profiles, enrolments and dispatches).
# The bench module orders the build of profile- and conversation-service; campaign-service's jar is built here.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl campaign-service -am package) || { echo "campaign-service build failed" >&2; exit 1; }
exec bash "$(dirname "${BASH_SOURCE[0]}")/../bench-run.sh" com.omnicanal.bench.CampaignsBench 12g "$@"
