namespace Prescriptions.Deployment.Tests;

/// <summary>Every setting the code reads is set by the template in Azure and by local.settings.json locally.</summary>
[Collection(DeploymentTemplateCollection.Name)]
public sealed class SettingsParityTests(DeploymentTemplate template)
{
    private static IEnumerable<string> RequiredInAzure =>
        CodeSettings.Required.Select(setting => setting.Name)
            .Concat(CodeSettings.FlatSettings).Concat(CodeSettings.EntraId).Concat(CodeSettings.StorageInAzure).Concat(CodeSettings.HostInAzure);

    private static IEnumerable<string> RequiredLocally =>
        CodeSettings.Required.Select(setting => setting.Name)
            .Concat(CodeSettings.FlatSettings).Concat(CodeSettings.EntraId).Concat(CodeSettings.StorageLocally).Concat(CodeSettings.HostLocally);

    [Fact]
    public void The_code_is_read_for_its_settings()
    {
        // Guards the derivation itself: if reflection found nothing, every parity test below would pass vacuously.
        Assert.Contains(CodeSettings.Required, setting => setting.Name == "Smtp__FromAddress");
        Assert.Contains(CodeSettings.Optional, setting => setting.Name == "Smtp__Password" && setting.IsSecret);
        Assert.Contains(CodeSettings.Options, setting => setting.Name == "Library__RefreshInterval" && setting.Kind == SettingKind.Tunable);
        Assert.Contains(CodeSettings.Dictionaries, dictionary => dictionary.Prefix == "Tenancy__GroupClinics__");
        Assert.Contains(CodeSettings.Dictionaries, dictionary => dictionary.Prefix == "Webhooks__Partners__" && dictionary.Property == "Secret" && dictionary.IsSecret);
        Assert.Contains("WebhookDeliverySchedule", CodeSettings.FlatSettings);
    }

    [Fact]
    public void Every_required_setting_is_set_in_Azure_with_only_the_required_parameters()
    {
        var settings = template.Minimal.AppSettings;

        var missing = RequiredInAzure.Where(name => string.IsNullOrWhiteSpace(settings.GetValueOrDefault(name))).ToList();

        Assert.True(missing.Count == 0, $"The template leaves unset: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_optional_setting_can_be_set_by_a_parameter()
    {
        var settings = template.Full.AppSettings;

        var missing = CodeSettings.Optional.Where(setting => string.IsNullOrWhiteSpace(settings.GetValueOrDefault(setting.Name))).ToList();

        Assert.True(missing.Count == 0, $"No parameter sets: {string.Join(", ", missing.Select(setting => setting.Name))}");
    }

    [Fact]
    public void Every_configuration_dictionary_can_be_filled_by_parameters()
    {
        var settings = template.Full.AppSettings;

        // A map is filled key by key, or (keys holding '-', which Linux app setting names refuse) by its one "...Entries" setting.
        var unfilled = CodeSettings.Dictionaries
            .Where(dictionary => !settings.Any(setting => dictionary.Pattern.IsMatch(setting.Key) && setting.Value.Length > 0)
                && string.IsNullOrEmpty(settings.GetValueOrDefault(dictionary.Prefix.TrimEnd('_') + "Entries")))
            .ToList();

        Assert.True(unfilled.Count == 0, $"No parameter fills: {string.Join(", ", unfilled)}");
    }

    [Fact]
    public void Every_setting_the_template_sets_is_one_the_code_reads()
    {
        var unknown = template.Full.AppSettings.Keys.Concat(template.Minimal.AppSettings.Keys).Where(name => !CodeSettings.IsKnown(name)).Distinct().ToList();

        Assert.True(unknown.Count == 0, $"The code reads no such setting (a typo?): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Secrets_are_Key_Vault_references_to_secrets_the_template_creates()
    {
        var settings = template.Full.AppSettings;
        var secrets = CodeSettings.Options.Where(setting => setting.IsSecret).Select(setting => setting.Name)
            .Concat(CodeSettings.Dictionaries.Where(dictionary => dictionary.IsSecret)
                .SelectMany(dictionary => settings.Keys.Where(name => dictionary.Pattern.IsMatch(name))))
            .ToList();
        var vaultSecrets = template.Full.OfType("Microsoft.KeyVault/vaults/secrets")
            .Select(secret => ((string)secret["name"]!).Split('/')[^1]).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(secrets);
        Assert.All(secrets, name =>
        {
            var value = Assert.Contains(name, settings);
            var reference = System.Text.RegularExpressions.Regex.Match(value, @"^@Microsoft\.KeyVault\(VaultName=[^;]+;SecretName=(?<secret>[A-Za-z0-9-]+)\)$");
            Assert.True(reference.Success, $"{name} is not a Key Vault reference: {value}");
            Assert.Contains(reference.Groups["secret"].Value, vaultSecrets);
        });
    }

    [Fact]
    public void The_runtime_is_not_an_app_setting_on_Flex_Consumption()
    {
        // Flex Consumption takes the runtime from functionAppConfig and refuses these settings.
        foreach (var settings in new[] { template.Minimal.AppSettings, template.Full.AppSettings })
        {
            Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
            Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        }
    }

    [Fact]
    public void Storage_connections_use_the_identity_and_no_key()
    {
        var settings = template.Minimal.AppSettings;

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("managedidentity", settings[$"{Storage.StorageServiceCollectionExtensions.StorageSection}__credential"]);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings[$"{Storage.StorageServiceCollectionExtensions.StorageSection}__clientId"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(CodeSettings.StorageLocally[0], settings.Keys);
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
        // Known once the identity exists, so still an expression: Entra ingestion with the identity's client id.
        Assert.Contains("Authorization=AAD;ClientId=", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void Local_settings_set_every_setting_the_code_requires()
    {
        var values = LocalSettingsFile.Values;

        var missing = RequiredLocally.Where(name => string.IsNullOrWhiteSpace(values.GetValueOrDefault(name))).ToList();

        Assert.True(missing.Count == 0, $"local.settings.json leaves unset: {string.Join(", ", missing)}");
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Timer_schedules_are_six_field_NCRONTAB_everywhere()
    {
        Assert.All(CodeSettings.FlatSettings.Where(name => name.EndsWith("Schedule", StringComparison.Ordinal)), name =>
        {
            foreach (var value in new[] { LocalSettingsFile.Values[name], template.Minimal.AppSettings[name], template.Full.AppSettings[name] })
            {
                Assert.Equal(6, value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            }
        });
    }
}
