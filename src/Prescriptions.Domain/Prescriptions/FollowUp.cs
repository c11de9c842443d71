namespace Prescriptions.Domain.Prescriptions;

/// <summary>
/// How to reach the patient for reminders and check-ins: an email, their time zone, when to remind, how often to
/// ask, and the first name the messages greet them with (nothing clinical ever goes into an email).
/// </summary>
public sealed record FollowUp(string Email, string TimeZone, TimeOnly ReminderTime, int CheckInEveryDays)
{
    public string? FirstName { get; init; }

    /// <summary>The language (BCP 47) the patient reads: emails, pages and the handout use it, English when we do not ship it.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>When the patient used the opt-out link: no further email is sent (check-in links still work).</summary>
    public DateTimeOffset? OptedOutAt { get; init; }
}
