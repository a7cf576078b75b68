#!/bin/sh
# Installs what the inspector checks in go test need (.ci/run calls this
# before go test, with CI=true so that a missing tool fails instead of
# skipping): Debian's chromium (axe, keyboard, 适老化 and print tests) and a
# CJK font for it, a Java runtime (the Nu HTML Checker), node and npm, and
# the npm packages pinned in package-lock.json (axe-core, vnu-jar, and
# lighthouse for scripts/lighthouse.sh).
set -eu
cd "$(dirname "$0")/.."
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing="$missing fonts-noto-cjk"
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi
npm ci --no-audit --no-fund
