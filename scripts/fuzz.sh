#!/bin/sh
# Runs each fuzz target of a parser of outside input for a bounded time
# (FUZZTIME, default 10s), seeded with testdata and the generated bombs.
# go test ./... runs the seeds alone; this mutates them. .ci/run calls it
# after the tests.
set -eu
cd "$(dirname "$0")/.."
t=${FUZZTIME:-10s}
for target in \
	ingest:FuzzReadCSV ingest:FuzzDetectEncoding ingest:FuzzXLSX ingest:FuzzFastXLSX \
	disclose:FuzzScrub disclose:FuzzMaskFreeText disclose:FuzzScanner \
	content:FuzzParse config:FuzzLoad records:FuzzServiceOnlineLink; do
	pkg=${target%%:*}
	fn=${target#*:}
	echo "fuzz $pkg $fn ($t)"
	go test -run '^$' -fuzz "^$fn\$" -fuzztime "$t" "./generator/$pkg"
done
