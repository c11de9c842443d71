// The therapists' portal: a Static Web App serving the published Blazor WebAssembly files. azd deploys them (azure.yaml,
// service "web"); the portal calls the function app directly with bearer tokens, so no backend is linked and partner
// apps keep reaching the API at its own address.
param name string
param location string
param tags object

@allowed(['Free', 'Standard'])
@description('Free serves a static SPA with custom domains and TLS; Standard adds an SLA and private endpoints.')
param sku string = 'Free'

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // Files come from `azd deploy` (the SWA CLI with the deployment token), not from a repository's CI build.
    provider: 'Custom'
    // wwwroot/staticwebapp.config.json (navigation fallback, security headers) is deployed with the files.
    allowConfigFileUpdates: true
    // No preview environments: nothing builds pull requests.
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
// The portal's origin (no trailing slash): the only origin the function app's CORS allows.
output origin string = 'https://${site.properties.defaultHostname}'
