namespace Prescriptions.Portal.Api;

/// <summary>How the patient is reached for reminders and check-ins (openapi.json's FollowUpRequest / FollowUp).</summary>
public sealed record FollowUpContact(string? Email, string TimeZone, string ReminderTime, int CheckInEveryDays, string? FirstName = null);
