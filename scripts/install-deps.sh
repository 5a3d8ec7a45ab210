#!/usr/bin/env bash
# Installs, from Debian's packages, whatever backsignal needs to build and test that is not
# already here. Works as root or through sudo; says what it installs; does nothing when all
# is present. Usage: scripts/install-deps.sh
set -euo pipefail

packages=(
  g++ cmake make pkg-config python3   # toolchain, and python3 for the scenario checker
  nlohmann-json3-dev                  # JSON (io)
  libsqlite3-dev                      # the embedded store
  libcli11-dev                        # command-line parsing
  libgtest-dev libgmock-dev           # unit tests
  libbenchmark-dev                    # make bench
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing from Debian: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
