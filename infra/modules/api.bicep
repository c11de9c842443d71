// The function app on a Flex Consumption plan (FC1), .NET 10 isolated, running as the user-assigned identity.
param name string
param planName string
param location string
param tags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity (identity-based connections and Entra telemetry ingestion).')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

@description('The app\'s own settings (see main.bicep); the storage, telemetry and link settings are added here.')
param appSettings object

@description('The base address of patients\' check-in links; empty: the app\'s default host name.')
param publicBaseUrl string

@description('Browser origins allowed to call the API (CORS): the portal\'s, never "*". Partner apps call server to server and need none.')
param allowedOrigins array

param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (there is no system identity).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The portal sends its Entra token as a bearer header, never a cookie: no credentialed CORS.
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
    }
    // Flex Consumption: the runtime is set here, not by FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION.
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments sign in with Entra ID; publishing user names and passwords are refused.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

var hostSettings = {
  // The Functions host's storage (timer leases, the deployment package), identity-based.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  // The app's own storage client (ServiceCollectionExtensions.AddStorageClients), the same account and identity.
  PrescriptionsStorage__credential: 'managedidentity'
  PrescriptionsStorage__clientId: identityClientId
  PrescriptionsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  PrescriptionsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  // Telemetry is ingested with the identity's Entra token (the component has local auth off).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
  FollowUps__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, hostSettings)
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
