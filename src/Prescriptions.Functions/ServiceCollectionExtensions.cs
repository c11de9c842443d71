using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Library;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Auth;
using Prescriptions.Functions.Configuration;
using Prescriptions.Functions.Http;
using Prescriptions.Functions.Webhooks;
using Prescriptions.Storage.FollowUps;
using Prescriptions.Storage.Health;
using Prescriptions.Storage.Library;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Functions;

public static class ServiceCollectionExtensions
{
    /// <summary>The configuration section of the app's own storage account (connection string locally, service URIs and identity in Azure).</summary>
    public const string StorageSection = "PrescriptionsStorage";

    /// <summary>Registers everything the functions need. Both hosts (Functions and the local host) call this, and only this.</summary>
    public static IServiceCollection AddPrescriptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);

        AddStorageClients(services, configuration.GetSection(StorageSection));
        services.Configure<LibraryStorageOptions>(configuration.GetSection(LibraryStorageOptions.SectionName));
        services.Configure<PrescriptionStorageOptions>(configuration.GetSection(PrescriptionStorageOptions.SectionName));
        services.AddSingleton<ILibraryStore, BlobLibraryStore>();
        services.AddSingleton<ILibraryProvider, CachedLibraryProvider>();
        services.AddSingleton<LibraryPublisher>();
        services.AddSingleton<IPrescriptionRepository, TablePrescriptionRepository>();
        services.AddSingleton<StorageHealthProbe>();

        // Bearer tokens are validated by Microsoft.Identity.Web's scheme; ApiHandler invokes it inside each function.
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(configuration, "AzureAd");
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // Keep Entra's short claim names (roles, groups, oid, scp, azp) as they are in the token.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.RoleClaimType = EntraClaims.Roles;
        });
        services.Configure<TenancyOptions>(configuration.GetSection(TenancyOptions.SectionName));
        services.PostConfigure<TenancyOptions>(options =>
        {
            SettingEntries.MergeInto(options.GroupClinics, options.GroupClinicsEntries, "Tenancy:GroupClinicsEntries");
            SettingEntries.MergeInto(options.AppClinics, options.AppClinicsEntries, "Tenancy:AppClinicsEntries");
        });
        services.AddSingleton<CallerFactory>();
        services.AddSingleton<ApiHandler>();
        services.AddOptions<Email.SmtpOptions>().Bind(configuration.GetSection(Email.SmtpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailSender, Email.SmtpEmailSender>();
        AddFollowUps(services, configuration);
        services.AddSingleton<Application.Prescriptions.PrescriptionService>();
        services.AddSingleton<Api.OwnPrescriptions>();
        services.AddWebhooks(configuration);
        return services;
    }

    private static void AddFollowUps(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.SectionName))
            .PostConfigure(options => SettingEntries.MergeInto(options.ClinicAlertEmails, options.ClinicAlertEmailsEntries, "FollowUps:ClinicAlertEmailsEntries"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.Configure<FollowUpStorageOptions>(configuration.GetSection(FollowUpStorageOptions.SectionName));
        services.AddSingleton<IFollowUpSchedule, TableFollowUpSchedule>();
        services.AddSingleton<IFollowUpRecords, TableFollowUpRecords>();
        services.AddSingleton<CheckInLinks>();
        services.AddSingleton<FollowUpEmails>();
        services.AddSingleton<FollowUpScheduler>();
        services.AddSingleton<PrescriptionUpdates>();
        services.AddSingleton<PrescriptionReadiness>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<ClinicAlertMailer>();
        services.AddTransient<FollowUpSweeper>();
    }

    private static void AddStorageClients(IServiceCollection services, IConfigurationSection section)
    {
        services.AddAzureClients(clients =>
        {
            var connectionString = section["connectionString"] ?? section.Value;
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, _) => connectionString is not null
                ? new BlobServiceClient(connectionString, options)
                : new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential, options));
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, _) => connectionString is not null
                ? new TableServiceClient(connectionString, options)
                : new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential, options));

            // In Azure: credential=managedidentity with the user-assigned identity's clientId; elsewhere the developer's sign-in.
            clients.UseCredential(_ => CreateCredential(section));
            clients.ConfigureDefaults(options =>
            {
                // The SDK retries by itself; keep the total short so an outage answers 503 quickly.
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = 3;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            });
        });
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static Uri RequiredUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Set {section.Path}:connectionString, or {section.Path}:{key} with an identity.");
}
