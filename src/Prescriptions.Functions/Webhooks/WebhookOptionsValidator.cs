using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Webhooks;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Functions.Auth;

namespace Prescriptions.Functions.Webhooks;

/// <summary>
/// Checked at startup: the API sends data only to endpoints configured here, so each must be an absolute https URL
/// (http to a loopback host is allowed in Development, for local receivers), with a usable secret and a known app id.
/// </summary>
public sealed partial class WebhookOptionsValidator(IHostEnvironment environment, IOptions<TenancyOptions> tenancy) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (partner, endpoint) in options.Partners)
        {
            var path = $"{WebhookOptions.SectionName}:Partners:{partner}";
            if (!PartnerName().IsMatch(partner))
            {
                failures.Add($"{path}: partner names may use letters, digits, '-', '_' and '.' only.");
            }

            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url))
            {
                failures.Add($"{path}:Url must be an absolute URL; got '{endpoint.Url}'.");
            }
            else if (!IsAllowed(url))
            {
                failures.Add($"{path}:Url must use https (http only to a loopback host in Development); got '{endpoint.Url}'.");
            }

            if (WebhookSecret.TryDecode(endpoint.Secret, out var problem) is null)
            {
                failures.Add($"{path}:Secret {problem}.");
            }

            if (string.IsNullOrWhiteSpace(endpoint.AppId) || TenancyOptions.Split(tenancy.Value.AppClinics.GetValueOrDefault(endpoint.AppId)).Count == 0)
            {
                failures.Add($"{path}:AppId '{endpoint.AppId}' has no clinics in {TenancyOptions.SectionName}:AppClinics.");
            }

            var unknown = TenancyOptions.Split(endpoint.Events).Except(EventTypes.All, StringComparer.Ordinal).ToArray();
            if (unknown.Length > 0)
            {
                failures.Add($"{path}:Events has unknown types {string.Join(", ", unknown)}; known: {string.Join(", ", EventTypes.All)}.");
            }
        }

        if (options.MaxAttempts < 1 || options.RetriesPerSweep < 0 || options.BatchSize < 1)
        {
            failures.Add($"{WebhookOptions.SectionName}: MaxAttempts and BatchSize must be at least 1, RetriesPerSweep at least 0.");
        }

        if (options.BackoffBase < TimeSpan.Zero || options.MaxBackoff < options.BackoffBase || options.AttemptTimeout <= TimeSpan.Zero
            || options.DeliveryTimeout < options.AttemptTimeout || options.Lease <= options.DeliveryTimeout)
        {
            failures.Add($"{WebhookOptions.SectionName}: need 0 <= BackoffBase <= MaxBackoff and 0 < AttemptTimeout <= DeliveryTimeout < Lease.");
        }

        if (options.IdleGrace < TimeSpan.Zero || options.IdleGrace >= options.SweepTimeBudget)
        {
            failures.Add($"{WebhookOptions.SectionName}: need 0 <= IdleGrace < SweepTimeBudget.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool IsAllowed(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps
        || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && environment.IsDevelopment());

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PartnerName();
}
