#!/usr/bin/env bash
# The portal benchmark (figures, not a test): publishes the portal Release as Azure serves it, then serves it from the
# local host over in-memory Azurite and, in headless Chromium, prints the brotli size of a first visit's download and
# the time from navigation to the rendered worklist, cold and warm. Options: --runs 5 --chromium /usr/bin/chromium
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/setup.sh
ensure_dotnet
install_node_tools
ensure_chromium
portal="$REPO_ROOT/tests/Prescriptions.PortalBenchmark/bin/portal"
log "Publishing the portal (Release)"
rm -rf "$portal"
dotnet publish src/Prescriptions.Portal -c Release -nologo -v quiet -o "$portal"
log "Building the benchmark"
dotnet build tests/Prescriptions.PortalBenchmark -c Release -nologo -v quiet
log "Measuring"
# From its output folder: the local host reads its appsettings and local.settings.json (dev tokens) from there.
cd tests/Prescriptions.PortalBenchmark/bin/Release/net10.0
dotnet Prescriptions.PortalBenchmark.dll --portal "$portal/wwwroot" "$@"
