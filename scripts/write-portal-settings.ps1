# Writes the portal's runtime settings into a published wwwroot from azd's environment (main.bicep's PORTAL_* outputs):
# appsettings.json's "Portal" section, and the API's and Entra ID's origins into the Content-Security-Policy of
# staticwebapp.config.json, which otherwise lets the portal connect to its own origin only.
#   write-portal-settings.ps1 <published wwwroot>
param([Parameter(Mandatory = $true)][string] $WwwRoot)
$ErrorActionPreference = 'Stop'

$names = 'PORTAL_API_BASE_URL', 'PORTAL_AUTHORITY', 'PORTAL_CLIENT_ID', 'PORTAL_API_SCOPE'
foreach ($name in $names) {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "$name is not set: run through azd (azd deploy web) after azd provision, which sets it from main.bicep's outputs."
    }
}
if (-not (Test-Path (Join-Path $WwwRoot 'index.html'))) { throw "$WwwRoot has no index.html: publish the portal first." }

$settings = [ordered]@{
    Portal = [ordered]@{
        ApiBaseUrl          = $env:PORTAL_API_BASE_URL
        Authority           = $env:PORTAL_AUTHORITY
        ClientId            = $env:PORTAL_CLIENT_ID
        ApiScope            = $env:PORTAL_API_SCOPE
        DevelopmentTokenUrl = ''
    }
}
$settings | ConvertTo-Json -Depth 3 | Set-Content -Path (Join-Path $WwwRoot 'appsettings.json') -Encoding utf8NoBOM
# The build's precompressed copies hold its empty settings: no server may prefer them to the file just written.
Remove-Item -Path (Join-Path $WwwRoot 'appsettings.json.br'), (Join-Path $WwwRoot 'appsettings.json.gz') -ErrorAction SilentlyContinue

# The portal fetches from the API and from Entra ID (metadata, tokens); Entra ID also answers in a hidden frame
# (silent token renewal).
$api = ([Uri]$env:PORTAL_API_BASE_URL).GetLeftPart([UriPartial]::Authority)
$authority = ([Uri]$env:PORTAL_AUTHORITY).GetLeftPart([UriPartial]::Authority)
$config = Join-Path $WwwRoot 'staticwebapp.config.json'
$text = (Get-Content -Raw -Path $config).Replace("connect-src 'self'", "connect-src 'self' $api $authority").Replace("frame-src 'self'", "frame-src 'self' $authority")
Set-Content -Path $config -Value $text -Encoding utf8NoBOM -NoNewline
Remove-Item -Path "$config.br", "$config.gz" -ErrorAction SilentlyContinue
Write-Host "Portal settings written to $WwwRoot/appsettings.json (API $env:PORTAL_API_BASE_URL, authority $env:PORTAL_AUTHORITY)."
