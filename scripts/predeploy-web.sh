#!/bin/sh
# azd predeploy hook of the web service: publishes the portal (Release: trimmed, compressed) to the folder azure.yaml
# names as its dist, then writes the environment's runtime settings into it (write-portal-settings.sh).
set -eu
cd "$(dirname "$0")/.."
out=src/Prescriptions.Portal/bin/azd-publish
rm -rf "$out"
dotnet publish src/Prescriptions.Portal -c Release -nologo -o "$out"
sh scripts/write-portal-settings.sh "$out/wwwroot"
