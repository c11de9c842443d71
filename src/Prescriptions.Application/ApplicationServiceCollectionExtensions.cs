using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prescriptions.Application.Configuration;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Handouts;
using Prescriptions.Application.Library;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Webhooks;

namespace Prescriptions.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The use cases and their options. The ports they need are registered by the adapters (Storage, the function app).</summary>
    public static IServiceCollection AddPrescriptionsApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<FollowUpOptions>(FollowUpOptions.SectionName)
            .PostConfigure(options => SettingEntries.MergeInto(options.ClinicAlertEmails, options.ClinicAlertEmailsEntries, "FollowUps:ClinicAlertEmailsEntries"));
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);
        services.AddValidatedOptions<PortalOptions>(PortalOptions.SectionName);
        services.AddValidatedOptions<ClinicOptions>(ClinicOptions.SectionName)
            .PostConfigure(options => SettingEntries.MergeInto(options.Names, options.NamesEntries, "Clinics:NamesEntries"));

        services.AddSingleton<LibraryPublisher>();
        services.AddSingleton<PrescriptionService>();
        services.AddSingleton<Alerts.AlertService>();
        services.AddSingleton<Patients.PatientService>();
        services.AddSingleton<PrescriptionUpdates>();
        services.AddSingleton<PrescriptionReadiness>();
        services.AddSingleton<Worklist.WorklistSummaries>();
        services.AddSingleton<Worklist.WorklistService>();
        services.AddSingleton<FollowUpScheduler>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<CheckInLinks>();
        services.AddSingleton<FollowUpEmails>();
        services.AddSingleton<Language.PatientWording>();
        services.AddSingleton<HandoutService>();
        services.AddSingleton<ClinicAlertMailer>();
        services.AddTransient<FollowUpSweeper>();
        services.AddTransient<WebhookDispatcher>();
        services.AddSingleton<PartnerGates>();
        services.AddSingleton<EventRecipients>();
        return services;
    }
}
