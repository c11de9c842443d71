using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Tests;

/// <summary>The API's answers as a test sets them, and the acknowledgements the component sent.</summary>
internal sealed partial class FakePrescriptionsApi() : PrescriptionsApi(new HttpClient())
{
    public List<WorklistLine> Attention { get; } = [];

    public List<WorklistLine> All { get; } = [];

    /// <summary>The clinic each worklist read asked for (null: the caller's only clinic).</summary>
    public List<string?> WorklistReads { get; } = [];

    public List<OpenAlert> Alerts { get; } = [];

    public List<string> Acknowledged { get; } = [];

    public List<PatientSummary> Patients { get; } = [];

    /// <summary>The queries the component searched with, in order.</summary>
    public List<string> Searches { get; } = [];

    public override Task<IReadOnlyList<WorklistLine>> WorklistAsync(bool attentionOnly, CancellationToken cancellationToken = default)
    {
        WorklistReads.Add(ClinicId);
        return Task.FromResult<IReadOnlyList<WorklistLine>>(attentionOnly ? [.. Attention] : [.. All]);
    }

    public override Task<IReadOnlyList<OpenAlert>> OpenAlertsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OpenAlert>>([.. Alerts]);

    public override Task AcknowledgeAsync(string alertId, CancellationToken cancellationToken = default)
    {
        Acknowledged.Add(alertId);
        return Task.CompletedTask;
    }

    public override Task<ApiPage<PatientSummary>> SearchPatientsAsync(string query, CancellationToken cancellationToken = default)
    {
        Searches.Add(query);
        return Task.FromResult(new ApiPage<PatientSummary>(
            [.. Patients.Where(patient => patient.GivenName.StartsWith(query, StringComparison.OrdinalIgnoreCase) || patient.FamilyName.StartsWith(query, StringComparison.OrdinalIgnoreCase))],
            ContinuationToken: null));
    }

    public static WorklistLine Line(string prescriptionId, string patient, params string[] openAlertKinds) => new(
        prescriptionId, "pt-" + prescriptionId, patient, "Lateral ankle sprain", 2, "Strength", "active", DaysInPhase: 5,
        AdherencePercent: 80, LastPain: 3, openAlertKinds, openAlertKinds);
}
