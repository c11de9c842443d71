namespace Prescriptions.Application.FollowUps;

/// <summary>What one sweep did: messages sent, to retry, failed for good, dropped (no longer planned), taken by another sweep, and no-check-in watches run.</summary>
public sealed record FollowUpSweep(int Sent, int Retrying, int Failed, int Dropped, int Skipped, int Watched);
