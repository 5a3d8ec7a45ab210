#!/usr/bin/env bash
# Installs, from Debian's packages, whatever backsignal needs to build and test that is not
# already here. Works as root or through sudo; says what it installs; does nothing when all
# is present. Usage: scripts/install-deps.sh
set -euo pipefail

packages=(
  g++ cmake make pkg-config python3   # toolchain, and python3 for the scenario checker
  clang libclang-rt-14-dev            # the sanitizer and fuzz builds (make asan, make fuzz)
  clang-format clang-tidy             # make lint
  libtsan2                            # make tsan
  nlohmann-json3-dev                  # JSON (io)
  libsqlite3-dev                      # the embedded store
  libpq-dev postgresql                # the shared store: libpq, and a server for the tests
  libcli11-dev                        # command-line parsing
  libgtest-dev libgmock-dev           # unit tests
  libbenchmark-dev                    # make bench
  libboost-dev                        # Boost.Beast and Asio: the HTTP server
  libhowardhinnant-date-dev tzdata    # time zones for reminders and exported instants
  libsodium-dev                       # stable ids, secrets and their hashes
  libssl-dev                          # Web Push: message encryption, VAPID, TLS to push services
  libexpat1-dev libzip-dev            # workout files: streamed XML, and the exports' zips
  nginx openssl                       # the TLS proxy test (nginx in front, a self-signed certificate)
  dpkg-dev                            # make deb: dpkg-shlibdeps names the runtime libraries
  chromium                            # browser tests (driven by playwright-core from npm)
  wrk                                 # the HTTP load benchmark
  curl                                # scripts and tests that poke the server
  gettext                             # the catalogues: msgfmt, xgettext, msgmerge (po/, docs/languages.md)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js and npm, for the page's build-time assets and the browser tests: Debian's, unless a
# Node.js is already installed (a NodeSource nodejs carries its own npm and conflicts with
# Debian's npm package).
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif [ ${#missing[@]} -gt 0 ] && command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
elif [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing from Debian: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The page's npm packages (uPlot, embedded at build time; playwright-core and axe-core for the
# browser tests), exactly as pinned by web/package-lock.json.
here=$(cd "$(dirname "$0")/.." && pwd)
stamp="$here/web/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/web/package-lock.json" -nt "$stamp" ]; then
  echo "install-deps: installing the page's npm packages (npm ci in web/)"
  (cd "$here/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
