using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The follow-up contact of a PUT as GET shows it; <c>optedOutAt</c> is the patient's and read-only.</summary>
public sealed record ReplaceFollowUpBody
{
    public string? Email { get; init; }
    public string? TimeZone { get; init; }
    public string? ReminderTime { get; init; }
    public int? CheckInEveryDays { get; init; }
    public string? FirstName { get; init; }
    public string? PreferredLanguage { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }

    public FollowUpBody ToFollowUpBody() => new()
    {
        Email = Email, TimeZone = TimeZone, ReminderTime = ReminderTime, CheckInEveryDays = CheckInEveryDays, FirstName = FirstName, PreferredLanguage = PreferredLanguage,
    };
}
