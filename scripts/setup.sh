#!/usr/bin/env bash
# Shared by ./run.sh and ./test.sh: installs what a fresh machine lacks, then restores and builds.
# Sourced, not run: it sets REPO_ROOT and the functions below.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "Installing Node.js and npm (Debian packages)"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq nodejs npm >/dev/null
  fi
}

# The browser tests (tests/Prescriptions.Browser.Tests) drive Debian's Chromium through Playwright: Playwright's own
# browsers are never downloaded.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "Installing Chromium (Debian package) for the browser tests"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
  fi
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK is missing: install the version in global.json (https://dot.net) and run again." >&2
    exit 1
  fi
}

# Azurite and maildev, pinned in package.json / package-lock.json.
install_node_tools() {
  ensure_node
  if [ ! -x "$REPO_ROOT/node_modules/.bin/azurite" ] || [ ! -x "$REPO_ROOT/node_modules/.bin/maildev" ] \
     || [ "$REPO_ROOT/package-lock.json" -nt "$REPO_ROOT/node_modules/.package-lock.json" ]; then
    log "Installing Azurite and maildev (npm ci)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Waits until a TCP port on 127.0.0.1 accepts connections, or fails after $2 seconds.
wait_for_port() {
  local port=$1 timeout=${2:-60} waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -ge $((timeout * 2)) ]; then echo "Nothing listens on 127.0.0.1:$port after ${timeout}s" >&2; return 1; fi
  done
}

# The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (BicepCliVersion in Directory.Packages.props):
# restoring tests/Prescriptions.Deployment.Tests downloads it into the NuGet cache. Prints its path.
bicep_cli() {
  local project="$REPO_ROOT/tests/Prescriptions.Deployment.Tests/Prescriptions.Deployment.Tests.csproj" path
  dotnet restore "$project" --nologo -v quiet >/dev/null
  path=$(dotnet msbuild "$project" -nologo -getProperty:BicepCliPath)
  if [ ! -x "$path" ]; then echo "No Bicep CLI at '$path' after restoring $project" >&2; return 1; fi
  printf '%s\n' "$path"
}
