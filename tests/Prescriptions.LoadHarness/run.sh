#!/usr/bin/env bash
# The load harness: builds the API (the local host) in Release, starts its own stack on free ports (in-memory Azurite,
# a partner's webhook endpoint, the API as a child process) and prints every figure side by side. Options:
#   --clients 8 --warmup 500 --warmup-rounds 12 --creates 2000 --reads 2000 --preview-seconds 10 --mixed-seconds 60 --mixed-clients 16
#   --baseline "NAME=VALUE,..." and/or --baseline-api <another build's Prescriptions.LocalHost.dll>: a second API process,
#   measured side by side with the first (before and after a change, in one run).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/setup.sh
ensure_dotnet
install_node_tools
dotnet build src/Prescriptions.LocalHost -c Release -nologo -v quiet
dotnet run -c Release --project tests/Prescriptions.LoadHarness -- --api "src/Prescriptions.LocalHost/bin/Release/net10.0/Prescriptions.LocalHost.dll" "$@"
