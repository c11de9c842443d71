using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Prescriptions;

/// <summary>A stored program for one patient of one clinic, at one phase of one condition.</summary>
public sealed partial record Prescription
{
    public required string Id { get; init; }
    public required string ClinicId { get; init; }
    public required string PatientId { get; init; }
    public required string ConditionId { get; init; }
    public required int Phase { get; init; }
    public Side? Side { get; init; }
    public required PrescriptionStatus Status { get; init; }
    public required PatientConstraints Constraints { get; init; }

    /// <summary>The patient's other conditions whose precautions apply too.</summary>
    public IReadOnlyList<ConditionPhase> OtherConditions { get; init; } = [];
    public required IReadOnlyList<PrescriptionItem> Items { get; init; }
    public IReadOnlyList<PrescriptionItem> ClinicItems { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public required int EstimatedMinutesPerSession { get; init; }
    public required string LibraryVersion { get; init; }
    public DateOnly? StartDate { get; init; }

    /// <summary>The condition's ICD-10 codes for the program's side, as assembled.</summary>
    public IReadOnlyList<string> Icd10Codes { get; init; } = [];

    /// <summary>The day of surgery; time gates and entry criteria count from it.</summary>
    public DateOnly? SurgeryDate { get; init; }

    /// <summary>The day of the injury, for conditions without surgery.</summary>
    public DateOnly? InjuryDate { get; init; }
    public int? Weeks { get; init; }
    public string? ExternalId { get; init; }
    public FollowUp? FollowUp { get; init; }

    /// <summary>When the prescription was activated; the follow-up plan counts from here.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>When the current phase began (activation, then each advance); readiness counts days from here.</summary>
    public DateTimeOffset? PhaseStartedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    /// <summary>Increases by one with every stored change.</summary>
    public required int Version { get; init; }

    /// <summary>The same prescription holding an assembled (or reviewed) program.</summary>
    public Prescription WithProgram(AssembledProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return this with
        {
            Items = program.Items,
            ClinicItems = program.ClinicItems,
            Warnings = program.Warnings,
            EstimatedMinutesPerSession = program.EstimatedMinutesPerSession,
            LibraryVersion = program.LibraryVersion,
            Icd10Codes = program.Icd10Codes,
        };
    }

    /// <summary>The next stored version: who changed it and when.</summary>
    public Prescription ChangedBy(string subject, DateTimeOffset at) =>
        this with { UpdatedAt = at, UpdatedBy = subject, Version = Version + 1 };

    /// <summary>The most days a week any home exercise is prescribed: the days a patient is expected to train.</summary>
    public int TrainingDaysPerWeek() => Items.Select(i => i.Dose.DaysPerWeek).DefaultIfEmpty(0).Max();

    /// <summary>The most sessions a day any exercise is prescribed: a twice-a-day programme expects two sessions each training day.</summary>
    public int TrainingSessionsPerDay() => Items.Select(i => i.Dose.SessionsPerDay).DefaultIfEmpty(1).Max();

    /// <summary>
    /// When an activation at <paramref name="now"/> starts the phase: the start of the start date in the patient's time zone
    /// when that is still to come (the days before it are not the programme's), else now.
    /// </summary>
    public DateTimeOffset ProgrammeStartsAt(DateTimeOffset now)
    {
        var zone = FollowUp?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        if (StartDate is not { } start)
        {
            return now;
        }

        var midnight = start.ToDateTime(TimeOnly.MinValue);
        var startsAt = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        return startsAt > now ? startsAt : now;
    }

    /// <summary>The engine's request this prescription answers, for re-checks and re-assembly.</summary>
    public AssemblyRequest ToAssemblyRequest() =>
        new(ConditionId, Phase, Side, Constraints) { OtherConditions = OtherConditions, SurgeryDate = SurgeryDate, InjuryDate = InjuryDate };

    /// <summary>The engine's request as of a moment, with the evidence (measurements, check-ins) that gates are judged by.</summary>
    public AssemblyRequest ToAssemblyRequest(DateTimeOffset asOf, IReadOnlyList<Readiness.Evidence> evidence) =>
        ToAssemblyRequest() with { AsOf = asOf, Evidence = evidence };
}
