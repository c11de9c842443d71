using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Patients;

namespace Prescriptions.Portal.Tests;

/// <summary>The charts come from the check-ins: a bar per programme week at its percent, pain oldest first placed by day, both with their figures as text.</summary>
public sealed class PatientChartsTests : PortalTestContext
{
    private static readonly AdherenceReport ThreeWeeks = new(3,
    [
        new WeekAdherence(2, new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 14), 1, 3, 33),
        new WeekAdherence(1, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7), 3, 3, 100),
        new WeekAdherence(3, new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 15), 0, 0, null),
    ], 4, 6, 67);

    private static readonly PatientCheckIn[] NewestFirst =
    [
        new(new DateOnly(2026, 11, 11), 2, 8, 9, "tooHard", "Swollen"),
        new(new DateOnly(2026, 11, 1), 1, 2, 3, "ok", null),
        new(new DateOnly(2026, 11, 3), 2, 4, 5, "ok", null),
    ];

    [Fact]
    public void A_bar_per_week_in_week_order_its_height_the_week_s_percent()
    {
        var bars = AdherenceBars.Of(ThreeWeeks);

        Assert.Equal([1, 2, 3], bars.Select(bar => bar.Week));
        Assert.Equal([100.0, 33.0, 0.0], bars.Select(bar => bar.Height));
        Assert.Null(bars[2].Percent);
        Assert.Equal("1 of 3 sessions", bars[1].Sessions);
    }

    [Fact]
    public void The_adherence_chart_draws_the_bars_and_states_each_week_in_words_and_in_a_table()
    {
        var chart = Render<AdherenceChart>(parameters => parameters.Add(p => p.Adherence, ThreeWeeks));

        Assert.Equal(["100", "33", ""], chart.FindAll("rect.bar").Select(bar => bar.GetAttribute("data-percent") ?? string.Empty));
        Assert.Contains("67 % overall", chart.Find("figcaption").TextContent, StringComparison.Ordinal);
        Assert.Equal("Week 1 100 %; Week 2 33 %; Week 3 nothing prescribed.", chart.Find("#adherence-summary").TextContent);
        Assert.Equal("adherence-caption adherence-summary", chart.Find("svg").GetAttribute("aria-labelledby"));
        Assert.Equal(3, chart.FindAll("tbody tr").Count);
    }

    [Fact]
    public void Pain_points_run_oldest_first_placed_by_their_day_higher_pain_drawn_higher()
    {
        var points = PainSeries.Of(NewestFirst);

        Assert.Equal([1, 3, 11], points.Select(point => point.Date.Day));
        Assert.Equal([0.0, 60.0, 300.0], points.Select(point => point.X));
        Assert.Equal([80.0, 60.0, 20.0], points.Select(point => point.YNow));
        Assert.Equal("0,80 60,60 300,20", PainSeries.Line(points, point => point.YNow));
    }

    [Fact]
    public void The_pain_chart_lists_each_check_in_oldest_first_and_says_the_latest()
    {
        var chart = Render<PainChart>(parameters => parameters.Add(p => p.CheckIns, NewestFirst));

        Assert.Equal(["2026-11-01", "2026-11-03", "2026-11-11"], chart.FindAll("tbody tr").Select(row => row.GetAttribute("data-day")));
        Assert.Contains("pain now 8/10, during exercise 9/10", chart.Find("#pain-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, chart.FindAll("polyline").Count);
    }

    [Fact]
    public void Without_check_ins_the_charts_say_so_instead_of_drawing_nothing()
    {
        var pain = Render<PainChart>(parameters => parameters.Add(p => p.CheckIns, []));
        var adherence = Render<AdherenceChart>(parameters => parameters.Add(p => p.Adherence, new AdherenceReport(3, [], 0, 0, null)));

        Assert.Contains("No check-in yet", pain.Markup, StringComparison.Ordinal);
        Assert.Empty(pain.FindAll("svg"));
        Assert.Contains("not started yet", adherence.Markup, StringComparison.Ordinal);
    }
}
