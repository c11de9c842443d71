// Key Vault in RBAC mode for the app's secrets; the app reads them through Key Vault references.
param name string
param location string
param tags object

@description('Refuse purging a deleted vault during its retention (recommended in production; cannot be turned off once on).')
param purgeProtection bool

@description('The secrets to keep; each must have a value in secretValues.')
param secretNames string[]

@secure()
@description('Secret name -> value.')
param secretValues object

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // null leaves it unset: Key Vault refuses an explicit false.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secretName in secretNames: {
    parent: vault
    name: secretName
    properties: {
      value: secretValues[secretName]
      contentType: 'text/plain'
    }
  }
]

output name string = vault.name
output uri string = vault.properties.vaultUri
