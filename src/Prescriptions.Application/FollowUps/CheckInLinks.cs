using Microsoft.Extensions.Options;
using Prescriptions.Domain.FollowUps;

namespace Prescriptions.Application.FollowUps;

/// <summary>The patient's links: their programme with its check-in form, and the opt-out, both carrying a signed token bound to one prescription.</summary>
public sealed class CheckInLinks
{
    public const string Route = "checkin";

    private readonly CheckInTokens tokens;
    private readonly Uri baseUrl;
    private readonly TimeSpan lifetime;

    public CheckInLinks(IOptions<FollowUpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        tokens = new CheckInTokens(System.Text.Encoding.UTF8.GetBytes(settings.SigningKey ?? string.Empty));
        baseUrl = new Uri(settings.PublicBaseUrl!.TrimEnd('/') + "/", UriKind.Absolute);
        lifetime = settings.LinkLifetime;
    }

    /// <summary>A token for the prescription that is valid from <paramref name="issuedAt"/> for the configured lifetime.</summary>
    public string Issue(string clinicId, string prescriptionId, DateTimeOffset issuedAt) =>
        tokens.Create(new CheckInTokenClaims(clinicId, prescriptionId, issuedAt + lifetime));

    /// <summary>
    /// A token that stays valid until <paramref name="notBefore"/> when that is later than the configured lifetime: a
    /// printed handout's link has to work for the whole programme, not only for the weeks an email's does.
    /// </summary>
    public string IssueUntil(string clinicId, string prescriptionId, DateTimeOffset issuedAt, DateTimeOffset notBefore) =>
        tokens.Create(new CheckInTokenClaims(clinicId, prescriptionId, issuedAt + lifetime > notBefore ? issuedAt + lifetime : notBefore));

    public Uri CheckIn(string token) => new(baseUrl, $"api/{Route}/{Uri.EscapeDataString(token)}");

    /// <summary>The same page, opened at its check-in form (the programme is above it).</summary>
    public Uri CheckInForm(string token) => new(baseUrl, $"api/{Route}/{Uri.EscapeDataString(token)}#checkin");

    public Uri OptOut(string token) => new(baseUrl, $"api/{Route}/{Uri.EscapeDataString(token)}/optout");

    public (CheckInTokenStatus Status, CheckInTokenClaims? Claims) Read(string? token, DateTimeOffset now) => tokens.Read(token, now);
}
