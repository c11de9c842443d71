using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;
using Prescriptions.Application;
using Prescriptions.Application.Configuration;
using Prescriptions.Application.FollowUps;
using Prescriptions.Functions.Auth;
using Prescriptions.Functions.Email;
using Prescriptions.Functions.Http;
using Prescriptions.Functions.Webhooks;
using Prescriptions.Storage;

namespace Prescriptions.Functions;

public static class ServiceCollectionExtensions
{
    /// <summary>The category of IdentityModel's log lines (Microsoft.Identity.Web's adapter).</summary>
    public const string IdentityModelLogCategory = "Microsoft.IdentityModel";

    /// <summary>
    /// Registers everything the functions need: the use cases (Application), the storage adapters (Storage), and this
    /// app's own pieces (the HTTP pipeline, authentication, SMTP, webhooks). Both hosts call this, and only this.
    /// </summary>
    public static IServiceCollection AddPrescriptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.AddPrescriptionsApplication(configuration);

        // The patient texts' resources (Application/Language/PatientTexts*.resx) behind IStringLocalizer<PatientTexts>.
        services.AddLocalization();
        services.AddPrescriptionsStorage(configuration);

        // Bearer tokens are validated by Microsoft.Identity.Web's scheme; ApiHandler invokes it inside each function.
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(configuration, "AzureAd");
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // Keep Entra's short claim names (roles, groups, oid, scp, azp) as they are in the token.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.RoleClaimType = EntraClaims.Roles;
            options.TokenValidationParameters.ClockSkew = BearerTokenPolicy.ClockSkew;
        });
        services.AddValidatedOptions<TenancyOptions>(TenancyOptions.SectionName).PostConfigure(options =>
        {
            SettingEntries.MergeInto(options.GroupClinics, options.GroupClinicsEntries, "Tenancy:GroupClinicsEntries");
            SettingEntries.MergeInto(options.AppClinics, options.AppClinicsEntries, "Tenancy:AppClinicsEntries");
        });
        services.AddSingleton<CallerFactory>();
        services.AddSingleton<ApiHandler>();
        services.AddSingleton<Api.OwnPrescriptions>();
        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.SectionName);
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddWebhooks();
        services.AddLogging(logging => logging
            // Four Information lines per delivery; the sweep's own line and the delivery log say what happened, and failures still show.
            .AddFilter($"System.Net.Http.HttpClient.{nameof(WebhookSender)}", LogLevel.Warning)
            // The Azure SDK's events (its credentials' token requests, for one) at Information would be a line per call.
            .AddFilter("Azure.", LogLevel.Warning)
            // IdentityModel logs a client's malformed or expired token as an error; ApiHandler logs every rejection, with
            // IdentityModel's reason (also for keys it could not fetch), at Information: a client's mistake is not our error.
            .AddFilter(IdentityModelLogCategory, LogLevel.None));
        return services;
    }
}
