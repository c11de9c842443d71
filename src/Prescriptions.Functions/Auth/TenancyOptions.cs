namespace Prescriptions.Functions.Auth;

/// <summary>
/// Which clinics a caller may act for. Users by Entra group: group object id -> clinic id(s).
/// Partner apps by client app id: app id -> clinic id(s). Several clinics are comma-separated.
/// </summary>
public sealed class TenancyOptions
{
    public const string SectionName = "Tenancy";

    public Dictionary<string, string> GroupClinics { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> AppClinics { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="GroupClinics"/> as one setting, <c>groupId=clinic-a,clinic-b;groupId=clinic-c</c> (how Azure app settings carry it).</summary>
    public string? GroupClinicsEntries { get; set; }

    /// <summary><see cref="AppClinics"/> as one setting, <c>appId=clinic-a;appId=clinic-b</c>.</summary>
    public string? AppClinicsEntries { get; set; }

    public static IReadOnlyList<string> Split(string? clinics) =>
        clinics?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
