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
	n=$t
	# FuzzXLSX's workers go seconds between reports; on a busy machine the
	# time ran out inside one and go test failed with "context deadline
	# exceeded", no input having failed. A count sets no deadline: 20000
	# execs take about 8 s on the quiet 2-core machine.
	[ "$fn" = FuzzXLSX ] && n=${FUZZXLSX:-20000x}
	echo "fuzz $pkg $fn ($n)"
	go test -run '^$' -fuzz "^$fn\$" -fuzztime "$n" "./generator/$pkg"
done
