namespace Prescriptions.Domain.Lifecycle;

/// <summary>
/// What a patient reports for one day (a second report that day replaces the first): sessions done since the last
/// check-in, pain now and during exercise on the 0-10 numeric rating scale, how hard it felt, and a comment.
/// </summary>
public sealed record CheckIn(
    DateOnly Date,
    int CompletedSessions,
    int PainNow,
    int PainDuringExercise,
    CheckInDifficulty Difficulty,
    DateTimeOffset ReceivedAt,
    string? Comment = null)
{
    public const int MaxPain = 10;
    public const int MaxCompletedSessions = 21;
    public const int MaxCommentLength = 1000;

    /// <summary>How far back a patient may report: the last seven days, today included (a forgotten day is still worth having).</summary>
    public const int MaxAgeDays = 6;

    /// <summary>Derived, so not stored or sent.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int WorstPain => Math.Max(PainNow, PainDuringExercise);
}
