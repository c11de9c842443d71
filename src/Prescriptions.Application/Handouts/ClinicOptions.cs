namespace Prescriptions.Application.Handouts;

/// <summary>
/// The <c>Clinics</c> section: what the app may print about a clinic. Tenancy knows clinics only by id, so a handout
/// names the clinic only when a display name is set here; otherwise it says "your physiotherapy clinic" in the patient's
/// language (PatientTexts' <c>Handout_NeutralClinic</c>).
/// </summary>
public sealed class ClinicOptions
{
    public const string SectionName = "Clinics";

    /// <summary>Clinic id -> the name patients know the clinic by (optional).</summary>
    public Dictionary<string, string> Names { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="Names"/> as one setting, <c>clinic-a=Riverside Physio;clinic-b=...</c> (how Azure app settings carry it).</summary>
    public string? NamesEntries { get; set; }

    /// <summary>The clinic's display name, or null when none is set.</summary>
    public string? NameOf(string clinicId) =>
        Names.TryGetValue(clinicId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : null;
}
