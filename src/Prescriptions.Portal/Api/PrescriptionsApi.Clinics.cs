using System.Net.Http.Json;

namespace Prescriptions.Portal.Api;

/// <summary>The caller's clinics and the one the clinic-wide routes (worklist, alerts, patients) act for.</summary>
public partial class PrescriptionsApi
{
    /// <summary>The clinic chosen in the clinic switcher; null lets the API take the caller's only clinic.</summary>
    public string? ClinicId { get; set; }

    /// <summary>GET /api/me: who the API takes the caller for, and their clinics.</summary>
    public virtual async Task<CallerProfile> MeAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<CallerProfile>("me", Json, cancellationToken) ?? throw new InvalidOperationException("GET me answered no body.");

    /// <summary>A clinic-wide route's path with the chosen clinic as its clinicId query parameter (the API's ClinicResolution).</summary>
    private string ForClinic(string path, string? clinicId = null) =>
        (clinicId ?? ClinicId) is { Length: > 0 } clinic
            ? $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}clinicId={Uri.EscapeDataString(clinic)}"
            : path;
}
