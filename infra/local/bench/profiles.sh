#!/usr/bin/env bash
# ./omni bench profiles [-Dprofiles=1000000 -Dlookups=20000 -Dactivities=50000 -Dthreads=4 -Dsenders=2 -Dwarmup=20000 -Dingest.warmup=40]
# Issue #3's numbers on the embedded store (an 8 GB heap for a million profiles).
exec bash "$(dirname "${BASH_SOURCE[0]}")/../bench-run.sh" com.omnicanal.bench.ProfilesBench 8g "$@"
