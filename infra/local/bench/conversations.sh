#!/usr/bin/env bash
# ./omni bench conversations [-Drate=1000 -Dseconds=60 -Dburst=10000 -Dcustomers=5000 -Dconcurrency=128]
# Issue #4's numbers on the embedded store.
exec bash "$(dirname "${BASH_SOURCE[0]}")/../bench-run.sh" com.omnicanal.bench.ConversationsBench 6g "$@"
