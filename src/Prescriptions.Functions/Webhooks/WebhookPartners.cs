using Microsoft.Extensions.Options;
using Prescriptions.Application.Webhooks;
using Prescriptions.Functions.Auth;

namespace Prescriptions.Functions.Webhooks;

/// <summary>The partners from configuration (validated at startup), and the clinics a sweep reads.</summary>
public sealed class WebhookPartners
{
    public WebhookPartners(IOptions<WebhookOptions> webhooks, IOptions<TenancyOptions> tenancy)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        ArgumentNullException.ThrowIfNull(tenancy);
        var appClinics = tenancy.Value.AppClinics;
        All = [.. webhooks.Value.Partners.Select(pair => new WebhookPartner(
            pair.Key,
            new Uri(pair.Value.Url!, UriKind.Absolute),
            WebhookSecret.Decode(pair.Value.Secret),
            TenancyOptions.Split(appClinics.GetValueOrDefault(pair.Value.AppId ?? string.Empty)).ToHashSet(StringComparer.Ordinal),
            ParseEvents(pair.Value.Events)))];

        // Every clinic the tenancy knows is swept, not only those with a partner: events nobody subscribes to are
        // removed there instead of piling up. The sweep still reads only these partitions, never the whole table.
        Clinics = [.. tenancy.Value.AppClinics.Values.Concat(tenancy.Value.GroupClinics.Values)
            .SelectMany(TenancyOptions.Split).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<WebhookPartner> All { get; }

    public IReadOnlyList<string> Clinics { get; }

    public IEnumerable<WebhookPartner> For(string clinicId, string eventType) => All.Where(p => p.Wants(clinicId, eventType));

    internal static HashSet<string>? ParseEvents(string? events) =>
        TenancyOptions.Split(events) is { Count: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
}
