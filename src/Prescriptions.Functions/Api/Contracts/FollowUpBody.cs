namespace Prescriptions.Functions.Api.Contracts;

public sealed record FollowUpBody
{
    public string? Email { get; init; }
    public string? TimeZone { get; init; }
    public string? ReminderTime { get; init; }
    public int? CheckInEveryDays { get; init; }

    /// <summary>Greets the patient in messages; the only personal detail an email carries.</summary>
    public string? FirstName { get; init; }

    /// <summary>The language (BCP 47) the patient's emails, pages and handout are written in; a registered patient's own when left out.</summary>
    public string? PreferredLanguage { get; init; }
}
