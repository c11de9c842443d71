using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prescriptions.Application.Configuration;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Library;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Library;
using Prescriptions.Storage.FollowUps;
using Prescriptions.Storage.Health;
using Prescriptions.Storage.Library;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The configuration section of the app's own storage account (connection string locally, service URIs and identity in Azure).</summary>
    public const string StorageSection = "PrescriptionsStorage";

    /// <summary>The storage clients and the Tables/Blobs adapters of the Application's ports.</summary>
    public static IServiceCollection AddPrescriptionsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        AddStorageClients(services, configuration.GetSection(StorageSection));
        services.AddValidatedOptions<StorageResilienceOptions>(StorageResilienceOptions.SectionName);
        services.AddValidatedOptions<LibraryStorageOptions>(LibraryStorageOptions.SectionName);
        services.AddValidatedOptions<PrescriptionStorageOptions>(PrescriptionStorageOptions.SectionName);
        services.AddSingleton<ILibraryStore, BlobLibraryStore>();
        services.AddSingleton<ILibraryProvider, CachedLibraryProvider>();
        services.AddSingleton<AbandonedCreates>();
        services.AddHostedService(provider => provider.GetRequiredService<AbandonedCreates>());
        services.AddSingleton<IPrescriptionRepository, TablePrescriptionRepository>();
        services.AddSingleton<IFollowUpSchedule, TableFollowUpSchedule>();
        services.AddSingleton<IFollowUpRecords, TableFollowUpRecords>();
        services.AddSingleton<Application.Alerts.IAlertInbox, TableAlertInbox>();
        services.AddSingleton<IEventOutbox, TableEventOutbox>();
        services.AddSingleton<Application.Patients.IPatientDirectory, Patients.TablePatientDirectory>();
        services.AddSingleton<Application.Patients.IPatientErasure, Patients.TablePatientErasure>();
        services.AddSingleton<Application.Worklist.IWorklist, Worklist.TableWorklist>();
        services.AddSingleton<StorageHealthProbe>();
        return services;
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
            var resilience = section.Get<StorageResilienceOptions>() ?? new StorageResilienceOptions();
            clients.ConfigureDefaults(options =>
            {
                // The SDK's own retry is the only retry: a few short tries, so a hung store fails within the request
                // budget (ApiHandler cancels whatever is still waiting when the budget runs out).
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = resilience.MaxRetries;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
                options.Retry.NetworkTimeout = resilience.NetworkTimeout;

                // No SDK request/response log: the client factory forwards the SDK's events at Verbose, so this policy
                // formatted every storage call's headers (about 3% of the API's CPU) for lines filtered out anyway. A failed
                // call still surfaces as the exception the adapters handle and log.
                options.Diagnostics.IsLoggingEnabled = false;
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
