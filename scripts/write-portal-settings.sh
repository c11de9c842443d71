#!/bin/sh
# Writes the portal's runtime settings into a published wwwroot from azd's environment (main.bicep's PORTAL_* outputs):
# appsettings.json's "Portal" section, and the API's and Entra ID's origins into the Content-Security-Policy of
# staticwebapp.config.json, which otherwise lets the portal connect to its own origin only.
#   write-portal-settings.sh <published wwwroot>
set -eu
wwwroot="${1:?usage: write-portal-settings.sh <the published portal's wwwroot>}"
for name in PORTAL_API_BASE_URL PORTAL_AUTHORITY PORTAL_CLIENT_ID PORTAL_API_SCOPE; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "$name is not set: run through azd (azd deploy web) after azd provision, which sets it from main.bicep's outputs." >&2
    exit 1
  fi
done
[ -f "$wwwroot/index.html" ] || { echo "$wwwroot has no index.html: publish the portal first." >&2; exit 1; }

json_string() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }
origin_of() { printf '%s' "$1" | sed -E 's#^([A-Za-z][A-Za-z0-9+.-]*://[^/?#]+).*#\1#'; }

cat >"$wwwroot/appsettings.json" <<JSON
{
  "Portal": {
    "ApiBaseUrl": $(json_string "$PORTAL_API_BASE_URL"),
    "Authority": $(json_string "$PORTAL_AUTHORITY"),
    "ClientId": $(json_string "$PORTAL_CLIENT_ID"),
    "ApiScope": $(json_string "$PORTAL_API_SCOPE"),
    "DevelopmentTokenUrl": ""
  }
}
JSON
# The build's precompressed copies hold its empty settings: no server may prefer them to the file just written.
rm -f "$wwwroot/appsettings.json.br" "$wwwroot/appsettings.json.gz"

# The portal fetches from the API and from Entra ID (metadata, tokens); Entra ID also answers in a hidden frame
# (silent token renewal).
api=$(origin_of "$PORTAL_API_BASE_URL")
authority=$(origin_of "$PORTAL_AUTHORITY")
config="$wwwroot/staticwebapp.config.json"
sed -e "s#connect-src 'self'#connect-src 'self' $api $authority#" -e "s#frame-src 'self'#frame-src 'self' $authority#" "$config" >"$config.tmp"
mv "$config.tmp" "$config"
rm -f "$config.br" "$config.gz"
echo "Portal settings written to $wwwroot/appsettings.json (API $PORTAL_API_BASE_URL, authority $PORTAL_AUTHORITY)."
