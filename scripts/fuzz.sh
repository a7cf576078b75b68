#!/bin/sh
# Runs each fuzz target of a parser of outside input for a bounded number
# of executions, seeded with testdata and the generated bombs. go test ./...
# runs the seeds alone; this mutates them. .ci/run calls it after the tests.
#
# The budgets are counts, not durations: with a duration, Go 1.26's fuzz
# coordinator can report "context deadline exceeded" as a failure when the
# time runs out inside a worker's call on a busy machine, no input having
# failed (golang/go#75804, fixed in Go 1.27). A count sets no deadline. Each
# count is about 5-10 s on the quiet 2-core machine. FUZZTIME, when set,
# replaces every budget (a count such as 500x, or a duration).
set -eu
cd "$(dirname "$0")/.."
for target in \
	ingest:FuzzReadCSV:20000x ingest:FuzzDetectEncoding:10000x \
	ingest:FuzzXLSX:20000x ingest:FuzzFastXLSX:300x \
	disclose:FuzzScrub:25000x disclose:FuzzMaskFreeText:120000x \
	disclose:FuzzScanner:1500x content:FuzzParse:100000x \
	config:FuzzLoad:25000x records:FuzzServiceOnlineLink:80000x; do
	pkg=${target%%:*}
	rest=${target#*:}
	fn=${rest%%:*}
	n=${FUZZTIME:-${rest#*:}}
	echo "fuzz $pkg $fn ($n)"
	go test -run '^$' -fuzz "^$fn\$" -fuzztime "$n" "./generator/$pkg"
done
