namespace Prescriptions.Functions.Api.Contracts;

/// <summary>A patient's check-in, as JSON or as the form's fields (the same names).</summary>
public sealed record CheckInBody
{
    public string? Date { get; init; }
    public int? CompletedSessions { get; init; }
    public int? PainNow { get; init; }
    public int? PainDuringExercise { get; init; }
    public string? Difficulty { get; init; }
    public string? Comment { get; init; }
}
