#!/usr/bin/env bash
# Renders a report.html (written by ale-core into a run directory) to a PNG with headless Chromium,
# to look at the report without a desktop. Needs Chromium (Debian: apt-get install chromium).
#
#   scripts/render-report.sh runs/today/report.html /tmp/report.png [width] [height]
#
# The page is self-contained, so Chromium runs with its network features off; a throwaway profile
# directory is removed afterwards. Width defaults to 1280 and height to 2000 CSS pixels.
# ALE_COLOR_SCHEME=dark (or light) renders the page as a browser set to that scheme would.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
  echo "usage: $0 <report.html> <out.png> [width] [height]" >&2
  exit 2
fi
html=$1
out=$2
width=${3:-1280}
height=${4:-2000}
[[ -f "$html" ]] || { echo "$0: no such file: $html" >&2; exit 2; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
[[ -n "$browser" ]] || { echo "$0: Chromium not found (Debian: apt-get install chromium)" >&2; exit 3; }

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
out_dir=$(cd "$(dirname "$out")" && pwd)
abs_out=$out_dir/$(basename "$out")
# file:// URL of the page, every byte outside [A-Za-z0-9/._~-] percent-encoded (spaces, #, ?, UTF-8)
url="file://"
LC_ALL=C
for ((i = 0; i < ${#abs_html}; i++)); do
  c=${abs_html:i:1}
  case "$c" in
    [A-Za-z0-9/._~-]) url+=$c ;;
    *) printf -v hex '%%%02X' "'$c"; url+=$hex ;;
  esac
done
scheme=()
case "${ALE_COLOR_SCHEME:-}" in
  dark) scheme=(--blink-settings=preferredColorScheme=0) ;;
  light) scheme=(--blink-settings=preferredColorScheme=1) ;;
  "") ;;
  *) echo "$0: ALE_COLOR_SCHEME must be dark or light" >&2; exit 2 ;;
esac
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$abs_out"

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars ${scheme[@]+"${scheme[@]}"} --user-data-dir="$profile" --window-size="$width,$height" \
  --screenshot="$abs_out" "$url" >/dev/null 2>&1 || true

if [[ ! -s "$abs_out" ]]; then
  echo "$0: Chromium wrote no screenshot to $abs_out" >&2
  exit 1
fi
echo "$abs_out"
