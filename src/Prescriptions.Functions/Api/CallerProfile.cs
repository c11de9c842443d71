using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Api;

/// <summary>Who the token says the caller is, and the clinics the configuration gives them (openapi.json's CallerProfile).</summary>
public sealed record CallerProfile(string Subject, CallerKind Kind, IReadOnlyList<string> Roles, IReadOnlyList<string> ClinicIds)
{
    public static CallerProfile Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new CallerProfile(caller.Subject, caller.Kind, [.. caller.Roles.Order(StringComparer.Ordinal)], caller.ClinicIds);
    }
}
