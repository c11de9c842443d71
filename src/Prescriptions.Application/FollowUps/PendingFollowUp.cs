using Prescriptions.Application.Sweeps;
using Prescriptions.Domain.FollowUps;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// A planned message waiting in the schedule: which prescription it belongs to, how often sending it failed, when it
/// may be tried next (a failed send backs off; a sweep sending it holds it until its lease ends), and the stored
/// entry's ETag, so that every change to it is conditional and two sweeps never both take it.
/// </summary>
public sealed record PendingFollowUp(string ClinicId, string PrescriptionId, ScheduledFollowUp Message, int Attempts = 0) : ISweepWork
{
    /// <summary>Not tried before this instant; null means when due.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The version read from the schedule; null for an entry not yet stored.</summary>
    public string? ETag { get; init; }
}
