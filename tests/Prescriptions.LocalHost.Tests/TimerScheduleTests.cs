using Microsoft.Extensions.Configuration;
using Prescriptions.LocalHost.Timers;

namespace Prescriptions.LocalHost.Tests;

public sealed class TimerScheduleTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void Setting_reference_is_resolved_from_configuration()
    {
        var schedule = TimerSchedule.Parse("SendFollowUps", "%SendFollowUpsSchedule%", Settings(("SendFollowUpsSchedule", "0 */5 * * * *")));

        Assert.Equal("%SendFollowUpsSchedule%", schedule.Expression);
        Assert.Equal("0 */5 * * * *", schedule.Resolved);
        Assert.Equal(At(10, 5, 0), schedule.GetNextOccurrence(At(10, 3, 12)));
    }

    [Fact]
    public void Six_fields_include_seconds()
    {
        var schedule = TimerSchedule.Parse("Fast", "*/10 * * * * *", Settings());

        Assert.Equal(At(10, 0, 10), schedule.GetNextOccurrence(At(10, 0, 0)));
        Assert.Equal(At(10, 0, 20), schedule.GetNextOccurrence(At(10, 0, 10)));
    }

    [Fact]
    public void Occurrences_are_in_utc_whatever_the_offset_of_the_base_time()
    {
        var schedule = TimerSchedule.Parse("Nightly", "0 30 2 * * *", Settings());

        // 03:00+02:00 is 01:00 UTC: the next 02:30 UTC is the same day (read as local time, it would be the next day).
        var next = schedule.GetNextOccurrence(new DateTimeOffset(2030, 1, 1, 3, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(At(2, 30, 0), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void Missing_setting_fails_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("SendFollowUps", "%SendFollowUpsSchedule%", Settings()));

        Assert.Contains("'SendFollowUpsSchedule'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SendFollowUps'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("every five minutes")]
    [InlineData("00:05:00")]
    public void Anything_but_six_field_ncrontab_fails(string expression)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("Bad", expression, Settings()));

        Assert.Contains("six-field NCRONTAB", error.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int hour, int minute, int second) => new(2030, 1, 1, hour, minute, second, TimeSpan.Zero);
}
