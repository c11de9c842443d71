using System.ComponentModel.DataAnnotations;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// The <c>Portal</c> section: where the therapists' portal is, so a clinic's alert email links to the patient's page
/// (<c>{BaseUrl}/patients/{patientId}</c>). Optional: without it the email names the patient but carries no link.
/// </summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The portal's absolute address, e.g. <c>https://portal.example.org</c>.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>The portal's page of a patient, or null when no portal address is set.</summary>
    public Uri? PatientPage(string patientId) =>
        string.IsNullOrWhiteSpace(BaseUrl) ? null : new Uri($"{BaseUrl.TrimEnd('/')}/patients/{Uri.EscapeDataString(patientId)}", UriKind.Absolute);
}
