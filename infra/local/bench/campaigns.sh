#!/usr/bin/env bash
# ./omni bench campaigns [-Dmembers=1000000 -Dwaiting=100000 -Dtriggers=1000 -Dseconds=30 -Dlimit=PT30M
#                         -Dparts=triggers,waits,fanout -Dprofile.service=campaign-service -Dservice.jvm=...]
# Issue #6's numbers on the embedded store (a large heap: a million profiles, enrolments and dispatches).
exec bash "$(dirname "${BASH_SOURCE[0]}")/../bench-run.sh" com.omnicanal.bench.CampaignsBench 12g "$@"
