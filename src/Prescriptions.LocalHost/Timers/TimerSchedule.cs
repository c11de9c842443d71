using System.Text.RegularExpressions;
using NCrontab;

namespace Prescriptions.LocalHost.Timers;

/// <summary>A timer trigger's schedule: <c>%Setting%</c> references resolved from configuration, then parsed as six-field NCRONTAB.</summary>
public sealed partial class TimerSchedule
{
    private readonly CrontabSchedule crontab;

    private TimerSchedule(string expression, string resolved, CrontabSchedule crontab)
    {
        Expression = expression;
        Resolved = resolved;
        this.crontab = crontab;
    }

    /// <summary>The schedule as written in the attribute.</summary>
    public string Expression { get; }

    /// <summary>The expression after <c>%Setting%</c> substitution.</summary>
    public string Resolved { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC (the Functions host's default time zone).</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var next = crontab.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    /// <summary>Resolves and parses; throws <see cref="InvalidOperationException"/> naming the function when either step fails.</summary>
    public static TimerSchedule Parse(string functionName, string expression, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(configuration);

        // Like the Functions host's name resolver: each %Name% is replaced by the app setting Name.
        var resolved = SettingReference().Replace(expression, match =>
        {
            var setting = match.Groups["name"].Value;
            return configuration[setting] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException(
                    $"Timer function '{functionName}': schedule '{expression}' refers to setting '{setting}', which is not configured.");
        });

        var options = new CrontabSchedule.ParseOptions { IncludingSeconds = true };
        var crontab = CrontabSchedule.TryParse(resolved.Trim(), options)
            ?? throw new InvalidOperationException(
                $"Timer function '{functionName}': schedule '{resolved}' is not a six-field NCRONTAB expression (second minute hour day month day-of-week).");
        return new TimerSchedule(expression, resolved, crontab);
    }

    [GeneratedRegex("%(?<name>[^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex SettingReference();
}
