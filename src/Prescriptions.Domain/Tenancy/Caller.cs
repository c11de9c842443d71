namespace Prescriptions.Domain.Tenancy;

/// <summary>
/// Who is calling: a subject (user or app), the roles the token grants, and the clinics the
/// configuration gives them. Clinics never come from the request.
/// </summary>
public sealed record Caller(string Subject, CallerKind Kind, IReadOnlySet<string> Roles, IReadOnlyList<string> ClinicIds)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    public bool BelongsTo(string clinicId) => ClinicIds.Contains(clinicId, StringComparer.Ordinal);
}
