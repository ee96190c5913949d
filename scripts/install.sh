#!/usr/bin/env bash
# Install everything the grader, the bank and its tests need on a fresh Debian/Ubuntu machine.
# System packages (bubblewrap for the sandbox, chromium for the site's browser tests) need root;
# without root they are skipped with a note and the grader falls back to resource limits only.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "note: not root, not installing ${need[*]} (sandbox/browser tests need them)" >&2
  fi
fi
python -m pip install -q --disable-pip-version-check torch==2.13.0
python -m pip install -q --disable-pip-version-check -e '.[all]'
