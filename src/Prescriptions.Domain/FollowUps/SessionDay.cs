namespace Prescriptions.Domain.FollowUps;

/// <summary>The sessions a check-in reported for its day: all adherence needs of it.</summary>
public sealed record SessionDay(DateOnly Date, int Sessions);
