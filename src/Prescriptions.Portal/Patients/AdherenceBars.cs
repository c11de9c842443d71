using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Patients;

/// <summary>The adherence chart's bars: one per programme week, its height the week's percent (none when nothing was prescribed).</summary>
public static class AdherenceBars
{
    public const double PlotHeight = 100;

    public static IReadOnlyList<AdherenceBar> Of(AdherenceReport adherence)
    {
        ArgumentNullException.ThrowIfNull(adherence);
        return [.. adherence.Weeks.OrderBy(week => week.Week).Select(week => new AdherenceBar(
            week.Week,
            $"Week {week.Week}",
            week.Percent,
            week.Percent is { } percent ? PlotHeight * Math.Clamp(percent, 0, 100) / 100 : 0,
            $"{week.DoneSessions} of {week.PrescribedSessions} sessions"))];
    }
}
