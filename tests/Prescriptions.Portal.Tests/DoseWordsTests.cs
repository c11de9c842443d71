using Prescriptions.Portal.Api;
using Prescriptions.Portal.Builder;

namespace Prescriptions.Portal.Tests;

/// <summary>A dose in the words a therapist reads aloud, never the API's member names.</summary>
public sealed class DoseWordsTests
{
    [Fact]
    public void Repetitions_with_hold_rest_and_days() =>
        Assert.Equal("3 sets of 12 repetitions, hold 5 seconds, rest 1 minute, 3 days a week",
            DoseWords.Of(new Dose { Sets = 3, Reps = 12, HoldSeconds = 5, RestSeconds = 60, DaysPerWeek = 3 }));

    [Fact]
    public void A_timed_set_on_each_side_every_day_twice_a_day() =>
        Assert.Equal("2 sets of 30 seconds on each side, 2 times a day, every day",
            DoseWords.Of(new Dose { Sets = 2, DurationSeconds = 30, Side = "eachSide", SessionsPerDay = 2, DaysPerWeek = 7 }));

    [Fact]
    public void Loads_effort_and_tempo_are_named()
    {
        Assert.Equal("1 set of 1 repetition, with a red band, 1 day a week",
            DoseWords.Of(new Dose { Reps = 1, Load = new DoseLoad("band", null, "red", null), DaysPerWeek = 1 }));
        Assert.Equal("3 sets of 8 repetitions, with 2.5 kg, tempo 3-1-1, effort 6/10, 3 days a week",
            DoseWords.Of(new Dose { Sets = 3, Reps = 8, Load = new DoseLoad("kg", 2.5, null, 2.5), Tempo = "3-1-1", Rpe = 6 }));
        Assert.Equal("1 set of 2 minutes, 3 days a week", DoseWords.Of(new Dose { DurationSeconds = 120 }));
    }
}
