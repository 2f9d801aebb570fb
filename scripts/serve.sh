#!/usr/bin/env bash
# `make serve`: the static page in www/ on http://127.0.0.1:8000 (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f www/index.html ]; then
  echo "make serve: www/index.html does not exist yet (the page comes with its own issue); nothing to serve."
  exit 0
fi
echo "serving www/ on http://127.0.0.1:8000/"
exec python3 -m http.server 8000 --bind 127.0.0.1 --directory www
