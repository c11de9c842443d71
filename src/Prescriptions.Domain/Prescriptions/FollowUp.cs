namespace Prescriptions.Domain.Prescriptions;

/// <summary>How to reach the patient for reminders and check-ins: an email, their time zone, when to remind, how often to ask.</summary>
public sealed record FollowUp(string Email, string TimeZone, TimeOnly ReminderTime, int CheckInEveryDays);
