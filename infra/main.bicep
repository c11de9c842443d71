// Prescriptions on Azure: a Flex Consumption function app with a user-assigned identity, identity-only storage,
// Key Vault for its secrets and Entra-authenticated monitoring. `azd up` deploys it (azure.yaml, main.parameters.json).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name: it names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer Flex Consumption.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user or service principal: it may write blobs so the postprovision hook can publish the exercise library. Empty: no deployer role.')
param principalId string = ''

@allowed(['', 'User', 'ServicePrincipal'])
@description('Kind of principalId; empty: User.')
param principalType string = ''

// Entra ID: the API's app registration (app roles Therapist, Partner, LibraryEditor).

@description('Tenant of the API\'s app registration; empty: the subscription\'s tenant.')
param entraTenantId string = ''

@minLength(1)
@description('Application (client) id of the API\'s app registration.')
param entraClientId string

@minLength(1)
@description('Audience of the API\'s tokens: its application ID URI, e.g. api://prescriptions.')
param entraAudience string

// The therapists' portal (a Static Web App): its own app registration, a single-page application in the API's tenant.

@minLength(1)
@description('Application (client) id of the portal\'s app registration (platform "Single-page application", redirect URI https://<the Static Web App\'s host>/authentication/login-callback).')
param portalClientId string

@description('The API scope the portal asks for, granted to the portal\'s registration; empty: <entraAudience>/access_as_user.')
param portalApiScope string = ''

@allowed(['', 'westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
@description('Region of the Static Web App\'s metadata (the files are served from its global edge); Static Web Apps exist in few regions. Empty: westeurope.')
param portalLocation string = ''

// Tenancy. azd environment values are strings, so maps are written "key=value;key=value".

@description('Entra group object id -> clinic id(s): "<group id>=clinic-a,clinic-b;<group id>=clinic-c". Sets Tenancy:GroupClinicsEntries.')
param groupClinics string = ''

@description('Partner client app id -> clinic id(s): "<app id>=clinic-a;...". Sets Tenancy:AppClinicsEntries.')
param appClinics string = ''

// Partner webhooks.

@description('Partner name (letters, digits and _ only: it becomes part of app setting names) -> "<app id>|<https url>|<events, comma-separated; empty: all>", entries separated by ";". Sets Webhooks:Partners.')
param webhookPartners string = ''

@secure()
@description('Partner name -> Standard Webhooks secret (whsec_...), "name=whsec_...;...": one for every partner. Kept in Key Vault.')
param webhookSecrets string = ''

@description('NCRONTAB (six fields) of the DeliverWebhooks timer; empty: every minute.')
param webhookDeliverySchedule string = ''

// Email (Azure Communication Services SMTP relay by default).

@description('SMTP relay host; empty: smtp.azurecomm.net (Azure Communication Services).')
param smtpHost string = ''

@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@allowed(['', 'None', 'StartTls', 'SslOnConnect'])
@description('How the SMTP connection is secured; empty: StartTls.')
param smtpSecurity string = ''

@description('SMTP user name (for Communication Services: the SMTP username of the resource); empty: no authentication.')
param smtpUser string = ''

@secure()
@description('SMTP password (for Communication Services: the Entra application\'s client secret), required with smtpUser. Kept in Key Vault.')
param smtpPassword string = ''

@minLength(3)
@description('Sender address of patients\' emails (a verified address of the relay\'s domain).')
param smtpFromAddress string

@description('Sender display name; empty: the app\'s default.')
param smtpFromName string = ''

// Follow-ups.

@secure()
@minLength(32)
@description('Signs patients\' check-in links. azd generates it once and keeps it in the environment; changing it voids every link sent. Kept in Key Vault.')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param followUpSigningKey string

@description('NCRONTAB (six fields) of the SendFollowUps timer; empty: every minute.')
param followUpSendSchedule string = ''

@description('Base address of patients\' check-in links (a custom domain); empty: https://<the function app\'s host name>.')
param publicBaseUrl string = ''

@description('Clinic id -> address that receives the clinic\'s follow-up alerts: "clinic-a=alerts@clinic-a.example;...". Sets FollowUps:ClinicAlertEmailsEntries.')
param clinicAlertEmails string = ''

@description('Clinic id -> the name patients know the clinic by, printed on their handouts: "clinic-a=Riverside Physio;...". Sets Clinics:NamesEntries; empty: handouts say "Your physiotherapy clinic".')
param clinicNames string = ''

@description('The therapists\' portal address, e.g. "https://portal.example.org". Sets Portal:BaseUrl; clinic alert emails link to {portal}/patients/{patient id}. Empty: the emails carry no link.')
param portalBaseUrl string = ''

@description('Key Vault purge protection: a deleted vault cannot be purged during its 90-day retention. Cannot be turned off once on.')
param keyVaultPurgeProtection bool = true

@description('Parses "key=value;key=value" into an object; a value may itself contain "=".')
func parsePairs(text string) object =>
  toObject(
    filter(map(split(text, ';'), entry => trim(entry)), entry => !empty(entry)),
    entry => trim(substring(entry, 0, indexOf(entry, '='))),
    entry => trim(substring(entry, indexOf(entry, '=') + 1))
  )

@description('A Key Vault reference app setting; no version: the app follows the latest secret.')
func keyVaultReference(vaultName string, secretName string) string =>
  '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

@description('Key Vault secret names allow letters, digits and dashes only.')
func webhookSecretName(partner string) string => 'webhook-${toLower(replace(replace(partner, '_', '-'), '.', '-'))}'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}api-${resourceToken}'
  portal: '${abbrs.webStaticSites}portal-${resourceToken}'
}
var keyVaultName = names.keyVault
var entraTenant = empty(entraTenantId) ? tenant().tenantId : entraTenantId

// The names the code defaults to; the app is told them anyway so a rename happens in one place.
var libraryContainer = 'library'
var deploymentContainer = 'deployment-package'
var prescriptionsTable = 'prescriptions'
var followUpsTable = 'followups'

var signingKeySecret = 'followups-signing-key'
var smtpPasswordSecret = 'smtp-password'

var partners = parsePairs(webhookPartners)
var partnerSecrets = parsePairs(webhookSecrets)

// The names decide which secrets exist and are not secret themselves (What-If and `bicep snapshot` can expand them).
// A partner without a secret stops the deployment here (the lookup fails) rather than the app at startup.
var secretNames = concat(
  [signingKeySecret],
  empty(smtpUser) ? [] : [smtpPasswordSecret],
  map(items(partners), partner => webhookSecretName(partner.key))
)
var secretValues = union(
  { '${signingKeySecret}': followUpSigningKey, '${smtpPasswordSecret}': smtpPassword },
  toObject(items(partners), partner => webhookSecretName(partner.key), partner => partnerSecrets[partner.key])
)

var partnerSettings = reduce(
  items(partners),
  {},
  (settings, partner) =>
    union(settings, {
      'Webhooks__Partners__${partner.key}__AppId': split(partner.value, '|')[0]
      'Webhooks__Partners__${partner.key}__Url': split(partner.value, '|')[1]
      'Webhooks__Partners__${partner.key}__Events': length(split(partner.value, '|')) > 2 ? split(partner.value, '|')[2] : ''
      'Webhooks__Partners__${partner.key}__Secret': keyVaultReference(keyVaultName, webhookSecretName(partner.key))
    })
)

// Every setting the code reads that the platform does not provide; api.bicep adds storage, telemetry and the link base.
// Names use "__" for ":" (Linux app settings). FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not app
// settings on Flex Consumption: the runtime is in functionAppConfig.
var appSettings = union(
  {
    AzureAd__Instance: environment().authentication.loginEndpoint
    AzureAd__TenantId: entraTenant
    AzureAd__ClientId: entraClientId
    AzureAd__Audience: entraAudience
    Library__ContainerName: libraryContainer
    Prescriptions__TableName: prescriptionsTable
    FollowUps__TableName: followUpsTable
    WebhookDeliverySchedule: empty(webhookDeliverySchedule) ? '*/5 * * * * *' : webhookDeliverySchedule
    FollowUpSendSchedule: empty(followUpSendSchedule) ? '0 */1 * * * *' : followUpSendSchedule
    Smtp__Host: empty(smtpHost) ? 'smtp.azurecomm.net' : smtpHost
    Smtp__Port: string(smtpPort)
    Smtp__Security: empty(smtpSecurity) ? 'StartTls' : smtpSecurity
    Smtp__User: smtpUser
    Smtp__Password: empty(smtpUser) ? '' : keyVaultReference(keyVaultName, smtpPasswordSecret)
    Smtp__FromAddress: smtpFromAddress
    FollowUps__SigningKey: keyVaultReference(keyVaultName, signingKeySecret)
  },
  empty(smtpFromName) ? {} : { Smtp__FromName: smtpFromName },
  // Maps keyed by ids holding '-' travel as one "key=value;..." setting each: Linux app setting names allow no '-'.
  empty(groupClinics) ? {} : { Tenancy__GroupClinicsEntries: groupClinics },
  empty(appClinics) ? {} : { Tenancy__AppClinicsEntries: appClinics },
  empty(clinicAlertEmails) ? {} : { FollowUps__ClinicAlertEmailsEntries: clinicAlertEmails },
  empty(clinicNames) ? {} : { Clinics__NamesEntries: clinicNames },
  empty(portalBaseUrl) ? {} : { Portal__BaseUrl: portalBaseUrl },
  partnerSettings
)

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    containers: [deploymentContainer, libraryContainer]
    tables: [prescriptionsTable, followUpsTable]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    secretNames: secretNames
    secretValues: secretValues
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    identityName: names.identity
    deployerPrincipalId: principalId
    deployerPrincipalType: empty(principalType) ? 'User' : principalType
  }
  // Names are passed rather than outputs (What-If predicts better), so the order is explicit.
  dependsOn: [
    identity
    storage
    monitoring
    keyVault
  ]
}

module web 'modules/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: names.portal
    location: empty(portalLocation) ? 'westeurope' : portalLocation
    tags: tags
  }
}

module api 'modules/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainer
    applicationInsightsName: names.applicationInsights
    appSettings: appSettings
    publicBaseUrl: publicBaseUrl
    // The portal's origin only: other sites' pages cannot call the API with a user's token from the browser.
    allowedOrigins: [web.outputs.origin]
  }
  // The host starts with its settings: the identity's roles and the referenced secrets must exist first.
  dependsOn: [
    storage
    monitoring
    rbac
    keyVault
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output LIBRARY_CONTAINER_NAME string = libraryContainer
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output SERVICE_WEB_NAME string = web.outputs.name
output SERVICE_WEB_URI string = web.outputs.origin
// The portal's runtime settings (wwwroot/appsettings.json, section "Portal"), written by the web service's predeploy hook.
output PORTAL_API_BASE_URL string = '${api.outputs.uri}/api/'
output PORTAL_AUTHORITY string = '${environment().authentication.loginEndpoint}${entraTenant}/v2.0'
output PORTAL_CLIENT_ID string = portalClientId
output PORTAL_API_SCOPE string = empty(portalApiScope) ? '${entraAudience}/access_as_user' : portalApiScope
