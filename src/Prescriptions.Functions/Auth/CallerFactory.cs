using System.Security.Claims;
using Microsoft.Extensions.Options;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Auth;

/// <summary>
/// Turns a validated token into a <see cref="Caller"/>: subject, user or app, roles from the <c>roles</c>
/// claim, and clinics from configuration only (groups for users, client app id for apps).
/// </summary>
public sealed class CallerFactory(IOptionsMonitor<TenancyOptions> tenancy)
{
    public Caller Create(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var options = tenancy.CurrentValue;
        var roles = principal.FindAll(EntraClaims.Roles).Concat(principal.FindAll(ClaimTypes.Role))
            .Select(claim => claim.Value)
            .ToHashSet(StringComparer.Ordinal);
        var subject = First(principal, EntraClaims.ObjectId, EntraClaims.MappedObjectId, EntraClaims.Subject, ClaimTypes.NameIdentifier)
            ?? "unknown";

        var isApp = IsAppOnly(principal);
        IEnumerable<string> clinics;
        if (isApp)
        {
            var appId = First(principal, EntraClaims.AuthorizedParty, EntraClaims.AppId);
            clinics = appId is not null && options.AppClinics.TryGetValue(appId, out var mapped) ? TenancyOptions.Split(mapped) : [];
        }
        else
        {
            clinics = principal.FindAll(EntraClaims.Groups)
                .SelectMany(group => options.GroupClinics.TryGetValue(group.Value, out var mapped) ? TenancyOptions.Split(mapped) : []);
        }

        return new Caller(subject, isApp ? CallerKind.App : CallerKind.User, roles,
            [.. clinics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>App-only tokens say so with idtyp=app when configured; otherwise they are the ones without a scope.</summary>
    private static bool IsAppOnly(ClaimsPrincipal principal)
    {
        var identityType = principal.FindFirst(EntraClaims.IdentityType)?.Value;
        if (identityType is not null)
        {
            return identityType.Equals("app", StringComparison.OrdinalIgnoreCase);
        }

        return First(principal, EntraClaims.Scope, EntraClaims.MappedScope) is null;
    }

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
