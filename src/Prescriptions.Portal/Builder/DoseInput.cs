using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Builder;

/// <summary>The members of a dose the builder's dose editor changes; the rest of the dose is kept as it was.</summary>
public sealed class DoseInput
{
    public int Sets { get; set; } = 1;
    public int? Reps { get; set; }
    public int? DurationSeconds { get; set; }
    public int? HoldSeconds { get; set; }
    public int DaysPerWeek { get; set; } = 3;

    /// <summary>A timed exercise (seconds per set) rather than a counted one (repetitions).</summary>
    public bool ByDuration { get; private init; }

    public static DoseInput From(Dose dose) => new()
    {
        Sets = dose.Sets ?? 1,
        Reps = dose.Reps,
        DurationSeconds = dose.DurationSeconds,
        HoldSeconds = dose.HoldSeconds,
        DaysPerWeek = dose.DaysPerWeek ?? 3,
        ByDuration = dose.Reps is null && dose.DurationSeconds is not null,
    };

    public Dose ApplyTo(Dose dose) => dose with
    {
        Sets = Sets,
        Reps = ByDuration ? null : Reps,
        DurationSeconds = ByDuration ? DurationSeconds : null,
        HoldSeconds = HoldSeconds,
        DaysPerWeek = DaysPerWeek,
    };
}
