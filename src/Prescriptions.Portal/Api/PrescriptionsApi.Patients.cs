using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescriptions.Portal.Api;

/// <summary>The patients screens and the patient page: a patient, their programs, and the active program's follow-up.</summary>
public partial class PrescriptionsApi
{
    /// <summary>Leaves out the members a form left empty (the API reads an absent member as "none").</summary>
    private static readonly JsonSerializerOptions Body = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The clinic's patients with this EHR id (at most one).</summary>
    public virtual Task<ApiPage<PatientSummary>> FindPatientsByExternalIdAsync(string externalId, CancellationToken cancellationToken = default) =>
        FirstPageAsync<PatientSummary>(ForClinic($"patients?externalId={Uri.EscapeDataString(externalId)}"), cancellationToken);

    public virtual Task<Versioned<PatientDetails>> PatientAsync(string patientId, CancellationToken cancellationToken = default) =>
        ReadVersionedAsync<PatientDetails>($"patients/{Uri.EscapeDataString(patientId)}", cancellationToken);

    /// <summary>Registers the patient with the chosen clinic.</summary>
    public virtual async Task<PatientDetails> RegisterPatientAsync(PatientInput patient, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("patients", patient with { ClinicId = patient.ClinicId ?? ClinicId }, Body, cancellationToken);
        return (await ReadAnswerAsync<PatientDetails>(response, cancellationToken)).Value;
    }

    /// <summary>Replaces the patient's details if they are still at <paramref name="eTag"/> (else a 412).</summary>
    public virtual async Task<Versioned<PatientDetails>> UpdatePatientAsync(string patientId, PatientInput patient, string eTag, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"patients/{Uri.EscapeDataString(patientId)}") { Content = JsonContent.Create(patient, options: Body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(eTag));
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAnswerAsync<PatientDetails>(response, cancellationToken);
    }

    /// <summary>The patient's programs, newest first, every page (within the patient's own clinic).</summary>
    public virtual Task<IReadOnlyList<ProgramOverview>> PatientProgramsAsync(string patientId, string clinicId, CancellationToken cancellationToken = default) =>
        AllPagesAsync<ProgramOverview>(ForClinic($"patients/{Uri.EscapeDataString(patientId)}/prescriptions", clinicId), cancellationToken);

    /// <summary>The patient's worklist lines: their programs with the condition's and phase's names.</summary>
    public virtual Task<IReadOnlyList<WorklistLine>> PatientLinesAsync(string patientId, string clinicId, CancellationToken cancellationToken = default) =>
        AllPagesAsync<WorklistLine>(ForClinic($"prescriptions?patientId={Uri.EscapeDataString(patientId)}", clinicId), cancellationToken);

    public virtual Task<Versioned<ProgramOverview>> FollowedProgramAsync(string prescriptionId, CancellationToken cancellationToken = default) =>
        ReadVersionedAsync<ProgramOverview>($"prescriptions/{Uri.EscapeDataString(prescriptionId)}", cancellationToken);

    public virtual Task<CheckInReport> CheckInsAsync(string prescriptionId, CancellationToken cancellationToken = default) =>
        ReadVersionlessAsync<CheckInReport>($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/checkins", cancellationToken);

    public virtual Task<ReadinessReport> ReadinessAsync(string prescriptionId, CancellationToken cancellationToken = default) =>
        ReadVersionlessAsync<ReadinessReport>($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/readiness", cancellationToken);

    public virtual async Task RecordMeasurementAsync(string prescriptionId, MeasurementInput measurement, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/measurements", measurement, Body, cancellationToken);
        await ApiAnswers.EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Moves the program to its next phase if it is still at <paramref name="eTag"/>.</summary>
    public virtual async Task<Versioned<ProgramOverview>> AdvanceAsync(string prescriptionId, AdvanceInput advance, string eTag, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"prescriptions/{Uri.EscapeDataString(prescriptionId)}/advance") { Content = JsonContent.Create(advance, options: Body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(eTag));
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAnswerAsync<ProgramOverview>(response, cancellationToken);
    }

    /// <summary>The program's audit trail, every page.</summary>
    public virtual Task<IReadOnlyList<AuditEntry>> HistoryAsync(string prescriptionId, CancellationToken cancellationToken = default) =>
        AllPagesAsync<AuditEntry>($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/history?pageSize=100", cancellationToken);

    private async Task<Versioned<T>> ReadVersionedAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ReadAnswerAsync<T>(response, cancellationToken);
    }

    private async Task<T> ReadVersionlessAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return (await ReadAnswerAsync<T>(response, cancellationToken)).Value;
    }

    /// <summary>A success's body with its ETag (empty when the route sends none); a refusal throws <see cref="ApiProblemException"/>.</summary>
    private static async Task<Versioned<T>> ReadAnswerAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ApiAnswers.EnsureSuccessAsync(response, cancellationToken);
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered no body.");
        return new Versioned<T>(value, response.Headers.ETag?.ToString() ?? string.Empty);
    }
}
