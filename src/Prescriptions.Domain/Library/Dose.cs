using System.Text.Json.Serialization;

namespace Prescriptions.Domain.Library;

/// <summary>
/// How much of an exercise: sets of either repetitions or a duration (never both), with optional
/// hold, rest, load, effort, tempo, side and frequency.
/// </summary>
public sealed record Dose
{
    public int Sets { get; init; } = 1;
    public int? Reps { get; init; }
    public int? DurationSeconds { get; init; }
    public int? HoldSeconds { get; init; }
    public int? RestSeconds { get; init; }
    public Load? Load { get; init; }
    public int? Rpe { get; init; }

    /// <summary>An intensity target as heart-rate reserve, for walking and aerobic work where RPE alone is not enough.</summary>
    public HeartRateReserve? HeartRateReserve { get; init; }
    public string? Tempo { get; init; }
    public Side? Side { get; init; }
    public int SessionsPerDay { get; init; } = 1;
    public int DaysPerWeek { get; init; } = 3;

    /// <summary>
    /// Seconds one session of this dose takes: work (reps at about four seconds each, plus holds, or the
    /// duration) and rest between sets, doubled when each side is worked.
    /// </summary>
    [JsonIgnore]
    public int EstimatedSeconds
    {
        get
        {
            var perSet = DurationSeconds ?? ((Reps ?? 0) * (SecondsPerRep + (HoldSeconds ?? 0)));
            var rest = (RestSeconds ?? DefaultRestSeconds) * Math.Max(0, Sets - 1);
            var total = (perSet * Sets) + rest;
            return Side == Library.Side.EachSide ? total * 2 : total;
        }
    }

    private const int SecondsPerRep = 4;
    private const int DefaultRestSeconds = 30;
}
