namespace Prescriptions.Deployment.Tests;

/// <summary>The parameter sets the template is evaluated with (.bicepparam bodies; azd passes the same names).</summary>
internal static class SnapshotParameters
{
    public const string Minimal = """
        param environmentName = 'minimal'
        param location = 'westeurope'
        param entraClientId = '5b0e6f3c-0000-4000-8000-00000000a002'
        param entraAudience = 'api://prescriptions'
        param portalClientId = '5b0e6f3c-0000-4000-8000-00000000b003'
        param smtpFromAddress = 'no-reply@clinic.example'
        param followUpSigningKey = 'signing-key-for-tests-0123456789abcdefghijklmnop'
        """;

    public const string Full = """
        param environmentName = 'full'
        param location = 'westeurope'
        param principalId = '7d3c2a10-0000-4000-8000-0000000000d1'
        param principalType = 'User'
        param entraTenantId = '7d3c2a10-0000-4000-8000-00000000a001'
        param entraClientId = '5b0e6f3c-0000-4000-8000-00000000a002'
        param entraAudience = 'api://prescriptions'
        param portalClientId = '5b0e6f3c-0000-4000-8000-00000000b003'
        param portalApiScope = 'api://prescriptions/portal.use'
        param portalLocation = 'eastus2'
        param groupClinics = 'therapistsA=clinic-a;therapistsAB=clinic-a,clinic-b'
        param appClinics = 'ehrApp=clinic-a'
        param webhookPartners = 'ehr_one=ehrApp|https://ehr.example/hooks|prescription.created;ehr.two=ehrApp|https://two.example/hooks'
        param webhookSecrets = 'ehr_one=whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3;ehr.two=whsec_ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4'
        param webhookDeliverySchedule = '*/30 * * * * *'
        param smtpHost = 'smtp.azurecomm.net'
        param smtpPort = 587
        param smtpSecurity = 'StartTls'
        param smtpUser = 'acs-resource.app-id.tenant-id'
        param smtpPassword = 'client-secret-for-tests'
        param smtpFromAddress = 'no-reply@clinic.example'
        param smtpFromName = 'Clinic physiotherapy'
        param followUpSigningKey = 'signing-key-for-tests-0123456789abcdefghijklmnop'
        param followUpSendSchedule = '0 */5 * * * *'
        param publicBaseUrl = 'https://rx.clinic.example'
        param clinicAlertEmails = 'clinicA=alerts@clinic-a.example'
        param clinicNames = 'clinic-a=Riverside Physio'
        param portalBaseUrl = 'https://portal.clinic.example'
        param keyVaultPurgeProtection = false
        """;
}
