namespace Prescriptions.Application.Handouts;

/// <summary>
/// The <c>Clinics</c> section: what the app may print about a clinic. Tenancy knows clinics only by id, so a handout
/// names the clinic only when a display name is set here; otherwise it says <see cref="NeutralName"/>.
/// </summary>
public sealed class ClinicOptions
{
    public const string SectionName = "Clinics";

    /// <summary>What a handout says when the clinic has no display name.</summary>
    public const string NeutralName = "Your physiotherapy clinic";

    /// <summary>Clinic id -> the name patients know the clinic by (optional).</summary>
    public Dictionary<string, string> Names { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="Names"/> as one setting, <c>clinic-a=Riverside Physio;clinic-b=...</c> (how Azure app settings carry it).</summary>
    public string? NamesEntries { get; set; }

    public string NameOf(string clinicId) =>
        Names.TryGetValue(clinicId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : NeutralName;
}
