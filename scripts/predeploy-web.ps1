# azd predeploy hook of the web service: publishes the portal (Release: trimmed, compressed) to the folder azure.yaml
# names as its dist, then writes the environment's runtime settings into it (write-portal-settings.ps1).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$out = 'src/Prescriptions.Portal/bin/azd-publish'
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
dotnet publish src/Prescriptions.Portal -c Release -nologo -o $out
if ($LASTEXITCODE -ne 0) { throw 'Publishing the portal failed.' }
& (Join-Path $PSScriptRoot 'write-portal-settings.ps1') -WwwRoot (Join-Path $out 'wwwroot')
