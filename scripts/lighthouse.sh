#!/bin/sh
# Lighthouse scores of a built site (slow; not part of CI).
#
#   scripts/lighthouse.sh PUBLIC_DIR [SUB_PATH] [PAGE...]
#
# Serves PUBLIC_DIR under SUB_PATH (default /zfxxgk/qingxi/) on 127.0.0.1
# with gzip, as a production server would, runs Lighthouse (pinned in
# package.json; npm ci installs it) with Debian's chromium on each PAGE
# (default: the home page, the first decision and the first statistics
# topic), and prints the four category scores and the bytes transferred.
# FORM=desktop scores with Lighthouse's desktop preset instead of its
# emulated phone. Reports go to $OUT (default /tmp/lighthouse). Build the
# site with --base-url set to the address it is served at, e.g.
#   go run ./cmd/gongshi build --dest /tmp/lh --base-url http://127.0.0.1:8799/zfxxgk/qingxi/
set -eu
dir=${1:?usage: scripts/lighthouse.sh PUBLIC_DIR [SUB_PATH] [PAGE...]}
sub=${2:-/zfxxgk/qingxi/}
[ $# -ge 2 ] && shift 2 || shift $#
out=${OUT:-/tmp/lighthouse}
form=${FORM:-mobile}
preset=
[ "$form" = desktop ] && preset=--preset=desktop
port=${PORT:-8799}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"

if [ $# -eq 0 ]; then
	case1=$(cd "$dir" && ls -d cases/*/ | grep -E '^cases/[0-9a-f]{16}/$' | head -1)
	stat1=$(cd "$dir" && ls -d stats/*/ | head -1)
	set -- "" "$case1" "$stat1"
fi

python3 "$here/serve_gzip.py" "$dir" "$sub" "$port" &
srv=$!
trap 'kill $srv' EXIT INT TERM
sleep 1

for page in "$@"; do
	name=$(printf '%s-%s' "$form" "${page:-home}" | tr '/?=' '___')
	"$here/../node_modules/.bin/lighthouse" "http://127.0.0.1:$port$sub$page" $preset \
		--quiet --chrome-flags="--headless --no-sandbox --disable-gpu" \
		--only-categories=performance,accessibility,best-practices,seo \
		--output=json --output-path="$out/$name.json" >/dev/null 2>&1 || echo "lighthouse failed on $page" >&2
	node -e '
const r = require(process.argv[1]);
const c = r.categories, a = r.audits;
const s = k => Math.round(c[k].score * 100);
const kb = n => (n / 1024).toFixed(1) + " KB";
console.log(process.argv[3].padEnd(8), process.argv[2].padEnd(34), "perf", s("performance"), " a11y", s("accessibility"), " best", s("best-practices"), " seo", s("seo"),
  " transferred", kb(a["total-byte-weight"].numericValue), " LCP", a["largest-contentful-paint"].displayValue,
  " TBT", a["total-blocking-time"].displayValue, " CLS", a["cumulative-layout-shift"].displayValue);
' "$out/$name.json" "$sub$page" "$form"
done
