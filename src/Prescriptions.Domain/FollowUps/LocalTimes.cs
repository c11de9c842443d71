namespace Prescriptions.Domain.FollowUps;

/// <summary>Turns a local date and wall-clock time in a time zone into an instant, across daylight-saving changes.</summary>
public static class LocalTimes
{
    /// <summary>
    /// The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>. A time that
    /// does not exist (the spring-forward gap) moves forward by the gap; a time that occurs twice (fall back)
    /// takes the first occurrence, so a reminder is never sent twice or skipped.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var rule = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= local && local <= r.DateEnd);
            local = local.Add(rule?.DaylightDelta ?? TimeSpan.FromHours(1));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
