using System.Text.Json.Serialization;
using Prescriptions.Domain.Readiness;

namespace Prescriptions.Domain.Assembly;

/// <summary>A draft program: the home exercises, the clinic techniques listed apart, the time a session takes, and warnings.</summary>
public sealed record AssembledProgram
{
    public required string ConditionId { get; init; }
    public required int Phase { get; init; }
    public required string LibraryVersion { get; init; }
    public required IReadOnlyList<PrescriptionItem> Items { get; init; }
    public required IReadOnlyList<PrescriptionItem> ClinicItems { get; init; }
    public required int EstimatedMinutesPerSession { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The condition's ICD-10 codes for the program's side (a right-sided program never carries the left-side code).</summary>
    public IReadOnlyList<string> Icd10Codes { get; init; } = [];

    /// <summary>The phase's entry criteria judged against the request's dates and measurements.</summary>
    public IReadOnlyList<CriterionReadiness> EntryCriteria { get; init; } = [];

    /// <summary>Why precautions beyond the phase's own still apply: each gate that time or a measurement has not lifted yet.</summary>
    public IReadOnlyList<string> HeldPrecautions { get; init; } = [];

    /// <summary>Entry criteria the evidence shows unmet: creating such a program needs an override with a reason.</summary>
    [JsonIgnore]
    public IEnumerable<CriterionReadiness> UnmetEntryCriteria => EntryCriteria.Where(c => c.Status == CriterionStatus.NotMet);
}
