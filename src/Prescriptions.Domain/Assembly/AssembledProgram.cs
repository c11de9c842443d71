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
}
