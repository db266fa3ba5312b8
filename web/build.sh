#!/usr/bin/env bash
# Rebuild the dashboard bundle into the Python package (committed, so pip needs no Node):
#   cd web && npm ci && ./build.sh
set -euo pipefail
cd "$(dirname "$0")"
out=../src/faultline/api/static
mkdir -p "$out"
./node_modules/.bin/esbuild src/main.js --bundle --minify --format=esm --target=es2020 \
  --legal-comments=linked --outfile="$out/app.js"
cp src/index.html src/app.css "$out/"
ls -l "$out"
