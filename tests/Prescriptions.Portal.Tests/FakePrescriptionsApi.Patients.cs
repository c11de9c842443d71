using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Tests;

/// <summary>The patient page's and the clinic switcher's calls, answered from what a test sets, and the writes recorded.</summary>
internal sealed partial class FakePrescriptionsApi
{
    public CallerProfile Me { get; set; } = new("therapist-1", "user", ["Therapist"], ["clinic-a"]);

    public Dictionary<string, Versioned<PatientDetails>> PatientsById { get; } = [];

    public List<ProgramOverview> Programs { get; } = [];

    public Dictionary<string, CheckInReport> CheckIns { get; } = [];

    public Dictionary<string, ReadinessReport> Readiness { get; } = [];

    public List<AuditEntry> History { get; } = [];

    public List<PatientInput> Registered { get; } = [];

    public List<(string PatientId, PatientInput Patient, string ETag)> Updates { get; } = [];

    public List<(string PrescriptionId, MeasurementInput Measurement)> Measurements { get; } = [];

    public List<(string PrescriptionId, AdvanceInput Advance, string ETag)> Advances { get; } = [];

    /// <summary>When set, the next write (a patient's, an advance) is refused with this problem.</summary>
    public ApiProblem? RefuseNextWrite { get; set; }

    public override Task<CallerProfile> MeAsync(CancellationToken cancellationToken = default) => Task.FromResult(Me);

    public override Task<Versioned<PatientDetails>> PatientAsync(string patientId, CancellationToken cancellationToken = default) =>
        PatientsById.TryGetValue(patientId, out var patient)
            ? Task.FromResult(patient)
            : throw new ApiProblemException(new ApiProblem(null, "Not found.", 404, null, null));

    public override Task<PatientDetails> RegisterPatientAsync(PatientInput patient, CancellationToken cancellationToken = default)
    {
        RefuseWrite();
        Registered.Add(patient with { ClinicId = patient.ClinicId ?? ClinicId });
        return Task.FromResult(Details("pat_new", patient, version: 1));
    }

    public override Task<Versioned<PatientDetails>> UpdatePatientAsync(string patientId, PatientInput patient, string eTag, CancellationToken cancellationToken = default)
    {
        RefuseWrite();
        Updates.Add((patientId, patient, eTag));
        var updated = new Versioned<PatientDetails>(Details(patientId, patient, version: 2), "\"2\"");
        PatientsById[patientId] = updated;
        return Task.FromResult(updated);
    }

    public override Task<IReadOnlyList<ProgramOverview>> PatientProgramsAsync(string patientId, string clinicId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ProgramOverview>>([.. Programs.Where(program => program.PatientId == patientId)]);

    public override Task<IReadOnlyList<WorklistLine>> PatientLinesAsync(string patientId, string clinicId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorklistLine>>([.. All.Where(line => line.PatientId == patientId)]);

    public override Task<Versioned<ProgramOverview>> FollowedProgramAsync(string prescriptionId, CancellationToken cancellationToken = default)
    {
        var program = Programs.Single(program => program.Id == prescriptionId);
        return Task.FromResult(new Versioned<ProgramOverview>(program, $"\"{program.Version}\""));
    }

    public override Task<CheckInReport> CheckInsAsync(string prescriptionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(CheckIns.TryGetValue(prescriptionId, out var report)
            ? report with { Alerts = [.. report.Alerts.Select(alert => Acknowledged.Contains(alert.Id) ? alert with { Status = "acknowledged" } : alert)] }
            : new CheckInReport(prescriptionId, [], new AdherenceReport(0, [], 0, 0, null), []));

    public override Task<ReadinessReport> ReadinessAsync(string prescriptionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Readiness[prescriptionId]);

    public override Task RecordMeasurementAsync(string prescriptionId, MeasurementInput measurement, CancellationToken cancellationToken = default)
    {
        Measurements.Add((prescriptionId, measurement));
        return Task.CompletedTask;
    }

    public override Task<Versioned<ProgramOverview>> AdvanceAsync(string prescriptionId, AdvanceInput advance, string eTag, CancellationToken cancellationToken = default)
    {
        RefuseWrite();
        Advances.Add((prescriptionId, advance, eTag));
        var index = Programs.FindIndex(program => program.Id == prescriptionId);
        Programs[index] = Programs[index] with { Phase = Programs[index].Phase + 1, Version = Programs[index].Version + 1 };
        Readiness[prescriptionId] = Readiness[prescriptionId] with { Phase = Programs[index].Phase };
        return Task.FromResult(new Versioned<ProgramOverview>(Programs[index], $"\"{Programs[index].Version}\""));
    }

    public override Task<IReadOnlyList<AuditEntry>> HistoryAsync(string prescriptionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. History]);

    public static PatientDetails Details(string id, PatientInput patient, int version) => new(
        id, patient.ClinicId ?? "clinic-a", patient.GivenName, patient.FamilyName, patient.ExternalId, patient.BirthDate, patient.Email, patient.Phone, patient.PreferredLanguage, version);

    private void RefuseWrite()
    {
        if (RefuseNextWrite is { } problem)
        {
            RefuseNextWrite = null;
            throw new ApiProblemException(problem);
        }
    }
}
